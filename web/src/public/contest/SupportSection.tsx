import type { ContestView } from '../../api/types.ts';
import { useI18n } from '../../i18n.ts';
import { formatCny } from '../../lib/format.ts';

type Measure = NonNullable<ContestView['support']>['measures'][number];

const MeasureItem = ({ measure }: { measure: Measure }) => {
  const { t, name } = useI18n();
  return (
    <li data-testid={`support-${measure.id}`}>
      <strong>{name(measure)}</strong>
      <p>{measure.text}</p>
      {measure.loanLimits && (
        <dl className="facts">
          {measure.loanLimits.map((limit) => (
            <div key={limit.borrower}>
              <dt>{limit.borrower}</dt>
              <dd className="money">{t('support.upTo', { amount: formatCny(limit.maxCny) })}</dd>
            </div>
          ))}
        </dl>
      )}
      {measure.interestSubsidy && <p className="muted small">{t('support.interestSubsidy', { text: measure.interestSubsidy })}</p>}
    </li>
  );
};

/** 政策扶持: what the organisers offer after the contest. */
export const SupportSection = ({ contest }: { contest: ContestView }) => {
  const { t } = useI18n();
  const { support } = contest;
  if (!support) return null;
  return (
    <section id="support" className="section">
      <h2>{t('contest.support')}</h2>
      <div className="card">
        {support.summary && <p>{support.summary}</p>}
        <ol className="notes">
          {support.measures.map((measure) => (
            <MeasureItem key={measure.id} measure={measure} />
          ))}
        </ol>
      </div>
    </section>
  );
};
