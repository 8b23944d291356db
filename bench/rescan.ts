/**
 * The rescan of one vote phase of BENCH_VOTES votes (1,000,000 by default), as the server runs it
 * (fraud/service.ts' rescan: the stream read from PostgreSQL, analysed in the rescan worker, the
 * suspects held), and what it costs the process: the time, and the most resident memory it added.
 *
 * The votes are the simulation's (simulate:votes' generator: honest voters, crowds and farms over
 * BENCH_ENTRIES entries (200) and 5 days, seed BENCH_SEED (1)), written to a fresh database on
 * LEITAI_BENCH_DATABASE_URL (scratch-database.ts) as seed 000's public vote: each voter proven at their
 * first vote, every vote counted. The rescan then runs in a process of its own, so what the
 * generation left in memory counts for nothing: `rssMb` is the process's peak resident memory
 * (the kernel's high-water mark, worker thread included) less what it held just before the rescan.
 *
 *   npm run bench:rescan
 *
 * The last line is one JSON object: { votes, ms, rssMb, baseRssMb, maxLoopDelayMs, held, signals }.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { installAuditKey } from '../src/audit/key.ts';
import { openDatabase } from '../src/platform/database.ts';
import type { Database } from '../src/platform/db-types.ts';
import { rescan } from '../src/voting/fraud/service.ts';
import { buildWorld } from '../src/voting/fraud/simulation/simulate.ts';
import type { SimulatedVote } from '../src/voting/fraud/simulation/world.ts';
import { insertVotesWithTallies } from '../src/voting/ingest/queries.ts';
import { contestWithEntries } from '../test/support/vote-fixtures.ts';
import { withScratchDatabase } from './scratch-database.ts';

const phaseId = 'public-vote';
// The parent and the child write audit events to one database: one key for both.
const auditKey = process.env.BENCH_AUDIT_KEY ?? randomBytes(32).toString('hex');
installAuditKey(auditKey);
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** The child's part: one rescan of the phase, measured. */
async function measureRescan(url: string, contestId: string) {
  const { db, close } = await openDatabase({ url });
  const baseRss = process.memoryUsage.rss();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  const { held, signals } = await rescan(db, contestId, phaseId, new Date());
  const ms = Math.round(performance.now() - started);
  delay.disable();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const votes = await db
    .selectFrom('votes')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  await close();
  return { votes: Number(votes.count), ms, rssMb: mb(peakRss - baseRss), baseRssMb: mb(baseRss), maxLoopDelayMs: Math.round(delay.max / 1e6), held, signals };
}

/** The simulated world's first `count` votes, with an honest background sized to give about that many. */
function worldOf(count: number, entries: number, seed: number): SimulatedVote[] {
  // At this scale the simulation's honest voters cast about 3.8 votes each over five days.
  const votes = buildWorld({ seed, voters: Math.ceil(count / 3.6), entries, days: 5, farmScale: 1 });
  return votes.slice(0, count);
}

/** The world's voters, each proven at their first vote, and its votes, into the phase of 000. */
async function writeWorld(db: Kysely<Database>, votes: readonly SimulatedVote[], entries: string[]) {
  const voters = new Map<string, { id: string; phone: string; since: Date }>();
  for (const vote of votes) if (!voters.has(vote.voterId)) voters.set(vote.voterId, { id: randomUUID(), phone: vote.phone, since: vote.castAt });
  const proven = [...voters.values()];
  for (let from = 0; from < proven.length; from += 10_000) {
    const page = proven.slice(from, from + 10_000);
    await sql`
      insert into voters (id, phone, created_at, verified_at)
      select id, phone, at::timestamptz, at::timestamptz
      from unnest(${page.map((v) => v.id)}::text[], ${page.map((v) => v.phone)}::text[], ${page.map((v) => v.since.toISOString())}::text[]) as voter(id, phone, at)`.execute(
      db,
    );
  }
  const entryOf = (simulated: string) => entries[Number(simulated.slice('entry-'.length)) - 1];
  for (let from = 0; from < votes.length; from += 5000) {
    const page = votes.slice(from, from + 5000).map((vote) => ({
      id: randomUUID(),
      contestId: vote.contestId,
      phaseId,
      registrationId: entryOf(vote.registrationId),
      divisionId: 'app-dev/social',
      voterId: voters.get(vote.voterId)!.id,
      idempotencyKey: randomUUID(),
      castAt: vote.castAt,
      address: vote.address,
      subnet: vote.subnet,
      device: vote.device,
      status: 'counted' as const,
      holdReasons: [],
    }));
    await insertVotesWithTallies(db, page);
  }
}

/** Runs this file again as the child that measures, and hands back its last line. */
function measureInChild(url: string, contestId: string): Promise<string> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, BENCH_AUDIT_KEY: auditKey, BENCH_RESCAN_OF: JSON.stringify({ url, contestId }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve(output.trim().split('\n').at(-1)!) : reject(new Error(`the measuring process exited (${code}):\n${output}`)),
    ),
  );
}

async function prepareAndMeasure() {
  const count = Number(process.env.BENCH_VOTES ?? 1_000_000);
  const entryCount = Number(process.env.BENCH_ENTRIES ?? 200);
  const seed = Number(process.env.BENCH_SEED ?? 1);
  return withScratchDatabase(async (db, url) => {
    const started = performance.now();
    const { contestId, entries } = await contestWithEntries(db, entryCount);
    const votes = worldOf(count, entryCount, seed).map((vote) => ({ ...vote, contestId }));
    await writeWorld(db, votes, entries);
    console.log(`${votes.length} votes of ${entryCount} entries written in ${Math.round((performance.now() - started) / 1000)} s; rescanning`);
    return measureInChild(url, contestId);
  });
}

const child = process.env.BENCH_RESCAN_OF;
if (child) {
  const { url, contestId } = JSON.parse(child) as { url: string; contestId: string };
  console.log(JSON.stringify(await measureRescan(url, contestId)));
} else {
  const line = await prepareAndMeasure();
  const result = JSON.parse(line) as { votes: number; ms: number; rssMb: number; baseRssMb: number; held: number };
  console.log(`rescan of ${result.votes} votes: ${result.ms} ms, ${result.rssMb} MB resident above the ${result.baseRssMb} MB before; ${result.held} held`);
  console.log(line);
}
