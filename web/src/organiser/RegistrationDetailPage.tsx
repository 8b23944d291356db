import { useState } from 'react';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { registrations, works as worksApi } from '../api/index.ts';
import type { PersonView, RegistrationView } from '../api/types.ts';
import { Badge, DemoBadge } from '../components/Badge.tsx';
import { RegistrationFacts } from '../components/RegistrationFacts.tsx';
import { Button } from '../components/Button.tsx';
import { Contact } from '../components/Contact.tsx';
import { useI18n } from '../i18n.ts';
import { withLogin } from '../lib/guard.ts';
import { StageLine } from '../participant/works/StageLine.tsx';
import { StatusBadge } from '../participant/works/StatusBadge.tsx';
import { inStageOrder } from '../participant/works/stages.ts';
import { RevealDialog } from './RevealDialog.tsx';

export const loader = async ({ params, request }: LoaderFunctionArgs) =>
  withLogin(request, async () => {
    const [{ registration }, { works }] = await Promise.all([registrations.get(params.id!, request.signal), worksApi.get(params.id!, request.signal)]);
    return { registration, works };
  });

const PersonRow = ({ role, person }: { role: string; person: PersonView }) => {
  const { t } = useI18n();
  return (
    <tr data-testid="detail-person">
      <td>{role}</td>
      <td>{person.name || '—'}</td>
      <td>{[person.school, person.employer].filter(Boolean).join(' · ') || '—'}</td>
      <td className="person-contact">{person.phone || person.email || person.idNumber ? <Contact person={person} /> : '—'}</td>
      <td>
        <Badge tone={person.status === 'confirmed' ? 'open' : 'warn'}>{t(`personStatus.${person.status}`)}</Badge>
      </td>
    </tr>
  );
};

const People = ({ r }: { r: RegistrationView }) => {
  const { t } = useI18n();
  const leaderRole = r.entrantKind === 'organisation' ? t('form.contact') : r.entrantKind === 'team' ? t('form.leader') : t('form.entrant');
  return (
    <div className="table-scroll" tabIndex={0}>
      <table className="table" data-testid="detail-people">
        <thead>
          <tr>
            <th>{t('organiser.role')}</th>
            <th>{t('organiser.name')}</th>
            <th>
              {t('organiser.school')} / {t('organiser.employer')}
            </th>
            <th>{t('organiser.contact')}</th>
            <th>{t('organiser.status')}</th>
          </tr>
        </thead>
        <tbody>
          <PersonRow role={leaderRole} person={r.leader} />
          {r.members.map((p, i) => (
            <PersonRow key={`m${i}`} role={t('form.member')} person={p} />
          ))}
          {r.advisors.map((p, i) => (
            <PersonRow key={`a${i}`} role={t('form.advisor')} person={p} />
          ))}
        </tbody>
      </table>
    </div>
  );
};

/** One registration as its organiser (or zone coordinator) sees it: the team, its people masked until an audited reveal, and its works. */
export const Component = () => {
  const loaded = useLoaderData<typeof loader>();
  const { works } = loaded;
  const { t } = useI18n();
  const [r, setR] = useState(loaded.registration);
  const [asking, setAsking] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const items = inStageOrder([...works.files, ...works.fields]);
  return (
    <div data-testid="registration-detail">
      <p className="breadcrumb">
        <Link to={`/organiser/contests/${r.contestId}`}>← {t('organiser.back')}</Link>
      </p>
      <div className="card-badges">
        <Badge tone={r.status === 'active' ? 'open' : 'closed'}>{t(`registrationStatus.${r.status}`)}</Badge>
        <Badge>{t(`entrantKind.${r.entrantKind}`)}</Badge>
        {r.isDemo && <DemoBadge />}
      </div>
      <h1 data-testid="detail-title">{r.title}</h1>
      <p className="muted">
        <span className="ref">{r.ref}</span> · {r.contestName}
      </p>
      <RegistrationFacts registration={r} stamp={{ label: t('organiser.created'), at: r.createdAt }} />

      <section className="section">
        <h2>{t('organiser.peopleTitle')}</h2>
        {revealed ? (
          <p className="small" data-testid="revealed-people">
            {t('reveal.people', { ref: r.ref })}
          </p>
        ) : (
          r.can.reveal && (
            <Button variant="secondary" onClick={() => setAsking(true)} data-testid="reveal-open">
              {t('reveal.button')}
            </Button>
          )
        )}
        <People r={r} />
      </section>

      <section className="section" data-testid="detail-works" data-complete={String(works.complete)}>
        <h2>{t('organiser.worksStatus')}</h2>
        {items.length === 0 ? (
          <p className="empty">{t('worksPage.nothing')}</p>
        ) : (
          <ul className="works-list">
            {items.map((item) => (
              <li key={item.requirement.id} className="works-item" data-testid="detail-works-item">
                <StatusBadge status={item.status} /> {item.requirement.name}
                <StageLine stage={item.stage} timeZone={works.timeZone} />
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={`/registrations/${r.id}/works`}>{t('organiser.worksOpen')} →</Link>
        </p>
      </section>

      <RevealDialog
        registration={asking ? r : null}
        onRevealed={(full) => {
          setR(full);
          setRevealed(true);
        }}
        onClose={() => setAsking(false)}
      />
    </div>
  );
};
