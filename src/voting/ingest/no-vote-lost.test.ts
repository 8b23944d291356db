/**
 * No vote lost: `leitai serve` killed with SIGKILL in the middle of a load of votes, several times,
 * and started again. Clients vote with idempotency keys, keep every vote until it is acknowledged
 * (201) and send it again with the same key after a failure or no answer. At the end every
 * acknowledged vote is in the database once, with the id it was acknowledged with, and the tallies
 * and the audit log's batches count exactly the votes stored.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { expect, it } from 'vitest';
import { TEST_AUDIT_KEY } from '../../../test/support/audit-key.ts';
import { serveProcess, type ServeProcess } from '../../../test/support/serve-process.ts';
import { describeOnDatabases, postgresTestUrl, type TestDatabaseKind } from '../../../test/support/test-database.ts';
import { contestWithEntries, voteOpenAround, votersWithSessions } from '../../../test/support/vote-fixtures.ts';
import { solvedChallenge } from '../../../test/support/voting.ts';
import { systemClock } from '../../platform/clock.ts';
import { memoryCounters } from '../../platform/counters.ts';
import { migrateToLatest, openDatabase, type OpenedDatabase } from '../../platform/database.ts';
import type { Database } from '../../platform/db-types.ts';
import { challenges } from '../challenge.ts';

const VOTERS = 40;
const ENTRIES = 5;
const CLIENTS = 8;
const KILLS = 3;

const challengeSettings = { hmacKey: randomBytes(32).toString('hex'), cost: 1, maxCounter: 10 };
const made = challenges({ settings: challengeSettings, counters: memoryCounters(systemClock), clock: systemClock });

/** A database of its own for the server: a data directory (PGlite) or a database on the test server (PostgreSQL). */
async function ownDatabase(kind: TestDatabaseKind): Promise<{ env: Record<string, string>; open(): Promise<OpenedDatabase>; drop(): Promise<void> }> {
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'leitai-no-vote-lost-'));
    return {
      env: { LEITAI_DATA_DIR: dataDir },
      open: () => openDatabase({ dataDir }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `leitai_no_vote_lost_${process.pid}`;
  const admin = new pg.Client({ connectionString: postgresTestUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  const url = new URL(postgresTestUrl!);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'leitai-no-vote-lost-'));
  return {
    env: { DATABASE_URL: url.toString(), LEITAI_DATA_DIR: dataDir },
    open: () => openDatabase({ url: url.toString() }),
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface PlannedVote {
  voter: number;
  registrationId: string;
  key: string;
  attempts: number;
}

/**
 * Clients that each take the next vote, send it, and put it back when it was not acknowledged. The
 * first answer to every seventh vote is dropped as if the network lost it, so retries of committed
 * votes happen whether or not a kill falls between a commit and its answer.
 */
function voteLoad(server: ServeProcess, contestId: string, tokens: string[], plan: PlannedVote[]) {
  const queue = [...plan];
  const acknowledged = new Map<string, string>();
  const unexpected: string[] = [];
  const send = async (vote: PlannedVote) => {
    vote.attempts++;
    const body = { registrationId: vote.registrationId, challenge: await solvedChallenge(await made.createChallenge()), idempotencyKey: vote.key };
    const reply = await fetch(`${server.url}/api/contests/${contestId}/phases/public-vote/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `leitai_voter=${tokens[vote.voter]}`, 'x-forwarded-for': `10.0.${vote.voter}.1` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    if (reply.status === 201) return ((await reply.json()) as { vote: { id: string } }).vote.id;
    if (reply.status < 500) {
      unexpected.push(`${reply.status} ${await reply.text()}`);
      return 'refused';
    }
    return undefined;
  };
  const client = async () => {
    for (let vote = queue.shift(); vote; vote = queue.shift()) {
      const id = await send(vote).catch(() => undefined);
      const lost = vote.attempts === 1 && plan.indexOf(vote) % 7 === 0;
      if (id === 'refused') continue;
      if (id && !lost) {
        acknowledged.set(vote.key, id);
        continue;
      }
      // No answer, or the server failing: the same vote again, with the same key, after a pause.
      queue.push(vote);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { acknowledged, unexpected, done: Promise.all(Array.from({ length: CLIENTS }, client)) };
}

const countOf = async (db: Kysely<Database>, query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(db)).rows[0].n;

describeOnDatabases('no vote lost', (database) => {
  it(`keeps every acknowledged vote once through ${KILLS} SIGKILLs of the server in the middle of voting`, { timeout: 300_000 }, async () => {
    const own = await ownDatabase(database.kind);
    let opened: OpenedDatabase | undefined;
    let server: ServeProcess | undefined;
    try {
      opened = await own.open();
      await migrateToLatest(opened.db);
      const { contestId, entries } = await contestWithEntries(opened.db, ENTRIES, voteOpenAround(new Date()));
      const tokens = await votersWithSessions(opened.db, VOTERS);
      // The embedded database belongs to one process: the server's, from here on.
      if (database.kind === 'pglite') await opened.close();
      const plan = tokens.flatMap((_, voter) => entries.map((registrationId) => ({ voter, registrationId, key: randomUUID(), attempts: 0 })));

      server = await serveProcess({
        ...own.env,
        LEITAI_AUDIT_KEY: TEST_AUDIT_KEY,
        LEITAI_ALTCHA_HMAC_KEY: challengeSettings.hmacKey,
        LEITAI_TRUST_PROXY: '127.0.0.1',
      });
      await server.start();
      const load = voteLoad(server, contestId, tokens, plan);
      for (let kill = 1; kill <= KILLS; kill++) {
        while (load.acknowledged.size < (kill * plan.length) / (KILLS + 1)) await new Promise((resolve) => setTimeout(resolve, 5));
        await server.kill();
        await server.start();
      }
      await load.done;
      await server.stop();

      expect(load.unexpected).toEqual([]);
      expect(load.acknowledged.size).toBe(plan.length);
      // Votes in flight at a kill were sent again, beyond those whose first answer was dropped.
      expect(plan.filter((vote, n) => vote.attempts > 1 && n % 7 !== 0).length).toBeGreaterThan(0);

      if (database.kind === 'pglite') opened = await own.open();
      const db = opened.db;
      const stored = await db.selectFrom('votes').select(['id', 'idempotency_key', 'status', 'registration_id']).execute();
      expect(stored.length).toBe(plan.length);
      expect(new Map(stored.map((row) => [row.idempotency_key, row.id]))).toEqual(load.acknowledged);
      const tallied = await countOf(db, sql<{ n: number }>`select coalesce(sum(counted + held), 0)::int as n from vote_tallies`);
      expect(tallied).toBe(plan.length);
      const perEntryMismatch = await countOf(
        db,
        sql<{ n: number }>`
          select count(*)::int as n from vote_tallies t
          where t.counted <> (select count(*) from votes v where v.registration_id = t.registration_id and v.status = 'counted')
             or t.held <> (select count(*) from votes v where v.registration_id = t.registration_id and v.status = 'held')`,
      );
      expect(perEntryMismatch).toBe(0);
      const committed = await countOf(
        db,
        sql<{
          n: number;
        }>`select coalesce(sum((payload->>'count')::int), 0)::int as n from audit_events where contest_id = ${contestId} and type = 'votes.committed'`,
      );
      expect(committed).toBe(plan.length);
    } catch (error) {
      if (server) console.error(server.output().slice(-4000));
      throw error;
    } finally {
      await server?.kill();
      await opened?.close();
      await own.drop();
    }
  });
});
