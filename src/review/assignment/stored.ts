/**
 * What an assignment run keeps beside its pairs (assignment_runs.progress and .summary): how far it
 * got while running, and once done what it achieved, so the board shows a run without solving again.
 */
import type { Move } from './move.ts';
import type { ObjectiveParts } from './objective.ts';
import type { Shortfall } from './solve.ts';

export interface AssignmentProgress {
  routed: number;
  total: number;
}

export interface AssignmentRunSummary {
  entries: number;
  judges: number;
  pairs: number;
  objective?: ObjectiveParts;
  /** The entries left with fewer judges than the round asks for, and why. */
  shortfalls: Shortfall[];
  /** A hand move's change, for the log and the board. */
  move?: Move;
  /** Why a run failed, in the words of the error it stopped on. */
  error?: string;
}
