import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/service.ts';
import { openSession, type Account } from '../platform/auth/service.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db-types.ts';
import { testServer } from '../../test/support/test-server.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { featureRoutes } from '../server.ts';
import {
  afterDeadlineOf000,
  auditEventsOf,
  closedMessageOf000,
  creditCodes,
  dataElementsEntry,
  during,
  entryOf,
  lastSecondOf000,
  newAccount,
  person,
  phone,
  publishSeed,
  seeds,
  socialTeam,
  teamOf11In000,
} from '../../test/support/test-fixtures.ts';

const app = (db: Kysely<Database>, clock: Clock) => testServer(db, { clock, registerRoutes: featureRoutes });

const cookieOf = async (db: Kysely<Database>, account: Account, clock: Clock) => ({
  cookie: `leitai_session=${(await openSession(db, account.id, clock)).token}`,
});

const contest000 = `/api/contests/${seeds['000'].id}/registrations`;

describeOnDatabases('the registration routes', (database) => {
  /** 000 published and a team registered through the API by its leader, signed in during registration. */
  const registeredTeam = async (members: number) => {
    await publishSeed(database.db, '000');
    const leader = await newAccount(database.db, '参赛者1');
    const server = await app(database.db, during['000']);
    const headers = await cookieOf(database.db, leader, during['000']);
    const created = (await server.inject({ method: 'POST', url: contest000, headers, payload: socialTeam(members) })).json().registration;
    return { leader, server, headers, created };
  };

  it('registers a team and answers 201 with the registration as presented', async () => {
    await publishSeed(database.db, '000');
    const leader = await newAccount(database.db, '参赛者1');
    const server = await app(database.db, during['000']);
    const reply = await server.inject({ method: 'POST', url: contest000, headers: await cookieOf(database.db, leader, during['000']), payload: socialTeam(1) });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toEqual({
      registration: {
        id: expect.any(String),
        ref: 'JSSC25-0001',
        contestId: seeds['000'].id,
        contestName: '京津冀社保卡"一卡通"应用创新大赛',
        title: '社保卡智慧应用',
        entrantKind: 'team',
        teamName: '社保卡创新团队',
        track: { id: 'app-dev', name: '应用开发赛道' },
        group: { id: 'social', name: '社会组' },
        division: { id: 'app-dev/social', name: '应用开发赛道（社会组）' },
        status: 'active',
        isDemo: false,
        // The leader's own record in full, a teammate's masked.
        leader: { name: '参赛者1', phone: phone(1), status: 'confirmed' },
        members: [{ name: '参赛者2', phone: '139****0002', status: 'invited' }],
        advisors: [],
        organisations: [],
        declarations: ['actual-participants', 'truthful-and-clear-ip', 'accept-rules'],
        createdAt: '2025-06-01T02:00:00.000Z',
        updatedAt: '2025-06-01T02:00:00.000Z',
        withdrawnAt: null,
        editable: true,
        viewerRole: 'leader',
        can: { edit: true, invite: true, withdraw: true, upload: true, reveal: false },
      },
    });
  });

  it('refuses a team of 11 with 422 team.too_large, naming the rule it enforced', async () => {
    await publishSeed(database.db, '000');
    const leader = await newAccount(database.db, '参赛者1');
    const server = await app(database.db, during['000']);
    const reply = await server.inject({
      method: 'POST',
      url: contest000,
      headers: await cookieOf(database.db, leader, during['000']),
      payload: socialTeam(10),
    });
    expect([reply.statusCode, reply.json()]).toEqual([422, { error: { code: 'team.too_large', message: teamOf11In000.message, problems: [teamOf11In000] } }]);
  });

  it('accepts a registration at 23:59:59 on the last day and answers 409 registration.closed one second later', async () => {
    await publishSeed(database.db, '000');
    const leader = await newAccount(database.db, '参赛者1');
    const entry = entryOf('000', { trackId: 'publicity', entrantKind: 'individual' });
    const open = await (
      await app(database.db, lastSecondOf000)
    ).inject({ method: 'POST', url: contest000, headers: await cookieOf(database.db, leader, lastSecondOf000), payload: entry });
    expect(open.statusCode).toBe(201);
    const late = await (
      await app(database.db, afterDeadlineOf000)
    ).inject({ method: 'POST', url: contest000, headers: await cookieOf(database.db, leader, afterDeadlineOf000), payload: { ...entry, title: '另一件作品' } });
    expect([late.statusCode, late.json()]).toEqual([409, { error: { code: 'registration.closed', message: closedMessageOf000, problems: [] } }]);
  });

  it('answers 401 auth.required to an anonymous registration', async () => {
    await publishSeed(database.db, '000');
    const reply = await (await app(database.db, during['000'])).inject({ method: 'POST', url: contest000, payload: socialTeam(1) });
    expect([reply.statusCode, reply.json()]).toEqual([
      401,
      { error: { code: 'auth.required', message: { zh: '请先登录', en: 'Please sign in first' }, problems: [] } },
    ]);
  });

  it('edits with PUT until the deadline, keeping confirmations, and answers 409 after it', async () => {
    const { leader, server, headers, created } = await registeredTeam(2);
    const member = await newAccount(database.db, '参赛者2');
    const invitation = (
      await server.inject({ method: 'POST', url: `/api/registrations/${created.id}/invitations`, headers, payload: { role: 'member' } })
    ).json().invitation;
    await server.inject({
      method: 'POST',
      url: `/api/invitations/${invitation.code}/accept`,
      headers: await cookieOf(database.db, member, during['000']),
      payload: { person: { name: '参赛者2', phone: phone(2) } },
    });

    // Sessions last 30 days: sign in again near the deadline.
    const lastSecond = await app(database.db, lastSecondOf000);
    const lateHeaders = await cookieOf(database.db, leader, lastSecondOf000);
    const edited = await lastSecond.inject({
      method: 'PUT',
      url: `/api/registrations/${created.id}`,
      headers: lateHeaders,
      payload: socialTeam(1, 2, { title: '社保卡一卡通 2.0' }),
    });
    expect(edited.statusCode).toBe(200);
    expect([edited.json().registration.title, edited.json().registration.members, edited.json().registration.updatedAt]).toEqual([
      '社保卡一卡通 2.0',
      [{ name: '参赛者2', phone: '139****0002', status: 'confirmed' }],
      '2025-09-09T15:59:59.000Z',
    ]);
    const late = await (
      await app(database.db, afterDeadlineOf000)
    ).inject({ method: 'PUT', url: `/api/registrations/${created.id}`, headers: lateHeaders, payload: socialTeam(2) });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'registration.closed']);
    // After the deadline the registration is shown as no longer editable.
    const shown = await (await app(database.db, afterDeadlineOf000)).inject({ method: 'GET', url: `/api/registrations/${created.id}`, headers: lateHeaders });
    expect(shown.json().registration.editable).toBe(false);
  });

  it('withdraws a registration and shows it withdrawn', async () => {
    const { server, headers, created } = await registeredTeam(1);
    const withdrawn = await server.inject({ method: 'POST', url: `/api/registrations/${created.id}/withdraw`, headers });
    expect([
      withdrawn.statusCode,
      withdrawn.json().registration.status,
      withdrawn.json().registration.withdrawnAt,
      withdrawn.json().registration.editable,
    ]).toEqual([200, 'withdrawn', '2025-06-01T02:00:00.000Z', false]);
    const again = await server.inject({ method: 'POST', url: `/api/registrations/${created.id}/withdraw`, headers });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'registration.withdrawn']);
  });

  it('lets a second account join through the invitation link and see the team among its registrations', async () => {
    const { server, headers, created } = await registeredTeam(2);
    const member = await newAccount(database.db, '参赛者2');
    const invited = await server.inject({ method: 'POST', url: `/api/registrations/${created.id}/invitations`, headers, payload: { role: 'member' } });
    const code = invited.json().invitation.code;
    expect([invited.statusCode, invited.json()]).toEqual([
      201,
      { invitation: { id: expect.any(String), code, role: 'member', url: `/join/${code}`, expiresAt: '2025-09-09T16:00:00.000Z' } },
    ]);
    const memberHeaders = await cookieOf(database.db, member, during['000']);
    const shown = await server.inject({ method: 'GET', url: `/api/invitations/${code}`, headers: memberHeaders });
    expect(shown.json()).toEqual({
      invitation: {
        code,
        role: 'member',
        expiresAt: '2025-09-09T16:00:00.000Z',
        registration: {
          id: created.id,
          ref: 'JSSC25-0001',
          title: '社保卡智慧应用',
          contestId: seeds['000'].id,
          contestName: '京津冀社保卡"一卡通"应用创新大赛',
          trackName: '应用开发赛道',
          leaderName: '参赛者1',
        },
      },
    });
    const accepted = await server.inject({
      method: 'POST',
      url: `/api/invitations/${code}/accept`,
      headers: memberHeaders,
      payload: { person: { name: '参赛者2', phone: phone(2) } },
    });
    expect([accepted.statusCode, accepted.json().registration.members.map((m: { status: string }) => m.status)]).toEqual([200, ['confirmed', 'invited']]);
    // A member may read the team, but only its leader may change it: the reply says so, so the page offers no leader buttons.
    const mine = (await server.inject({ method: 'GET', url: '/api/me/registrations', headers: memberHeaders })).json().registrations;
    expect(mine.map((r: { id: string; editable: boolean; viewerRole: string; can: object }) => [r.id, r.editable, r.viewerRole, r.can])).toEqual([
      [created.id, false, 'member', { edit: false, invite: false, withdraw: false, upload: false, reveal: false }],
    ]);
    const twice = await server.inject({
      method: 'POST',
      url: `/api/invitations/${code}/accept`,
      headers: memberHeaders,
      payload: { person: { name: '参赛者3', phone: phone(3) } },
    });
    expect([twice.statusCode, twice.json()]).toEqual([
      410,
      { error: { code: 'invitation.used', message: { zh: '该邀请已被使用', en: 'This invitation has been used' }, problems: [] } },
    ]);
    // The member sees their own phone in full and the leader's masked.
    const seen = (await server.inject({ method: 'GET', url: `/api/registrations/${created.id}`, headers: memberHeaders })).json().registration;
    expect([seen.leader.phone, seen.members.map((m: { phone: string }) => m.phone)]).toEqual(['139****0001', [phone(2), '139****0003']]);
  });

  it('appends an audit event for every change made through the API and keeps the chain intact', async () => {
    const { server, headers, created } = await registeredTeam(1);
    await server.inject({ method: 'PUT', url: `/api/registrations/${created.id}`, headers, payload: socialTeam(2) });
    await server.inject({ method: 'POST', url: `/api/registrations/${created.id}/withdraw`, headers });
    expect((await auditEventsOf(database.db, seeds['000'].id)).map((e) => e.type)).toEqual([
      'contest.published',
      'registration.created',
      'registration.updated',
      'registration.withdrawn',
    ]);
    // The platform chain ('') holds the leader's account.created.
    expect(await verifyAuditLog(database.db)).toEqual([
      { contestId: '', ok: true, count: 1 },
      { contestId: seeds['000'].id, ok: true, count: 4 },
    ]);
  });
});

describeOnDatabases('who sees which registrations', (database) => {
  const register000 = async () => {
    await publishSeed(database.db, '000');
    const participant = await newAccount(database.db, '参赛者');
    const other = await newAccount(database.db, '另一位参赛者');
    const actor = { headers: await cookieOf(database.db, participant, during['000']) };
    const server = await app(database.db, during['000']);
    const post = (payload: object, headers = actor.headers) => server.inject({ method: 'POST', url: contest000, headers, payload });
    await post(entryOf('000', { title: '一卡通长图海报', trackId: 'publicity', entrantKind: 'individual' }));
    await post(socialTeam(1, 2, { leader: person(10) }));
    await post(
      entryOf('000', {
        title: '就医购药一卡通案例',
        trackId: 'case-selection',
        entrantKind: 'organisation',
        leader: person(20),
        organisations: [{ name: '保定市人力资源和社会保障局', type: 'government', isLead: true, hasLegalEntity: true, creditCode: creditCodes.government }],
      }),
    );
    await post(
      entryOf('000', { title: '别人的作品', trackId: 'publicity', entrantKind: 'individual', leader: person(30) }),
      await cookieOf(database.db, other, during['000']),
    );
    return { server, participant, other, headers: actor.headers };
  };

  it('shows the organiser every registration with counts by division', async () => {
    const { server } = await register000();
    const organiser = await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: seeds['000'].id }]);
    const reply = await server.inject({ method: 'GET', url: contest000, headers: await cookieOf(database.db, organiser, during['000']) });
    expect(reply.statusCode).toBe(200);
    expect(reply.json().registrations.map((r: { ref: string; title: string }) => [r.ref, r.title])).toEqual([
      ['JSSC25-0001', '一卡通长图海报'],
      ['JSSC25-0002', '社保卡智慧应用'],
      ['JSSC25-0003', '就医购药一卡通案例'],
      ['JSSC25-0004', '别人的作品'],
    ]);
    expect(reply.json().counts).toEqual({
      total: 4,
      withdrawn: 0,
      byDivision: [
        { divisionId: 'publicity', name: '社保卡宣传赛道', count: 2 },
        { divisionId: 'app-dev/campus', name: '应用开发赛道（校园组）', count: 0 },
        { divisionId: 'app-dev/social', name: '应用开发赛道（社会组）', count: 1 },
        { divisionId: 'case-selection', name: '应用案例选拔赛道', count: 1 },
      ],
      byZone: [],
    });
    const filtered = await server.inject({
      method: 'GET',
      url: `${contest000}?trackId=publicity`,
      headers: await cookieOf(database.db, organiser, during['000']),
    });
    expect(filtered.json().registrations.map((r: { ref: string }) => r.ref)).toEqual(['JSSC25-0001', 'JSSC25-0004']);
  });

  it('answers 403 to a participant asking for the organiser list, and shows them only their own', async () => {
    const { server, headers, other } = await register000();
    const list = await server.inject({ method: 'GET', url: contest000, headers });
    expect([list.statusCode, list.json()]).toEqual([
      403,
      { error: { code: 'registration.list_forbidden', message: { zh: '无权进行此操作', en: 'You may not do this' }, problems: [] } },
    ]);
    const mine = await server.inject({ method: 'GET', url: '/api/me/registrations', headers });
    expect(
      mine
        .json()
        .registrations.map((r: { ref: string }) => r.ref)
        .sort(),
    ).toEqual(['JSSC25-0001', 'JSSC25-0002', 'JSSC25-0003']);
    const theirs = await server.inject({ method: 'GET', url: '/api/me/registrations', headers: await cookieOf(database.db, other, during['000']) });
    expect(theirs.json().registrations.map((r: { ref: string }) => r.ref)).toEqual(['JSSC25-0004']);
    const someoneElses = await server.inject({ method: 'GET', url: `/api/registrations/${theirs.json().registrations[0].id}`, headers });
    expect([someoneElses.statusCode, someoneElses.json().error.code]).toEqual([403, 'registration.forbidden']);
  });

  it('shows a coordinator of 张家口 only the registrations of their zone, with counts by zone', async () => {
    // 004 has one zone; a second one (承德) shows what the coordinator does not see.
    await publishSeed(database.db, '004', (definition) => ({ ...definition, zones: [...definition.zones, { id: 'chengde', name: '承德赛区' }] }));
    const participant = await newAccount(database.db, '高志远');
    const server = await app(database.db, during['004']);
    const headers = await cookieOf(database.db, participant, during['004']);
    const url = `/api/contests/${seeds['004'].id}/registrations`;
    const inZhangjiakou = await server.inject({ method: 'POST', url, headers, payload: dataElementsEntry() });
    expect(inZhangjiakou.statusCode).toBe(201);
    const inChengde = await server.inject({
      method: 'POST',
      url,
      headers,
      payload: dataElementsEntry({
        title: '承德文旅数据平台',
        trackId: 'culture-tourism',
        zoneId: 'chengde',
        organisations: [{ name: '承德某文旅公司', type: 'enterprise', isLead: true, hasLegalEntity: true, creditCode: '91130700MA0A1B2C30' }],
      }),
    });
    expect(inChengde.statusCode).toBe(201);

    const coordinator = await newAccount(database.db, '张家口赛区', [{ role: 'coordinator', contestId: seeds['004'].id, zoneId: 'zhangjiakou' }]);
    const reply = await server.inject({ method: 'GET', url, headers: await cookieOf(database.db, coordinator, during['004']) });
    expect(reply.statusCode).toBe(200);
    expect(reply.json().registrations.map((r: { title: string; zone: unknown }) => [r.title, r.zone])).toEqual([
      ['张家口算力调度数据平台', { id: 'zhangjiakou', name: '张家口赛区' }],
    ]);
    // A coordinator reads; they change nothing and reveal no one.
    expect([reply.json().registrations[0].viewerRole, reply.json().registrations[0].can]).toEqual([
      'coordinator',
      { edit: false, invite: false, withdraw: false, upload: false, reveal: false },
    ]);
    expect(reply.json().counts.total).toBe(1);
    expect(reply.json().counts.byZone).toEqual([
      { zoneId: 'zhangjiakou', name: '张家口赛区', count: 1 },
      { zoneId: 'chengde', name: '承德赛区', count: 0 },
    ]);
    // Asking for another zone gives nothing; a registration of it cannot be read.
    const chengde = await server.inject({ method: 'GET', url: `${url}?zoneId=chengde`, headers: await cookieOf(database.db, coordinator, during['004']) });
    expect(chengde.json().registrations).toEqual([]);
    const one = await server.inject({
      method: 'GET',
      url: `/api/registrations/${inChengde.json().registration.id}`,
      headers: await cookieOf(database.db, coordinator, during['004']),
    });
    expect(one.statusCode).toBe(403);

    const organiser = await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: null }]);
    const all = await server.inject({ method: 'GET', url, headers: await cookieOf(database.db, organiser, during['004']) });
    expect([all.json().registrations[0].viewerRole, all.json().registrations[0].can]).toEqual([
      'organiser',
      { edit: true, invite: true, withdraw: true, upload: true, reveal: true },
    ]);
    expect(all.json().counts.byZone).toEqual([
      { zoneId: 'zhangjiakou', name: '张家口赛区', count: 1 },
      { zoneId: 'chengde', name: '承德赛区', count: 1 },
    ]);
  });
});

describeOnDatabases('bad input to the registration routes', (database) => {
  const setup = async () => {
    await publishSeed(database.db, '000');
    const leader = await newAccount(database.db, '参赛者1');
    return { server: await app(database.db, during['000']), headers: await cookieOf(database.db, leader, during['000']) };
  };

  it('answers 400 request.malformed_json to a body that is not JSON', async () => {
    const { server, headers } = await setup();
    const reply = await server.inject({
      method: 'POST',
      url: contest000,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"title": "半个',
    });
    expect([reply.statusCode, reply.json()]).toEqual([
      400,
      { error: { code: 'request.malformed_json', message: { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' }, problems: [] } },
    ]);
  });

  it('answers 422 place.unknown_track to a track the contest does not have', async () => {
    const { server, headers } = await setup();
    const reply = await server.inject({
      method: 'POST',
      url: contest000,
      headers,
      payload: entryOf('000', { trackId: 'no-such-track', entrantKind: 'individual' }),
    });
    const message = { zh: '没有赛道 no-such-track', en: 'There is no track no-such-track' };
    expect([reply.statusCode, reply.json()]).toEqual([
      422,
      { error: { code: 'place.unknown_track', message, problems: [{ code: 'place.unknown_track', message, path: 'trackId' }] } },
    ]);
  });

  it('answers 400 request.invalid to a 300-character title, naming the field and its limit', async () => {
    const { server, headers } = await setup();
    const reply = await server.inject({ method: 'POST', url: contest000, headers, payload: { ...socialTeam(1), title: '长'.repeat(300) } });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error.code).toBe('request.invalid');
    expect(reply.json().error.problems).toEqual([
      { path: 'title', code: 'text.too_long', message: { zh: '作品名称最多 100 个字', en: 'The title has at most 100 characters' } },
    ]);
  });

  it('answers 400 to a registration id that is not a UUID and 404 to an unknown one', async () => {
    const { server, headers } = await setup();
    const malformed = await server.inject({ method: 'GET', url: '/api/registrations/not-a-uuid', headers });
    expect([malformed.statusCode, malformed.json().error.code]).toEqual([400, 'request.invalid']);
    const unknown = await server.inject({ method: 'GET', url: '/api/registrations/00000000-0000-4000-8000-000000000000', headers });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'registration.not_found']);
  });

  it('answers 404 contest.not_found to a registration for an unknown contest', async () => {
    const { server, headers } = await setup();
    const reply = await server.inject({ method: 'POST', url: '/api/contests/no-such-contest/registrations', headers, payload: socialTeam(1) });
    expect([reply.statusCode, reply.json().error.code]).toEqual([404, 'contest.not_found']);
  });

  it('never answers 500 to odd but well-formed input', async () => {
    const { server, headers } = await setup();
    const bodies: unknown[] = [
      [],
      'a string',
      { ...socialTeam(1), members: [{}] },
      { ...socialTeam(1), leader: { name: '  ' } },
      { ...socialTeam(1), entrantKind: 'robot' },
      { ...socialTeam(1), groupId: 'no-such-group' },
      { ...socialTeam(1), zoneId: 'zhangjiakou' },
      { ...socialTeam(1), leader: { name: 'x', phone: '12345', idNumber: '123' } },
      { ...socialTeam(1), declarations: ['no-such-declaration'] },
      { ...socialTeam(1), organisations: [{ name: '某单位', type: 'enterprise', creditCode: 'ABC' }] },
    ];
    const statuses = [];
    for (const payload of bodies) statuses.push((await server.inject({ method: 'POST', url: contest000, headers, payload: payload as object })).statusCode);
    expect(statuses).toEqual([400, 415, 400, 400, 400, 422, 422, 422, 422, 201]);
    const check = await server.inject({ method: 'POST', url: `${contest000}/check`, headers, payload: { ...socialTeam(1), trackId: 'no-such-track' } });
    expect([check.statusCode, check.json().problems.map((p: { code: string }) => p.code)]).toEqual([200, ['place.unknown_track']]);
  });

  it('dry-runs a body with an empty leader name and a team of 11, answering both problems at once', async () => {
    const { server, headers } = await setup();
    const team = socialTeam(10);
    const reply = await server.inject({ method: 'POST', url: `${contest000}/check`, headers, payload: { ...team, leader: { ...team.leader, name: '' } } });
    expect([reply.statusCode, reply.json()]).toEqual([
      200,
      {
        ok: false,
        problems: [{ code: 'text.empty', path: 'leader.name', message: { zh: '请填写负责人姓名', en: "Enter the leader's name" } }, teamOf11In000],
      },
    ]);
  });

  it('answers a dry run 400 request.invalid, its problems in words, where the rules cannot run (no track)', async () => {
    const { server, headers } = await setup();
    const reply = await server.inject({ method: 'POST', url: `${contest000}/check`, headers, payload: { ...socialTeam(1), trackId: undefined, title: '' } });
    expect([reply.statusCode, reply.json().error]).toEqual([
      400,
      {
        code: 'request.invalid',
        message: { zh: '请求有 2 处不符合要求', en: 'The request has 2 problems' },
        problems: [
          { code: 'invalid_type', path: 'trackId', message: { zh: '请选择赛道', en: 'Choose the track' } },
          { code: 'text.empty', path: 'title', message: { zh: '请填写作品名称', en: 'Enter the title' } },
        ],
      },
    ]);
  });
});
