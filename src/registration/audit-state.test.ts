import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/service.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { registrationStates } from './audit-state.ts';
import { editRegistration, registerEntry, withdrawRegistration } from './service.ts';
import { during, newAccount, publishSeed, seeds, socialTeam } from '../../test/support/test-fixtures.ts';

const jjj = seeds['000'].id;

describeOnDatabases('the registrations the audit log vouches for', (database) => {
  /** Three entries of 000: one edited, one withdrawn, one as registered (a leader and an invited member). */
  const prepare = async () => {
    await publishSeed(database.db, '000');
    const actor = { account: await newAccount(database.db, '参赛者'), clock: during['000'] };
    const edited = await registerEntry(database.db, jjj, socialTeam(1, 2, { title: '社保卡应用 1' }), actor);
    await editRegistration(database.db, edited.id, socialTeam(1, 2, { title: '社保卡应用 1（修订）' }), actor);
    const withdrawn = await registerEntry(database.db, jjj, socialTeam(1, 12, { title: '社保卡应用 2' }), actor);
    await withdrawRegistration(database.db, withdrawn.id, actor);
    const plain = await registerEntry(database.db, jjj, socialTeam(1, 22, { title: '社保卡应用 3' }), actor);
    return { edited, withdrawn, plain };
  };

  const rowsOf = async () => (await verifyAuditLog(database.db, jjj, { states: [registrationStates] }))[0];

  it('finds every registration as the last event about it left it', async () => {
    await prepare();
    expect(await rowsOf()).toEqual({ contestId: jjj, ok: true, count: 6, rows: { checked: 3, mismatched: 0, mismatches: [] } });
  });

  it('reports a title edited, a withdrawal undone, a member confirmed, a registration inserted and one deleted in the database', async () => {
    const { edited, withdrawn, plain } = await prepare();
    await sql`update registrations set title = '改过的标题' where id = ${edited.id}`.execute(database.db);
    await sql`update registrations set status = 'active', withdrawn_at = null where id = ${withdrawn.id}`.execute(database.db);
    await sql`update registration_members set status = 'confirmed' where registration_id = ${plain.id} and role = 'member'`.execute(database.db);
    expect(await rowsOf()).toEqual({
      contestId: jjj,
      ok: false,
      count: 6,
      rows: {
        checked: 3,
        mismatched: 3,
        mismatches: expect.arrayContaining([
          { subject: `registration:${edited.id}`, label: 'registration JSSC25-0001', problem: 'changed' },
          { subject: `registration:${withdrawn.id}`, label: 'registration JSSC25-0002', problem: 'changed' },
          { subject: `registration:${plain.id}`, label: 'registration JSSC25-0003', problem: 'changed' },
        ]),
      },
    });
    await sql`delete from registration_members where registration_id = ${plain.id}`.execute(database.db);
    await sql`delete from registrations where id = ${plain.id}`.execute(database.db);
    await sql`insert into registrations (id, contest_id, ref, title, entrant_kind, track_id, owner_account_id, status, entrant, definition_version)
      select '00000000-0000-4000-8000-000000000009', contest_id, '0009', '插入的报名', entrant_kind, track_id, owner_account_id, status, entrant, definition_version from registrations where id = ${edited.id}`.execute(
      database.db,
    );
    expect((await rowsOf()).rows?.mismatches).toEqual(
      expect.arrayContaining([
        { subject: 'registration:00000000-0000-4000-8000-000000000009', label: 'registration 0009', problem: 'unrecorded' },
        { subject: `registration:${plain.id}`, label: `registration:${plain.id}`, problem: 'deleted' },
      ]),
    );
  });
});
