import type { HoldReason } from '../hold-reason.ts';

/** A vote as the signals read it: what ingest knows when it arrives. */
export interface SignalVote {
  id: string;
  contestId: string;
  phaseId: string;
  registrationId: string;
  voterId: string;
  phone: string;
  address: string;
  subnet: string;
  device: string;
  castAt: Date;
  /**
   * When the voter first proved the number (voters.created_at). Without it a voter is as old as the
   * first of their votes these signals saw, which a server's restart forgets.
   */
  voterSince?: Date;
}

/** What every detector needs of a vote beyond the vote, worked out once per vote. */
export interface VoteContext {
  at: number;
  /** contest|phase: groups never mix two vote phases. */
  phase: string;
  /** First seen less than `thresholds.freshMs` ago. */
  fresh: boolean;
  number: number | undefined;
  virtual: boolean;
  minuteOfDay: number;
}

/**
 * A signal that fired: why, and the votes of the group that made it fire that no firing named
 * before (this vote among them). Ingest holds this vote; a rescan, knowing what came after, holds
 * them all.
 */
export interface Firing {
  reason: HoldReason;
  voteIds: string[];
}

export interface Detector {
  observe(vote: SignalVote, context: VoteContext): Firing | undefined;
}

export const minutesOf = (ms: number) => Math.round(ms / 60_000);
export const hoursOf = (ms: number) => Math.round(ms / 3_600_000);
