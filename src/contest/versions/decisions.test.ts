import { afterEach, expect, it } from 'vitest';
import type { LeitaiApp } from '../../platform/http/server.ts';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { editRegistration, registerEntry } from '../../registration/service.ts';
import { during, entryOf, newAccount, person, publishSeed, seeds, socialTeam } from '../../../test/support/test-fixtures.ts';
import { cookieFor, movableClock, photo, send, startWorksServer } from '../../../test/support/test-uploads.ts';

let app: LeitaiApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A new version of a seed: the same rules with one more note, as an organiser's correction would be. */
const withNote = <Definition extends { notes: string[] }>(definition: Definition) => ({ ...definition, notes: [...definition.notes, '补充说明'] });

describeOnDatabases('decisions record the definition version they were made under', (database) => {
  const versionOf = async (table: 'registrations' | 'submission_files', id: string) =>
    (await database.db.selectFrom(table).select('definition_version').where('id', '=', id).executeTakeFirstOrThrow()).definition_version;

  it('records the version on registering, and the version in force when an edit checks the rules again', async () => {
    await publishSeed(database.db, '000');
    const actor = { account: await newAccount(database.db, '参赛者1'), clock: during['000'] };
    const edited = await registerEntry(database.db, seeds['000'].id, socialTeam(1), actor);
    const untouched = await registerEntry(database.db, seeds['000'].id, socialTeam(1, 10, { title: '另一个作品' }), {
      ...actor,
      account: await newAccount(database.db, '参赛者10'),
    });
    expect([await versionOf('registrations', edited.id), await versionOf('registrations', untouched.id)]).toEqual([1, 1]);

    await publishSeed(database.db, '000', withNote);
    await editRegistration(database.db, edited.id, socialTeam(1, 2, { title: '改过的作品名' }), actor);
    expect([await versionOf('registrations', edited.id), await versionOf('registrations', untouched.id)]).toEqual([2, 1]);
  });

  it('records on a submitted file the version its checks ran under', async () => {
    await publishSeed(database.db, '002');
    await publishSeed(database.db, '002', withNote);
    const clock = movableClock('2022-10-05T20:00:00+08:00');
    const server = await startWorksServer(database.db, clock);
    app = server.app;
    const account = await newAccount(database.db, '张悦');
    const entry = entryOf('002', { trackId: 'works', categoryId: 'graphic-design', entrantKind: 'individual', leader: person(1, { name: '张悦' }) });
    const registration = await registerEntry(database.db, seeds['002'].id, entry, { account, clock });
    const sent = await send(server.base, await cookieFor(database.db, account, clock), await photo(1200, 800), {
      registrationId: registration.id,
      requirementId: 'image',
      filename: '海报.jpg',
    });
    expect(sent.error).toBeUndefined();
    expect([await versionOf('registrations', registration.id), await versionOf('submission_files', (sent.body as { file: { id: string } }).file.id)]).toEqual([
      2, 2,
    ]);
  });
});
