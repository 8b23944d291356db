/**
 * The results engine on BENCH_ENTRIES entries (100,000 by default) of seed 000's four divisions, 5
 * judges' totals each and a vote count each: its preliminary as published (mean, 50% judges and 50%
 * votes, top 10 of each division), then the same round with each other combine mode, and its final with
 * the awards. Each is timed after a warm-up, the median of 3 runs. Then the same round as stored: the
 * entries, judges, submitted scores and imported vote counts written to a scratch PostgreSQL database
 * (bench/scratch-database.ts; BENCH_DATABASE=0 skips it) and the organiser's preview read through the
 * review service (previewResults: the round's entries, its scores and votes, the engine), timed the same way.
 *
 *   npm run bench:results
 *
 * The last line is one JSON object: { entries, scores, engineMs, databaseMs } (the preliminary as
 * published; databaseMs null when skipped).
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { installAuditKey } from '../src/audit/key.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { previewResults } from '../src/review/publishing/service.ts';
import { contestsFolder, seedDefinition, seeds } from '../test/support/factories.ts';
import { storeRound } from './results-round.ts';
import { withScratchDatabase } from './scratch-database.ts';
import type { ContestDefinition, ReviewRound } from '../src/contest/schema/index.ts';
import { computeResults } from '../src/review/results/compute.ts';
import type { Results, ResultsInput } from '../src/review/results/types.ts';

const entryCount = Number(process.env.BENCH_ENTRIES ?? 100_000);
const judgesPerEntry = 5;
const judgePool = 1_000;

/** A fixed pseudo-random sequence (mulberry32), so every run ranks the same round. */
const random = (() => {
  let state = 20251130;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();

const definition = seedDefinition('000');
const divisions = ['publicity', 'app-dev/campus', 'app-dev/social', 'case-selection'];
const entries = Array.from({ length: entryCount }, (_, i) => ({ id: `e${i}`, division: divisions[i % divisions.length] }));
const input: ResultsInput = {
  entries,
  scores: entries.flatMap((entry, i) =>
    Array.from({ length: judgesPerEntry }, (_, j) => ({
      judge: `j${(i * judgesPerEntry + j) % judgePool}`,
      entry: entry.id,
      total: Math.round(40 + random() * 600) / 10,
    })),
  ),
  votes: entries.map((entry) => ({ entry: entry.id, count: Math.floor(random() ** 3 * 20_000) })),
};

const withCombine = (combine: ReviewRound['combine']): ContestDefinition => ({
  ...definition,
  review: { ...definition.review, rounds: definition.review.rounds.map((r) => (r.id === 'preliminary' ? { ...r, combine } : r)) },
});

const timed = async (label: string, run: () => Results | Promise<Results>) => {
  await run();
  const times: number[] = [];
  const cpu: number[] = [];
  let last!: Results;
  for (let i = 0; i < 3; i++) {
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    last = await run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (values: number[]) => Math.round(values.sort((a, b) => a - b)[1]);
  const ms = median(times);
  const awards = last.divisions.reduce((n, d) => n + d.awards.length, last.contestAwards.length);
  // CPU time beside the wall time: on a shared machine the wall time counts other people's work too.
  console.log(
    `${label.padEnd(34)} ${String(ms).padStart(6)} ms (cpu ${median(cpu)} ms)   advancing ${last.advancing}, awards ${awards}, problems ${last.problems.length}`,
  );
  return ms;
};

console.log(
  `entries ${entryCount} in ${divisions.length} divisions, scores ${input.scores.length} from ${judgePool} judges, vote counts ${input.votes.length}`,
);
const engineMs = await timed('preliminary (mean, 50/50 votes)', () => computeResults(definition, 'preliminary', input));
for (const combine of ['trimmed-mean', 'median', 'z-score'] as const)
  await timed(`preliminary (${combine})`, () => computeResults(withCombine(combine), 'preliminary', input));
await timed('final (mean, awards)', () => computeResults(definition, 'final', input));

const databaseMs =
  process.env.BENCH_DATABASE === '0'
    ? null
    : await withScratchDatabase(async (db) => {
        // The services append keyed digests, as under `leitai serve`: a throwaway key for the throwaway database.
        installAuditKey(randomUUID() + randomUUID());
        const file = `${contestsFolder}/${seeds['000'].file}`;
        const clock = fixedClock('2025-10-01T10:00:00+08:00');
        const stored = performance.now();
        const { contestId, organiser } = await storeRound(db, definition, readFileSync(file, 'utf8'), clock, {
          entries: entryCount,
          judges: judgePool,
          scoresPerEntry: judgesPerEntry,
        });
        console.log(`stored the round in PostgreSQL in ${Math.round(performance.now() - stored)} ms`);
        const actor = { account: organiser, clock };
        return timed('preliminary read from PostgreSQL', async () => (await previewResults(db, contestId, 'preliminary', actor)).results);
      });
console.log(JSON.stringify({ entries: entryCount, scores: input.scores.length, engineMs, databaseMs }));
