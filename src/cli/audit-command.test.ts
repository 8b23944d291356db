import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../platform/database.ts';
import { registerEntry } from '../registration/service.ts';
import { dataElementsEntry, during, newAccount, publishSeed, seeds, socialTeam } from '../registration/test-fixtures.ts';

/**
 * Runs the real `leitai audit verify` on an embedded database prepared in a temporary directory.
 * Each PGlite open costs seconds, so the database is opened twice here (to fill it, then to tamper
 * with it) and the command three times.
 */
let dataDir: string;

const verify = async (...args: string[]) => {
  const env = { ...process.env, LEITAI_DATA_DIR: dataDir, DATABASE_URL: '' };
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['bin/leitai.mjs', 'audit', 'verify', ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

const withDatabase = async (work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<void>) => {
  const database = await openDatabase({ dataDir });
  try {
    await work(database.db);
  } finally {
    await database.close();
  }
};

const zhangjiakou = seeds['004'].id;
const jjj = seeds['000'].id;

describe('leitai audit verify', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'leitai-audit-'));
    // 000: published + one registration (2 events); 004: published + three registrations (4 events).
    await withDatabase(async (db) => {
      await migrateToLatest(db);
      await publishSeed(db, '000');
      await publishSeed(db, '004');
      const participant = await newAccount(db, '参赛者');
      await registerEntry(db, jjj, socialTeam(1), { account: participant, clock: during['000'] });
      for (const [n, track] of ['industrial-manufacturing', 'transport', 'healthcare'].entries()) {
        await registerEntry(db, zhangjiakou, dataElementsEntry({ title: `数据平台 ${n + 1}`, trackId: track }), { account: participant, clock: during['004'] });
      }
    });
  }, 120_000);

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reports every chain intact, one line each, and exits 0', async () => {
    const result = await verify();
    expect(result).toEqual({ code: 0, stdout: `${zhangjiakou}: intact, 4 events\n${jjj}: intact, 2 events\n`, stderr: '' });
  }, 60_000);

  it('reports the first broken seq of each tampered chain as JSON and exits 1: an edited payload, a deleted row', async () => {
    await withDatabase(async (db) => {
      await sql`update audit_events set payload = jsonb_set(payload, '{ref}', '"9999"') where contest_id = ${jjj} and seq = 2`.execute(db);
      await sql`delete from audit_events where contest_id = ${zhangjiakou} and seq = 2`.execute(db);
    });
    const result = await verify('--json');
    expect([result.code, result.stderr]).toEqual([1, '']);
    expect(JSON.parse(result.stdout)).toEqual([
      { contestId: zhangjiakou, ok: false, count: 2, brokenAt: { contestId: zhangjiakou, seq: 3 }, reason: 'sequence_gap' },
      { contestId: jjj, ok: false, count: 2, brokenAt: { contestId: jjj, seq: 2 }, reason: 'hash_mismatch' },
    ]);
  }, 120_000);

  it('checks only the chain of the contest asked for', async () => {
    const result = await verify('--contest', jjj);
    expect(result).toEqual({ code: 1, stdout: `${jjj}: BROKEN at seq 2 (hash_mismatch)\n`, stderr: '' });
  }, 60_000);
});
