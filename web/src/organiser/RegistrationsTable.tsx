import { Fragment, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ContestView, RegistrationView } from '../api/types.ts';
import { Badge, DemoBadge } from '../components/Badge.tsx';
import { Button } from '../components/Button.tsx';
import { Contact } from '../components/Contact.tsx';
import { useI18n } from '../i18n.ts';
import { formatStamp } from '../lib/format.ts';
import { contactLine } from '../lib/people.ts';
import { sortedBy, type SortColumn } from './filters.ts';
import { RevealDialog } from './RevealDialog.tsx';

/** A column header that sorts the table by its column (server-side, over every page), saying which way it sorts now. */
const SortHeader = ({ column, children }: { column: SortColumn; children: ReactNode }) => {
  const { t } = useI18n();
  const [search] = useSearchParams();
  const active = (search.get('sort') ?? 'ref') === column;
  const order = search.get('order') === 'desc' ? 'descending' : 'ascending';
  return (
    <th aria-sort={active ? order : 'none'}>
      <Link to={sortedBy(search, column)} title={t('organiser.sortBy')} data-testid={`sort-${column}`}>
        {children}
        {active && (order === 'ascending' ? ' ↑' : ' ↓')}
      </Link>
    </th>
  );
};

const entrantOf = (r: RegistrationView) => {
  if (r.entrantKind === 'organisation') return r.organisations.find((o) => o.isLead)?.name ?? r.organisations[0]?.name ?? r.leader.name;
  if (r.entrantKind === 'team') return r.teamName ? `${r.teamName} · ${r.leader.name}` : r.leader.name;
  return r.leader.name;
};

/** An entry's people as revealed, one line each: role, name, then phone, email and ID number in full. */
const RevealedPeople = ({ r }: { r: RegistrationView }) => {
  const { t } = useI18n();
  const people = [
    { role: t('form.leader'), person: r.leader },
    ...r.members.map((person) => ({ role: t('form.member'), person })),
    ...r.advisors.map((person) => ({ role: t('form.advisor'), person })),
  ];
  return (
    <div data-testid="revealed-people">
      <p className="small">{t('reveal.people', { ref: r.ref })}</p>
      <ul className="people">
        {people.map(({ role, person }, i) => (
          <li key={i} className="person">
            <span className="person-role">{role}</span>
            <span className="person-name">{person.name}</span>
            <span className="person-contact">{contactLine(person) ? <Contact person={person} /> : '—'}</span>
          </li>
        ))}
      </ul>
    </div>
  );
};

/**
 * The registrations as a table that scrolls sideways on a phone; people's data masked until an
 * organiser's audited reveal (`mayReveal`: a zone coordinator has none).
 */
export const RegistrationsTable = ({ contest, registrations, mayReveal }: { contest: ContestView; registrations: RegistrationView[]; mayReveal: boolean }) => {
  const { t, name, lang } = useI18n();
  const [asking, setAsking] = useState<RegistrationView | null>(null);
  const [revealed, setRevealed] = useState<Record<string, RegistrationView>>({});
  if (registrations.length === 0)
    return (
      <p className="empty" data-testid="registrations-empty">
        {t('organiser.none')}
      </p>
    );
  const hasTopics = contest.tracks.some((track) => track.topics.length > 0);
  const hasZones = contest.zones.length > 0;
  const hasEntrySchools = contest.tracks.some((track) => [...track.groups, ...track.categories].some((sub) => sub.entrySchool));
  return (
    <div className="table-scroll" tabIndex={0} aria-label={t('organiser.registrations')}>
      <table className="table registrations" data-testid="registrations-table">
        <thead>
          <tr>
            <SortHeader column="ref">{t('organiser.ref')}</SortHeader>
            <SortHeader column="title">{t('form.title')}</SortHeader>
            <th>{t('organiser.entrant')}</th>
            <th>{t('registration.division')}</th>
            {hasTopics && <th>{t('form.topic')}</th>}
            {hasZones && <th>{t('form.zone')}</th>}
            {hasEntrySchools && <th>{t('registration.entrySchool')}</th>}
            <th className="num">{t('organiser.people')}</th>
            <th>{t('organiser.status')}</th>
            <SortHeader column="created">{t('organiser.created')}</SortHeader>
            {mayReveal && <th>{t('organiser.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {registrations.map((r) => (
            <Fragment key={r.id}>
              <tr data-testid={`registration-row-${r.ref}`} className={r.status === 'withdrawn' ? 'is-withdrawn' : undefined}>
                <td className="ref nowrap">
                  {r.ref}
                  {r.isDemo && (
                    <>
                      <br />
                      <DemoBadge />
                    </>
                  )}
                </td>
                <td>
                  <Link to={`/organiser/registrations/${r.id}`} data-testid="registration-open">
                    {r.title}
                  </Link>
                </td>
                <td>
                  <span className="muted small">{t(`entrantKind.${r.entrantKind}`)}</span>
                  <br />
                  {entrantOf(r)}
                </td>
                <td>{name(r.division)}</td>
                {hasTopics && <td>{r.topic ? name(r.topic) : '—'}</td>}
                {hasZones && <td>{r.zone ? name(r.zone) : '—'}</td>}
                {hasEntrySchools && <td data-testid="entry-school">{r.entrySchool ?? '—'}</td>}
                <td className="num" data-testid="people-count">
                  {1 + r.members.length}
                  {r.advisors.length > 0 && <span className="muted small"> +{r.advisors.length}</span>}
                </td>
                <td>
                  <Badge tone={r.status === 'active' ? 'open' : 'closed'}>{t(`registrationStatus.${r.status}`)}</Badge>
                </td>
                <td className="nowrap">{formatStamp(r.createdAt, lang, contest.timeZone)}</td>
                {mayReveal && (
                  <td>
                    {!revealed[r.id] && (
                      <Button variant="secondary" onClick={() => setAsking(r)} data-testid="reveal-open">
                        {t('reveal.button')}
                      </Button>
                    )}
                  </td>
                )}
              </tr>
              {revealed[r.id] && (
                <tr className="revealed">
                  <td colSpan={99}>
                    <RevealedPeople r={revealed[r.id]} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      <RevealDialog registration={asking} onRevealed={(full) => setRevealed((current) => ({ ...current, [full.id]: full }))} onClose={() => setAsking(null)} />
    </div>
  );
};
