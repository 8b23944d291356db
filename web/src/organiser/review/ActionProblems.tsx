import { Notice } from '../../components/Problems.tsx';
import { useI18n } from '../../i18n.ts';
import type { ActionError } from './action.ts';

/** A refused change: the server's message, and each problem it names under it. */
export const ActionProblems = ({ error, testId }: { error: ActionError | null; testId?: string }) => {
  const { pick } = useI18n();
  if (!error) return null;
  return (
    <Notice tone="error" testId={testId ?? 'review-error'}>
      {error.message}
      {error.problems.length > 0 && (
        <ul className="plain small">
          {error.problems.map((p, i) => (
            <li key={`${p.code}-${i}`} data-code={p.code}>
              {pick(p.message)}
            </li>
          ))}
        </ul>
      )}
    </Notice>
  );
};
