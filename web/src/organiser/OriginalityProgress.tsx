import { useEffect, useState } from 'react';
import { contests } from '../api/index.ts';
import type { OriginalityProgress as Progress } from '../api/types.ts';
import { useI18n } from '../i18n.ts';

/** How often the page asks how far the report is: the server updates it at most every 200 ms. */
const pollMs = 700;

/**
 * 比对中…: shown while the originality report is computed, which takes seconds on a contest of many
 * images of one template; it asks the server how far the comparison is (queued, or N of M candidate
 * pairs checked), so the organiser sees it move rather than a frozen page.
 */
export const OriginalityProgress = ({ contestId }: { contestId: string }) => {
  const { t } = useI18n();
  const [progress, setProgress] = useState<Progress>(null);
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      timer = setTimeout(() => {
        contests
          .originalityProgress(contestId, controller.signal)
          .then((reply) => setProgress(reply.progress))
          // A failed poll only leaves the last progress shown; the report's own request says what went wrong.
          .catch(() => {})
          .finally(() => {
            if (!controller.signal.aborted) poll();
          });
      }, pollMs);
    };
    poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [contestId]);
  const comparing = progress?.state === 'comparing' && progress.candidates > 0 ? progress : null;
  const percent = comparing ? Math.floor((comparing.checked / comparing.candidates) * 100) : 0;
  return (
    <div role="status" data-testid="originality-progress">
      <p className="muted">
        {progress?.state === 'queued'
          ? t('originality.queued', { n: progress.ahead })
          : comparing
            ? t('originality.progress', { checked: comparing.checked, candidates: comparing.candidates })
            : t('originality.loading')}
      </p>
      {comparing && (
        <div className="meter" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t('originality.title')}>
          <div className="meter-fill" style={{ width: `${percent}%` }} />
        </div>
      )}
    </div>
  );
};
