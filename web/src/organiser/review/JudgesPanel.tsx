import { useState } from 'react';
import { review } from '../../api/index.ts';
import type { ContestView, JudgeInvitation, JudgesReply, JudgeView, OutboxMessage } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { useI18n } from '../../i18n.ts';
import { formatStamp } from '../../lib/format.ts';
import { ActionProblems } from './ActionProblems.tsx';
import { useAction } from './action.ts';
import { JudgeForm } from './JudgeForm.tsx';
import { JudgesTable } from './JudgesTable.tsx';
import { emptyJudgeForm, judgeFormOf } from './judge-form.ts';
import { settle, type Loaded } from './loaded.ts';
import { OutboxSection } from './OutboxSection.tsx';

export const loadJudgesPanel = async (contestId: string, signal: AbortSignal) => {
  const [judges, outbox] = await Promise.all([review.judges(contestId, signal), settle(review.outbox(contestId, signal))]);
  return { kind: 'judges' as const, judges, outbox };
};

/** A link just made, for whom: shown until the organiser makes another. */
interface IssuedLink {
  judgeName: string;
  invitation: JudgeInvitation;
}

/**
 * 评委 Judges: invite (the single-use link shown to copy, and kept in the outbox), edit, reissue a
 * link, remove; publish the list on the contest's public page (001: 初选前公布评审委员会名单).
 */
export const JudgesPanel = ({ contest, judges, outbox }: { contest: ContestView; judges: JudgesReply; outbox: Loaded<{ messages: OutboxMessage[] }> }) => {
  const { t, lang } = useI18n();
  const action = useAction();
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  const [editing, setEditing] = useState<JudgeView | null>(null);
  const [removing, setRemoving] = useState<JudgeView | null>(null);
  const invite = async (request: Parameters<typeof review.invite>[1]) => {
    const reply = await action.run('invite', () => review.invite(contest.id, request));
    if (reply) setIssued({ judgeName: reply.judge.name, invitation: reply.invitation });
    return reply !== undefined;
  };
  const save = async (request: Parameters<typeof review.update>[2]) => {
    const reply = editing && (await action.run('edit', () => review.update(contest.id, editing.id, request)));
    if (reply) setEditing(null);
    return Boolean(reply);
  };
  const reissue = async (judge: JudgeView) => {
    const reply = await action.run(`reissue-${judge.id}`, () => review.reissue(contest.id, judge.id));
    if (reply) setIssued({ judgeName: judge.name, invitation: reply.invitation });
  };
  const remove = async () => {
    if (removing) await action.run('remove', () => review.remove(contest.id, removing.id));
    setRemoving(null);
  };
  const published = judges.published;
  return (
    <>
      <section className="section" data-testid="judges-section">
        <h2>{t('review.judges.listTitle')}</h2>
        {!editing && <ActionProblems error={action.error} />}
        <JudgesTable
          contest={contest}
          judges={judges.judges}
          busy={action.busy}
          onEdit={(judge) => {
            action.clearError();
            setEditing(judge);
          }}
          onReissue={(judge) => void reissue(judge)}
          onRemove={setRemoving}
        />
        {issued && (
          <div className="card issued-link" data-testid="judge-link">
            <p>{t('review.judges.linkFor', { name: issued.judgeName, date: formatStamp(issued.invitation.expiresAt, lang, contest.timeZone) })}</p>
            <CopyField label={t('review.judges.link')} value={issued.invitation.link} testId="judge-link-value" />
          </div>
        )}
      </section>

      <section className="section">
        <div className="card">
          {editing ? (
            <>
              <h2>{t('review.judges.editTitle', { name: editing.name })}</h2>
              <JudgeForm
                key={editing.id}
                contest={contest}
                initial={judgeFormOf(editing)}
                submitLabel={t('review.judges.save')}
                busy={action.busy === 'edit'}
                error={action.error}
                onSubmit={save}
                onCancel={() => setEditing(null)}
                testId="judge-edit-form"
              />
            </>
          ) : (
            <>
              <h2>{t('review.judges.inviteTitle')}</h2>
              <p className="muted small">{t('review.judges.inviteExplain')}</p>
              <JudgeForm
                contest={contest}
                initial={emptyJudgeForm}
                submitLabel={t('review.judges.invite')}
                busy={action.busy === 'invite'}
                error={null}
                onSubmit={invite}
                testId="judge-invite-form"
              />
            </>
          )}
        </div>
      </section>

      <section className="section" data-testid="judges-publication">
        <h2>{t('review.judges.publishTitle')}</h2>
        <p className="muted small">{t('review.judges.publishExplain')}</p>
        <p data-testid="judges-published-state">
          {published ? t('review.judges.publishedAt', { date: formatStamp(published.at, lang, contest.timeZone) }) : t('review.judges.notPublished')}
        </p>
        <Button
          variant={published ? 'secondary' : 'primary'}
          busy={action.busy === 'publish'}
          onClick={() => void action.run('publish', () => review.publishJudges(contest.id, !published))}
          data-testid={published ? 'judges-unpublish' : 'judges-publish'}
        >
          {published ? t('review.judges.unpublish') : t('review.judges.publish')}
        </Button>
      </section>

      <OutboxSection contest={contest} outbox={outbox} />

      <ConfirmDialog
        open={removing !== null}
        title={t('review.judges.removeConfirm', { name: removing?.name ?? '' })}
        confirmLabel={t('review.judges.remove')}
        busy={action.busy === 'remove'}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      >
        <p className="small">{t('review.judges.removeExplain')}</p>
      </ConfirmDialog>
    </>
  );
};
