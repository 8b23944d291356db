/** Why a vote was held apart (votes.hold_reasons): the signal that fired and what it saw, in words. */
export interface HoldReason {
  /** The signal: burst, shared-address, shared-subnet, shared-device, number-block, lockstep, odd-hours… */
  signal: string;
  /** What it saw, for the organiser: e.g. "42 votes for this entry in 60 s from numbers first seen today". */
  detail: { zh: string; en: string };
}
