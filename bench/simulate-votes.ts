/**
 * `npm run simulate:votes`: honest voters, honest crowds and bot farms through the fraud signals,
 * with the precision and recall of what is held, per kind and in all. Sizes by environment:
 * BENCH_SEED (1), SIM_VOTERS honest voters (20000), SIM_ENTRIES (200), SIM_DAYS (5), SIM_FARM_SCALE (1).
 * The last line is one JSON object: { "precision", "recall", "kinds": { kind: recall or share held } }.
 */
import { simulateVotes } from '../src/voting/fraud/simulation/simulate.ts';

const numberFrom = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${process.env[name]}`);
  return value;
};

const options = {
  seed: numberFrom('BENCH_SEED', 1),
  voters: numberFrom('SIM_VOTERS', 20_000),
  entries: numberFrom('SIM_ENTRIES', 200),
  days: numberFrom('SIM_DAYS', 5),
  farmScale: numberFrom('SIM_FARM_SCALE', 1),
};

const started = performance.now();
const report = simulateVotes(options);
const seconds = (performance.now() - started) / 1000;

const pad = (text: string | number, width: number) => String(text).padStart(width);
console.log(
  `seed ${options.seed}: ${report.votes} votes (${report.farmVotes} from farms), ${options.voters} honest voters, ${options.entries} entries, ${options.days} days, ${seconds.toFixed(1)} s`,
);
console.log(`${'kind'.padEnd(16)}${pad('votes', 8)}${pad('held', 8)}  share held`);
for (const [kind, result] of Object.entries(report.kinds)) {
  console.log(`${kind.padEnd(16)}${pad(result.votes, 8)}${pad(result.held, 8)}  ${result.share.toFixed(4)}${result.farm ? ' (recall)' : ' (wrongly held)'}`);
}
console.log(`${'signal'.padEnd(16)}${pad('held', 8)}  precision`);
for (const [signal, result] of Object.entries(report.signals)) console.log(`${signal.padEnd(16)}${pad(result.held, 8)}  ${result.precision.toFixed(4)}`);
console.log(
  `at ingest alone: precision ${report.atIngest.precision}, recall ${report.atIngest.recall}; assessing a vote took ${report.atIngest.microsecondsPerVote} µs on average`,
);
console.log(
  JSON.stringify({
    precision: report.precision,
    recall: report.recall,
    kinds: Object.fromEntries(Object.entries(report.kinds).map(([kind, result]) => [kind, result.share])),
  }),
);
