import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useRevalidator } from 'react-router';
import { ApiError } from '../api/index.ts';
import { voters, voting, type VotePhase, type Voter, type VotesLeft } from '../api/voting.ts';
import { useI18n } from '../i18n.ts';
import { attemptFor, keepsAttempt, type VoteAttempt } from './attempt.ts';
import { useChallenge } from './Challenge.tsx';
import { PhoneDialog } from './PhoneDialog.tsx';

/** Where one entry's vote stands on this page. */
export type EntryVote =
  | { state: 'idle' }
  | { state: 'working'; step: 'solving' | 'sending' }
  | { state: 'voted' }
  | { state: 'refused'; message: string }
  /** No answer came: tapping again sends the same vote (same key), which counts once at most. */
  | { state: 'retry'; message: string };

export interface VotedEntry {
  id: string;
  division: string;
}

interface Booth {
  contestId: string;
  phase: VotePhase;
  voter: Voter | null;
  votesLeft: VotesLeft | null;
  /** A vote is under way: one at a time. */
  busy: boolean;
  voteOf: (entryId: string) => EntryVote;
  vote: (entry: VotedEntry) => void;
  signOut: () => void;
}

const BoothContext = createContext<Booth | null>(null);

export const useBooth = () => {
  const booth = useContext(BoothContext);
  if (!booth) throw new Error('useBooth outside a VoteBooth');
  return booth;
};

const idle: EntryVote = { state: 'idle' };

/** A random key for one vote. */
const newKey = () => crypto.randomUUID();

/**
 * 投票 The voting of one phase on a page: who votes (the voter proven by phone, asked for when
 * needed), what they have left, and each entry's vote — challenge solved, vote sent with its
 * idempotency key, the answer in words. The showcase and the detail page both sit inside one.
 */
export const VoteBooth = ({
  contestId,
  phase,
  voter: signedIn,
  children,
}: {
  contestId: string;
  phase: VotePhase;
  voter: Voter | null;
  children: ReactNode;
}) => {
  const { t, pick } = useI18n();
  const revalidator = useRevalidator();
  const challenge = useChallenge();
  const [voter, setVoter] = useState(signedIn);
  const [votesLeft, setVotesLeft] = useState(phase.votesLeft);
  const [votes, setVotes] = useState<Record<string, EntryVote>>({});
  const [waiting, setWaiting] = useState<VotedEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const pending = useRef<VoteAttempt | null>(null);
  const working = useRef(false);
  const voterNow = useRef(signedIn);
  voterNow.current = voter;

  // The loader's numbers are the server's latest (after a revalidation, a sign-in).
  useEffect(() => setVotesLeft(phase.votesLeft), [phase.votesLeft]);
  useEffect(() => setVoter(signedIn), [signedIn]);

  const mark = (entryId: string, vote: EntryVote) => setVotes((all) => ({ ...all, [entryId]: vote }));

  const refused = (entry: VotedEntry, error: unknown) => {
    if (!(error instanceof ApiError)) {
      pending.current = null;
      mark(entry.id, { state: 'refused', message: t('error.unexpected') });
    } else if (keepsAttempt(error.status)) {
      mark(entry.id, { state: 'retry', message: pick(error.messages) });
    } else if (error.status === 401) {
      // The voter's session ended: prove the number again, then the vote goes on.
      pending.current = null;
      setVoter(null);
      mark(entry.id, idle);
      setWaiting(entry);
    } else {
      pending.current = null;
      mark(entry.id, { state: 'refused', message: pick(error.messages) });
    }
  };

  const cast = async (entry: VotedEntry) => {
    // The proof of work runs on Web Crypto, which a browser gives a page over HTTPS (or localhost) only.
    if (!window.isSecureContext) {
      mark(entry.id, { state: 'refused', message: t('vote.insecure') });
      return;
    }
    let attempt = attemptFor(pending.current, entry.id, newKey);
    pending.current = attempt;
    if (attempt.challenge === undefined) {
      mark(entry.id, { state: 'working', step: 'solving' });
      const payload = await challenge.solve();
      if (payload === null) {
        pending.current = null;
        mark(entry.id, { state: 'refused', message: t('vote.challengeFailed') });
        return;
      }
      attempt = { ...attempt, challenge: payload };
      pending.current = attempt;
    }
    mark(entry.id, { state: 'working', step: 'sending' });
    const reply = await voting.cast(contestId, phase.id, { registrationId: entry.id, challenge: attempt.challenge!, idempotencyKey: attempt.key });
    pending.current = null;
    setVotesLeft(reply.votesLeft);
    mark(entry.id, { state: 'voted' });
    if (phase.countsShown) void revalidator.revalidate();
  };

  const vote = (entry: VotedEntry) => {
    if (working.current) return;
    if (!voterNow.current) {
      setWaiting(entry);
      return;
    }
    working.current = true;
    setBusy(true);
    cast(entry)
      .catch((error: unknown) => refused(entry, error))
      .finally(() => {
        working.current = false;
        setBusy(false);
      });
  };

  const verified = (proven: Voter) => {
    setVoter(proven);
    voterNow.current = proven;
    const entry = waiting;
    setWaiting(null);
    // The phase's votes left are the voter's now: read them again, then cast the vote they asked for.
    void revalidator.revalidate();
    if (entry) vote(entry);
  };

  const signOut = useCallback(() => {
    void voters.signOut().then(() => {
      setVoter(null);
      setVotes({});
      void revalidator.revalidate();
    });
  }, [revalidator]);

  const booth: Booth = { contestId, phase, voter, votesLeft, busy, voteOf: (id) => votes[id] ?? idle, vote, signOut };
  return (
    <BoothContext.Provider value={booth}>
      {children}
      <div className="vote-challenge">{challenge.element}</div>
      <PhoneDialog contestId={contestId} open={waiting !== null} onVerified={verified} onCancel={() => setWaiting(null)} />
    </BoothContext.Provider>
  );
};
