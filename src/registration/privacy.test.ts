import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/service.ts';
import { openSession, type Account } from '../platform/auth/service.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db-types.ts';
import { testServer } from '../../test/support/test-server.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { featureRoutes } from '../server.ts';
import { CHECK_LIMIT_PER_MINUTE } from './routes.ts';
import { auditEventsOf, during, entryOf, newAccount, people, person, phone, publishSeed, seeds, socialTeam } from '../../test/support/test-fixtures.ts';

const app = (db: Kysely<Database>, clock: Clock) => testServer(db, { clock, registerRoutes: featureRoutes });
const cookieOf = async (db: Kysely<Database>, account: Account, clock: Clock) => ({
  cookie: `leitai_session=${(await openSession(db, account.id, clock)).token}`,
});
const contest000 = `/api/contests/${seeds['000'].id}/registrations`;
const at = during['000'];

/** 参赛者1 leads; 参赛者2 gives an ID number (lower-case x) and an email. */
const teamWithDetails = () => socialTeam(0, 2, { members: [person(2, { idNumber: '11010519491231002x', email: 'Zhang.San@example.com' }), person(3)] });

describeOnDatabases('personal data in registration replies', (database) => {
  const registered = async () => {
    await publishSeed(database.db, '000');
    const leader = await newAccount(database.db, '参赛者1');
    const server = await app(database.db, at);
    const headers = await cookieOf(database.db, leader, at);
    const created = (await server.inject({ method: 'POST', url: contest000, headers, payload: teamWithDetails() })).json().registration;
    const organiser = await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: seeds['000'].id }]);
    return { server, leader, headers, created, organiserHeaders: await cookieOf(database.db, organiser, at) };
  };

  it('masks everyone but the viewer: the leader sees their own record in full, teammates masked', async () => {
    const { created } = await registered();
    expect([created.leader, created.members]).toEqual([
      { name: '参赛者1', phone: phone(1), status: 'confirmed' },
      [
        { name: '参赛者2', phone: '139****0002', idNumber: '1101**********2X', email: 'Z***@example.com', status: 'invited' },
        { name: '参赛者3', phone: '139****0003', status: 'invited' },
      ],
    ]);
  });

  it('masks every person in the organiser’s table until a reveal', async () => {
    const { server, organiserHeaders } = await registered();
    const [row] = (await server.inject({ method: 'GET', url: contest000, headers: organiserHeaders })).json().registrations;
    expect([row.leader.phone, row.members[0]]).toEqual([
      '139****0001',
      { name: '参赛者2', phone: '139****0002', idNumber: '1101**********2X', email: 'Z***@example.com', status: 'invited' },
    ]);
  });

  it('reveals one entry to an organiser who gives a reason, and records who, why and which fields', async () => {
    const { server, created, organiserHeaders } = await registered();
    const reason = '核验获奖团队身份';
    const reply = await server.inject({ method: 'POST', url: `/api/registrations/${created.id}/reveal`, headers: organiserHeaders, payload: { reason } });
    expect(reply.statusCode).toBe(200);
    expect([reply.json().registration.leader.phone, reply.json().registration.members[0]]).toEqual([
      phone(1),
      { name: '参赛者2', phone: phone(2), idNumber: '11010519491231002X', email: 'Zhang.San@example.com', status: 'invited' },
    ]);
    expect((await auditEventsOf(database.db, seeds['000'].id)).at(-1)).toMatchObject({
      type: 'registration.revealed',
      payload: {
        registrationId: created.id,
        ref: 'JSSC25-0001',
        reason,
        fields: ['leader.phone', 'members[0].phone', 'members[0].idNumber', 'members[0].email', 'members[1].phone'],
      },
    });
    expect(await verifyAuditLog(database.db, seeds['000'].id)).toEqual([{ contestId: seeds['000'].id, ok: true, count: 3 }]);
  });

  it('refuses a reveal without a reason (400), and to the entry’s own leader (403 registration.reveal_forbidden)', async () => {
    const { server, headers, created, organiserHeaders } = await registered();
    const url = `/api/registrations/${created.id}/reveal`;
    for (const reason of ['  ', '看看', '\u200b\u200b\u200b\u200b看']) {
      const refused = await server.inject({ method: 'POST', url, headers: organiserHeaders, payload: { reason } });
      expect([refused.statusCode, refused.json().error.problems.map((p: { path: string }) => p.path)]).toEqual([400, ['reason']]);
    }
    const leader = await server.inject({ method: 'POST', url, headers, payload: { reason: '我想看看队员的证件号' } });
    expect([leader.statusCode, leader.json().error.code]).toEqual([403, 'registration.reveal_forbidden']);
    const events = await database.db.selectFrom('audit_events').select('type').where('type', '=', 'registration.revealed').execute();
    expect(events).toEqual([]);
  });

  it('keeps the stored values when the edit form sends masked ones back, and refuses a mask it cannot restore', async () => {
    const { server, headers, created } = await registered();
    const shown = (await server.inject({ method: 'GET', url: `/api/registrations/${created.id}`, headers })).json().registration;
    const strip = ({ status: _status, ...rest }: { status: string }) => rest;
    const asShown = { ...teamWithDetails(), leader: strip(shown.leader), members: shown.members.map(strip), title: '改过的标题' };
    const edited = await server.inject({ method: 'PUT', url: `/api/registrations/${created.id}`, headers, payload: asShown });
    expect(edited.statusCode).toBe(200);
    const stored = await database.db.selectFrom('registrations').select('entrant').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect((stored.entrant as { members: unknown[] }).members).toEqual([
      { name: '参赛者2', phone: phone(2), idNumber: '11010519491231002X', email: 'Zhang.San@example.com' },
      { name: '参赛者3', phone: phone(3) },
    ]);
    // A new entry has nothing to restore a mask from.
    const masked = await server.inject({
      method: 'POST',
      url: contest000,
      headers,
      payload: { ...teamWithDetails(), title: '另一个作品', members: [{ name: '参赛者9', phone: '139****0009' }] },
    });
    const message = {
      zh: '参赛者9 的手机号是隐藏后的显示值，请填写完整的手机号',
      en: 'The phone number of 参赛者9 is the hidden form shown on screen; give the full phone number',
    };
    expect([masked.statusCode, masked.json().error.problems.filter((p: { code: string }) => p.code === 'person.masked_value')]).toEqual([
      422,
      [{ code: 'person.masked_value', message, path: 'members[0].phone' }],
    ]);
  });

  it('stores phones and ID numbers canonical and compares them so', async () => {
    await publishSeed(database.db, '000');
    const server = await app(database.db, at);
    const headers = await cookieOf(database.db, await newAccount(database.db, '参赛者1'), at);
    const spelled = socialTeam(0, 2, { leader: { name: '参赛者1', phone: '+86 139-0000-0001', idNumber: ' 11010519491231002x ' }, members: [person(2)] });
    const created = await server.inject({ method: 'POST', url: contest000, headers, payload: spelled });
    expect(created.statusCode).toBe(201);
    const stored = await database.db.selectFrom('registrations').select('entrant').executeTakeFirstOrThrow();
    expect((stored.entrant as { leader: unknown }).leader).toEqual({ name: '参赛者1', phone: phone(1), idNumber: '11010519491231002X' });
    // The same leader, written with spaces in the ID number and another phone, entering the same work again.
    const again = socialTeam(0, 2, {
      groupId: 'campus',
      leader: { name: '参赛者1', phone: phone(8), idNumber: '110105 19491231 002X', isFullTimeStudent: true },
      members: [person(2, { isFullTimeStudent: true })],
    });
    const second = await server.inject({ method: 'POST', url: contest000, headers, payload: again });
    expect([second.statusCode, second.json().error.code]).toEqual([422, 'entry.already_entered']);
  });
});

describeOnDatabases('the dry run is no membership oracle', (database) => {
  const check = `${contest000}/check`;

  it('answers 401 auth.required to anyone signed out', async () => {
    await publishSeed(database.db, '000');
    const reply = await (await app(database.db, at)).inject({ method: 'POST', url: check, payload: socialTeam(1) });
    expect([reply.statusCode, reply.json().error.code]).toEqual([401, 'auth.required']);
  });

  it('names no other team to a stranger scanning phone numbers (001: 禁止不同参赛团队共用相同队员)', async () => {
    await publishSeed(database.db, '001');
    const clock = during['001'];
    const server = await app(database.db, clock);
    const url = `/api/contests/${seeds['001'].id}/registrations`;
    const team = entryOf('001', { trackId: 'government-services', entrantKind: 'team', teamName: '正定县攻坚队', members: people(2, 2) });
    expect(
      (await server.inject({ method: 'POST', url, headers: await cookieOf(database.db, await newAccount(database.db, '参赛者1'), clock), payload: team }))
        .statusCode,
    ).toBe(201);
    const scanner = await cookieOf(database.db, await newAccount(database.db, '扫描者'), clock);
    const probe = entryOf('001', {
      title: '探测',
      trackId: 'economic-development',
      entrantKind: 'team',
      teamName: '探测队',
      leader: person(70),
      members: [{ name: '某人', phone: phone(2) }],
    });
    const reply = await server.inject({ method: 'POST', url: `${url}/check`, headers: scanner, payload: probe });
    expect(reply.json()).toEqual({
      ok: false,
      problems: [
        {
          code: 'team.member_in_other_team',
          message: {
            zh: '成员 某人 已是本赛事另一支团队的成员，不同团队不得共用队员',
            en: 'Member 某人 is already on another team of this contest; teams may not share members',
          },
          path: 'members[0].name',
          rule: 'rules[3]',
        },
      ],
    });
    // The real registration refuses with the same words.
    const registering = await server.inject({ method: 'POST', url, headers: scanner, payload: probe });
    expect([registering.statusCode, registering.json().error.message]).toEqual([422, reply.json().problems[0].message]);
  });

  it(`allows ${CHECK_LIMIT_PER_MINUTE} dry runs a minute per account, then 429 request.rate_limited, other accounts unaffected`, async () => {
    await publishSeed(database.db, '000');
    const server = await app(database.db, at);
    const scanner = await cookieOf(database.db, await newAccount(database.db, '扫描者'), at);
    const statuses = new Set<number>();
    for (let i = 0; i < CHECK_LIMIT_PER_MINUTE; i++)
      statuses.add(
        (await server.inject({ method: 'POST', url: check, headers: scanner, payload: socialTeam(0, 2, { members: [person(100 + i)] }) })).statusCode,
      );
    expect([...statuses]).toEqual([200]);
    const over = await server.inject({ method: 'POST', url: check, headers: scanner, payload: socialTeam(1) });
    expect([over.statusCode, over.json().error.code]).toEqual([429, 'request.rate_limited']);
    const someoneElse = await cookieOf(database.db, await newAccount(database.db, '参赛者'), at);
    expect((await server.inject({ method: 'POST', url: check, headers: someoneElse, payload: socialTeam(1) })).statusCode).toBe(200);
  });
});

describeOnDatabases('invitation links', (database) => {
  const invited = async () => {
    await publishSeed(database.db, '000');
    const leader = await newAccount(database.db, '参赛者1');
    const server = await app(database.db, at);
    const headers = await cookieOf(database.db, leader, at);
    const created = (await server.inject({ method: 'POST', url: contest000, headers, payload: socialTeam(2) })).json().registration;
    const invitation = (
      await server.inject({ method: 'POST', url: `/api/registrations/${created.id}/invitations`, headers, payload: { role: 'member', person: { index: 1 } } })
    ).json().invitation;
    return { server, headers, created, invitation };
  };

  it('shows nothing personal signed out, and the entry, its leader and who it is for signed in', async () => {
    const { server, created, invitation } = await invited();
    const place = { contestId: seeds['000'].id, contestName: '京津冀社保卡"一卡通"应用创新大赛', trackName: '应用开发赛道' };
    const anonymous = await server.inject({ method: 'GET', url: `/api/invitations/${invitation.code}` });
    expect(anonymous.json()).toEqual({ invitation: { code: invitation.code, role: 'member', expiresAt: '2025-09-09T16:00:00.000Z', registration: place } });
    const signedIn = await server.inject({
      method: 'GET',
      url: `/api/invitations/${invitation.code}`,
      headers: await cookieOf(database.db, await newAccount(database.db, '参赛者3'), at),
    });
    expect(signedIn.json().invitation).toEqual({
      code: invitation.code,
      role: 'member',
      expiresAt: '2025-09-09T16:00:00.000Z',
      for: '参赛者3',
      registration: { ...place, id: created.id, ref: 'JSSC25-0001', title: '社保卡智慧应用', leaderName: '参赛者1' },
    });
  });

  it('answers 400 to a code that is not a code (a NUL, a slash, too long), never 500', async () => {
    const { server } = await invited();
    for (const url of ['/api/invitations/AB%00CDEFGH', '/api/invitations/ABCDEFGH%2FK', `/api/invitations/${'A'.repeat(41)}`]) {
      const reply = await server.inject({ method: 'GET', url });
      expect([url, reply.statusCode]).toEqual([url, 400]);
    }
    const accept = await server.inject({ method: 'POST', url: '/api/invitations/AB%00CDEFGH/accept', payload: { person: person(3) } });
    expect(accept.statusCode).toBe(400);
  });

  it('lists the entry’s invitations to its leader without codes, and revokes one', async () => {
    const { server, headers, created, invitation } = await invited();
    const list = await server.inject({ method: 'GET', url: `/api/registrations/${created.id}/invitations`, headers });
    expect(list.json()).toEqual({
      invitations: [
        { id: invitation.id, role: 'member', for: '参赛者3', status: 'open', createdAt: '2025-06-01T02:00:00.000Z', expiresAt: '2025-09-09T16:00:00.000Z' },
      ],
    });
    const revoked = await server.inject({ method: 'POST', url: `/api/registrations/${created.id}/invitations/${invitation.id}/revoke`, headers });
    expect([revoked.statusCode, revoked.json().invitation.status]).toEqual([200, 'revoked']);
    const gone = await server.inject({ method: 'GET', url: `/api/invitations/${invitation.code}` });
    expect([gone.statusCode, gone.json().error.code]).toEqual([410, 'invitation.revoked']);
  });
});
