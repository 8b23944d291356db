import type { ContestView, RegistrationView } from '../api/types.ts';
import { Badge, DemoBadge } from '../components/Badge.tsx';
import { useI18n } from '../i18n.ts';
import { formatStamp } from '../lib/format.ts';

const entrantOf = (r: RegistrationView) => {
  if (r.entrantKind === 'organisation') return r.organisations.find((o) => o.isLead)?.name ?? r.organisations[0]?.name ?? r.leader.name;
  if (r.entrantKind === 'team') return r.teamName ? `${r.teamName} · ${r.leader.name}` : r.leader.name;
  return r.leader.name;
};

/** The registrations as a table that scrolls sideways on a phone. */
export const RegistrationsTable = ({ contest, registrations }: { contest: ContestView; registrations: RegistrationView[] }) => {
  const { t, name, lang } = useI18n();
  if (registrations.length === 0) return <p className="empty" data-testid="registrations-empty">{t('organiser.none')}</p>;
  const hasTopics = contest.tracks.some((track) => track.topics.length > 0);
  const hasZones = contest.zones.length > 0;
  return (
    <div className="table-scroll" tabIndex={0} aria-label={t('organiser.registrations')}>
      <table className="table registrations" data-testid="registrations-table">
        <thead>
          <tr>
            <th>{t('organiser.ref')}</th>
            <th>{t('form.title')}</th>
            <th>{t('organiser.entrant')}</th>
            <th>{t('registration.division')}</th>
            {hasTopics && <th>{t('form.topic')}</th>}
            {hasZones && <th>{t('form.zone')}</th>}
            <th className="num">{t('organiser.people')}</th>
            <th>{t('organiser.status')}</th>
            <th>{t('organiser.created')}</th>
          </tr>
        </thead>
        <tbody>
          {registrations.map((r) => (
            <tr key={r.id} data-testid={`registration-row-${r.ref}`} className={r.status === 'withdrawn' ? 'is-withdrawn' : undefined}>
              <td className="ref nowrap">
                {r.ref}
                {r.isDemo && (
                  <>
                    <br />
                    <DemoBadge />
                  </>
                )}
              </td>
              <td>{r.title}</td>
              <td>
                <span className="muted small">{t(`entrantKind.${r.entrantKind}`)}</span>
                <br />
                {entrantOf(r)}
              </td>
              <td>{name(r.division)}</td>
              {hasTopics && <td>{r.topic ? name(r.topic) : '—'}</td>}
              {hasZones && <td>{r.zone ? name(r.zone) : '—'}</td>}
              <td className="num" data-testid="people-count">
                {1 + r.members.length}
                {r.advisors.length > 0 && <span className="muted small"> +{r.advisors.length}</span>}
              </td>
              <td>
                <Badge tone={r.status === 'active' ? 'open' : 'closed'}>{t(`registrationStatus.${r.status}`)}</Badge>
              </td>
              <td className="nowrap">{formatStamp(r.createdAt, lang, contest.timeZone)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
