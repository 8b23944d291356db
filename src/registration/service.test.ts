import { expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/service.ts';
import { fixedClock } from '../platform/clock.ts';
import { appErrorOf } from '../../test/support/refusals.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { membersOf } from './queries.ts';
import { checkRegistration, editRegistration, registerEntry, withdrawRegistration } from './service.ts';
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
  publishSeed,
  seeds,
  socialTeam,
  teamOf11In000,
  teamsSharingAMember,
} from '../../test/support/test-fixtures.ts';

/** A refusal with the problems it lists, which registering compares too. */
const refusal = async (promise: Promise<unknown>) => {
  const error = await appErrorOf(promise);
  return { code: error.code, status: error.status, message: error.localised, problems: error.problems };
};

const closedRefusal = { code: 'registration.closed', status: 409, message: closedMessageOf000, problems: [] };

describeOnDatabases('registering an entry', (database) => {
  it('registers an individual, a team and an organisation in 000, numbering them in order', async () => {
    await publishSeed(database.db, '000');
    const participant = await newAccount(database.db, '参赛者');
    const actor = { account: participant, clock: during['000'] };
    const individual = await registerEntry(
      database.db,
      seeds['000'].id,
      entryOf('000', { title: '一卡通长图海报', trackId: 'publicity', entrantKind: 'individual' }),
      actor,
    );
    const team = await registerEntry(database.db, seeds['000'].id, socialTeam(2, 2, { leader: person(10) }), actor);
    const organisation = await registerEntry(
      database.db,
      seeds['000'].id,
      entryOf('000', {
        title: '保定市社保卡就医购药一卡通案例',
        trackId: 'case-selection',
        entrantKind: 'organisation',
        leader: person(20),
        organisations: [{ name: '保定市人力资源和社会保障局', type: 'government', isLead: true, hasLegalEntity: true, creditCode: creditCodes.government }],
      }),
      actor,
    );
    expect([individual, team, organisation].map((r) => [r.ref, r.entrant_kind, r.track_id, r.group_id, r.status, r.owner_account_id])).toEqual([
      ['JSSC25-0001', 'individual', 'publicity', null, 'active', participant.id],
      ['JSSC25-0002', 'team', 'app-dev', 'social', 'active', participant.id],
      ['JSSC25-0003', 'organisation', 'case-selection', null, 'active', participant.id],
    ]);
    const members = await membersOf(database.db, [team.id]);
    expect(members.map((m) => [m.role, m.name, m.person_key, m.status, m.account_id])).toEqual([
      ['leader', '参赛者10', 'phone:13900000010', 'confirmed', participant.id],
      ['member', '参赛者2', 'phone:13900000002', 'invited', null],
      ['member', '参赛者3', 'phone:13900000003', 'invited', null],
    ]);
  });

  it('registers a lead enterprise and a partner university in the 张家口 zone of 004', async () => {
    await publishSeed(database.db, '004');
    const participant = await newAccount(database.db, '高志远');
    const row = await registerEntry(database.db, seeds['004'].id, dataElementsEntry(), { account: participant, clock: during['004'] });
    expect([row.ref, row.entrant_kind, row.track_id, row.zone_id]).toEqual(['HDE25-0001', 'organisation', 'industrial-manufacturing', 'zhangjiakou']);
    expect((row.entrant as { organisations: unknown[] }).organisations).toEqual([
      { name: '张家口某数据科技有限公司', type: 'enterprise', isLead: true, hasLegalEntity: true, creditCode: '91350100M000100Y43' },
      { name: '河北北方学院', type: 'university', isLead: false, hasLegalEntity: true, creditCode: '52130700MJ0000001J' },
    ]);
  });

  it('refuses a team of 11 in 应用开发赛道（社会组） with team.too_large and writes nothing', async () => {
    await publishSeed(database.db, '000');
    const participant = await newAccount(database.db, '参赛者');
    expect(await refusal(registerEntry(database.db, seeds['000'].id, socialTeam(10), { account: participant, clock: during['000'] }))).toEqual({
      code: 'team.too_large',
      status: 422,
      message: teamOf11In000.message,
      problems: [teamOf11In000],
    });
    expect(await database.db.selectFrom('registrations').selectAll().execute()).toEqual([]);
  });

  it('gathers several broken rules under registration.ineligible', async () => {
    await publishSeed(database.db, '000');
    const participant = await newAccount(database.db, '参赛者');
    const entry = entryOf('000', {
      trackId: 'app-dev',
      groupId: 'campus',
      entrantKind: 'individual',
      leader: person(1, { isFullTimeStudent: false }),
      declarations: [],
    });
    const error = await refusal(registerEntry(database.db, seeds['000'].id, entry, { account: participant, clock: during['000'] }));
    expect([error.code, error.status, error.message]).toEqual([
      'registration.ineligible',
      422,
      { zh: '报名有 4 处不符合赛事规则', en: 'The registration breaks 4 rules of the contest' },
    ]);
    expect(error.problems.map((p) => p.code)).toEqual(['eligibility.not_student', 'declaration.missing', 'declaration.missing', 'declaration.missing']);
  });

  it('is open at 23:59:59 on 2025-09-09 in Shanghai and closed one second later', async () => {
    await publishSeed(database.db, '000');
    const participant = await newAccount(database.db, '参赛者');
    const entry = entryOf('000', { trackId: 'publicity', entrantKind: 'individual' });
    const row = await registerEntry(database.db, seeds['000'].id, entry, { account: participant, clock: lastSecondOf000 });
    expect(row.created_at).toEqual(new Date('2025-09-09T15:59:59Z'));
    expect(
      await refusal(registerEntry(database.db, seeds['000'].id, { ...entry, title: '另一件作品' }, { account: participant, clock: afterDeadlineOf000 })),
    ).toEqual(closedRefusal);
  });

  it('refuses a registration before registration opens', async () => {
    await publishSeed(database.db, '000');
    const participant = await newAccount(database.db, '参赛者');
    const entry = entryOf('000', { trackId: 'publicity', entrantKind: 'individual' });
    const error = await refusal(registerEntry(database.db, seeds['000'].id, entry, { account: participant, clock: fixedClock('2025-05-11T23:59:59+08:00') }));
    expect(error.code).toBe('registration.closed');
  });

  it('refuses an anonymous registration with auth.required', async () => {
    await publishSeed(database.db, '000');
    const entry = entryOf('000', { trackId: 'publicity', entrantKind: 'individual' });
    expect((await refusal(registerEntry(database.db, seeds['000'].id, entry, { account: null, clock: during['000'] }))).code).toBe('auth.required');
  });

  it('refuses an unknown contest with contest.not_found', async () => {
    const participant = await newAccount(database.db, '参赛者');
    const entry = entryOf('000', { trackId: 'publicity', entrantKind: 'individual' });
    expect(await refusal(registerEntry(database.db, 'no-such-contest', entry, { account: participant, clock: during['000'] }))).toEqual({
      code: 'contest.not_found',
      status: 404,
      message: { zh: '未找到赛事 no-such-contest', en: 'Contest no-such-contest not found' },
      problems: [],
    });
  });
});

describeOnDatabases('teams that share members (001: 禁止不同参赛团队共用相同队员)', (database) => {
  const { first: firstTeam, second: secondTeam } = teamsSharingAMember;

  it('refuses a second team that lists a member of the first with team.member_in_other_team', async () => {
    await publishSeed(database.db, '001');
    const first = await newAccount(database.db, '刘志强');
    const second = await newAccount(database.db, '杨帆');
    await registerEntry(database.db, seeds['001'].id, firstTeam(), { account: first, clock: during['001'] });
    const error = await refusal(registerEntry(database.db, seeds['001'].id, secondTeam(), { account: second, clock: during['001'] }));
    // The second leader is not on the first team: the message names no team and no reference.
    const message = {
      zh: '成员 参赛者13 已是本赛事另一支团队的成员，不同团队不得共用队员',
      en: 'Member 参赛者13 is already on another team of this contest; teams may not share members',
    };
    expect(error).toEqual({
      code: 'team.member_in_other_team',
      status: 422,
      message,
      problems: [{ code: 'team.member_in_other_team', message, path: 'members[0].name', rule: 'rules[3]' }],
    });
  });

  it('names the other team only to its own people and to organisers', async () => {
    await publishSeed(database.db, '001');
    const first = await newAccount(database.db, '刘志强');
    const organiser = await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: seeds['001'].id }]);
    await registerEntry(database.db, seeds['001'].id, firstTeam(), { account: first, clock: during['001'] });
    const named = '成员 参赛者13 已是团队「正定县数据共享攻坚队」（HSGD22-0001）的成员，不同团队不得共用队员';
    for (const account of [first, organiser]) {
      const result = await checkRegistration(database.db, seeds['001'].id, secondTeam(), { account, clock: during['001'] });
      expect(result.problems.map((p) => p.message.zh)).toEqual([named]);
    }
  });

  it('lets the member join another team once the first team withdraws', async () => {
    await publishSeed(database.db, '001');
    const first = await newAccount(database.db, '刘志强');
    const second = await newAccount(database.db, '杨帆');
    const withdrawn = await registerEntry(database.db, seeds['001'].id, firstTeam(), { account: first, clock: during['001'] });
    await withdrawRegistration(database.db, withdrawn.id, { account: first, clock: during['001'] });
    const row = await registerEntry(database.db, seeds['001'].id, secondTeam(), { account: second, clock: during['001'] });
    expect([row.ref, row.status]).toEqual(['HSGD22-0002', 'active']);
  });

  it('lets a team be edited without counting its own members against it', async () => {
    await publishSeed(database.db, '001');
    const first = await newAccount(database.db, '刘志强');
    const row = await registerEntry(database.db, seeds['001'].id, firstTeam(), { account: first, clock: during['001'] });
    const edited = await editRegistration(database.db, row.id, { ...firstTeam(), title: '县域政务数据共享平台 2.0' }, { account: first, clock: during['001'] });
    expect(edited.title).toBe('县域政务数据共享平台 2.0');
  });
});

describeOnDatabases('editing and withdrawing a registration', (database) => {
  it('edits until the deadline and refuses after it with registration.closed', async () => {
    await publishSeed(database.db, '000');
    const participant = await newAccount(database.db, '参赛者');
    const row = await registerEntry(database.db, seeds['000'].id, socialTeam(2), { account: participant, clock: during['000'] });
    const edited = await editRegistration(database.db, row.id, socialTeam(3, 2, { title: '社保卡一卡通 2.0' }), {
      account: participant,
      clock: lastSecondOf000,
    });
    expect([edited.title, edited.updated_at]).toEqual(['社保卡一卡通 2.0', new Date('2025-09-09T15:59:59Z')]);
    expect((await membersOf(database.db, [row.id])).map((m) => m.name)).toEqual(['参赛者1', '参赛者2', '参赛者3', '参赛者4']);
    expect(await refusal(editRegistration(database.db, row.id, socialTeam(1), { account: participant, clock: afterDeadlineOf000 }))).toEqual(closedRefusal);
  });

  it('refuses an edit by someone else with registration.forbidden, and lets an organiser of the contest edit', async () => {
    await publishSeed(database.db, '000');
    const owner = await newAccount(database.db, '参赛者');
    const stranger = await newAccount(database.db, '路人');
    const organiser = await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: seeds['000'].id }]);
    const row = await registerEntry(database.db, seeds['000'].id, socialTeam(2), { account: owner, clock: during['000'] });
    expect(await refusal(editRegistration(database.db, row.id, socialTeam(1), { account: stranger, clock: during['000'] }))).toEqual({
      code: 'registration.forbidden',
      status: 403,
      message: { zh: '无权进行此操作', en: 'You may not do this' },
      problems: [],
    });
    const edited = await editRegistration(database.db, row.id, socialTeam(1), { account: organiser, clock: during['000'] });
    expect(edited.owner_account_id).toBe(owner.id);
  });

  it('re-checks every rule on edit: growing the team to 11 is refused with team.too_large', async () => {
    await publishSeed(database.db, '000');
    const participant = await newAccount(database.db, '参赛者');
    const row = await registerEntry(database.db, seeds['000'].id, socialTeam(2), { account: participant, clock: during['000'] });
    expect((await refusal(editRegistration(database.db, row.id, socialTeam(10), { account: participant, clock: during['000'] }))).code).toBe('team.too_large');
  });

  it('withdraws an entry, which can then be neither edited nor withdrawn again', async () => {
    await publishSeed(database.db, '000');
    const participant = await newAccount(database.db, '参赛者');
    const row = await registerEntry(database.db, seeds['000'].id, socialTeam(2), { account: participant, clock: during['000'] });
    const withdrawn = await withdrawRegistration(database.db, row.id, { account: participant, clock: during['000'] });
    expect([withdrawn.status, withdrawn.withdrawn_at]).toEqual(['withdrawn', new Date('2025-06-01T02:00:00Z')]);
    const again = { code: 'registration.withdrawn', status: 409, message: { zh: '该报名已撤回', en: 'This registration was withdrawn' }, problems: [] };
    expect(await refusal(withdrawRegistration(database.db, row.id, { account: participant, clock: during['000'] }))).toEqual(again);
    expect(await refusal(editRegistration(database.db, row.id, socialTeam(2), { account: participant, clock: during['000'] }))).toEqual(again);
  });

  it('lets the same work be entered again once its first entry is withdrawn (每个作品只能参加一个奖项评选)', async () => {
    await publishSeed(database.db, '000');
    const participant = await newAccount(database.db, '参赛者');
    const first = await registerEntry(database.db, seeds['000'].id, socialTeam(1), { account: participant, clock: during['000'] });
    const twin = socialTeam(1, 2, { groupId: 'campus', leader: person(1, { isFullTimeStudent: true }), members: [person(2, { isFullTimeStudent: true })] });
    expect((await refusal(registerEntry(database.db, seeds['000'].id, twin, { account: participant, clock: during['000'] }))).code).toBe(
      'entry.already_entered',
    );
    await withdrawRegistration(database.db, first.id, { account: participant, clock: during['000'] });
    expect((await registerEntry(database.db, seeds['000'].id, twin, { account: participant, clock: during['000'] })).group_id).toBe('campus');
  });
});

describeOnDatabases('the dry run of a registration', (database) => {
  it('lists every problem, the closed window first, without writing anything', async () => {
    await publishSeed(database.db, '000');
    const account = await newAccount(database.db, '参赛者1');
    const result = await checkRegistration(database.db, seeds['000'].id, socialTeam(10), { account, clock: afterDeadlineOf000 });
    expect(result).toEqual({
      ok: false,
      problems: [{ code: 'registration.closed', message: closedMessageOf000 }, teamOf11In000],
    });
    expect(await database.db.selectFrom('registrations').selectAll().execute()).toEqual([]);
  });

  it('says ok for an entry that passes every rule inside the window', async () => {
    await publishSeed(database.db, '004');
    const account = await newAccount(database.db, '高志远');
    expect(await checkRegistration(database.db, seeds['004'].id, dataElementsEntry(), { account, clock: during['004'] })).toEqual({ ok: true, problems: [] });
  });

  it('answers nobody signed out: 401 auth.required', async () => {
    await publishSeed(database.db, '004');
    expect(await refusal(checkRegistration(database.db, seeds['004'].id, dataElementsEntry(), { account: null, clock: during['004'] }))).toMatchObject({
      code: 'auth.required',
      status: 401,
    });
  });

  it('refuses to dry-run as an edit of someone else’s entry with 403 registration.forbidden', async () => {
    await publishSeed(database.db, '004');
    const owner = await newAccount(database.db, '高志远');
    const stranger = await newAccount(database.db, '路人');
    const registered = await registerEntry(database.db, seeds['004'].id, dataElementsEntry(), { account: owner, clock: during['004'] });
    expect(
      await refusal(checkRegistration(database.db, seeds['004'].id, dataElementsEntry(), { account: stranger, clock: during['004'] }, registered.id)),
    ).toMatchObject({ code: 'registration.forbidden', status: 403 });
  });

  it('leaves the entry being edited out of the rules across registrations, and no other', async () => {
    await publishSeed(database.db, '004');
    const account = await newAccount(database.db, '高志远');
    const registered = await registerEntry(database.db, seeds['004'].id, dataElementsEntry(), { account, clock: during['004'] });
    const again = await checkRegistration(database.db, seeds['004'].id, dataElementsEntry(), { account, clock: during['004'] });
    expect(again.problems.map((p) => p.code)).toEqual(['entry.already_entered']);
    expect(await checkRegistration(database.db, seeds['004'].id, dataElementsEntry(), { account, clock: during['004'] }, registered.id)).toEqual({
      ok: true,
      problems: [],
    });
  });
});

describeOnDatabases('the audit trail of registrations', (database) => {
  it('appends registration.created, updated and withdrawn to the contest chain, which stays intact', async () => {
    await publishSeed(database.db, '000');
    const participant = await newAccount(database.db, '参赛者');
    const actor = { account: participant, clock: during['000'] };
    const row = await registerEntry(database.db, seeds['000'].id, socialTeam(1, 2, { leader: person(1, { idNumber: '130102200304151232' }) }), actor);
    await editRegistration(database.db, row.id, socialTeam(2), actor);
    await withdrawRegistration(database.db, row.id, actor);
    const events = await auditEventsOf(database.db, seeds['000'].id);
    expect(events.map((e) => [e.seq, e.actor, e.type])).toEqual([
      [1, 'system', 'contest.published'],
      [2, participant.id, 'registration.created'],
      [3, participant.id, 'registration.updated'],
      [4, participant.id, 'registration.withdrawn'],
    ]);
    const created = events[1].payload as { registrationId: string; ref: string; entry: { leader: unknown }; entryHmac: string };
    expect([created.registrationId, created.ref]).toEqual([row.id, 'JSSC25-0001']);
    // Supervisors read the log: phones and ID numbers are masked there.
    expect(created.entry.leader).toEqual({ name: '参赛者1', phone: '139****0001', idNumber: '1301**********32' });
    expect(created.entryHmac).toMatch(/^[0-9a-f]{64}$/);
    expect(events[3].payload).toEqual({
      registrationId: row.id,
      ref: 'JSSC25-0001',
      state: { [`registration:${row.id}`]: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(await verifyAuditLog(database.db, seeds['000'].id)).toEqual([{ contestId: seeds['000'].id, ok: true, count: 4 }]);
  });

  it('appends nothing for a refused registration', async () => {
    await publishSeed(database.db, '000');
    const participant = await newAccount(database.db, '参赛者');
    await refusal(registerEntry(database.db, seeds['000'].id, socialTeam(10), { account: participant, clock: during['000'] }));
    expect(await verifyAuditLog(database.db, seeds['000'].id)).toEqual([{ contestId: seeds['000'].id, ok: true, count: 1 }]);
  });
});
