import type { AwardGiven, ContestView, DivisionResults } from '../../api/types.ts';
import { Badge } from '../../components/Badge.tsx';
import { Table } from '../../components/Table.tsx';
import { useI18n } from '../../i18n.ts';
import { formatCny } from '../../lib/format.ts';
import { openPlaces, rankingRows, scoreText, tierNameOf, type EntryLabel } from './ranking.ts';

/**
 * One division's ranking as the engine computed it: rank (并列 where the definition's rule cannot
 * separate entries), the round score and its parts, advancement and awards, then the places left
 * empty (空缺) or waiting on a tie.
 */
export const RankingTable = ({
  contest,
  division,
  contestAwards,
  labels,
  countsVotes,
}: {
  contest: ContestView;
  division: DivisionResults;
  contestAwards: AwardGiven[];
  labels: Record<string, EntryLabel>;
  countsVotes: boolean;
}) => {
  const { t, name } = useI18n();
  const rows = rankingRows(division, contestAwards, labels);
  const places = openPlaces(division.vacancies);
  if (rows.length === 0) return <p className="empty">{t('review.ranking.noEntries')}</p>;
  return (
    <>
      <Table
        className="compact ranking-table"
        testId={`ranking-${division.id}`}
        heads={
          <>
            <th className="num">{t('review.ranking.rank')}</th>
            <th>{t('organiser.ref')}</th>
            <th>{t('review.assignment.entry')}</th>
            <th className="num">{t('review.ranking.score')}</th>
            <th className="num">{t('review.ranking.judgeScore')}</th>
            {countsVotes && <th className="num">{t('review.ranking.voteScore')}</th>}
            <th>{t('review.ranking.advances')}</th>
            <th>{t('review.ranking.awards')}</th>
          </>
        }
      >
        {rows.map((row) => (
          <tr key={row.id} data-testid="ranking-row" data-ref={row.ref}>
            <td className="num">
              {row.rank ?? '—'}
              {row.tied && (
                <>
                  {' '}
                  <Badge tone="warn">{t('review.ranking.tied')}</Badge>
                </>
              )}
            </td>
            <td className="ref nowrap">{row.ref}</td>
            <td>{row.title}</td>
            <td className="num">
              <strong>{scoreText(row.score)}</strong>
            </td>
            <td className="num">
              {scoreText(row.judgeScore)}
              <div className="muted small">{t('review.ranking.judgesCounted', { n: row.judges })}</div>
            </td>
            {countsVotes && (
              <td className="num">
                {scoreText(row.voteScore)}
                <div className="muted small">{t('review.ranking.votes', { n: row.votes })}</div>
              </td>
            )}
            <td>{row.advances && <Badge tone="open">{t('review.ranking.advancesYes')}</Badge>}</td>
            <td>
              {row.awards.map((award) => (
                <div key={award.tier} data-testid="ranking-award">
                  {award.name}
                  {award.prizeCny > 0 && <span className="muted small"> {formatCny(award.prizeCny)}</span>}
                </div>
              ))}
            </td>
          </tr>
        ))}
      </Table>
      {places.length > 0 && (
        <ul className="plain small" data-testid="vacancies">
          {places.map((v) => (
            <li key={v.tier}>
              {t('review.ranking.places', {
                tier: name(tierNameOf(contest, v.tier)),
                places: [v.empty > 0 && t('review.ranking.vacant', { n: v.empty }), v.undecided > 0 && t('review.ranking.undecided', { n: v.undecided })]
                  .filter(Boolean)
                  .join(t('review.ranking.and')),
              })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
};
