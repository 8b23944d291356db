import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { gradientPosterWorks } from '../../../test/support/poster-works.ts';
import { compareInWorker, comparisonProgress, type ComparisonProgress } from './compare-pool.ts';
import { findNearDuplicates } from './rules.ts';

// Each test takes posters of seeds of its own: the worker's cache of verdicts lives as long as this file's process.
describe('the originality comparison in a worker thread', () => {
  it('finds what findNearDuplicates finds on the main thread, and a second time checks no pixels', async () => {
    const works = await gradientPosterWorks(12, 0);
    const first = await compareInWorker(works, 'contest-a');
    expect(first.pairs).toEqual(findNearDuplicates(works));
    expect(first.pairs.map((pair) => [pair.a.ref, pair.b.ref])).toContainEqual(['G-000', 'G-012']);
    expect(first.pixelChecks).toBe(first.candidates);
    expect(first.candidates).toBeGreaterThan(0);

    const again = await compareInWorker([...works].reverse(), 'contest-a');
    expect(again).toEqual({ pairs: first.pairs, candidates: first.candidates, pixelChecks: 0 });
  });

  it('keeps the event loop answering while it compares, and says how far it is and who waits', { timeout: 120_000 }, async () => {
    const works = await gradientPosterWorks(30, 100);
    const seen: ComparisonProgress[] = [];
    const poll = setInterval(() => {
      const progress = comparisonProgress('contest-b');
      if (progress) seen.push(progress);
    }, 20);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    // The histogram records from its second tick on: a loop blocked before then would go unseen.
    await sleep(50);
    const started = performance.now();
    const comparing = compareInWorker(works, 'contest-b');
    const waiting = compareInWorker(works.slice(0, 3), 'contest-c');
    expect(comparisonProgress('contest-c')).toEqual({ state: 'queued', ahead: 1 });
    const comparison = await comparing;
    const reportMs = performance.now() - started;
    delay.disable();
    clearInterval(poll);
    await waiting;
    expect(comparisonProgress('contest-b')).toBeNull();

    const maxDelayMs = delay.max / 1e6;
    console.log(`30 gradient posters: ${comparison.pixelChecks} pixel checks in ${Math.round(reportMs)} ms; event loop delay max ${Math.round(maxDelayMs)} ms`);
    expect(comparison.pixelChecks).toBeGreaterThan(20);
    expect(maxDelayMs).toBeLessThan(reportMs / 4);
    const comparingSeen = seen.filter((p) => p.state === 'comparing');
    expect(comparingSeen.length).toBeGreaterThan(0);
    const checked = comparingSeen.map((p) => (p.state === 'comparing' ? p.checked : 0));
    expect(checked).toEqual([...checked].sort((x, y) => x - y));
    expect(comparingSeen.at(-1)).toEqual({ state: 'comparing', checked: expect.any(Number), candidates: comparison.candidates });
  });
});
