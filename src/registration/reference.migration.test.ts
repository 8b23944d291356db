import { expect, it } from 'vitest';
import { down, up } from '../platform/migrations/2026113080-registration-ref-prefix.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { registerEntry } from './service.ts';
import { dataElementsEntry, during, newAccount, publishSeed, seeds, socialTeam } from '../../test/support/test-fixtures.ts';

describeOnDatabases('references unique across contests', (database) => {
  const refs = async () =>
    (await database.db.selectFrom('registrations').select(['contest_id', 'ref']).orderBy('contest_id').orderBy('ref').execute()).map(
      (r) => `${r.contest_id} ${r.ref}`,
    );

  it('gives two contests’ first entries different references, each with its contest’s code', async () => {
    await publishSeed(database.db, '000');
    await publishSeed(database.db, '004');
    const account = await newAccount(database.db, '参赛者1');
    const a = await registerEntry(database.db, seeds['000'].id, socialTeam(1), { account, clock: during['000'] });
    const b = await registerEntry(database.db, seeds['004'].id, dataElementsEntry(), { account, clock: during['004'] });
    expect([a.ref, b.ref]).toEqual(['JSSC25-0001', 'HDE25-0001']);
  });

  it('takes the next letter when another contest already holds the code', async () => {
    await publishSeed(database.db, '000');
    await publishSeed(database.db, '004');
    // Another contest holds the code 000 would take.
    await database.db.insertInto('registration_counters').values({ contest_id: seeds['004'].id, last_ref: 7, ref_prefix: 'JSSC25' }).execute();
    const account = await newAccount(database.db, '参赛者1');
    expect((await registerEntry(database.db, seeds['000'].id, socialTeam(1), { account, clock: during['000'] })).ref).toBe('JSSC25B-0001');
  });

  it('adds each contest’s code to references stored before it, and takes it off again going down', async () => {
    await publishSeed(database.db, '000');
    await publishSeed(database.db, '004');
    const account = await newAccount(database.db, '参赛者1');
    await registerEntry(database.db, seeds['000'].id, socialTeam(1), { account, clock: during['000'] });
    await registerEntry(database.db, seeds['000'].id, socialTeam(1, 5, { title: '第二个作品' }), { account, clock: during['000'] });
    await registerEntry(database.db, seeds['004'].id, dataElementsEntry(), { account, clock: during['004'] });
    await down(database.db);
    expect(await refs()).toEqual([`${seeds['004'].id} 0001`, `${seeds['000'].id} 0001`, `${seeds['000'].id} 0002`]);
    await up(database.db);
    expect(await refs()).toEqual([`${seeds['004'].id} HDE25-0001`, `${seeds['000'].id} JSSC25-0001`, `${seeds['000'].id} JSSC25-0002`]);
  });
});
