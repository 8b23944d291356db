import type { JudgingRound, ScoreView } from '../api/judging.ts';
import { Notice } from '../components/Problems.tsx';
import { useI18n } from '../i18n.ts';

/** A submitted score as it stands: final for the judge, reopened only by the organiser. */
export const SubmittedScore = ({ round, score }: { round: JudgingRound; score: ScoreView }) => {
  const { t, name } = useI18n();
  return (
    <section className="score-sheet card" aria-labelledby="score-heading" data-testid="submitted-score">
      <h2 id="score-heading">{t('judge.score.title')}</h2>
      <Notice testId="score-submitted">{t('judge.submitted')}</Notice>
      <dl className="facts">
        {round.rubric.map((criterion) => (
          <div key={criterion.id}>
            <dt>{name(criterion)}</dt>
            <dd>{score.criteria[criterion.id] ?? '—'}</dd>
          </div>
        ))}
        <div>
          <dt>{round.rubric.length > 0 ? t('judge.score.total') : t('judge.score.directTotal')}</dt>
          <dd data-testid="submitted-total">
            <strong>{score.total ?? '—'}</strong>
          </dd>
        </div>
        {score.comment && (
          <div>
            <dt>{t('judge.score.comment')}</dt>
            <dd className="judge-text">{score.comment}</dd>
          </div>
        )}
      </dl>
    </section>
  );
};
