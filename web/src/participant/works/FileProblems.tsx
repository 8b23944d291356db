import type { CheckProblem } from '../../api/types.ts';
import { useI18n } from '../../i18n.ts';

/** A file's problems: errors (refused) in red, warnings (shown, not refused) in amber. */
export const CheckProblems = ({ problems, testId }: { problems: CheckProblem[]; testId?: string }) => {
  const { pick } = useI18n();
  if (problems.length === 0) return null;
  return (
    <ul className="check-problems" data-testid={testId}>
      {problems.map((p, i) => (
        <li key={`${p.code}-${i}`} className={`problem-${p.severity ?? 'error'}`} data-code={p.code} data-severity={p.severity ?? 'error'}>
          {pick(p.message)}
        </li>
      ))}
    </ul>
  );
};
