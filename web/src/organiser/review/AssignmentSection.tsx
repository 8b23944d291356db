import { useState } from 'react';
import { useRevalidator } from 'react-router';
import { rounds } from '../../api/index.ts';
import type { AssignmentRun, AssignmentView, ContestView, ReviewRoundView } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Notice } from '../../components/Problems.tsx';
import { useI18n } from '../../i18n.ts';
import { formatStamp } from '../../lib/format.ts';
import { ActionProblems } from './ActionProblems.tsx';
import { useAction } from './action.ts';
import { EntriesTable, LoadsTable } from './AssignmentTables.tsx';
import { MoveForm } from './MoveForm.tsx';
import { RunProgress } from './RunProgress.tsx';

/**
 * 分配 Assignment: run the solver (balanced loads or not) with its progress and a cancel, undo the
 * newest run in one step, read what the run achieved and which entries are short and why, each
 * judge's load against their cap, each entry's judges with their scores, and move one entry by hand.
 */
export const AssignmentSection = ({
  contest,
  round,
  assignment,
  published,
}: {
  contest: ContestView;
  round: ReviewRoundView;
  assignment: AssignmentView;
  published: boolean;
}) => {
  const { t, name, lang } = useI18n();
  const action = useAction();
  const revalidator = useRevalidator();
  const [balance, setBalance] = useState(true);
  const [undoing, setUndoing] = useState(false);
  const running = assignment.runs.find((run) => run.status === 'running');
  const latest = assignment.runs[0];
  const undoable = assignment.runs.find((run) => run.status === 'done');
  const waitingFor = assignment.waitingFor && contest.review.rounds.find((r) => r.id === assignment.waitingFor);
  return (
    <section className="section" data-testid="assignment-section">
      <h2>{t('review.assignment.title')}</h2>
      <p className="muted small">{round.mode === 'live' ? t('review.assignment.explainLive') : t('review.assignment.explain', { n: round.judgesPerEntry })}</p>
      {waitingFor && <Notice tone="info">{t('review.assignment.waitingFor', { round: name(waitingFor) })}</Notice>}
      <ActionProblems error={action.error} />
      {running ? (
        <RunProgress
          key={running.id}
          contestId={contest.id}
          roundId={round.id}
          run={running}
          onEnded={() => void revalidator.revalidate()}
          onCancel={() => void action.run('cancel', () => rounds.cancelRun(contest.id, round.id, running.id))}
          cancelling={action.busy === 'cancel'}
        />
      ) : (
        !published &&
        !waitingFor && (
          <div className="run-controls">
            <label className="check-label">
              <input type="checkbox" checked={balance} onChange={(e) => setBalance(e.target.checked)} data-testid="run-balance" />
              <span>{t('review.assignment.balance')}</span>
            </label>
            <Button
              busy={action.busy === 'start'}
              onClick={() => void action.run('start', () => rounds.startRun(contest.id, round.id, balance))}
              data-testid="run-start"
            >
              {t('review.assignment.run')}
            </Button>
            {undoable && (
              <Button variant="secondary" onClick={() => setUndoing(true)} data-testid="run-undo">
                {t('review.assignment.undo')}
              </Button>
            )}
          </div>
        )
      )}
      {latest && latest.status !== 'running' && <RunSummary run={latest} />}
      <Shortfalls assignment={assignment} />
      <h3>{t('review.assignment.loads')}</h3>
      <LoadsTable judges={assignment.judges} />
      <h3>{t('review.assignment.entries')}</h3>
      <EntriesTable contest={contest} roundId={round.id} entries={assignment.entries} mayReopen={!published} />
      {!published && assignment.entries.length > 0 && <MoveForm contestId={contest.id} roundId={round.id} assignment={assignment} />}
      <ConfirmDialog
        open={undoing}
        title={t('review.assignment.undoConfirm')}
        confirmLabel={t('review.assignment.undo')}
        busy={action.busy === 'undo'}
        onConfirm={() => void action.run('undo', () => rounds.undo(contest.id, round.id)).then(() => setUndoing(false))}
        onCancel={() => setUndoing(false)}
      >
        <p className="small">
          {undoable &&
            t('review.assignment.undoExplain', {
              kind: t(`review.assignment.kind.${undoable.kind}`),
              date: formatStamp(undoable.startedAt, lang, contest.timeZone),
            })}
        </p>
      </ConfirmDialog>
    </section>
  );
};

/** What the newest run did: its pairs and shortfall while they stand, or why it stopped. */
const RunSummary = ({ run }: { run: AssignmentRun }) => {
  const { t } = useI18n();
  const summary = run.summary;
  return (
    <p className="run-summary" data-testid="run-summary" data-status={run.status}>
      <strong>{t(`review.assignment.kind.${run.kind}`)}</strong> · {t(`review.assignment.status.${run.status}`)}
      {summary && run.status === 'done' && (
        <> · {t('review.assignment.summary', { pairs: summary.pairs, entries: summary.entries, judges: summary.judges, short: summary.shortfalls.length })}</>
      )}
      {run.status === 'failed' && summary?.error && <> · {summary.error}</>}
    </p>
  );
};

/** The entries left with fewer judges than the round asks for, each with the reason in words. */
const Shortfalls = ({ assignment }: { assignment: AssignmentView }) => {
  const { t } = useI18n();
  if (assignment.shortfalls.length === 0) return null;
  const refOf = new Map(assignment.entries.map((e) => [e.id, `${e.ref} ${e.title}`]));
  return (
    <Notice tone="info" testId="shortfalls">
      <strong>{t('review.assignment.shortfallsTitle', { n: assignment.shortfalls.length })}</strong>
      <ul className="plain small">
        {assignment.shortfalls.slice(0, 50).map((s) => (
          <li key={s.entry} data-reason={s.reason}>
            <span className="ref">{refOf.get(s.entry) ?? s.entry}</span> {t('review.assignment.shortOf', { assigned: s.assigned, needed: s.needed })}{' '}
            {t(`review.assignment.reason.${s.reason}`, { covering: s.covering, conflicted: s.conflicted })}
          </li>
        ))}
      </ul>
      {assignment.shortfalls.length > 50 && <p className="small">{t('review.assignment.moreShortfalls', { n: assignment.shortfalls.length - 50 })}</p>}
    </Notice>
  );
};
