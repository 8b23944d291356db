/**
 * A fresh database for a benchmark on a PostgreSQL server (LEITAI_BENCH_DATABASE_URL, else the local
 * one): created as leitai_bench_<pid>, migrated, handed to `work`, and dropped afterwards unless
 * BENCH_KEEP_DATABASE=1 (to EXPLAIN its queries later).
 */
import type { Kysely } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openDatabase } from '../src/platform/database.ts';
import type { Database } from '../src/platform/db-types.ts';

export const benchServerUrl = process.env.LEITAI_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function withScratchDatabase<T>(work: (db: Kysely<Database>, url: string) => Promise<T>): Promise<T> {
  const name = `leitai_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: benchServerUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(benchServerUrl);
  url.pathname = `/${name}`;
  const { db, close } = await openDatabase({ url: url.toString() });
  try {
    await migrateToLatest(db);
    return await work(db, url.toString());
  } finally {
    await close();
    if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`kept database ${name}`);
    else await admin.query(`drop database if exists ${name}`);
    await admin.end();
  }
}
