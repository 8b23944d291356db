import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import type { Database } from '../platform/db-types.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { GENESIS_HASH, hashEvent } from './rules.ts';
import { PLATFORM_AUDIT_CHAIN, appendAuditEvent, auditHeads, toChainedAuditEvent, verifyAuditLog } from './service.ts';

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

/**
 * What someone with write access to the database and the time to cover their tracks does: edits
 * one event, recomputes every hash from there on, and moves the head to the new end.
 */
const rewriteChain = async (db: Kysely<Database>, contestId: string, seq: number, payload: unknown) => {
  const rows = await db.selectFrom('audit_events').selectAll().where('contest_id', '=', contestId).orderBy('seq').execute();
  let prevHash = GENESIS_HASH;
  for (const row of rows.map(toChainedAuditEvent)) {
    const event = { ...row, prevHash, payload: row.seq === seq ? payload : row.payload };
    const hash = hashEvent(prevHash, event);
    await db
      .updateTable('audit_events')
      .set({ payload: JSON.stringify(event.payload), prev_hash: prevHash, hash })
      .where('contest_id', '=', contestId)
      .where('seq', '=', row.seq)
      .execute();
    prevHash = hash;
  }
  await db.updateTable('audit_heads').set({ hash: prevHash }).where('chain', '=', contestId).execute();
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
    await sql`update audit_events set payload = '{"n": 3, "title": "改过的"}' where contest_id = 'c1' and seq = 3`.execute(database.db);
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
    expect(await verifyAuditLog(database.db, 'c1', { pageSize: 2 })).toEqual([
      { contestId: 'c1', ok: false, count: 6, brokenAt: { contestId: 'c1', seq: 6 }, reason: 'hash_mismatch' },
    ]);
    await sql`update audit_events set actor = 'acc-6' where seq = 6`.execute(database.db);
    expect(await verifyAuditLog(database.db, 'c1', { pageSize: 2 })).toEqual([{ contestId: 'c1', ok: true, count: 7 }]);
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
    await expect(appendAuditEvent(database.db as never, { contestId: 'c1', actor: 'a', type: 't', payload: {}, at: new Date() })).rejects.toThrow(
      'appendAuditEvent must run inside the transaction of the change it records',
    );
  });

  it("keeps each chain's head, the seq and hash of its last event, in the transaction of the append", async () => {
    await appendMany(database.db, 'c1', 2);
    const last = await append(database.db, 'c1', 3);
    await append(database.db, PLATFORM_AUDIT_CHAIN, 1);
    expect(await auditHeads(database.db, 'c1')).toEqual([{ chain: 'c1', seq: 3, hash: last.hash, updatedAt: '2025-09-01T00:00:03.000Z' }]);
    expect((await auditHeads(database.db)).map((h) => [h.chain, h.seq])).toEqual([
      ['', 1],
      ['c1', 3],
    ]);
  });

  it('reports the newest events deleted (tail deletion) from the first missing seq, and appends after the gap', async () => {
    await appendMany(database.db, 'c1', 5);
    await sql`delete from audit_events where contest_id = 'c1' and seq >= 4`.execute(database.db);
    const tailDeleted = { contestId: 'c1', ok: false, count: 3, brokenAt: { contestId: 'c1', seq: 4 }, reason: 'events_missing' };
    expect(await verifyAuditLog(database.db, 'c1')).toEqual([tailDeleted]);
    const next = await append(database.db, 'c1', 6);
    expect(next.seq).toBe(6);
    expect(await verifyAuditLog(database.db, 'c1')).toEqual([{ ...tailDeleted, count: 4, reason: 'sequence_gap', brokenAt: { contestId: 'c1', seq: 6 } }]);
  });

  it("reports a contest's whole chain deleted among the chains of a full verification", async () => {
    await appendMany(database.db, 'c1', 3);
    await appendMany(database.db, 'c2', 2);
    await sql`delete from audit_events where contest_id = 'c1'`.execute(database.db);
    expect(await verifyAuditLog(database.db)).toEqual([
      { contestId: 'c1', ok: false, count: 0, brokenAt: { contestId: 'c1', seq: 1 }, reason: 'events_missing' },
      { contestId: 'c2', ok: true, count: 2 },
    ]);
  });

  it('reports a chain whose head was deleted', async () => {
    await appendMany(database.db, 'c1', 3);
    await sql`delete from audit_heads where chain = 'c1'`.execute(database.db);
    expect(await verifyAuditLog(database.db)).toEqual([
      { contestId: 'c1', ok: false, count: 3, brokenAt: { contestId: 'c1', seq: 3 }, reason: 'head_missing' },
    ]);
  });

  it('catches a chain rewritten with every hash and its head recomputed only against a head published before', async () => {
    await appendMany(database.db, 'c1', 4);
    const [published] = await auditHeads(database.db, 'c1');
    await rewriteChain(database.db, 'c1', 2, { n: 2, title: '改过的' });
    expect(await verifyAuditLog(database.db, 'c1')).toEqual([{ contestId: 'c1', ok: true, count: 4 }]);
    expect(await verifyAuditLog(database.db, 'c1', { published: new Map([['c1', published]]) })).toEqual([
      { contestId: 'c1', ok: false, count: 4, brokenAt: { contestId: 'c1', seq: 4 }, reason: 'published_head_mismatch' },
    ]);
  });

  it('reports a chain deleted with its head when a head of it was published', async () => {
    await appendMany(database.db, 'c1', 2);
    const [published] = await auditHeads(database.db, 'c1');
    await sql`delete from audit_events where contest_id = 'c1'`.execute(database.db);
    await sql`delete from audit_heads where chain = 'c1'`.execute(database.db);
    expect(await verifyAuditLog(database.db, undefined, { published: new Map([['c1', published]]) })).toEqual([
      { contestId: 'c1', ok: false, count: 0, brokenAt: { contestId: 'c1', seq: 1 }, reason: 'events_missing' },
    ]);
  });
});
