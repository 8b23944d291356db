import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_AUDIT_KEY } from '../../test/support/audit-key.ts';
import { migrateToLatest, openDatabase } from '../platform/database.ts';
import { registerEntry } from '../registration/service.ts';
import { dataElementsEntry, during, newAccount, publishSeed, seeds, socialTeam } from '../../test/support/test-fixtures.ts';

/**
 * Runs the real `leitai audit` commands on an embedded database prepared in a temporary directory,
 * under the key the tests write with. Each PGlite open costs seconds, so the tests share one
 * database and run in order: intact, published, held open, tampered with, covered up.
 */
let dataDir: string;

const leitai = async (...args: string[]) => {
  const env = { ...process.env, LEITAI_DATA_DIR: dataDir, DATABASE_URL: '', LEITAI_AUDIT_KEY: TEST_AUDIT_KEY };
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['bin/leitai.mjs', 'audit', ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

const withDatabase = async <T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> => {
  const database = await openDatabase({ dataDir });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
};

const zhangjiakou = seeds['004'].id;
const jjj = seeds['000'].id;
let firstOf004: string;

describe('leitai audit', () => {
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
        const row = await registerEntry(db, zhangjiakou, dataElementsEntry({ title: `数据平台 ${n + 1}`, trackId: track }), {
          account: participant,
          clock: during['004'],
        });
        firstOf004 ??= row.id;
      }
    });
  }, 120_000);

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('verify reports every chain intact and every registration as the log recorded it, one line each, and exits 0', async () => {
    const result = await leitai('verify');
    expect(result).toEqual({
      code: 0,
      // The platform chain holds the participant's account.
      stdout: `(platform): intact, 1 event\n${zhangjiakou}: intact, 4 events; 3 rows match the log\n${jjj}: intact, 2 events; 1 row matches the log\n`,
      stderr: '',
    });
  }, 60_000);

  it("head prints each chain's seq and hash, as JSON for publishing", async () => {
    const result = await leitai('head', '--json');
    expect([result.code, result.stderr]).toEqual([0, '']);
    const heads = JSON.parse(result.stdout) as { chain: string; seq: number; hash: string }[];
    expect(heads.map((h) => [h.chain, h.seq])).toEqual([
      ['', 1],
      [zhangjiakou, 4],
      [jjj, 2],
    ]);
    expect(heads.every((h) => /^[0-9a-f]{64}$/.test(h.hash))).toBe(true);
    await writeFile(join(dataDir, 'published-heads.json'), result.stdout);
  }, 60_000);

  it('verify refuses clearly, with no WebAssembly abort, while another process holds the embedded database', async () => {
    const result = await withDatabase(() => leitai('verify'));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `The embedded database in ${dataDir} is in use by a running Leitai process (pid ${process.pid}): stop that server first, or use DATABASE_URL or the API.\n` +
        `内嵌数据库（${dataDir}）正由运行中的 Leitai 进程 ${process.pid} 使用：请先停止该服务，或改用 DATABASE_URL 或 API。\n`,
    );
  }, 60_000);

  it('verify reports a registration edited in the database and the newest event deleted, as JSON, and exits 1', async () => {
    await withDatabase(async (db) => {
      await sql`update registrations set title = '改过的标题' where id = ${firstOf004}`.execute(db);
      await sql`delete from audit_events where contest_id = ${jjj} and seq = 2`.execute(db);
    });
    const result = await leitai('verify', '--json');
    expect([result.code, result.stderr]).toEqual([1, '']);
    expect(JSON.parse(result.stdout)).toEqual([
      { contestId: '', ok: true, count: 1, rows: { checked: 0, mismatched: 0, mismatches: [] } },
      {
        contestId: zhangjiakou,
        ok: false,
        count: 4,
        rows: { checked: 3, mismatched: 1, mismatches: [{ subject: `registration:${firstOf004}`, label: 'registration HDE25-0001', problem: 'changed' }] },
      },
      { contestId: jjj, ok: false, count: 1, brokenAt: { contestId: jjj, seq: 2 }, reason: 'events_missing' },
    ]);
  }, 120_000);

  it('verify checks only the chain of the contest asked for, one line per differing row', async () => {
    const result = await leitai('verify', '--contest', zhangjiakou);
    expect(result).toEqual({
      code: 1,
      stdout: `${zhangjiakou}: intact, 4 events; 1 row differs from the log (3 checked):\n  changed: registration HDE25-0001 [registration:${firstOf004}]\n`,
      stderr: '',
    });
  }, 60_000);

  it('verify catches a deletion covered up in the head table only against heads published before', async () => {
    await withDatabase(async (db) => {
      const first = await db.selectFrom('audit_events').select('hash').where('contest_id', '=', jjj).where('seq', '=', 1).executeTakeFirstOrThrow();
      await db.updateTable('audit_heads').set({ seq: 1, hash: first.hash }).where('chain', '=', jjj).execute();
    });
    // The chain now ends where its head says, and its one registration has no event left: only the row check and the published head see it.
    expect(await leitai('verify', '--contest', jjj)).toMatchObject({
      code: 1,
      stdout: expect.stringContaining(`${jjj}: intact, 1 event; 1 row differs from the log (1 checked):\n  unrecorded: registration JSSC25-0001`),
    });
    const result = await leitai('verify', '--contest', jjj, '--heads', join(dataDir, 'published-heads.json'));
    expect(result).toEqual({ code: 1, stdout: `${jjj}: BROKEN at seq 2 (events_missing)\n`, stderr: '' });
  }, 60_000);
});
