/**
 * The types the generated row types (db-generated.ts) refer to where the database knows less than
 * the code: what each jsonb column holds. scripts/db-codegen.ts names, per column, which of these it is.
 *
 * The shapes belong to the features that write them, so this one platform file imports feature
 * types (types only, erased at build: no feature code runs from platform/); eslint.config.js allows
 * exactly that here.
 */
import type { ColumnType } from 'kysely';
import type { RawDefinition } from '../contest/versions/format.ts';
import type { StoredEntrant } from '../registration/records.ts';
import type { AssignmentProgress, AssignmentRunSummary } from '../review/assignment/stored.ts';
import type { Results } from '../review/results/types.ts';
import type { HoldReason } from '../voting/hold-reason.ts';
import type { CheckProblem } from '../submission/checks.ts';
import type { Fingerprint } from '../submission/originality/fingerprint.ts';
import type { FileFacts } from '../submission/probes/types.ts';

/** A jsonb column: read parsed as T, written as JSON text (`JSON.stringify(value)`): see db-types.ts. */
export type Jsonb<T> = ColumnType<T, string, string>;

/** A judge's values per criterion id (scores.criteria). */
export type CriterionScores = Record<string, number>;

/** What a submitted file's checks found, as kept with the file (submission/service.ts drops the rest). */
export type StoredFileProblem = Pick<CheckProblem, 'code' | 'message' | 'severity'>;

/**
 * A fingerprint as kept with a file, made by whichever algorithm was current then: it is a
 * Fingerprint only when its algorithm is one of today's (submission/originality/fingerprint.ts).
 */
export interface StoredFingerprint {
  kind: Fingerprint['kind'];
  algorithm: string;
}

export type { AssignmentProgress, AssignmentRunSummary, FileFacts, HoldReason, RawDefinition, Results, StoredEntrant };
