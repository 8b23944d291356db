/**
 * The state check, pure: events record a keyed digest of each row they leave behind, under
 * `payload.state` (`{ "registration:<id>": "<digest>" }`, null for a row gone), and the current rows
 * must match the last digest the chain recorded for them. This catches what the chain cannot: an
 * `UPDATE registrations SET title = …` made straight in the database, or a row inserted or deleted
 * there, appends no event.
 */

/** A row as it is now, as a feature digests it with the same function its events use. */
export interface CurrentRow {
  /** `<kind>:<id>`, as in the events' `state`. */
  subject: string;
  /** How a person finds the row: a registration's reference, a file's name. */
  label: string;
  digest: string;
}

/**
 * - changed: the row differs from the state its last event recorded.
 * - unrecorded: no event records this row as it exists: none ever recorded it (inserted outside Leitai,
 *   or before state was recorded), or the last one recorded it gone.
 * - deleted: an event recorded the row and it is gone.
 */
export type RowProblem = 'changed' | 'unrecorded' | 'deleted';

export interface RowMismatch {
  subject: string;
  label: string;
  problem: RowProblem;
}

export interface RowsCheck {
  checked: number;
  mismatched: number;
  /** The first mismatches, up to a limit: a wrong key would otherwise list every row. */
  mismatches: RowMismatch[];
}

/** The state a chain's events recorded, the last event about each row winning. */
export function createStateRecorder() {
  const recorded = new Map<string, string | null>();
  const record = (payload: unknown) => {
    const state = (payload as { state?: unknown } | null)?.state;
    if (!state || typeof state !== 'object') return;
    for (const [subject, digest] of Object.entries(state)) recorded.set(subject, typeof digest === 'string' ? digest : null);
  };
  return { record, recorded: recorded as ReadonlyMap<string, string | null> };
}

/** The kind of a subject: `registration` of `registration:<id>`. */
export const kindOf = (subject: string) => subject.slice(0, subject.indexOf(':'));

/**
 * Compares current rows, fed one at a time, with the recorded state. Only recorded rows of the
 * `kinds` fed in can be missed as deleted: a check of works alone says nothing of registrations.
 */
export function createRowChecker(recorded: ReadonlyMap<string, string | null>, kinds: ReadonlySet<string>, limit = 100) {
  const seen = new Set<string>();
  const mismatches: RowMismatch[] = [];
  let checked = 0;
  let mismatched = 0;
  const report = (mismatch: RowMismatch) => {
    mismatched += 1;
    if (mismatches.length < limit) mismatches.push(mismatch);
  };

  const check = (row: CurrentRow) => {
    checked += 1;
    seen.add(row.subject);
    const digest = recorded.get(row.subject);
    if (digest === undefined || digest === null) report({ subject: row.subject, label: row.label, problem: 'unrecorded' });
    else if (digest !== row.digest) report({ subject: row.subject, label: row.label, problem: 'changed' });
  };

  const finish = (): RowsCheck => {
    for (const [subject, digest] of recorded) {
      if (digest !== null && !seen.has(subject) && kinds.has(kindOf(subject))) report({ subject, label: subject, problem: 'deleted' });
    }
    return { checked, mismatched, mismatches };
  };
  return { check, finish };
}
