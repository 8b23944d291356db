/**
 * Registration at scale, on PostgreSQL: fills a contest (seed 001) with BENCH_EXISTING registrations
 * (100,000 by default) in bulk, multi-row INSERTs of registrations, members and key rows, then
 * measures through the service for BENCH_SECONDS each (10 by default): registrations one after
 * another (p50, p99), 20 clients registering at once (registrations a second, p99), and the
 * organiser's table (a page, sorted, searched), then starts `leitai serve --demo` on that database and
 * reads its resident memory (run `npm run build` first: from the sources, tsx costs more). Each entry is
 * a team of three new people.
 *
 *   LEITAI_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:registrations
 *
 * Runs in a fresh database it creates on that server (leitai_bench_<pid>) and drops afterwards, unless
 * BENCH_KEEP_DATABASE=1 (to EXPLAIN the table's queries against it afterwards).
 * The last line is one JSON object: { existing, p50Ms, p99Ms, concurrentRps, concurrentP99Ms, rssMb }.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { installAuditKey } from '../src/audit/key.ts';
import { parseDefinition } from '../src/contest/load.ts';
import { publishContest } from '../src/contest/service.ts';
import { createAccount } from '../src/platform/auth/service.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { contestsFolder, entry, person, seeds } from '../test/support/factories.ts';
import { keyRows } from '../src/registration/entry-keys.ts';
import { contestRegistrations } from '../src/registration/listing.ts';
import { memberRows, toStoredEntrant } from '../src/registration/records.ts';
import { formatRef, refPrefixBase } from '../src/registration/reference.ts';
import { registerEntry } from '../src/registration/service.ts';
import { withScratchDatabase } from './scratch-database.ts';
import { serverRssAfterStart } from './server-rss.ts';

const existing = Number(process.env.BENCH_EXISTING ?? 100_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = 20;
const BATCH = 1000;

// A throwaway key for the throwaway database: services append keyed digests, as under `leitai serve`.
const auditKey = randomUUID() + randomUUID();
installAuditKey(auditKey);

const file = `${contestsFolder}/${seeds['001'].file}`;
const loaded = parseDefinition(readFileSync(file, 'utf8'), file);
if (!loaded.ok) throw new Error('seed 001 is invalid');
const definition = loaded.definition;
const contestId = definition.id;
const clock = fixedClock('2022-04-01T10:00:00+08:00');
const tracks = ['government-services', 'financial-innovation'];

/** Team `n`: three people of its own (numbered 3n, 3n+1, 3n+2), so no two teams share anyone. */
const team = (n: number) =>
  entry(definition, {
    title: `数据共享平台 ${n}`,
    trackId: tracks[n % tracks.length],
    entrantKind: 'team',
    teamName: `团队 ${n}`,
    leader: person(3 * n),
    members: [person(3 * n + 1), person(3 * n + 2)],
  });

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
const round = (ms: number) => Math.round(ms * 10) / 10;

await withScratchDatabase(async (db, url) => {
  await publishContest(db, { definition, sourceYaml: loaded.source, sourceFile: `contests/${seeds['001'].file}` }, 'system', clock);
  const account = await createAccount(db, { email: 'bench@example.com', password: 'correct horse battery', displayName: '压测' }, clock, [
    { role: 'participant' },
  ]);
  const organiser = await createAccount(db, { email: 'organiser@example.com', password: 'correct horse battery', displayName: '主办方' }, clock, [
    { role: 'organiser', contestId },
  ]);

  const filled = performance.now();
  for (let from = 0; from < existing; from += BATCH) {
    const entries = Array.from({ length: Math.min(BATCH, existing - from) }, (_, i) => ({ id: randomUUID(), n: from + i + 1, entry: team(from + i + 1) }));
    const keys = entries.map((e) => keyRows(contestId, e.id, e.entry));
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('registrations')
        .values(
          entries.map(({ id, n, entry: e }) => ({
            id,
            contest_id: contestId,
            ref: formatRef(refPrefixBase(contestId), n),
            title: e.title,
            entrant_kind: e.entrantKind,
            track_id: e.trackId,
            group_id: null,
            category_id: null,
            topic_id: null,
            zone_id: null,
            entrant: JSON.stringify(toStoredEntrant(e)),
            owner_account_id: null,
            status: 'active' as const,
            created_at: new Date(clock.now().getTime() - (existing - n) * 1000),
            updated_at: clock.now(),
            withdrawn_at: null,
            definition_version: 1,
          })),
        )
        .execute();
      await trx
        .insertInto('registration_members')
        .values(entries.flatMap((e) => memberRows(e.id, e.entry, null)))
        .execute();
      await trx
        .insertInto('registration_identifiers')
        .values(keys.flatMap((k) => k.identifiers))
        .execute();
    });
  }
  await db
    .insertInto('registration_counters')
    .values({ contest_id: contestId, last_ref: existing, ref_prefix: refPrefixBase(contestId) })
    .onConflict((oc) => oc.column('contest_id').doUpdateSet({ last_ref: existing }))
    .execute();
  // What autovacuum does after a bulk of inserts on a live server: statistics, and the visibility map
  // that lets the table's counts read the index alone.
  await sql`vacuum analyze`.execute(db);
  console.log(`filled ${existing} registrations in ${round((performance.now() - filled) / 1000)} s`);

  let next = existing + 1_000_000;
  const actor = { account, clock };
  const registerOne = async () => {
    const started = performance.now();
    await registerEntry(db, contestId, team(next++), actor);
    return performance.now() - started;
  };

  // Warm the pool and the caches before measuring.
  for (let i = 0; i < 20; i++) await registerOne();

  const sequential: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (const end = performance.now() + seconds * 1000; performance.now() < end;) sequential.push(await registerOne());
  const cpu = process.cpuUsage(cpuBefore);
  // How much of a registration is this process's own work (the rest is waiting on PostgreSQL): on a
  // machine of n cores, n × 1000 ÷ (this + PostgreSQL's share) bounds the registrations a second.
  console.log(`this process's CPU per registration: ${round((cpu.user + cpu.system) / 1000 / sequential.length)} ms`);
  sequential.sort((a, b) => a - b);
  console.log(`sequential: ${sequential.length} registrations, p50 ${round(percentile(sequential, 50))} ms, p99 ${round(percentile(sequential, 99))} ms`);

  const concurrent: number[] = [];
  const startedAll = performance.now();
  const end = startedAll + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < end) concurrent.push(await registerOne());
    }),
  );
  const concurrentRps = concurrent.length / ((performance.now() - startedAll) / 1000);
  concurrent.sort((a, b) => a - b);
  console.log(`${CLIENTS} clients: ${concurrent.length} registrations, ${round(concurrentRps)} a second, p99 ${round(percentile(concurrent, 99))} ms`);

  const total = existing + 20 + sequential.length + concurrent.length;
  const listings: [string, Parameters<typeof contestRegistrations>[2]][] = [
    ['first page by time', {}],
    ['page 50 by reference', { sort: 'ref', offset: 2450, limit: 50 }],
    ['by title, descending', { sort: 'title', order: 'desc' }],
    ['search a title', { q: '数据共享平台 4242' }],
    ['search a name', { q: '参赛者12345' }],
    ['search a phone', { q: '13900123' }],
    ['search a reference', { q: String(existing - 7).padStart(4, '0') }],
  ];
  for (const [label, filters] of listings) {
    const started = performance.now();
    const reply = await contestRegistrations(db, contestId, filters, organiser, clock);
    console.log(`table, ${label}: ${round(performance.now() - started)} ms, ${reply.registrations.length} rows of ${reply.matched} (${total} registered)`);
  }

  // The server's memory after start on this database (100,000 entries and the demo), not this process's.
  const rssMb = await serverRssAfterStart(url, auditKey);
  console.log(`server RSS after start (leitai serve --demo on this database): ${rssMb} MB`);
  console.log(
    `os load average ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    JSON.stringify({
      existing,
      p50Ms: round(percentile(sequential, 50)),
      p99Ms: round(percentile(sequential, 99)),
      concurrentRps: Math.round(concurrentRps),
      concurrentP99Ms: round(percentile(concurrent, 99)),
      rssMb,
    }),
  );
});
