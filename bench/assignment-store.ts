/**
 * A round's assignment stored and read back: BENCH_ENTRIES entries (10,000 by default) over seed 000's
 * four divisions and BENCH_JUDGES judges (1,000), each covering one division with a cap of 40, 3
 * judges an entry. Written by INSERT … SELECT generate_series; then through the assignment service:
 * - run: a solver run from start to stored (load, solve, store), as the organiser's POST starts it,
 *   and a rerun of the same round, which finds the same pairs and writes only what changes;
 * - store: a finish's writes when every pair changes, 30,000 standing pairs taken away and 30,000
 *   inserted with the run row, in one transaction, the median of 3 (each undone after). A run writes
 *   only the pairs that change, so a re-run that moves a few entries writes a few rows;
 * - board: the organiser's GET of the round's assignment through the HTTP server (every entry with
 *   its judges, every judge's load), the median of 5 after a warm-up.
 * On PGlite in memory (the embedded default), or on a scratch PostgreSQL database with BENCH_POSTGRES=1.
 *
 *   npm run bench:assignment-store
 *
 * Each time is printed with the process's CPU time beside it: PGlite works in this process, so on a
 * shared machine its CPU time says what the work costs when the wall time counts others' work too.
 * The last line is one JSON object: { database, entries, judges, pairs, runMs, storeMs, boardMs } (wall, medians).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { installAuditKey } from '../src/audit/key.ts';
import { publishContest } from '../src/contest/service.ts';
import { createAccount, openSession } from '../src/platform/auth/service.ts';
import { systemClock } from '../src/platform/clock.ts';
import { migrateToLatest, openDatabase } from '../src/platform/database.ts';
import type { Database } from '../src/platform/db-types.ts';
import * as queries from '../src/review/assignment/queries.ts';
import { assignmentRoutes } from '../src/review/assignment/routes.ts';
import { runSettled } from '../src/review/assignment/runs.ts';
import { assignmentRun, startAssignmentRun, undoAssignment } from '../src/review/assignment/service.ts';
import { testServer } from '../test/support/test-server.ts';
import { contestsFolder, seedDefinition, seeds } from '../test/support/factories.ts';
import { withScratchDatabase } from './scratch-database.ts';

const entryCount = Number(process.env.BENCH_ENTRIES ?? 10_000);
const judgeCount = Number(process.env.BENCH_JUDGES ?? 1_000);
const divisions = [
  ['publicity', null],
  ['app-dev', 'campus'],
  ['app-dev', 'social'],
  ['case-selection', null],
] as const;
const definition = seedDefinition('000');
const contestId = definition.id;
const clock = systemClock;

async function storeContest(db: Kysely<Database>) {
  await publishContest(db, { definition, sourceYaml: readFileSync(`${contestsFolder}/${seeds['000'].file}`, 'utf8') }, 'system', clock);
  const organiser = await createAccount(db, { email: 'organiser@example.com', password: 'correct horse battery', displayName: '主办方' }, clock, [
    { role: 'organiser', contestId },
  ]);
  const at = clock.now();
  const tracks = sql.raw(`(array[${divisions.map(([track]) => `'${track}'`).join(',')}])`);
  const groups = sql.raw(`(array[${divisions.map(([, group]) => (group ? `'${group}'` : 'null')).join(',')}]::text[])`);
  const divisionIds = sql.raw(`(array[${divisions.map(([track, group]) => `'${group ? `${track}/${group}` : track}'`).join(',')}])`);
  await sql`
    insert into registrations (id, contest_id, ref, title, entrant_kind, track_id, group_id, entrant, status, created_at, updated_at, definition_version)
    select 'r' || g, ${contestId}, 'JSSC25-' || lpad(g::text, 6, '0'), '作品 ' || g, 'individual', ${tracks}[1 + g % 4], ${groups}[1 + g % 4],
           jsonb_build_object('leader', jsonb_build_object('name', '参赛者' || g), 'members', '[]'::jsonb, 'advisors', '[]'::jsonb, 'organisations', '[]'::jsonb),
           'active', ${at}, ${at}, 1
    from generate_series(1, ${entryCount}) g`.execute(db);
  await sql`
    insert into judges (id, contest_id, name, expertise, rounds, covers, cap, status, created_by, created_at, updated_at)
    select 'j' || g, ${contestId}, '评委' || g, '[]'::jsonb, '[]'::jsonb, jsonb_build_array(${divisionIds}[1 + g % 4]), 40, 'active', ${organiser.id}, ${at}, ${at}
    from generate_series(1, ${judgeCount}) g`.execute(db);
  return organiser;
}

/** Wall and CPU milliseconds of `work`: on a shared machine the wall time counts others' work too (PGlite's is in this process). */
async function timed(work: () => Promise<unknown>) {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  await work();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
}

const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]);

const show = (times: { wall: number; cpu: number }[]) => `${times.map((t) => `${Math.round(t.wall)} ms (cpu ${Math.round(t.cpu)})`).join(', ')}`;

async function measure(db: Kysely<Database>, database: string) {
  // The services append audit events with keyed digests, as under `leitai serve`: a throwaway key.
  installAuditKey(randomUUID() + randomUUID());
  const organiser = await storeContest(db);
  const actor = { account: organiser, clock };

  const started = performance.now();
  const run = await startAssignmentRun(db, contestId, 'preliminary', {}, actor);
  await runSettled(run.id);
  const runMs = Math.round(performance.now() - started);
  const done = await assignmentRun(db, contestId, 'preliminary', run.id, actor);
  if (done.status !== 'done') throw new Error(`the run ended ${done.status}: ${done.summary?.error}`);
  const pairs = (await queries.currentPairsOfRound(db, contestId, 'preliminary')).reverse();
  console.log(`run: ${entryCount} entries, ${judgeCount} judges, ${pairs.length} pairs, shortfall ${done.summary?.objective?.shortfall} in ${runMs} ms`);

  const stores: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < 3; i++) {
    stores.push(
      await timed(() =>
        db.transaction().execute(async (trx) => {
          const id = randomUUID();
          await queries.insertRun(trx, {
            id,
            contest_id: contestId,
            round_id: 'preliminary',
            kind: 'hand',
            status: 'done',
            progress: JSON.stringify({ routed: 0, total: 0 }),
            started_by: organiser.id,
            started_at: await queries.nextRunStart(trx, contestId, 'preliminary', clock.now()),
            finished_at: clock.now(),
          });
          await queries.removeUnscoredPairs(trx, id, contestId, 'preliminary', pairs);
          await queries.insertPairs(trx, id, contestId, 'preliminary', pairs);
        }),
      ),
    );
    await undoAssignment(db, contestId, 'preliminary', actor);
  }
  const storeMs = median(stores.map((t) => t.wall));
  console.log(`store: ${pairs.length} pairs taken away and ${pairs.length} added in one transaction: ${show(stores)}`);

  let rerunId = '';
  const rerun = await timed(async () => {
    const again = await startAssignmentRun(db, contestId, 'preliminary', {}, actor);
    await runSettled(again.id);
    rerunId = again.id;
  });
  const written = await db
    .selectFrom('assignments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('added_by_run', '=', rerunId), eb('removed_by_run', '=', rerunId)]))
    .executeTakeFirstOrThrow();
  console.log(`rerun of the same round: ${show([rerun])}, pairs written ${written.n}`);

  const server = await testServer(db, { clock, registerRoutes: [assignmentRoutes] });
  const headers = { cookie: `leitai_session=${(await openSession(db, organiser.id, clock)).token}` };
  const url = `/api/contests/${contestId}/rounds/preliminary/assignment`;
  const boards: { wall: number; cpu: number }[] = [];
  let bytes = 0;
  for (let i = 0; i < 6; i++) {
    const time = await timed(async () => {
      const reply = await server.inject({ method: 'GET', url, headers });
      if (reply.statusCode !== 200) throw new Error(reply.body);
      bytes = reply.body.length;
    });
    if (i > 0) boards.push(time);
  }
  await server.close();
  const boardMs = median(boards.map((t) => t.wall));
  console.log(`board: GET ${url} (${Math.round(bytes / 1024)} KiB): ${show(boards)}`);
  console.log(JSON.stringify({ database, entries: entryCount, judges: judgeCount, pairs: pairs.length, runMs, storeMs, boardMs }));
}

if (process.env.BENCH_POSTGRES === '1') await withScratchDatabase((db) => measure(db, 'postgres'));
else {
  const { db, close } = await openDatabase({ memory: true });
  await migrateToLatest(db);
  await measure(db, 'pglite');
  await close();
}
