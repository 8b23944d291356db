import { afterEach, expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/service.ts';
import { openSession } from '../platform/auth/service.ts';
import type { LeitaiApp } from '../platform/http/server.ts';
import { bufferSource } from '../submission/probes/byte-source.ts';
import { readStoredEntry, readZipDirectory } from '../submission/probes/zip.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { pdfWithText } from '../../test/support/test-media.ts';
import { send, startWorksServer } from '../../test/support/test-uploads.ts';
import { during, entryOf, newAccount, person, publishSeed, seeds, socialTeam } from '../../test/support/test-fixtures.ts';
import { editRegistration, registerEntry } from './service.ts';

const contestId = seeds['000'].id;
const student = (n: number, school: string) => person(n, { isFullTimeStudent: true, school });
/** 000's 校园组: "以作品负责人所属学校为申报学校", a team across two schools. */
const campusTeam = (leaderSchool: string) =>
  entryOf('000', {
    trackId: 'app-dev',
    groupId: 'campus',
    entrantKind: 'team',
    teamName: '跨校社保卡团队',
    leader: student(1, leaderSchool),
    members: [student(2, '南开大学')],
  });

let app: LeitaiApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describeOnDatabases('the applying school (申报学校) of 000’s campus group', (database) => {
  const clock = during['000'];
  const setUp = async () => {
    await publishSeed(database.db, '000');
    const leader = await newAccount(database.db, '队长');
    const organiser = await newAccount(database.db, '主办方', [{ role: 'organiser', contestId }]);
    const { app: server, base } = await startWorksServer(database.db, clock);
    app = server;
    const cookie = async (account: typeof leader) => ({ cookie: `leitai_session=${(await openSession(database.db, account.id, clock)).token}` });
    return { leader, server, base, leaderHeaders: await cookie(leader), organiserHeaders: await cookie(organiser) };
  };
  const eventsOf = async (type: string) =>
    (await database.db.selectFrom('audit_events').select('payload').where('type', '=', type).execute()).map(
      (e) => (e.payload as { entry: { entrySchool?: string } }).entry,
    );

  it('records the leader’s school at registration and at an edit, shows it to the organiser, and audits it', async () => {
    const { leader, server, leaderHeaders, organiserHeaders } = await setUp();
    const created = await server.inject({
      method: 'POST',
      url: `/api/contests/${contestId}/registrations`,
      headers: leaderHeaders,
      payload: campusTeam('河北师范大学'),
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().registration.id as string;
    expect(created.json().registration.entrySchool).toBe('河北师范大学');
    const stored = await database.db.selectFrom('registrations').select('entrant').where('id', '=', id).executeTakeFirstOrThrow();
    expect((stored.entrant as { entrySchool?: string }).entrySchool).toBe('河北师范大学');
    expect((await eventsOf('registration.created'))[0].entrySchool).toBe('河北师范大学');

    await editRegistration(database.db, id, campusTeam('河北工业大学'), { account: leader, clock });
    expect((await eventsOf('registration.updated'))[0].entrySchool).toBe('河北工业大学');
    const page = await server.inject({ method: 'GET', url: `/api/registrations/${id}`, headers: organiserHeaders });
    expect(page.json().registration.entrySchool).toBe('河北工业大学');
    const table = await server.inject({ method: 'GET', url: `/api/contests/${contestId}/registrations`, headers: organiserHeaders });
    expect(table.json().registrations.map((r: { entrySchool?: string }) => r.entrySchool)).toEqual(['河北工业大学']);
    expect((await verifyAuditLog(database.db)).every((chain) => chain.ok)).toBe(true);
  });

  it('takes the school from the leader, never from the request, and records none where the group has no 申报学校', async () => {
    const { leader, server, leaderHeaders } = await setUp();
    const forged = await server.inject({
      method: 'POST',
      url: `/api/contests/${contestId}/registrations`,
      headers: leaderHeaders,
      payload: { ...campusTeam('河北师范大学'), entrySchool: '清华大学' },
    });
    expect(forged.json().registration.entrySchool).toBe('河北师范大学');

    const social = await registerEntry(database.db, contestId, socialTeam(1, 5, { leader: person(4, { school: '河北大学' }) }), { account: leader, clock });
    expect(social.entrant).not.toHaveProperty('entrySchool');
    const socialView = await server.inject({ method: 'GET', url: `/api/registrations/${social.id}`, headers: leaderHeaders });
    expect(socialView.json().registration).not.toHaveProperty('entrySchool');
    expect((await eventsOf('registration.created')).map((entry) => entry.entrySchool)).toEqual(['河北师范大学', undefined]);
  });

  it('gives the 申报学校 in the manifest of the campus group’s works, and no such column elsewhere', async () => {
    const { server, base, leaderHeaders, organiserHeaders } = await setUp();
    const created = await server.inject({
      method: 'POST',
      url: `/api/contests/${contestId}/registrations`,
      headers: leaderHeaders,
      payload: campusTeam('河北师范大学'),
    });
    const pdf = Buffer.from(pdfWithText(1));
    await send(base, leaderHeaders.cookie, pdf, { registrationId: created.json().registration.id, requirementId: 'work', filename: '作品.pdf' });
    const header = async (division: string) => {
      const reply = await server.inject({ method: 'GET', url: `/api/contests/${contestId}/works.zip?division=${division}`, headers: organiserHeaders });
      const zip = bufferSource(reply.rawPayload);
      const directory = await readZipDirectory(zip, 'zip');
      const manifest = new TextDecoder().decode(await readStoredEntry(zip, directory.entries.at(-1)!, 'zip', 1_000_000));
      return manifest
        .replace('\uFEFF', '')
        .trim()
        .split('\n')
        .map((row) => row.split(',').slice(0, 5));
    };
    const ref = created.json().registration.ref as string;
    expect(await header('app-dev/campus')).toEqual([
      ['ref', 'title', 'entrant', 'entry_school', 'requirement'],
      [ref, '社保卡智慧应用', '跨校社保卡团队', '河北师范大学', '参赛作品'],
    ]);
    expect((await header('app-dev/social'))[0]).toEqual(['ref', 'title', 'entrant', 'requirement', 'file']);
  });
});
