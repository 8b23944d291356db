import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/service.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { registerEntry } from '../registration/service.ts';
import { entryOf, newAccount, person, publishSeed } from '../../test/support/test-fixtures.ts';
import { worksStates } from './audit-state.ts';
import { submitFile } from './direct.ts';
import { removeSubmissionFile, setWorksField } from './service.ts';
import { localStorage } from './storage.ts';
import { movableClock, photo, testUploadLimits } from '../../test/support/test-uploads.ts';

const contestId = 'yangquan-medical-e-voucher-works-2022';
let folder: string | undefined;
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
  folder = undefined;
});

describeOnDatabases('the works the audit log vouches for', (database) => {
  /** 002: a poster submitted twice (the second version supersedes the first, then is removed) and a slogan. */
  const prepare = async () => {
    await publishSeed(database.db, '002');
    const clock = movableClock('2022-10-05T20:00:00+08:00');
    const account = await newAccount(database.db, '张悦');
    const actor = { account, clock };
    const design = await registerEntry(
      database.db,
      contestId,
      entryOf('002', { trackId: 'works', categoryId: 'graphic-design', entrantKind: 'individual', leader: person(1, { name: '张悦' }) }),
      actor,
    );
    const slogan = await registerEntry(
      database.db,
      contestId,
      entryOf('002', { title: '一码通行', trackId: 'works', categoryId: 'copywriting', entrantKind: 'individual', leader: person(2) }),
      actor,
    );
    folder = await mkdtemp(join(tmpdir(), 'leitai-audit-works-'));
    const storage = localStorage(folder);
    const poster = async (n: number) =>
      submitFile(
        database.db,
        storage,
        { registrationId: design.id, requirementId: 'image', fileName: `海报${n}.jpg`, bytes: await photo(1200, 800) },
        actor,
        testUploadLimits,
      );
    const first = await poster(1);
    const second = await poster(2);
    await removeSubmissionFile(database.db, second.id, actor);
    await setWorksField(database.db, slogan.id, 'copy', '扫码就医，一码通行', actor);
    return { first, second, slogan };
  };

  const rowsOf = async () => (await verifyAuditLog(database.db, contestId, { states: [worksStates] }))[0].rows;

  it('finds every file version and field as the last event about it recorded it', async () => {
    await prepare();
    expect(await rowsOf()).toEqual({ checked: 3, mismatched: 0, mismatches: [] });
  });

  it('reports a file version whose hash was changed, a superseded version put back, a field rewritten and a file deleted in the database', async () => {
    const { first, second, slogan } = await prepare();
    await sql`update submission_files set sha256 = ${'0'.repeat(64)} where id = ${second.id}`.execute(database.db);
    await sql`update submission_files set superseded_at = null where id = ${first.id}`.execute(database.db);
    await sql`update submission_fields set value = '别的标语' where registration_id = ${slogan.id}`.execute(database.db);
    expect(await rowsOf()).toEqual({
      checked: 3,
      mismatched: 3,
      mismatches: expect.arrayContaining([
        { subject: `submission_file:${first.id}`, label: 'file 海报1.jpg', problem: 'changed' },
        { subject: `submission_file:${second.id}`, label: 'file 海报2.jpg', problem: 'changed' },
        { subject: `submission_field:${slogan.id}/copy`, label: 'field copy', problem: 'changed' },
      ]),
    });
    await sql`delete from submission_files where id = ${second.id}`.execute(database.db);
    expect((await rowsOf())?.mismatches).toContainEqual({ subject: `submission_file:${second.id}`, label: `submission_file:${second.id}`, problem: 'deleted' });
  });
});
