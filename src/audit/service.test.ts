import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import type { Database } from '../platform/db-types.ts';
import { describeOnDatabases } from '../platform/test-database.ts';
import { GENESIS_HASH } from './rules.ts';
import { PLATFORM_AUDIT_CHAIN, appendAuditEvent, verifyAuditLog } from './service.ts';

const append = (db: Kysely<Database>, contestId: string, n: number, pauseMs = 0) =>
  db.transaction().execute(async (trx) => {
    const event = await appendAuditEvent(trx, {
      contestId,
      actor: `acc-${n}`,
      type: 'registration.created',
      payload: { n, title: `作品 ${n}` },
      at: new Date(Date.UTC(2025, 8, 1, 0, 0, n)),
    });
    // Holding the transaction open after the append widens the window for a racing append.
    if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    return event;
  });

const appendMany = async (db: Kysely<Database>, contestId: string, count: number) => {
  for (let n = 1; n <= count; n++) await append(db, contestId, n);
};

describeOnDatabases('the audit log', (database) => {
  it('starts a chain from 64 zeros and links each event to the one before', async () => {
    const first = await append(database.db, 'c1', 1);
    const second = await append(database.db, 'c1', 2);
    expect(first.seq).toBe(1);
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(second.seq).toBe(2);
    expect(second.prevHash).toBe(first.hash);
    const rows = await database.db.selectFrom('audit_events').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute();
    expect(rows).toEqual([
      { seq: 1, prev_hash: GENESIS_HASH, hash: first.hash },
      { seq: 2, prev_hash: first.hash, hash: second.hash },
    ]);
  });

  it('verifies an intact log, one report per chain', async () => {
    await appendMany(database.db, 'c1', 3);
    await appendMany(database.db, 'c2', 2);
    await append(database.db, PLATFORM_AUDIT_CHAIN, 1);
    expect(await verifyAuditLog(database.db)).toEqual([
      { contestId: '', ok: true, count: 1 },
      { contestId: 'c1', ok: true, count: 3 },
      { contestId: 'c2', ok: true, count: 2 },
    ]);
    expect(await verifyAuditLog(database.db, 'c2')).toEqual([{ contestId: 'c2', ok: true, count: 2 }]);
  });

  it('reports a payload edited by hand at exactly that event', async () => {
    await appendMany(database.db, 'c1', 5);
    await sql`update audit_events set payload = '{"n": 3, "title": "改过的"}' where contest_id = 'c1' and seq = 3`.execute(
      database.db,
    );
    expect(await verifyAuditLog(database.db, 'c1')).toEqual([
      { contestId: 'c1', ok: false, count: 3, brokenAt: { contestId: 'c1', seq: 3 }, reason: 'hash_mismatch' },
    ]);
  });

  it('reports a deleted event at the event after it', async () => {
    await appendMany(database.db, 'c1', 5);
    await sql`delete from audit_events where contest_id = 'c1' and seq = 2`.execute(database.db);
    expect(await verifyAuditLog(database.db, 'c1')).toEqual([
      { contestId: 'c1', ok: false, count: 2, brokenAt: { contestId: 'c1', seq: 3 }, reason: 'sequence_gap' },
    ]);
  });

  it('finds a break on a later page when walking the log page by page', async () => {
    await appendMany(database.db, 'c1', 7);
    await sql`update audit_events set actor = 'intruder' where seq = 6`.execute(database.db);
    expect(await verifyAuditLog(database.db, 'c1', 2)).toEqual([
      { contestId: 'c1', ok: false, count: 6, brokenAt: { contestId: 'c1', seq: 6 }, reason: 'hash_mismatch' },
    ]);
    await sql`update audit_events set actor = 'acc-6' where seq = 6`.execute(database.db);
    expect(await verifyAuditLog(database.db, 'c1', 2)).toEqual([{ contestId: 'c1', ok: true, count: 7 }]);
  });

  it('keeps one unbroken chain when many transactions append at once', async () => {
    const appended = await Promise.all(Array.from({ length: 20 }, (_, i) => append(database.db, 'c1', i + 1, 10)));
    expect(appended.map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await verifyAuditLog(database.db, 'c1')).toEqual([{ contestId: 'c1', ok: true, count: 20 }]);
  });

  it('appends nothing when the transaction that recorded the change rolls back', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await appendAuditEvent(trx, { contestId: 'c1', actor: 'a', type: 't', payload: {}, at: new Date() });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await verifyAuditLog(database.db)).toEqual([]);
  });

  it('refuses to append outside a transaction', async () => {
    await expect(
      appendAuditEvent(database.db as never, { contestId: 'c1', actor: 'a', type: 't', payload: {}, at: new Date() }),
    ).rejects.toThrow('appendAuditEvent must run inside the transaction of the change it records');
  });
});
