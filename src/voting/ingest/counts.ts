/**
 * Vote counts per entry, served from memory: each phase's tallies are read from vote_tallies once,
 * then moved by every batch this process commits, so a page of counts costs no query.
 *
 * Exact in one process: a batch's commit and the move of its counts happen while loads wait
 * (`whileCommitting`), so a load sees either both or neither. Whatever else moves tallies (the
 * organiser's decisions on held votes) calls `talliesMoved` after its commit, and the phase is read
 * again. Several server processes each commit their own batches: then give `ttlMs`, and a phase is
 * read again once its counts are that old (counts another process committed show that much later).
 */
import type { Executor } from '../../platform/transaction.ts';
import { joinKey, talliesOfPhase, type TallyDelta } from './queries.ts';

export interface EntryCounts {
  counted: number;
  held: number;
}

export interface CountsCache {
  /** The phase's counts by entry id (an entry without votes is absent). */
  of(contestId: string, phaseId: string): Promise<ReadonlyMap<string, EntryCounts>>;
  /** Runs a commit of votes; its counts move (`deltas` it returns) before any load reads the tallies. */
  whileCommitting<T>(commit: () => Promise<{ result: T; deltas: readonly TallyDelta[] }>): Promise<T>;
  close(): void;
}

export interface CountsCacheOptions {
  /** How long a phase's counts are served before they are read again; default: until something else moves them. */
  ttlMs?: number;
  /** A monotonic clock in ms for the TTL (default performance.now): an age, not a time of day. */
  now?: () => number;
}

interface Loaded {
  counts: Map<string, EntryCounts>;
  loadedAt: number;
}

/** Every cache of this process, told when tallies move outside a group commit. */
const live = new Set<{ forget(phase: string): void }>();

/**
 * Tells every counts cache in this process that the phase's tallies moved outside a group commit (a
 * held vote counted or rejected): they read it again. Call it after that change commits.
 */
export const talliesMoved = (contestId: string, phaseId: string) => {
  for (const cache of live) cache.forget(joinKey(contestId, phaseId));
};

export function createCountsCache(db: Executor, options: CountsCacheOptions = {}): CountsCache {
  const now = options.now ?? (() => performance.now());
  const phases = new Map<string, Loaded>();
  const loading = new Map<string, Promise<Map<string, EntryCounts>>>();
  /** Times each phase was forgotten: a load that began before is not kept. */
  const generations = new Map<string, number>();
  /** Commits and loads run one at a time, so no load reads tallies that a commit has moved and its counts not yet. */
  let turn: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = turn.catch(() => undefined).then(work);
    turn = run;
    return run;
  };

  const generation = (phase: string) => generations.get(phase) ?? 0;
  const handle = {
    forget(phase: string) {
      phases.delete(phase);
      generations.set(phase, generation(phase) + 1);
    },
  };
  live.add(handle);

  const load = (contestId: string, phaseId: string, phase: string) => {
    const pending = loading.get(phase);
    if (pending) return pending;
    const loaded = exclusive(async () => {
      const startedAt = generation(phase);
      const rows = await talliesOfPhase(db, contestId, phaseId);
      const counts = new Map(rows.map((row) => [row.registration_id, { counted: row.counted, held: row.held }]));
      if (generation(phase) === startedAt) phases.set(phase, { counts, loadedAt: now() });
      return counts;
    }).finally(() => loading.delete(phase));
    loading.set(phase, loaded);
    return loaded;
  };

  const move = (deltas: readonly TallyDelta[]) => {
    for (const delta of deltas) {
      const loaded = phases.get(joinKey(delta.contestId, delta.phaseId));
      if (!loaded) continue;
      const counts = loaded.counts.get(delta.registrationId) ?? { counted: 0, held: 0 };
      loaded.counts.set(delta.registrationId, { counted: counts.counted + delta.counted, held: counts.held + delta.held });
    }
  };

  return {
    async of(contestId, phaseId) {
      const phase = joinKey(contestId, phaseId);
      const loaded = phases.get(phase);
      if (loaded && (options.ttlMs === undefined || now() - loaded.loadedAt < options.ttlMs)) return loaded.counts;
      return load(contestId, phaseId, phase);
    },
    whileCommitting: (commit) =>
      exclusive(async () => {
        try {
          const { result, deltas } = await commit();
          move(deltas);
          return result;
        } catch (error) {
          // A commit that failed may still have committed (the connection lost at COMMIT): read the counts again.
          for (const phase of [...phases.keys()]) handle.forget(phase);
          throw error;
        }
      }),
    close() {
      live.delete(handle);
    },
  };
}
