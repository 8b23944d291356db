import { useI18n } from '../i18n.ts';

/** 已提交 7 / 12, with a bar: how far a judge is through a round. */
export const Progress = ({ submitted, total, testId }: { submitted: number; total: number; testId?: string }) => {
  const { t } = useI18n();
  const label = t('judge.progress', { submitted, total });
  const percent = total > 0 ? Math.round((submitted / total) * 100) : 0;
  return (
    <div className="judge-progress" data-testid={testId ?? 'judge-progress'}>
      <span className="small">{label}</span>
      <div className="meter" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={submitted} aria-label={label}>
        <div className="meter-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
};
