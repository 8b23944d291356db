import type { ContestView } from '../../api/types.ts';
import { useI18n } from '../../i18n.ts';
import { Table } from '../../components/Table.tsx';

/** How entries are judged, where the contest publishes weights; nothing when it does not. */
export const ReviewSection = ({ contest }: { contest: ContestView }) => {
  const { t, name } = useI18n();
  const rounds = contest.review.rounds;
  if (rounds.length === 0) return null;
  return (
    <section id="review" className="section">
      <h2>{t('contest.review')}</h2>
      {rounds.map((round) => (
        <div key={round.id} className="card review-round">
          <h3>
            {name(round)}
            {round.mode && <span className="badge badge-neutral">{t(`review.${round.mode}`)}</span>}
          </h3>
          <p>
            {round.weights.publicVote > 0
              ? t('review.weightsWithVote', { judges: round.weights.judges, vote: round.weights.publicVote })
              : t('review.judgesOnly')}
          </p>
          {round.rubric && round.rubric.length > 0 && (
            <Table
              heads={
                <>
                  <th>{t('review.criterion')}</th>
                  <th className="num">{t('review.weight')}</th>
                </>
              }
            >
              {round.rubric.map((c) => (
                <tr key={c.id}>
                  <td>{name(c)}</td>
                  <td className="num">{c.weight}%</td>
                </tr>
              ))}
            </Table>
          )}
          {round.advance?.perDivision && <p className="muted small">{t('review.advancePerDivision', { n: round.advance.perDivision })}</p>}
          {round.advance?.total && <p className="muted small">{t('review.advanceTotal', { n: round.advance.total })}</p>}
        </div>
      ))}
    </section>
  );
};
