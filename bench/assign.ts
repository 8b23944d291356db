/**
 * Judge assignment at contest scale: 10,000 entries in 4 divisions, 1,000 judges each covering one
 * division, 3 judges per entry, caps of 40 (30 is the even load), 25,000 conflicts (1% of the
 * covering pairs) and 25 affinity scores per entry; solved balancing loads and then maximising affinity.
 * BENCH_SEED picks the random instance (1 by default).
 *
 *   npm run bench:assign
 *
 * Prints the time and the objective's parts; the last line is one JSON object:
 * { entries, judges, perEntry, conflicts, ms, cpuMs, maxLoad, minLoad, shortfall, spread, balance, affinity }:
 * ms is the wall time, cpuMs the CPU time the process spent solving (the two differ on a busy machine).
 */
import { solveAssignment } from '../src/review/assignment/solve.ts';
import { contestInstance } from '../test/support/assignment-instances.ts';

const shape = { entries: 10_000, judges: 1_000, perEntry: 3, divisions: 4, cap: 40, conflicts: 25_000, scoredPerEntry: 25 };
const seed = Number(process.env.BENCH_SEED ?? 1);
const instance = contestInstance(shape, seed);

const started = performance.now();
const cpuBefore = process.cpuUsage();
let reported = 0;
const result = await solveAssignment(instance, {
  onProgress: ({ routed, total }) => {
    if (routed - reported >= total / 10 || routed === total) {
      process.stderr.write(`${routed}/${total} placed after ${Math.round(performance.now() - started)} ms\n`);
      reported = routed;
    }
  },
});
const ms = Math.round(performance.now() - started);
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = Math.round((cpu.user + cpu.system) / 1000);

const loads = result.loads.map(({ load }) => load);
const maxLoad = Math.max(...loads);
const minLoad = Math.min(...loads);
const { shortfall, spread, balance, affinity } = result.objective;
console.log(`seed ${seed}: ${shape.entries} entries × ${shape.judges} judges × ${shape.perEntry}, ${shape.conflicts} conflicts, cap ${shape.cap}`);
console.log(
  `solved in ${ms} ms (${cpuMs} ms of CPU): ${result.pairs.length} pairs, ${shortfall} places empty (spread Σ empty(empty+1)/2 = ${spread}), loads ${minLoad}–${maxLoad}, Σ load(load+1)/2 = ${balance}, Σ affinity = ${affinity}`,
);
console.log(
  JSON.stringify({
    entries: shape.entries,
    judges: shape.judges,
    perEntry: shape.perEntry,
    conflicts: shape.conflicts,
    ms,
    cpuMs,
    maxLoad,
    minLoad,
    shortfall,
    spread,
    balance,
    affinity,
  }),
);
