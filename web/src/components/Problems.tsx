import type { ReactNode } from 'react';
import type { Problem } from '../api/types.ts';
import { useI18n } from '../i18n.ts';

/** The server's refusals shown beside a field (or at the top of a form), in the reader's language. */
export const FieldProblems = ({ problems, id }: { problems?: Problem[]; id?: string }) => {
  const { pick } = useI18n();
  if (!problems || problems.length === 0) return null;
  return (
    <ul className="field-problems" id={id} role="alert">
      {problems.map((p, i) => (
        <li key={`${p.code}-${i}`} data-code={p.code}>
          {pick(p.message)}
        </li>
      ))}
    </ul>
  );
};

export const ErrorSummary = ({
  title,
  problems,
  testId,
  hrefOf,
}: {
  title?: string;
  problems: Problem[];
  testId?: string;
  /** Where a problem's field is (`#f-leader-phone`), to jump to it from the summary. */
  hrefOf?: (problem: Problem) => string | undefined;
}) => {
  const { pick, t } = useI18n();
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" role="alert" data-testid={testId ?? 'form-problems'} tabIndex={-1}>
      <h2>{title ?? t('form.problemsTitle')}</h2>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.code}-${i}`} data-code={p.code}>
            {hrefOf?.(p) ? <a href={hrefOf(p)}>{pick(p.message)}</a> : pick(p.message)}
          </li>
        ))}
      </ul>
    </div>
  );
};

export const Notice = ({ tone = 'success', children, testId }: { tone?: 'success' | 'info' | 'error'; children: ReactNode; testId?: string }) => (
  <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
    {children}
  </div>
);
