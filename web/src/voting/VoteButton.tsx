import { Button } from '../components/Button.tsx';
import { useI18n } from '../i18n.ts';
import { useBooth, type VotedEntry } from './VoteBooth.tsx';
import { VotesLeftText } from './VotesLeftText.tsx';
import { mayVoteIn } from './votes-left.ts';

/**
 * 投票 One entry's vote button and what became of the vote: 已投票 with the votes left, a refusal
 * in words (limit reached, vote closed, too many votes from here), or a lost answer to retry.
 */
export const VoteButton = ({ entry, large = false }: { entry: VotedEntry; large?: boolean }) => {
  const { t } = useI18n();
  const booth = useBooth();
  const vote = booth.voteOf(entry.id);
  // A tap the limits already refuse (this entry's votes used today, or the day's) is not offered.
  const used = booth.voter !== null && !mayVoteIn(booth.votesLeft, entry);
  const working = vote.state === 'working';
  // At its limit means voted for already (today, or at all), on this page or before it was opened.
  const voted = vote.state === 'voted' || (booth.votesLeft?.entriesAtLimit.includes(entry.id) ?? false);
  const label = voted ? t('vote.voted') : vote.state === 'retry' ? t('vote.retry') : t('vote.vote');
  return (
    <div className="vote-box" data-testid="vote-box" data-state={vote.state}>
      <Button
        className={large ? 'btn-large vote-button' : 'vote-button'}
        variant={voted ? 'secondary' : 'primary'}
        busy={working}
        busyText={working && vote.step === 'solving' ? t('vote.solving') : t('vote.sending')}
        disabled={!booth.phase.open || (booth.busy && !working) || used}
        onClick={() => booth.vote(entry)}
        data-testid="vote-button"
      >
        {label}
      </Button>
      {vote.state === 'voted' && (
        <p className="vote-note small" role="status" data-testid="vote-done">
          <VotesLeftText left={booth.votesLeft} division={entry.division} />
        </p>
      )}
      {(vote.state === 'refused' || vote.state === 'retry') && (
        <p className="vote-note vote-refused small" role="alert" data-testid="vote-refused">
          {vote.message}
          {vote.state === 'retry' && ` ${t('vote.retryHint')}`}
        </p>
      )}
    </div>
  );
};
