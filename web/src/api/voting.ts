/**
 * Public voting (issue 10): the voter's phone proof, the showcase of a vote phase, the vote itself,
 * and the organiser's held votes and timeline. The paths are the voting contract's; shapes are
 * inferred from the server's zod schemas (type-only, as in types.ts) where those are written.
 */
import type { z } from 'zod';
import type { talliesReply, voteReply, votePhaseView, votesLeftView } from '../../../src/voting/schema.ts';
import type { decisionBody, heldVotesReply, rescanReply, timelineReply } from '../../../src/voting/fraud/schema.ts';
import type { showcaseEntryReply, showcaseReply } from '../../../src/voting/showcase/schema.ts';
import type { codeSentReply, voterView } from '../../../src/voting/voters/schema.ts';
import { queryString, request } from './client.ts';

export type Voter = z.infer<typeof voterView>;
/** A code sent: until when it may be entered, and from when another may be asked for (ISO times). */
export type CodeSent = z.infer<typeof codeSentReply>;
/** What a voter may still cast in a phase (null where no such limit applies), and the entries at their own limit. */
export type VotesLeft = z.infer<typeof votesLeftView>;
export type VotePhase = z.infer<typeof votePhaseView>;
/** A vote received and committed; whether it is counted or held for review is not told to the voter. */
export type VoteCast = z.infer<typeof voteReply>;
/** Counts per entry where shown; held votes for organisers only. */
export type Tallies = z.infer<typeof talliesReply>;

/** A vote's entries (of one division when asked), each with its cover picture or null. */
export type Showcase = z.infer<typeof showcaseReply>;
export type ShowcaseEntry = Showcase['entries'][number];
/** One entry with its summary and works, their files served under the vote. */
export type ShowcaseDetail = z.infer<typeof showcaseEntryReply>;

export type HeldVotesReply = z.infer<typeof heldVotesReply>;
export type HeldVote = HeldVotesReply['votes'][number];
/** A filter of held votes: by the signal that held them, or by entry; an empty one is all of the phase's. */
export type HeldVotesFilter = NonNullable<z.infer<typeof decisionBody>['filter']>;
export type VoteDecision = z.infer<typeof decisionBody>['decision'];
/** Per entry, its votes in each minute or hour that has any: counted, held and rejected. */
export type Timeline = z.infer<typeof timelineReply>;
export type TimelinePoint = Timeline['entries'][number]['points'][number];

const enc = encodeURIComponent;
const phasePath = (contestId: string, phaseId: string) => `/api/contests/${enc(contestId)}/phases/${enc(phaseId)}`;

export const voters = {
  /** Sends a one-time code by SMS naming the contest (in its outbox until a real SMS provider is configured). */
  requestCode: (phone: string, contestId: string) => request<CodeSent>('POST', '/api/voting/codes', { phone, contestId }),
  /** Proves the number: the voter's cookie is set with the reply. */
  verify: (phone: string, code: string) => request<{ voter: Voter }>('POST', '/api/voting/sessions', { phone, code }),
  me: (signal?: AbortSignal) => request<{ voter: Voter | null }>('GET', '/api/voting/me', undefined, signal),
  signOut: () => request<unknown>('DELETE', '/api/voting/sessions'),
};

/** Where the ALTCHA widget fetches a new proof-of-work challenge, one per vote. */
export const challengeUrl = '/api/voting/challenge';

export const voting = {
  phases: (contestId: string, signal?: AbortSignal) => request<{ phases: VotePhase[] }>('GET', `/api/contests/${enc(contestId)}/voting`, undefined, signal),
  showcase: (contestId: string, phaseId: string, division: string | undefined, signal?: AbortSignal) =>
    request<Showcase>('GET', `${phasePath(contestId, phaseId)}/showcase${queryString({ division })}`, undefined, signal),
  entry: (contestId: string, phaseId: string, entryId: string, signal?: AbortSignal) =>
    request<ShowcaseDetail>('GET', `${phasePath(contestId, phaseId)}/showcase/${enc(entryId)}`, undefined, signal),
  /** Counts per entry: the public's where the phase shows them, and always the organisers'. */
  tallies: (contestId: string, phaseId: string, signal?: AbortSignal) => request<Tallies>('GET', `${phasePath(contestId, phaseId)}/tallies`, undefined, signal),
  /** One vote; a retry with the same key gets the first answer, so a vote is never cast twice. */
  cast: (contestId: string, phaseId: string, vote: { registrationId: string; challenge: string; idempotencyKey: string }) =>
    request<VoteCast>('POST', `${phasePath(contestId, phaseId)}/votes`, vote),
};

/** The organiser's side: votes held apart with their reasons, decided one by one or in bulk, the rescan and the timeline. */
export const heldVotes = {
  list: (contestId: string, phaseId: string, filter: HeldVotesFilter, signal?: AbortSignal) =>
    request<HeldVotesReply>('GET', `${phasePath(contestId, phaseId)}/held-votes${queryString({ ...filter })}`, undefined, signal),
  /** `count` releases the votes into the counts; `reject` confirms them as fraud. The reason goes to the audit log. */
  decide: (contestId: string, phaseId: string, decision: VoteDecision, which: { voteIds: string[] } | { filter: HeldVotesFilter }, reason?: string) =>
    request<{ decided: number }>('POST', `${phasePath(contestId, phaseId)}/held-votes/decisions`, { ...which, decision, ...(reason ? { reason } : {}) }),
  /** Holds what only the stream over time shows (lockstep rings, spray and slow farms) among the votes so far. */
  rescan: (contestId: string, phaseId: string) => request<z.infer<typeof rescanReply>>('POST', `${phasePath(contestId, phaseId)}/held-votes/rescan`),
  timeline: (contestId: string, phaseId: string, query: { entry?: string; bucket: Timeline['bucket'] }, signal?: AbortSignal) =>
    request<Timeline>('GET', `${phasePath(contestId, phaseId)}/timeline${queryString({ ...query })}`, undefined, signal),
};
