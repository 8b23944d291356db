import { useEffect, useState } from 'react';
import { rounds } from '../../api/index.ts';
import type { AssignmentRun } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { useI18n } from '../../i18n.ts';
import { percentOf } from './tabs.ts';

/** How often a running assignment is asked how far it is: the server writes its progress at most every 200 ms. */
const pollMs = 700;

/**
 * 分配中…: a solver run works in the background for seconds on a large round; this asks the server
 * how many of its places are routed, shows it moving, offers to cancel, and says when the run has
 * ended (done, cancelled or failed) so the board reloads its pairs.
 */
export const RunProgress = ({
  contestId,
  roundId,
  run: started,
  onEnded,
  onCancel,
  cancelling,
}: {
  contestId: string;
  roundId: string;
  run: AssignmentRun;
  onEnded: () => void;
  onCancel: () => void;
  cancelling: boolean;
}) => {
  const { t } = useI18n();
  const [run, setRun] = useState(started);
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      timer = setTimeout(() => {
        rounds
          .run(contestId, roundId, started.id, controller.signal)
          .then((reply) => {
            setRun(reply.run);
            if (reply.run.status !== 'running') onEnded();
            else poll();
          })
          // A failed poll keeps the last progress shown and asks again.
          .catch(() => !controller.signal.aborted && poll());
      }, pollMs);
    };
    poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
    // onEnded (the board's reload) is left out: a new function each render must not restart the polling.
  }, [contestId, roundId, started.id]);
  const percent = percentOf(run.progress.routed, run.progress.total);
  return (
    <div className="card run-progress" role="status" data-testid="run-progress" data-status={run.status}>
      <p>
        {run.progress.total > 0 ? t('review.assignment.running', { routed: run.progress.routed, total: run.progress.total }) : t('review.assignment.starting')}
      </p>
      <div className="meter" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t('review.assignment.progress')}>
        <div className="meter-fill" style={{ width: `${percent}%` }} />
      </div>
      <Button variant="secondary" busy={cancelling} onClick={onCancel} data-testid="run-cancel">
        {t('review.assignment.cancel')}
      </Button>
    </div>
  );
};
