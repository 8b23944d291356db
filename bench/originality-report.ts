/**
 * The originality report's comparison on BENCH_POSTERS gradient posters of one template (60 by default,
 * the case of the finding: many hash candidates, so many pixel checks), and what it does to the event
 * loop: on the main thread as the report ran before, then in the worker (compare-pool.ts) with a cold
 * cache of pixel verdicts and again with it warm. For each, the time and the event loop's largest delay
 * (perf_hooks.monitorEventLoopDelay): the time every other request would have waited.
 *
 *   npm run bench:originality-report
 *
 * Prints a table, then, as its last line, one JSON object: { posters, candidates, runs: { mainThread, worker, workerCached } }.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { compareInWorker } from '../src/submission/originality/compare-pool.ts';
import { findNearDuplicates } from '../src/submission/originality/rules.ts';
import { gradientPosterWorks } from '../test/support/poster-works.ts';

const posters = Number(process.env.BENCH_POSTERS ?? 60);
const works = await gradientPosterWorks(posters);

interface Run {
  seconds: number;
  maxLoopDelayMs: number;
  pairs: number;
  pixelChecks: number | null;
}

async function measure(compare: () => Promise<{ pairs: unknown[]; pixelChecks: number | null }>): Promise<Run> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  // The histogram records from its second tick on: a loop blocked before then would go unseen.
  await sleep(50);
  const started = performance.now();
  const { pairs, pixelChecks } = await compare();
  const seconds = (performance.now() - started) / 1000;
  // A blocked loop's delay is recorded when its timer finally runs: let it.
  await sleep(50);
  delay.disable();
  return { seconds: Math.round(seconds * 100) / 100, maxLoopDelayMs: Math.round(delay.max / 1e6), pairs: pairs.length, pixelChecks };
}

const mainThread = await measure(async () => ({ pairs: findNearDuplicates(works), pixelChecks: null }));
const worker = await measure(() => compareInWorker(works, 'bench'));
const workerCached = await measure(() => compareInWorker(works, 'bench'));
const { candidates } = await compareInWorker(works, 'bench');

const rows = [
  ['main thread (before)', mainThread],
  ['worker, cold cache', worker],
  ['worker, cached verdicts', workerCached],
] as const;
console.log(`${posters} gradient posters of one template and one copy: ${candidates} candidate pairs for the pixel check`);
console.log('run                       seconds  max loop delay (ms)  pixel checks  pairs');
for (const [label, run] of rows) {
  console.log(
    `${label.padEnd(24)}  ${String(run.seconds).padStart(7)}  ${String(run.maxLoopDelayMs).padStart(19)}  ${String(run.pixelChecks ?? candidates).padStart(12)}  ${String(run.pairs).padStart(5)}`,
  );
}
console.log(JSON.stringify({ posters, candidates, runs: { mainThread, worker, workerCached } }));
