import { Link } from 'react-router';
import type { ContestView } from '../api/types.ts';
import type { VotePhase } from '../api/voting.ts';
import { Badge, DemoBadge } from '../components/Badge.tsx';
import { WindowText } from '../components/WindowText.tsx';
import { useI18n } from '../i18n.ts';
import { windowState } from '../lib/format.ts';

/** The vote's name and contest, its window and whether it is open, and what a voter may do, in words. */
export const PhaseHeader = ({ contest, phase }: { contest: ContestView; phase: VotePhase }) => {
  const { t, name, pick } = useI18n();
  const state = phase.open ? 'open' : windowState(phase.window.start, phase.window.end, new Date()) === 'upcoming' ? 'upcoming' : 'closed';
  return (
    <header className="vote-header">
      <p className="small">
        <Link to={`/contests/${encodeURIComponent(contest.id)}`}>{name(contest)}</Link> {contest.isDemo && <DemoBadge />}
      </p>
      <h1>{name(phase)}</h1>
      <p className="small vote-window">
        <Badge tone={phase.open ? 'open' : 'closed'} testId="vote-state">
          {t(`vote.state.${state}`)}
        </Badge>{' '}
        <WindowText start={phase.window.start} end={phase.window.end} timeZone={contest.timeZone} />
      </p>
      {phase.rules.words.length > 0 && (
        <ul className="vote-rules small" data-testid="vote-rules">
          {phase.rules.words.map((words, i) => (
            <li key={i}>{pick(words)}</li>
          ))}
        </ul>
      )}
    </header>
  );
};
