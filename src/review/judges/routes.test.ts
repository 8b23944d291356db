import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { openSession, type Account } from '../../platform/auth/service.ts';
import { fixedClock, type Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db-types.ts';
import { registerEntry } from '../../registration/service.ts';
import { featureRoutes } from '../../server.ts';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { during, newAccount, publishSeed, seeds, socialTeam } from '../../../test/support/test-fixtures.ts';
import { testServer } from '../../../test/support/test-server.ts';

const contestId = seeds['000'].id;
const contest = `/api/contests/${contestId}`;
const clock = during['000'];
const app = (db: Kysely<Database>, at: Clock = clock) => testServer(db, { clock: at, registerRoutes: featureRoutes });
const cookieOf = async (db: Kysely<Database>, account: Account, at: Clock = clock) => ({
  cookie: `leitai_session=${(await openSession(db, account.id, at)).token}`,
});

const setUp = async (db: Kysely<Database>) => {
  await publishSeed(db, '000');
  const organiser = await newAccount(db, '主办方', [{ role: 'organiser', contestId }]);
  return { server: await app(db), organiser: await cookieOf(db, organiser) };
};

type Server = Awaited<ReturnType<typeof app>>;

const invite = async (server: Server, headers: Record<string, string>, payload: object = {}) => {
  const reply = await server.inject({ method: 'POST', url: `${contest}/judges`, headers, payload: { name: '王评审', ...payload } });
  expect(reply.statusCode).toBe(201);
  return reply.json() as { judge: { id: string }; invitation: { link: string; expiresAt: string } };
};

const codeOf = (link: string) => link.split('/judge-invitations/')[1];

describeOnDatabases('the judges routes', (database) => {
  it('invites a judge: the link is returned and in the outbox, another account accepts it and gets the judge role, a second accept is refused', async () => {
    const { server, organiser } = await setUp(database.db);
    const invited = await server.inject({
      method: 'POST',
      url: `${contest}/judges`,
      headers: organiser,
      payload: {
        name: '王评审',
        title: '教授',
        organisation: '河北大学',
        expertise: ['社会保障', '数据安全'],
        email: 'Wang@Example.com',
        phone: '+86 139-0000-0777',
        rounds: ['preliminary'],
        covers: ['app-dev/social'],
        cap: 30,
      },
    });
    expect(invited.statusCode).toBe(201);
    const { judge, invitation } = invited.json();
    expect(judge).toEqual({
      id: expect.any(String),
      name: '王评审',
      title: '教授',
      organisation: '河北大学',
      employer: '',
      school: '',
      expertise: ['社会保障', '数据安全'],
      rounds: ['preliminary'],
      covers: ['app-dev/social'],
      cap: 30,
      status: 'invited',
      hasAccount: false,
      email: 'w***@example.com',
      phone: '139****0777',
      conflicts: 0,
    });
    expect(invitation.link).toMatch(/^http:\/\/localhost(:80)?\/judge-invitations\/[A-Za-z0-9_-]{32}$/);
    expect(invitation.expiresAt).toBe('2025-07-01T02:00:00.000Z');

    const outbox = (await server.inject({ method: 'GET', url: `${contest}/outbox`, headers: organiser })).json().messages;
    expect(outbox).toEqual([
      {
        id: expect.any(String),
        kind: 'judge.invitation',
        recipientName: '王评审',
        recipientAddress: 'wang@example.com',
        subject: '京津冀社保卡"一卡通"应用创新大赛 评审邀请 / Invitation to judge',
        body: expect.stringContaining('2025-07-01'),
        link: invitation.link,
        createdAt: '2025-06-01T02:00:00.000Z',
        sentAt: null,
      },
    ]);

    const code = codeOf(invitation.link);
    expect((await server.inject({ method: 'GET', url: `/api/judge-invitations/${code}` })).json()).toEqual({
      contest: { id: contestId, name: '京津冀社保卡"一卡通"应用创新大赛' },
      judge: { name: '王评审' },
      status: 'open',
      expiresAt: '2025-07-01T02:00:00.000Z',
    });
    const signedOut = await server.inject({ method: 'POST', url: `/api/judge-invitations/${code}/accept` });
    expect([signedOut.statusCode, signedOut.json().error.code]).toEqual([401, 'auth.required']);

    const judgeAccount = await cookieOf(database.db, await newAccount(database.db, '王评审'));
    const accepted = await server.inject({ method: 'POST', url: `/api/judge-invitations/${code}/accept`, headers: judgeAccount });
    expect(accepted.json()).toEqual({ contestId, judgeId: judge.id });
    const me = (await server.inject({ method: 'GET', url: '/api/auth/me', headers: judgeAccount })).json().account;
    expect(me.roles).toContainEqual({ role: 'judge', contestId, zoneId: null });
    const listed = (await server.inject({ method: 'GET', url: `${contest}/judges`, headers: organiser })).json();
    expect([listed.judges[0].status, listed.judges[0].hasAccount, listed.published]).toEqual(['active', true, null]);

    const again = await server.inject({
      method: 'POST',
      url: `/api/judge-invitations/${code}/accept`,
      headers: await cookieOf(database.db, await newAccount(database.db, '另一人')),
    });
    expect([again.statusCode, again.json().error.code]).toEqual([410, 'judge_invitation.used']);
    expect((await server.inject({ method: 'GET', url: `/api/judge-invitations/${code}` })).json().status).toBe('accepted');
  });

  it('refuses an expired link, and a reissued link revokes the old one', async () => {
    const { server, organiser } = await setUp(database.db);
    const { judge, invitation } = await invite(server, organiser);
    const judgeAccount = await newAccount(database.db, '王评审');
    const thirtyDaysOn = fixedClock('2025-07-01T10:00:00+08:00');
    const late = await app(database.db, thirtyDaysOn);
    // Opening a session sweeps the account's sessions expired by then: the later one first.
    const lateHeaders = await cookieOf(database.db, judgeAccount, thirtyDaysOn);
    const account = await cookieOf(database.db, judgeAccount);
    const expired = await late.inject({ method: 'POST', url: `/api/judge-invitations/${codeOf(invitation.link)}/accept`, headers: lateHeaders });
    expect([expired.statusCode, expired.json().error.code]).toEqual([410, 'judge_invitation.expired']);

    const reissued = await server.inject({ method: 'POST', url: `${contest}/judges/${judge.id}/invitation`, headers: organiser });
    const fresh = reissued.json().invitation;
    expect(fresh.link).not.toBe(invitation.link);
    const old = await server.inject({ method: 'POST', url: `/api/judge-invitations/${codeOf(invitation.link)}/accept`, headers: account });
    expect([old.statusCode, old.json().error.code]).toEqual([410, 'judge_invitation.revoked']);
    expect((await server.inject({ method: 'POST', url: `/api/judge-invitations/${codeOf(fresh.link)}/accept`, headers: account })).statusCode).toBe(200);
    // Both written at the test clock's one instant: their order among equal times is not the point.
    const links = (await server.inject({ method: 'GET', url: `${contest}/outbox`, headers: organiser })).json().messages.map((m: { link: string }) => m.link);
    expect(links.sort()).toEqual([fresh.link, invitation.link].sort());
    const accepted = await server.inject({ method: 'POST', url: `${contest}/judges/${judge.id}/invitation`, headers: organiser });
    expect([accepted.statusCode, accepted.json().error.code]).toEqual([409, 'judge.already_joined']);
  });

  it('refuses one account as two judges of the contest, and an unknown link with 404', async () => {
    const { server, organiser } = await setUp(database.db);
    const first = await invite(server, organiser, { name: '评委甲' });
    const second = await invite(server, organiser, { name: '评委乙' });
    const account = await cookieOf(database.db, await newAccount(database.db, '评委甲'));
    await server.inject({ method: 'POST', url: `/api/judge-invitations/${codeOf(first.invitation.link)}/accept`, headers: account });
    const twice = await server.inject({ method: 'POST', url: `/api/judge-invitations/${codeOf(second.invitation.link)}/accept`, headers: account });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'judge.already_judge']);
    const unknown = await server.inject({ method: 'GET', url: '/api/judge-invitations/not-a-code' });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'judge_invitation.not_found']);
  });

  it('refuses rounds and divisions the contest does not have, and a phone that is not one, with 422 and the place of each', async () => {
    const { server, organiser } = await setUp(database.db);
    const reply = await server.inject({
      method: 'POST',
      url: `${contest}/judges`,
      headers: organiser,
      payload: { name: '王评审', phone: '12345', rounds: ['preliminary', 'semifinal'], covers: ['app-dev', 'app-dev/nowhere'] },
    });
    expect(reply.statusCode).toBe(422);
    expect(reply.json().error.code).toBe('judge.invalid');
    expect(reply.json().error.problems.map((p: { code: string; path: string }) => [p.code, p.path])).toEqual([
      ['judge.phone_invalid', 'phone'],
      ['judge.unknown_round', 'rounds[1]'],
      ['judge.unknown_division', 'covers[1]'],
    ]);
    const list = (await server.inject({ method: 'GET', url: `${contest}/judges`, headers: organiser })).json();
    expect(list.judges).toEqual([]);
  });

  it('lists the public judges only once published, with name, title and organisation of active judges only', async () => {
    const { server, organiser } = await setUp(database.db);
    const before = await server.inject({ method: 'GET', url: `${contest}/judges/public` });
    expect([before.statusCode, before.json().error.code]).toEqual([404, 'judges.not_published']);
    const { invitation } = await invite(server, organiser, {
      title: '研究员',
      organisation: '河北省医疗保障局',
      phone: '13900000777',
      idNumber: '11010519491231002X',
    });
    await invite(server, organiser, { name: '未接受的评委' });
    const account = await cookieOf(database.db, await newAccount(database.db, '王评审'));
    await server.inject({ method: 'POST', url: `/api/judge-invitations/${codeOf(invitation.link)}/accept`, headers: account });

    const published = await server.inject({ method: 'POST', url: `${contest}/judges/publish`, headers: organiser });
    expect(published.json().published).toEqual({ at: '2025-06-01T02:00:00.000Z', by: expect.any(String) });
    expect((await server.inject({ method: 'GET', url: `${contest}/judges/public` })).json()).toEqual({
      judges: [{ name: '王评审', title: '研究员', organisation: '河北省医疗保障局' }],
    });
    expect((await server.inject({ method: 'DELETE', url: `${contest}/judges/publish`, headers: organiser })).json()).toEqual({ published: null });
    expect((await server.inject({ method: 'GET', url: `${contest}/judges/public` })).statusCode).toBe(404);
  });

  it('lets a judge edit their own profile only: not their rounds, not another judge, not the organiser list', async () => {
    const { server, organiser } = await setUp(database.db);
    const mine = await invite(server, organiser, { name: '评委甲' });
    const other = await invite(server, organiser, { name: '评委乙' });
    const account = await cookieOf(database.db, await newAccount(database.db, '评委甲'));
    await server.inject({ method: 'POST', url: `/api/judge-invitations/${codeOf(mine.invitation.link)}/accept`, headers: account });
    const patch = (judgeId: string, payload: object, headers: Record<string, string> = account) =>
      server.inject({ method: 'PATCH', url: `${contest}/judges/${judgeId}`, headers, payload });

    const own = await patch(mine.judge.id, { organisation: '河北大学', school: '河北大学', expertise: ['区块链'], title: '副教授' });
    expect(own.json().judge).toMatchObject({ organisation: '河北大学', school: '河北大学', expertise: ['区块链'], title: '副教授' });
    const rounds = await patch(mine.judge.id, { rounds: ['final'], cap: 5 });
    expect([rounds.statusCode, rounds.json().error.code, rounds.json().error.problems.map((p: { path: string }) => p.path)]).toEqual([
      403,
      'judge.organiser_fields',
      ['rounds', 'cap'],
    ]);
    const another = await patch(other.judge.id, { organisation: '别处' });
    expect([another.statusCode, another.json().error.code]).toEqual([403, 'judges.forbidden']);
    const list = await server.inject({ method: 'GET', url: `${contest}/judges`, headers: account });
    expect([list.statusCode, list.json().error.code]).toEqual([403, 'judges.forbidden']);

    const byOrganiser = await patch(mine.judge.id, { rounds: ['final'], covers: ['nowhere'], cap: null }, organiser);
    expect([byOrganiser.statusCode, byOrganiser.json().error.code]).toEqual([422, 'judge.unknown_division']);
    const fixed = await patch(mine.judge.id, { rounds: ['final'], covers: [], cap: null, phone: '13900000555' }, organiser);
    expect(fixed.json().judge).toMatchObject({ rounds: ['final'], covers: [], cap: null, phone: '139****0555', organisation: '河北大学' });
    const kept = await patch(mine.judge.id, { phone: '139****0555', employer: '' }, organiser);
    expect(kept.json().judge).toMatchObject({ phone: '139****0555', employer: '' });
  });

  it('removes a judge: the role is taken back, their console refused; refused while they have submitted scores in an unpublished round', async () => {
    const { server, organiser } = await setUp(database.db);
    const { judge, invitation } = await invite(server, organiser);
    const judgeAccount = await newAccount(database.db, '王评审');
    const headers = await cookieOf(database.db, judgeAccount);
    await server.inject({ method: 'POST', url: `/api/judge-invitations/${codeOf(invitation.link)}/accept`, headers });
    expect((await server.inject({ method: 'GET', url: `${contest}/judging/me`, headers })).json().judge.status).toBe('active');

    const entrant = await newAccount(database.db, '参赛者1');
    const entry = await registerEntry(database.db, contestId, socialTeam(1), { account: entrant, clock });
    await database.db
      .insertInto('scores')
      .values({
        contest_id: contestId,
        round_id: 'preliminary',
        judge_id: judge.id,
        registration_id: entry.id,
        criteria: JSON.stringify({}),
        total: 80,
        status: 'submitted',
        definition_version: 1,
        saved_at: clock.now(),
        submitted_at: clock.now(),
      })
      .execute();
    const refused = await server.inject({ method: 'DELETE', url: `${contest}/judges/${judge.id}`, headers: organiser });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'judge.has_submitted_scores']);

    await database.db.updateTable('scores').set({ status: 'draft', submitted_at: null }).execute();
    const removed = await server.inject({ method: 'DELETE', url: `${contest}/judges/${judge.id}`, headers: organiser });
    expect(removed.json().judge).toMatchObject({ id: judge.id, status: 'removed', hasAccount: true });
    const me = (await server.inject({ method: 'GET', url: '/api/auth/me', headers })).json().account;
    expect(me.roles).toEqual([{ role: 'participant', contestId: null, zoneId: null }]);
    const console = await server.inject({ method: 'GET', url: `${contest}/judging/me`, headers });
    expect([console.statusCode, console.json().error.code]).toEqual([403, 'judging.forbidden']);
    const twice = await server.inject({ method: 'DELETE', url: `${contest}/judges/${judge.id}`, headers: organiser });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'judge.removed']);
  });

  it('records each change in the audit chain with contact details masked', async () => {
    const { server, organiser } = await setUp(database.db);
    const { judge } = await invite(server, organiser, { phone: '13900000777', idNumber: '11010519491231002X' });
    await server.inject({ method: 'PATCH', url: `${contest}/judges/${judge.id}`, headers: organiser, payload: { title: '教授', phone: '139****0777' } });
    await server.inject({ method: 'POST', url: `${contest}/judges/publish`, headers: organiser });
    const events = await database.db.selectFrom('audit_events').select(['type', 'payload']).where('contest_id', '=', contestId).orderBy('seq').execute();
    const own = events.filter((e) => e.type.startsWith('judge'));
    expect(own.map((e) => e.type)).toEqual(['judge.invited', 'judge.updated', 'judges.published']);
    expect(own[0].payload).toMatchObject({ judgeId: judge.id, name: '王评审', phone: '139****0777', idNumber: '1101**********2X' });
    expect(own[1].payload).toMatchObject({ changed: ['title'], title: '教授' });
    expect(JSON.stringify(events)).not.toContain('13900000777');
  });
});
