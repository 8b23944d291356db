/**
 * Databases for integration tests. Opening PGlite costs seconds and ~730 MB in memory, so each
 * vitest worker opens ONE and every test file of that worker shares it; tests isolate by
 * emptying the tables before each test (`resetDatabase`), which is safe because a worker runs
 * its files one after another.
 *
 * With LEITAI_TEST_DATABASE_URL=postgres://…/test the same tests also run on PostgreSQL, each
 * worker in a database of its own (`leitai_test_<pid>_<pool>`), created on the fly, so parallel
 * workers and parallel vitest runs never see each other's rows or locks.
 */
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { beforeAll, beforeEach, describe } from 'vitest';
import type { Database } from '../../src/platform/db-types.ts';
import { migrateToLatest, openDatabase } from '../../src/platform/database.ts';

export type TestDatabaseKind = 'pglite' | 'postgres';

export const postgresTestUrl: string | undefined = process.env.LEITAI_TEST_DATABASE_URL || undefined;

const skipReason = 'skipped: set LEITAI_TEST_DATABASE_URL=postgres://… to run on PostgreSQL';

/**
 * Cached on globalThis, not in a module variable: vitest re-evaluates modules for every test
 * file (isolation) but keeps the worker process, and the instance must outlive one file.
 */
const cache: Map<TestDatabaseKind, Promise<Kysely<Database>>> = ((globalThis as any)[Symbol.for('leitai.testDatabases')] ??= new Map());

/** A migrated, shared database for this worker: PostgreSQL when configured, else PGlite. */
export function testDatabase(kind: TestDatabaseKind = postgresTestUrl ? 'postgres' : 'pglite'): Promise<Kysely<Database>> {
  let opened = cache.get(kind);
  if (!opened) {
    opened = kind === 'postgres' ? openPostgresTestDatabase() : openPgliteTestDatabase();
    // A failed open is not cached, so the next file gets a fresh attempt and a clear error.
    opened.catch(() => cache.delete(kind));
    cache.set(kind, opened);
  }
  return opened;
}

async function openPgliteTestDatabase(): Promise<Kysely<Database>> {
  const { db } = await openDatabase({ memory: true });
  await migrateToLatest(db);
  return db;
}

async function openPostgresTestDatabase(): Promise<Kysely<Database>> {
  if (!postgresTestUrl) throw new Error(`PostgreSQL test database not configured (${skipReason})`);
  const name = `leitai_test_${process.pid}_${process.env.VITEST_POOL_ID ?? '0'}`;
  const admin = new pg.Client({ connectionString: postgresTestUrl });
  await admin.connect();
  try {
    await dropAbandonedTestDatabases(admin);
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresTestUrl);
  url.pathname = `/${name}`;
  const { db } = await openDatabase({ url: url.toString() });
  await migrateToLatest(db);
  return db;
}

/**
 * Workers end without a hook to drop their database, so each new one sweeps up after the dead:
 * a database is dropped only when the process that created it is gone on this host, and
 * DROP DATABASE itself refuses while anyone is still connected.
 */
async function dropAbandonedTestDatabases(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'leitai\\_test\\_%'`);
  for (const { datname } of rows) {
    const pid = Number(datname.split('_')[2]);
    if (!Number.isInteger(pid) || isProcessAlive(pid)) continue;
    await admin.query(`drop database if exists ${datname}`).catch(() => undefined);
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Empties every table (keeping the migration history) so the next test starts from nothing. */
export async function resetDatabase(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables
    where schemaname = current_schema() and tablename not like 'kysely\\_%'`.execute(db);
  if (rows.length === 0) return;
  await sql`truncate ${sql.join(rows.map((r) => sql.table(r.tablename)))} restart identity cascade`.execute(db);
}

export interface TestDatabaseHandle {
  readonly kind: TestDatabaseKind;
  /** The shared database, emptied before each test. Read it inside hooks and tests only. */
  readonly db: Kysely<Database>;
}

/**
 * Declares the same suite on PGlite, and on PostgreSQL when LEITAI_TEST_DATABASE_URL is set
 * (otherwise that suite shows as skipped, with the reason in its name).
 */
export function describeOnDatabases(name: string, fn: (database: TestDatabaseHandle) => void): void {
  for (const kind of ['pglite', 'postgres'] as const) {
    const unavailable = kind === 'postgres' && !postgresTestUrl;
    const title = `${name} (${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}${unavailable ? `, ${skipReason}` : ''})`;
    describe.skipIf(unavailable)(title, () => {
      let db: Kysely<Database> | undefined;
      const handle: TestDatabaseHandle = {
        kind,
        get db() {
          if (!db) throw new Error('The test database is opened in beforeAll; use it inside a test or hook.');
          return db;
        },
      };
      beforeAll(async () => {
        db = await testDatabase(kind);
      });
      beforeEach(async () => {
        await resetDatabase(handle.db);
      });
      fn(handle);
    });
  }
}
