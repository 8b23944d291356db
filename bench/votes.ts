/**
 * The vote path end to end, against its ceiling. In one run, each for BENCH_SECONDS (10 by default)
 * after 2 s of warm-up, with BENCH_CONNECTIONS keep-alive clients (32) sending their next request as
 * soon as the last is answered (http-load.ts):
 *   1. the ceiling: a bare Fastify hello-world (GET / → {"hello":"world"}) in its own process;
 *   2. POST vote on `leitai serve` over the embedded database (PGlite), in its own process;
 *   3. the same on PostgreSQL (LEITAI_BENCH_DATABASE_URL, a fresh database: scratch-database.ts).
 * Each vote is whole: the voter's session cookie, a solved proof-of-work challenge (verified by the
 * server: two HMACs and its replay check), the pace limits, the definition's limits, the fraud
 * signals, and the vote committed (group commit) before the answer. Challenges are solved here
 * beforehand, a pool per run, at the cheapest cost (LEITAI_ALTCHA_COST=1, _MAX_COUNTER=10): checking
 * one costs the server the same at any cost. The contest is seed 000 with its vote open today,
 * BENCH_ENTRIES entries (12) and BENCH_VOTERS voters (30,000) signed in, each behind an address of its
 * own (X-Forwarded-For from a trusted proxy), a few to a /24, each casting its ten votes of the day.
 * BENCH_MAX_RPS (10,000) bounds what a run may answer: challenges and voters are made for that many.
 *
 * After each run, every vote acknowledged (201) must be in the database, and no other: printed.
 * Run `npm run build` first to measure the compiled server (from the sources, tsx only costs start-up).
 *
 *   LEITAI_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:votes
 *
 * The last line is one JSON object: { ceilingRps, pglite: { rps, p50Ms, p99Ms }, postgres: { rps, p50Ms, p99Ms }, ratio },
 * ratio = PostgreSQL's votes a second ÷ the ceiling.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { installAuditKey } from '../src/audit/key.ts';
import { systemClock } from '../src/platform/clock.ts';
import { memoryCounters } from '../src/platform/counters.ts';
import { migrateToLatest, openDatabase } from '../src/platform/database.ts';
import type { Database } from '../src/platform/db-types.ts';
import { challenges } from '../src/voting/challenge.ts';
import { contestWithEntries, voteOpenAround, votersWithSessions } from '../test/support/vote-fixtures.ts';
import { solvedChallenge } from '../test/support/voting.ts';
import { httpRequest, runLoad, type LoadResult } from './http-load.ts';
import { withScratchDatabase } from './scratch-database.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
/** The most votes a run may answer (a second), for the challenges solved beforehand and the voters signed in. */
const maxRps = Number(process.env.BENCH_MAX_RPS ?? 10_000);
const entryCount = Number(process.env.BENCH_ENTRIES ?? 12);
const WARM_UP_SECONDS = 2;
/** 000 lets a voter cast ten votes a day, one for any entry. */
const VOTES_PER_VOTER = 10;
/** Voters voting at once: a voter's next vote comes 2,000 requests after its last. */
const ACTIVE_VOTERS = 2000;

const auditKey = randomBytes(32).toString('hex');
installAuditKey(auditKey);
const challengeSettings = { hmacKey: randomBytes(32).toString('hex'), cost: 1, maxCounter: 10 };
const serverEnv = {
  LEITAI_AUDIT_KEY: auditKey,
  LEITAI_ALTCHA_HMAC_KEY: challengeSettings.hmacKey,
  LEITAI_ALTCHA_COST: String(challengeSettings.cost),
  LEITAI_ALTCHA_MAX_COUNTER: String(challengeSettings.maxCounter),
  LEITAI_TRUST_PROXY: '127.0.0.1',
  LOG_LEVEL: 'warn',
};

const round = (n: number) => Math.round(n * 10) / 10;

// ---- servers -------------------------------------------------------------------------------

const freePort = async () => {
  const { createServer } = await import('node:net');
  return new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
};

interface Running {
  port: number;
  /** CPU time the server process has used so far, from /proc: in all, and in the kernel (system calls: sockets). */
  cpuMs(): { all: number; kernel: number };
  stop(): Promise<void>;
}

/** utime and stime of a process in ms (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms). */
const cpuMsOf = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const kernel = Number(fields[12]) * 10;
  return { all: Number(fields[11]) * 10 + kernel, kernel };
};

async function startProcess(args: string[], env: Record<string, string>, readyPath: string): Promise<Running> {
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, args, { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null || tries > 240) throw new Error(`the server did not start:\n${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}${readyPath}`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    port,
    cpuMs: () => cpuMsOf(child.pid!),
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      if (/error/i.test(output)) console.log(`server output:\n${output.slice(-2000)}`);
    },
  };
}

const emptyContests = mkdtempSync(join(tmpdir(), 'leitai-bench-contests-'));
/** BENCH_PROFILE=<folder>: the servers write V8 CPU profiles there (node --cpu-prof), to see where a vote's time goes. */
const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
const startLeitai = (env: Record<string, string>) =>
  startProcess([...profile, 'bin/leitai.mjs', 'serve', '--contests', emptyContests], { ...serverEnv, ...env }, '/healthz');

// ---- the contest, voters, challenges -------------------------------------------------------

interface Prepared {
  contestId: string;
  entries: string[];
  tokens: string[];
}

async function prepare(db: Kysely<Database>, voterCount: number): Promise<Prepared> {
  const { contestId, entries } = await contestWithEntries(db, entryCount, voteOpenAround(new Date()));
  return { contestId, entries, tokens: await votersWithSessions(db, voterCount) };
}

async function challengePool(size: number): Promise<string[]> {
  const made = challenges({ settings: challengeSettings, counters: memoryCounters(systemClock), clock: systemClock });
  const started = performance.now();
  const pool: string[] = [];
  // Side by side: the derivations run on libuv's threads.
  while (pool.length < size) {
    const chunk = Math.min(256, size - pool.length);
    pool.push(...(await Promise.all(Array.from({ length: chunk }, async () => solvedChallenge(await made.createChallenge())))));
  }
  console.log(`  ${size} challenges solved beforehand in ${round((performance.now() - started) / 1000)} s`);
  return pool;
}

/** Voter v, a few to a /24: 4,096 subnets, each voter at an address of its own. */
const addressOf = (voter: number) => {
  const subnet = voter % 4096;
  return `10.${subnet >> 8}.${subnet & 255}.${1 + Math.floor(voter / 4096)}`;
};

const userAgents = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49',
  'Mozilla/5.0 (Linux; Android 14; V2307A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 Mobile Safari/537.36 XWEB/1160065 MicroMessenger/8.0.50',
  'Mozilla/5.0 (Linux; Android 13; 22081212C) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
];

/**
 * Vote n: voters come ACTIVE_VOTERS at a time, each casting its ten votes of the day for ten different
 * entries, one after another with the others' in between (as people click through a showcase), then
 * the next voters come. A voter's first vote costs the server its session's lookup; the nine after, none.
 */
const voteRequests = (prepared: Prepared, pool: string[]) => {
  const path = `/api/contests/${prepared.contestId}/phases/public-vote/votes`;
  return (n: number) => {
    const block = Math.floor(n / (ACTIVE_VOTERS * VOTES_PER_VOTER));
    const within = n % (ACTIVE_VOTERS * VOTES_PER_VOTER);
    const voter = block * ACTIVE_VOTERS + (within % ACTIVE_VOTERS);
    const round = Math.floor(within / ACTIVE_VOTERS);
    if (voter >= prepared.tokens.length || n >= pool.length) return undefined;
    const body = JSON.stringify({
      registrationId: prepared.entries[(voter + round) % prepared.entries.length],
      challenge: pool[n],
      idempotencyKey: randomUUID(),
    });
    return httpRequest(
      'POST',
      path,
      {
        'Content-Type': 'application/json',
        Cookie: `leitai_voter=${prepared.tokens[voter]}`,
        'X-Forwarded-For': addressOf(voter),
        'User-Agent': userAgents[voter % userAgents.length],
      },
      body,
    );
  };
};

// ---- runs ----------------------------------------------------------------------------------

const describe = (label: string, result: LoadResult, cpu: { all: number; kernel: number }) =>
  console.log(
    `  ${label}: ${result.rps} a second, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms; server CPU ${Math.round(cpu.all * 1000)} µs a request (${Math.round(cpu.kernel * 1000)} in the kernel); answers ${JSON.stringify(result.statuses)}`,
  );

/** Warm-up, then the measured run, over one request sequence (the warm-up's votes are cast too). */
async function measure(server: Running, request: (n: number) => Buffer | undefined) {
  const { port } = server;
  let offset = 0;
  const counting = (n: number) => {
    offset = Math.max(offset, n + 1);
    return request(n);
  };
  const warmUp = await runLoad({ port, connections, seconds: WARM_UP_SECONDS, request: counting });
  const start = offset;
  const cpuBefore = server.cpuMs();
  const measured = await runLoad({ port, connections, seconds, request: (n) => request(start + n) });
  const cpuAfter = server.cpuMs();
  const cpuMsPerRequest = {
    all: (cpuAfter.all - cpuBefore.all) / measured.latencies.length,
    kernel: (cpuAfter.kernel - cpuBefore.kernel) / measured.latencies.length,
  };
  return { warmUp, measured, cpuMsPerRequest };
}

/** The naive vote on the same PostgreSQL server: one row inserted and committed per request (naive-vote-server.ts). */
async function naiveRun(url: string, entries: string[]) {
  const naive = await startProcess(['--import', 'tsx', 'bench/naive-vote-server.ts'], { DATABASE_URL: url }, '/');
  try {
    const { measured, cpuMsPerRequest } = await measure(naive, (n) =>
      httpRequest('POST', '/votes', { 'Content-Type': 'application/json' }, JSON.stringify({ registrationId: entries[n % entries.length] })),
    );
    describe('naive one-row-per-request insert on PostgreSQL (the reference)', measured, cpuMsPerRequest);
    return { rps: measured.rps, p50Ms: measured.p50Ms, p99Ms: measured.p99Ms };
  } finally {
    await naive.stop();
  }
}

async function ceiling(): Promise<number> {
  const hello = await startProcess(['--import', 'tsx', 'bench/hello-server.ts'], {}, '/');
  try {
    const request = httpRequest('GET', '/', {});
    const { measured, cpuMsPerRequest } = await measure(hello, () => request);
    describe('bare Fastify hello-world (the ceiling)', measured, cpuMsPerRequest);
    return measured.rps;
  } finally {
    await hello.stop();
  }
}

/** Every vote acknowledged is stored, and no other: the 201s against the votes and tallies. */
async function checkAcknowledged(db: Kysely<Database>, acknowledged: number) {
  const { votes } = await db
    .selectFrom('votes')
    .select((eb) => eb.fn.countAll<number>().as('votes'))
    .executeTakeFirstOrThrow();
  const tallied = await sql<{
    counted: number;
    held: number;
  }>`select coalesce(sum(counted), 0)::int as counted, coalesce(sum(held), 0)::int as held from vote_tallies`.execute(db);
  const { counted, held } = tallied.rows[0];
  console.log(`  acknowledged ${acknowledged} votes; stored ${votes} (tallies: ${counted} counted, ${held} held)`);
  if (votes !== acknowledged || counted + held !== votes) throw new Error('the votes stored are not the votes acknowledged');
}

async function voteRun(label: string, server: () => Promise<Running>, prepared: Prepared, poolSize: number, db: () => Promise<Kysely<Database>>) {
  console.log(`${label}:`);
  const pool = await challengePool(poolSize);
  const running = await server();
  let result;
  try {
    result = await measure(running, voteRequests(prepared, pool));
  } finally {
    await running.stop();
  }
  describe(`POST vote on ${label}`, result.measured, result.cpuMsPerRequest);
  if (result.measured.statuses[201] !== result.measured.latencies.length) console.log('  (answers other than 201 above: see their codes)');
  await checkAcknowledged(await db(), (result.warmUp.statuses[201] ?? 0) + (result.measured.statuses[201] ?? 0));
  return { rps: result.measured.rps, p50Ms: result.measured.p50Ms, p99Ms: result.measured.p99Ms };
}

console.log(
  `${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; ${connections} connections, ${seconds} s a run after ${WARM_UP_SECONDS} s of warm-up`,
);
const ceilingRps = await ceiling();
// No run answers more than the ceiling, nor (by assumption) more than maxRps: a pool that large lasts.
const poolSize = Math.ceil(Math.min(ceilingRps, maxRps) * (seconds + WARM_UP_SECONDS));
const voterCount = Math.ceil(poolSize / VOTES_PER_VOTER / ACTIVE_VOTERS) * ACTIVE_VOTERS;

/** BENCH_DATABASES=postgres (or pglite) runs one of the two; the other is null in the JSON. */
const databases = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',');

async function onPglite() {
  const dataDir = mkdtempSync(join(tmpdir(), 'leitai-bench-votes-'));
  try {
    const embedded = await openDatabase({ dataDir });
    await migrateToLatest(embedded.db);
    const prepared = await prepare(embedded.db, voterCount);
    await embedded.close();
    let reopened: Awaited<ReturnType<typeof openDatabase>> | undefined;
    const result = await voteRun(
      'the embedded database (PGlite)',
      () => startLeitai({ LEITAI_DATA_DIR: dataDir }),
      prepared,
      poolSize,
      async () => {
        reopened = await openDatabase({ dataDir });
        return reopened.db;
      },
    );
    await reopened?.close();
    return result;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const onPostgres = () =>
  withScratchDatabase(async (db, url) => {
    const prepared = await prepare(db, voterCount);
    const dataDir = mkdtempSync(join(tmpdir(), 'leitai-bench-data-'));
    try {
      const run = await voteRun(
        'PostgreSQL',
        () => startLeitai({ DATABASE_URL: url, LEITAI_DATA_DIR: dataDir }),
        prepared,
        poolSize,
        async () => db,
      );
      return { run, naive: await naiveRun(url, prepared.entries) };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

const pglite = databases.includes('pglite') ? await onPglite() : null;
const onServer = databases.includes('postgres') ? await onPostgres() : null;
const postgres = onServer?.run ?? null;
const ratioOf = (rps: number) => Math.round((rps / ceilingRps) * 100) / 100;
rmSync(emptyContests, { recursive: true, force: true });

console.log(
  `load average after ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(
  JSON.stringify({
    ceilingRps,
    pglite,
    postgres,
    ratio: postgres && ratioOf(postgres.rps),
    naive: onServer && { ...onServer.naive, ratio: ratioOf(onServer.naive.rps) },
  }),
);
