/**
 * The contest list (GET /api/contests) with the five seeds and two editions of each (15 contests), on
 * embedded PGlite in memory: BENCH_REQUESTS requests (200 by default) one after another, after a
 * warm-up. Also times what the list cost before definitions were parsed once per version: validating
 * every stored definition again on each request (reparseMs, per request).
 *
 *   npm run bench:contest-list
 *
 * The last line is one JSON object: { contests, requests, p50Ms, p99Ms, reparseMs }.
 */
import { randomUUID } from 'node:crypto';
import { installAuditKey } from '../src/audit/key.ts';
import { contestDefinitionSchema } from '../src/contest/schema/index.ts';
import { contestVersion } from '../src/contest/queries.ts';
import { copyContestEdition, findContests, publishContestFolder } from '../src/contest/service.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { migrateToLatest, openDatabase } from '../src/platform/database.ts';
import { createServer } from '../src/platform/http/server.ts';
import { contestsFolder } from '../test/support/factories.ts';
import { contestRoutes } from '../src/contest/routes.ts';

const requests = Number(process.env.BENCH_REQUESTS ?? 200);
installAuditKey(randomUUID() + randomUUID());

const { db, close } = await openDatabase({ memory: true });
await migrateToLatest(db);
const clock = fixedClock('2025-06-01T10:00:00+08:00');
const seeds = await publishContestFolder(db, contestsFolder, 'bench', clock);
for (const { id } of seeds) {
  const next = await copyContestEdition(db, id, '2030-05-12', 'bench', clock);
  await copyContestEdition(db, next.id, '2031-05-12', 'bench', clock);
}
const app = await createServer({ db, config: loadConfig({ NODE_ENV: 'test' }), clock, registerRoutes: [contestRoutes], logger: false });

const timeOne = async () => {
  const started = process.hrtime.bigint();
  const reply = await app.inject({ method: 'GET', url: '/api/contests' });
  if (reply.statusCode !== 200) throw new Error(`GET /api/contests answered ${reply.statusCode}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
};
for (let i = 0; i < 20; i++) await timeOne();
const times: number[] = [];
for (let i = 0; i < requests; i++) times.push(await timeOne());
times.sort((a, b) => a - b);

const stored: unknown[] = [];
for (const { row } of await findContests(db)) stored.push((await contestVersion(db, row.id, row.current_version))!.definition);
const started = process.hrtime.bigint();
for (let i = 0; i < 20; i++) for (const definition of stored) contestDefinitionSchema.parse(definition);
const reparseMs = Number(process.hrtime.bigint() - started) / 1e6 / 20;

await app.close();
await close();
const at = (q: number) => Number(times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(2));
console.log(JSON.stringify({ contests: stored.length, requests, p50Ms: at(0.5), p99Ms: at(0.99), reparseMs: Number(reparseMs.toFixed(2)) }));
