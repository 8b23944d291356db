import { expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/service.ts';
import type { Executor } from '../platform/transaction.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { registerEntry, type Actor } from './service.ts';
import { during, entryOf, newAccount, person, publishSeed, seeds, socialTeam } from '../../test/support/test-fixtures.ts';

const contestId = seeds['000'].id;

/** A use case owning its transaction: two registrations through the service, then maybe a failure. */
const registerTwo = (db: Executor, actor: Actor, failAfterwards: boolean) =>
  db.transaction().execute(async (trx) => {
    const first = await registerEntry(trx, contestId, entryOf('000', { title: '一卡通长图海报', trackId: 'publicity', entrantKind: 'individual' }), actor);
    const second = await registerEntry(trx, contestId, socialTeam(2, 2, { leader: person(10) }), actor);
    if (failAfterwards) throw new Error('the use case fails after both registrations');
    return [first, second];
  });

const storedRegistrations = (db: Executor) => db.selectFrom('registrations').select(['ref', 'title']).orderBy('ref').execute();
const registrationEvents = (db: Executor) =>
  db
    .selectFrom('audit_events')
    .select('type')
    .where('contest_id', '=', contestId)
    .where('type', 'like', 'registration.%')
    .orderBy('seq')
    .execute()
    .then((rows) => rows.map((r) => r.type));
/** The chain verifies after a rollback too: its head went back with the events. */
const chainIntact = async (db: Executor) => (await verifyAuditLog(db, contestId)).map((report) => report.ok);

describeOnDatabases('a use case combining services in one transaction', (database) => {
  it('stores both registrations, numbered in order, when it commits', async () => {
    await publishSeed(database.db, '000');
    const actor = { account: await newAccount(database.db, '参赛者'), clock: during['000'] };
    const rows = await registerTwo(database.db, actor, false);
    expect(rows.map((r) => r.ref)).toEqual(['JSSC25-0001', 'JSSC25-0002']);
    expect(await storedRegistrations(database.db)).toEqual([
      { ref: 'JSSC25-0001', title: '一卡通长图海报' },
      { ref: 'JSSC25-0002', title: rows[1].title },
    ]);
    expect(await registrationEvents(database.db)).toEqual(['registration.created', 'registration.created']);
    expect(await chainIntact(database.db)).toEqual([true]);
  });

  it('stores neither registration nor any audit event of them when it fails after the second', async () => {
    await publishSeed(database.db, '000');
    const actor = { account: await newAccount(database.db, '参赛者'), clock: during['000'] };
    await expect(registerTwo(database.db, actor, true)).rejects.toThrow('the use case fails after both registrations');
    expect(await storedRegistrations(database.db)).toEqual([]);
    expect(await registrationEvents(database.db)).toEqual([]);
    expect(await chainIntact(database.db)).toEqual([true]);
    const [later] = await registerTwo(database.db, actor, false);
    expect(later.ref).toBe('JSSC25-0001');
  });
});
