import { ApiError, review, rounds } from '../../api/index.ts';
import type { ContestView, ReviewRoundView } from '../../api/types.ts';
import { Badge } from '../../components/Badge.tsx';
import { Notice } from '../../components/Problems.tsx';
import { WindowText } from '../../components/WindowText.tsx';
import { useI18n } from '../../i18n.ts';
import { AssignmentSection } from './AssignmentSection.tsx';
import { BoardSection } from './BoardSection.tsx';
import { settle } from './loaded.ts';
import { ResultsSection } from './ResultsSection.tsx';

export type RoundState = 'open' | 'closed' | 'published';

/** Every publication of the round, oldest first; none before the first (results.not_published). */
const publicationsOf = (contestId: string, roundId: string, signal: AbortSignal) =>
  rounds.results(contestId, roundId, signal).then(
    (results) => results.publications ?? [],
    (error: unknown) => {
      if (error instanceof ApiError && error.code === 'results.not_published') return [];
      throw error;
    },
  );

/** A round's board, each part on its own: a part the server refuses shows why in its section. */
export const loadRoundPanel = async (contestId: string, roundId: string, signal: AbortSignal) => {
  const [{ schedule }, assignment, board, preview, publications] = await Promise.all([
    review.schedule(contestId, signal),
    settle(rounds.assignment(contestId, roundId, signal)),
    settle(rounds.board(contestId, roundId, signal)),
    settle(rounds.preview(contestId, roundId, signal)),
    settle(publicationsOf(contestId, roundId, signal)),
  ]);
  const scheduled = schedule.rounds.find((r) => r.id === roundId);
  const phase = schedule.phases.find((p) => p.id === scheduled?.phase);
  return {
    kind: 'round' as const,
    roundId,
    state: (scheduled?.state ?? 'open') as RoundState,
    window: phase ? { start: phase.start, end: phase.end } : null,
    assignment,
    board,
    preview,
    publications,
  };
};

export type RoundPanelData = Awaited<ReturnType<typeof loadRoundPanel>>;

const stateTone = { open: 'open', closed: 'closed', published: 'info' } as const;

/** One round: its state and window, then its assignment, the judges' progress, and its ranking and publishing. */
export const RoundPanel = ({ contest, round, data }: { contest: ContestView; round: ReviewRoundView; data: RoundPanelData }) => {
  const { t, pick } = useI18n();
  return (
    <div data-testid={`round-panel-${round.id}`}>
      <p className="round-facts">
        <Badge tone={stateTone[data.state]} testId="round-state">
          {t(`review.round.state.${data.state}`)}
        </Badge>{' '}
        <Badge>{t(`review.round.mode.${round.mode}`)}</Badge> {round.blind && <Badge tone="info">{t('review.round.blind')}</Badge>}{' '}
        {data.window && (
          <span className="muted small">
            {t('review.round.window')} <WindowText start={data.window.start} end={data.window.end} timeZone={contest.timeZone} />
          </span>
        )}
      </p>
      {data.assignment.ok ? (
        <AssignmentSection contest={contest} round={round} assignment={data.assignment.value} published={data.state === 'published'} />
      ) : (
        <Notice tone="error">{pick(data.assignment.error)}</Notice>
      )}
      {data.board.ok ? (
        <BoardSection contestId={contest.id} roundId={round.id} board={data.board.value} open={data.state === 'open'} />
      ) : (
        <Notice tone="error">{pick(data.board.error)}</Notice>
      )}
      <ResultsSection contest={contest} round={round} state={data.state} preview={data.preview} publications={data.publications} />
    </div>
  );
};
