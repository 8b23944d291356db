import { expect, it } from 'vitest';
import { up } from '../platform/migrations/2026113030-canonical-person-identifiers.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { registerEntry } from './service.ts';
import { during, newAccount, phone, publishSeed, seeds, socialTeam } from '../../test/support/test-fixtures.ts';

describeOnDatabases('the migration to canonical phones and ID numbers', (database) => {
  it('rewrites entries stored before it with +86, spaces, dashes and a lower-case x, and leaves the rest as it was', async () => {
    await publishSeed(database.db, '000');
    const account = await newAccount(database.db, '参赛者1');
    const row = await registerEntry(database.db, seeds['000'].id, socialTeam(1), { account, clock: during['000'] });
    const before = row.entrant as { leader: object; members: object[] };
    const old = {
      ...before,
      leader: { name: '参赛者1', phone: '+86 139-0000-0001', idNumber: '11010519491231002x', email: 'Li@example.com' },
      members: [{ name: '参赛者2', phone: '0086 13900000002' }],
      advisors: [{ name: '老师', idNumber: '1101 0519 4912 3100 2x' }],
    };
    await database.db
      .updateTable('registrations')
      .set({ entrant: JSON.stringify(old) })
      .where('id', '=', row.id)
      .execute();
    await up(database.db);
    const after = await database.db.selectFrom('registrations').select('entrant').where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(after.entrant).toEqual({
      ...before,
      leader: { name: '参赛者1', phone: phone(1), idNumber: '11010519491231002X', email: 'Li@example.com' },
      members: [{ name: '参赛者2', phone: phone(2) }],
      advisors: [{ name: '老师', idNumber: '11010519491231002X' }],
    });
  });
});
