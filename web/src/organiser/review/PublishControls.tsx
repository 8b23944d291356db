import { useId, useState } from 'react';
import { rounds } from '../../api/index.ts';
import type { ReviewRoundView } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useI18n } from '../../i18n.ts';
import { ActionProblems } from './ActionProblems.tsx';
import { useAction } from './action.ts';
import type { RoundState } from './RoundPanel.tsx';

type Asking = 'close' | 'publish' | null;

/**
 * The round's next step: an open round is closed (judges can no longer change their scores); a
 * closed one is published (the ranking frozen as a snapshot whose hash enters the audit chain, the
 * advancing entries moving on); a published one takes a correction, a new publication with a reason
 * that keeps the earlier ones.
 */
export const PublishControls = ({ contestId, round, state }: { contestId: string; round: ReviewRoundView; state: RoundState }) => {
  const { t, name } = useI18n();
  const action = useAction();
  const reasonId = useId();
  const [asking, setAsking] = useState<Asking>(null);
  const [reason, setReason] = useState('');
  const correcting = state === 'published';
  const confirm = async () => {
    const done =
      asking === 'close'
        ? await action.run('close', () => rounds.close(contestId, round.id))
        : await action.run('publish', () => rounds.publish(contestId, round.id, correcting ? reason.trim() : undefined));
    if (done !== undefined) {
      setAsking(null);
      setReason('');
    }
  };
  return (
    <div className="publish-controls" data-testid="publish-controls" data-state={state}>
      {asking === null && <ActionProblems error={action.error} />}
      {state === 'open' && (
        <Button variant="secondary" onClick={() => setAsking('close')} data-testid="round-close">
          {t('review.publish.close')}
        </Button>
      )}
      {state !== 'open' && (
        <Button variant={correcting ? 'secondary' : 'primary'} onClick={() => setAsking('publish')} data-testid="round-publish">
          {correcting ? t('review.publish.correct') : t('review.publish.publish')}
        </Button>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={t(asking === 'close' ? 'review.publish.closeConfirm' : correcting ? 'review.publish.correctConfirm' : 'review.publish.publishConfirm', {
          round: name(round),
        })}
        confirmLabel={asking === 'close' ? t('review.publish.close') : correcting ? t('review.publish.correct') : t('review.publish.publish')}
        variant="primary"
        busy={action.busy !== null}
        onConfirm={() => void confirm()}
        onCancel={() => {
          setAsking(null);
          action.clearError();
        }}
      >
        <p className="small">
          {t(asking === 'close' ? 'review.publish.closeExplain' : correcting ? 'review.publish.correctExplain' : 'review.publish.publishExplain')}
        </p>
        {asking === 'publish' && correcting && (
          <>
            <label htmlFor={reasonId}>{t('review.publish.reason')}</label>
            <textarea id={reasonId} rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="publish-reason" />
          </>
        )}
        <ActionProblems error={action.error} />
      </ConfirmDialog>
    </div>
  );
};
