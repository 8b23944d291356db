import { SerialWorker } from '../../platform/serial-worker.ts';
import type { Comparison } from './compare-job.ts';
import type { FingerprintedWork } from './rules.ts';

/**
 * The main-thread side of compare-worker.mjs: one worker thread (platform/serial-worker.ts), kept
 * because its cache of pixel verdicts is the point. Comparisons run one at a time, in the order
 * asked: each uses a whole core for as long as it takes, and a second report of the same contest,
 * queued behind the first, then finds every verdict cached. Progress is kept for the organiser's
 * page to poll.
 */

/** Where the comparisons labelled with one contest stand. */
export type ComparisonProgress = { state: 'queued'; ahead: number } | { state: 'comparing'; checked: number; candidates: number };

const comparisons = new SerialWorker<{ works: readonly FingerprintedWork[] }, Comparison, { checked: number; candidates: number }>(
  new URL('./compare-worker.mjs', import.meta.url),
  'the originality comparison',
);

/** Compares the works off the main thread (rules.ts' findNearDuplicates); `label` names them for `comparisonProgress`. */
export const compareInWorker = (works: readonly FingerprintedWork[], label: string) => comparisons.run({ works }, { label });

/** The comparison of `label` running, else the first queued; null when there is none. */
export function comparisonProgress(label: string): ComparisonProgress | null {
  const standing = comparisons.standing(label);
  if (standing?.state !== 'running') return standing;
  return { state: 'comparing', checked: standing.progress?.checked ?? 0, candidates: standing.progress?.candidates ?? 0 };
}
