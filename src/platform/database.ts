/**
 * Opens the one database Leitai uses: PostgreSQL when a URL is given, else the embedded
 * PostgreSQL (PGlite) in the data directory (held by this process until closed: data-dir-lock.ts)
 * or in memory. Both speak the same SQL and run the same migrations, and both are configured to
 * read values the same way (see db-types.ts).
 */
import { availableParallelism } from 'node:os';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, type MigrationResult } from 'kysely';
import pg from 'pg';
import { lockDataDirectory } from './data-dir-lock.ts';
import type { Database } from './db-types.ts';
import { migrations } from './migrations/index.ts';
import { pgliteDialect } from './pglite-dialect.ts';

export interface OpenDatabaseOptions {
  /** `postgres://…`: use a PostgreSQL server. */
  url?: string;
  /** With a URL: the most connections kept open; `defaultPoolSize()` when absent. */
  poolSize?: number;
  /** Without a URL: the embedded database lives in `<dataDir>/pglite`. */
  dataDir?: string;
  /** Without a URL: an embedded database in memory, gone when closed (tests, throwaway demos). */
  memory?: boolean;
}

export interface OpenedDatabase {
  db: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

const INT8_OID = 20;

/**
 * bigint (int8) columns and count(*) read as JS numbers on both databases: node-postgres would
 * give strings and PGlite numbers. Sequences and counts here stay far below 2^53.
 */
const parseInt8 = (value: string) => Number(value);

/**
 * Few connections serve more than many: a transaction waiting on a lock or on the CPU holds its
 * connection, and more sessions than the server has cores to run them only queue inside PostgreSQL
 * (its own advice: about twice the cores). Measured here (2 cores, 20 clients registering, bench:registrations):
 * 3 connections 254 a second with p99 119 ms, 5: 260 and 146 ms, 8: 176 and 282 ms, 10 (node-postgres'
 * default): 192 and 332 ms. The cores of this machine stand in for the database's, which it cannot see.
 */
export const defaultPoolSize = () => availableParallelism() * 2 + 1;

export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      // Lets a CLI command or a test worker exit without an explicit close.
      allowExitOnIdle: true,
      max: options.poolSize ?? defaultPoolSize(),
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const dataDir = options.memory ? undefined : join(options.dataDir ?? './data', 'pglite');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const release = dataDir ? lockDataDirectory(options.dataDir ?? './data') : undefined;
  let client: PGlite;
  try {
    // pg_trgm: the organiser's title search (migration 2026113091), as on PostgreSQL.
    client = await PGlite.create({ dataDir, parsers: { [INT8_OID]: parseInt8 }, extensions: { pg_trgm } });
  } catch (error) {
    release?.();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: pgliteDialect(client) });
  const close = async () => {
    await db.destroy();
    release?.();
  };
  return { db, kind: 'pglite', close };
}

/** Applies every migration not yet applied, in name order; throws on the first failure. */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return results ?? [];
}
