import type { ContestView, RegistrationCounts } from '../api/types.ts';
import { useI18n } from '../i18n.ts';

/** Registrations counted in total, by division and by zone (赛区), as the server counts them. */
export const CountsPanel = ({ contest, counts }: { contest: ContestView; counts: RegistrationCounts }) => {
  const { t, name } = useI18n();
  const divisionName = (id: string, fallback: string) => {
    const division = contest.divisions.find((d) => d.id === id);
    return division ? name(division) : fallback;
  };
  const zoneName = (id: string, fallback: string) => {
    const zone = contest.zones.find((z) => z.id === id);
    return zone ? name(zone) : fallback;
  };
  return (
    <section className="counts" aria-label={t('organiser.counts')}>
      <div className="count-total card">
        <span className="count-label">{t('organiser.total')}</span>
        <strong className="count-number" data-testid="count-total">
          {counts.total}
        </strong>
      </div>
      <div className="card count-table">
        <h2>{t('organiser.byDivision')}</h2>
        <table className="table compact">
          <tbody>
            {counts.byDivision.map((d) => (
              <tr key={d.divisionId}>
                <th scope="row">{divisionName(d.divisionId, d.name)}</th>
                <td className="num" data-testid={`count-division-${d.divisionId}`}>
                  {d.count}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {counts.byZone.length > 0 && (
        <div className="card count-table">
          <h2>{t('organiser.byZone')}</h2>
          <table className="table compact">
            <tbody>
              {counts.byZone.map((z) => (
                <tr key={z.zoneId}>
                  <th scope="row">{zoneName(z.zoneId, z.name)}</th>
                  <td className="num" data-testid={`count-zone-${z.zoneId}`}>
                    {z.count}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
