import { expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/service.ts';
import { refusalOf } from '../../test/support/refusals.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { acceptInvitation, getInvitation, invitationsOf, inviteToTeam, revokeInvitation } from './invitations.ts';
import { myRegistrations } from './listing.ts';
import { membersOf } from './queries.ts';
import { editRegistration, registerEntry, withdrawRegistration } from './service.ts';
import {
  afterDeadlineOf000,
  auditEventsOf,
  during,
  entryOf,
  hackathonTeam,
  newAccount,
  person,
  phone,
  publishSeed,
  seeds,
  socialTeam,
} from '../../test/support/test-fixtures.ts';

const used = { code: 'invitation.used', status: 410, message: { zh: '该邀请已被使用', en: 'This invitation has been used' } };

describeOnDatabases('inviting people to a team', (database) => {
  const at = during['000'];

  const registeredTeam = async () => {
    await publishSeed(database.db, '000');
    const leader = await newAccount(database.db, '队长');
    const row = await registerEntry(database.db, seeds['000'].id, socialTeam(2), { account: leader, clock: at });
    return { leader, row };
  };

  it('confirms a listed member who accepts with the same phone, with their account', async () => {
    const { leader, row } = await registeredTeam();
    const invitation = await inviteToTeam(database.db, row.id, { role: 'member' }, { account: leader, clock: at });
    expect(invitation.code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    expect([invitation.role, invitation.expiresAt]).toEqual(['member', new Date('2025-09-09T16:00:00Z')]);

    const member = await newAccount(database.db, '参赛者2');
    const accepted = await acceptInvitation(
      database.db,
      invitation.code.toLowerCase(),
      { name: '参赛者2', phone: '+86 139-0000-0002', school: '南开大学' },
      { account: member, clock: at },
    );
    // Stored canonical, whatever the spelling typed.
    expect((accepted.entrant as { members: unknown[] }).members).toEqual([
      { name: '参赛者2', phone: phone(2), school: '南开大学' },
      { name: '参赛者3', phone: phone(3) },
    ]);
    expect((await membersOf(database.db, [row.id])).map((m) => [m.role, m.name, m.status, m.account_id])).toEqual([
      ['leader', '参赛者1', 'confirmed', leader.id],
      ['member', '参赛者2', 'confirmed', member.id],
      ['member', '参赛者3', 'invited', null],
    ]);
    // The member now finds the team among their own registrations.
    expect((await myRegistrations(database.db, member, at)).map((r) => [r.id, r.members.map((m) => m.status)])).toEqual([[row.id, ['confirmed', 'invited']]]);
  });

  it('adds a person who was not listed as a confirmed member', async () => {
    const { leader, row } = await registeredTeam();
    const invitation = await inviteToTeam(database.db, row.id, { role: 'member' }, { account: leader, clock: at });
    const newcomer = await newAccount(database.db, '新成员');
    await acceptInvitation(database.db, invitation.code, person(9), { account: newcomer, clock: at });
    expect((await membersOf(database.db, [row.id])).map((m) => [m.role, m.name, m.status])).toEqual([
      ['leader', '参赛者1', 'confirmed'],
      ['member', '参赛者2', 'invited'],
      ['member', '参赛者3', 'invited'],
      ['member', '参赛者9', 'confirmed'],
    ]);
  });

  it('keeps the confirmation of a person still listed when the leader edits the team', async () => {
    const { leader, row } = await registeredTeam();
    const invitation = await inviteToTeam(database.db, row.id, { role: 'member' }, { account: leader, clock: at });
    const member = await newAccount(database.db, '参赛者2');
    await acceptInvitation(database.db, invitation.code, { name: '参赛者2', phone: phone(2) }, { account: member, clock: at });
    // The leader drops 参赛者3, adds 参赛者4, and writes 参赛者2's ID number: still the same person by phone.
    await editRegistration(
      database.db,
      row.id,
      socialTeam(0, 2, { members: [{ name: '参赛者2', phone: phone(2), idNumber: '11010519491231002X' }, person(4)] }),
      { account: leader, clock: at },
    );
    expect((await membersOf(database.db, [row.id])).map((m) => [m.role, m.name, m.person_key, m.status, m.account_id])).toEqual([
      ['leader', '参赛者1', 'phone:13900000001', 'confirmed', leader.id],
      ['member', '参赛者2', 'id:11010519491231002X', 'confirmed', member.id],
      ['member', '参赛者4', 'phone:13900000004', 'invited', null],
    ]);
  });

  it('refuses a new person joining a full 003 team of 4 with team.too_large', async () => {
    await publishSeed(database.db, '003');
    const leader = await newAccount(database.db, '吴佳琪');
    const row = await registerEntry(database.db, seeds['003'].id, hackathonTeam(4), { account: leader, clock: during['003'] });
    const invitation = await inviteToTeam(database.db, row.id, { role: 'member' }, { account: leader, clock: during['003'] });
    const fifth = await newAccount(database.db, '第五人');
    expect(
      await refusalOf(acceptInvitation(database.db, invitation.code, person(50, { experienceYears: 4 }), { account: fifth, clock: during['003'] })),
    ).toEqual({
      code: 'team.too_large',
      status: 422,
      message: { zh: '团队 5 人，数字化社会保障上限 4 人（含负责人）', en: 'The team has 5 people; Digital social security allows at most 4, leader included' },
    });
    // Nothing changed: the invitation is still open for someone who fits.
    expect((await membersOf(database.db, [row.id])).length).toBe(4);
    expect((await getInvitation(database.db, invitation.code, during['003'].now())).accepted_at).toBeNull();
  });

  it('cannot be used twice', async () => {
    const { leader, row } = await registeredTeam();
    const invitation = await inviteToTeam(database.db, row.id, { role: 'member' }, { account: leader, clock: at });
    const first = await newAccount(database.db, '参赛者2');
    const second = await newAccount(database.db, '参赛者3');
    await acceptInvitation(database.db, invitation.code, { name: '参赛者2', phone: phone(2) }, { account: first, clock: at });
    expect(await refusalOf(acceptInvitation(database.db, invitation.code, { name: '参赛者3', phone: phone(3) }, { account: second, clock: at }))).toEqual(used);
    expect(await refusalOf(getInvitation(database.db, invitation.code, at.now()))).toEqual(used);
  });

  it('expires when registration closes', async () => {
    const { leader, row } = await registeredTeam();
    const invitation = await inviteToTeam(database.db, row.id, { role: 'member' }, { account: leader, clock: at });
    const member = await newAccount(database.db, '参赛者2');
    expect(
      await refusalOf(acceptInvitation(database.db, invitation.code, { name: '参赛者2', phone: phone(2) }, { account: member, clock: afterDeadlineOf000 })),
    ).toEqual({
      code: 'invitation.expired',
      status: 410,
      message: { zh: '该邀请已过期（报名已截止）', en: 'This invitation has expired (registration has closed)' },
    });
  });

  it('refuses an unknown code with invitation.not_found', async () => {
    await publishSeed(database.db, '000');
    expect(await refusalOf(getInvitation(database.db, 'ABCDEFGHJK', at.now()))).toEqual({
      code: 'invitation.not_found',
      status: 404,
      message: { zh: '未找到邀请码 ABCDEFGHJK', en: 'Invitation ABCDEFGHJK not found' },
    });
  });

  it('refuses to accept for, or invite to, a withdrawn team', async () => {
    const { leader, row } = await registeredTeam();
    const invitation = await inviteToTeam(database.db, row.id, { role: 'member' }, { account: leader, clock: at });
    await withdrawRegistration(database.db, row.id, { account: leader, clock: at });
    const member = await newAccount(database.db, '参赛者2');
    expect(await refusalOf(acceptInvitation(database.db, invitation.code, { name: '参赛者2', phone: phone(2) }, { account: member, clock: at }))).toEqual({
      code: 'registration.withdrawn',
      status: 409,
      message: { zh: '该报名已撤回', en: 'This registration was withdrawn' },
    });
    expect(await refusalOf(inviteToTeam(database.db, row.id, { role: 'member' }, { account: leader, clock: at }))).toMatchObject({
      code: 'registration.withdrawn',
      status: 409,
    });
  });

  it('lets only the leader or an organiser invite, and no member into an individual entry', async () => {
    await publishSeed(database.db, '000');
    const owner = await newAccount(database.db, '个人参赛者');
    const stranger = await newAccount(database.db, '路人');
    const row = await registerEntry(database.db, seeds['000'].id, entryOf('000', { trackId: 'publicity', entrantKind: 'individual' }), {
      account: owner,
      clock: at,
    });
    expect(await refusalOf(inviteToTeam(database.db, row.id, { role: 'member' }, { account: stranger, clock: at }))).toEqual({
      code: 'registration.forbidden',
      status: 403,
      message: { zh: '无权进行此操作', en: 'You may not do this' },
    });
    expect(await refusalOf(inviteToTeam(database.db, row.id, { role: 'member' }, { account: owner, clock: at }))).toEqual({
      code: 'invitation.individual_entry',
      status: 409,
      message: { zh: '个人报名不能邀请成员，请改为团队报名', en: 'An individual entry has no members; register as a team instead' },
    });
  });

  it('records invitation_created and member_confirmed in the contest chain, which stays intact', async () => {
    const { leader, row } = await registeredTeam();
    const invitation = await inviteToTeam(database.db, row.id, { role: 'member' }, { account: leader, clock: at });
    const member = await newAccount(database.db, '参赛者2');
    await acceptInvitation(database.db, invitation.code, { name: '参赛者2', phone: phone(2) }, { account: member, clock: at });
    const events = await auditEventsOf(database.db, seeds['000'].id);
    expect(events.map((e) => [e.seq, e.actor, e.type])).toEqual([
      [1, 'system', 'contest.published'],
      [2, leader.id, 'registration.created'],
      [3, leader.id, 'registration.invitation_created'],
      [4, member.id, 'registration.member_confirmed'],
    ]);
    // The code is a live capability: the log names the invitation by its id, never by its code.
    expect(events[2].payload).toMatchObject({ registrationId: row.id, ref: 'JSSC25-0001', role: 'member', invitationId: invitation.id });
    expect(events[3].payload).toMatchObject({ registrationId: row.id, ref: 'JSSC25-0001', role: 'member', invitationId: invitation.id });
    expect(JSON.stringify(events.map((e) => e.payload))).not.toContain(invitation.code);
    expect(await verifyAuditLog(database.db, seeds['000'].id)).toEqual([{ contestId: seeds['000'].id, ok: true, count: 4 }]);
  });
});

describeOnDatabases('invitations bound to a person, and revoked', (database) => {
  const at = during['000'];
  const revoked = { code: 'invitation.revoked', status: 410, message: { zh: '该邀请已被撤销', en: 'This invitation was revoked' } };

  const registeredTeam = async () => {
    await publishSeed(database.db, '000');
    const leader = await newAccount(database.db, '队长');
    const row = await registerEntry(database.db, seeds['000'].id, socialTeam(2), { account: leader, clock: at });
    return { leader, row, actor: { account: leader, clock: at } };
  };

  it('binds an invitation to the listed person it names, and refuses anyone else with 403 invitation.not_for_you', async () => {
    const { row, actor } = await registeredTeam();
    const invitation = await inviteToTeam(database.db, row.id, { role: 'member', person: { index: 1 } }, actor);
    expect(invitation.for).toBe('参赛者3');
    const stranger = await newAccount(database.db, '路人');
    expect(await refusalOf(acceptInvitation(database.db, invitation.code, person(9), { account: stranger, clock: at }))).toEqual({
      code: 'invitation.not_for_you',
      status: 403,
      message: { zh: '该邀请是发给另一位被邀请人的，只能由其本人接受', en: 'This invitation is for someone else; only they can accept it' },
    });
    // Another listed member cannot use it either.
    expect((await refusalOf(acceptInvitation(database.db, invitation.code, { name: '参赛者2', phone: phone(2) }, { account: stranger, clock: at }))).code).toBe(
      'invitation.not_for_you',
    );
    const member = await newAccount(database.db, '参赛者3');
    await acceptInvitation(database.db, invitation.code, { name: '参赛者3', phone: `+86 ${phone(3)}` }, { account: member, clock: at });
    expect((await membersOf(database.db, [row.id])).map((m) => [m.name, m.status, m.account_id])).toEqual([
      ['参赛者1', 'confirmed', actor.account.id],
      ['参赛者2', 'invited', null],
      ['参赛者3', 'confirmed', member.id],
    ]);
  });

  it('refuses to bind an invitation to a person the entry does not list, or who has confirmed', async () => {
    const { row, actor } = await registeredTeam();
    expect(await refusalOf(inviteToTeam(database.db, row.id, { role: 'member', person: { index: 2 } }, actor))).toEqual({
      code: 'invitation.unknown_person',
      status: 422,
      message: { zh: '报名中没有第 3 位成员', en: 'The entry lists no member number 3' },
    });
    const first = await inviteToTeam(database.db, row.id, { role: 'member', person: { index: 0 } }, actor);
    await acceptInvitation(database.db, first.code, { name: '参赛者2', phone: phone(2) }, { account: await newAccount(database.db, '参赛者2'), clock: at });
    expect((await refusalOf(inviteToTeam(database.db, row.id, { role: 'member', person: { index: 0 } }, actor))).code).toBe('invitation.already_confirmed');
  });

  it('lets the leader revoke an invitation, which then answers 410 invitation.revoked, and audits it by id', async () => {
    const { row, actor } = await registeredTeam();
    const invitation = await inviteToTeam(database.db, row.id, { role: 'member', person: { index: 0 } }, actor);
    expect(await revokeInvitation(database.db, row.id, invitation.id, actor)).toEqual({
      id: invitation.id,
      role: 'member',
      for: '参赛者2',
      status: 'revoked',
      createdAt: '2025-06-01T02:00:00.000Z',
      expiresAt: '2025-09-09T16:00:00.000Z',
    });
    const member = await newAccount(database.db, '参赛者2');
    expect(await refusalOf(acceptInvitation(database.db, invitation.code, { name: '参赛者2', phone: phone(2) }, { account: member, clock: at }))).toEqual(
      revoked,
    );
    expect((await auditEventsOf(database.db, seeds['000'].id)).at(-1)).toMatchObject({
      type: 'registration.invitation_revoked',
      payload: { registrationId: row.id, ref: 'JSSC25-0001', invitationId: invitation.id, role: 'member', because: 'revoked' },
    });
    expect(await verifyAuditLog(database.db, seeds['000'].id)).toEqual([{ contestId: seeds['000'].id, ok: true, count: 4 }]);
  });

  it('lets no one else revoke or list the invitations, and refuses to revoke a used one', async () => {
    const { row, actor } = await registeredTeam();
    const invitation = await inviteToTeam(database.db, row.id, { role: 'member' }, actor);
    const stranger = await newAccount(database.db, '路人');
    expect((await refusalOf(revokeInvitation(database.db, row.id, invitation.id, { account: stranger, clock: at }))).code).toBe('registration.forbidden');
    expect((await refusalOf(invitationsOf(database.db, row.id, { account: stranger, clock: at }))).code).toBe('registration.forbidden');
    await acceptInvitation(database.db, invitation.code, person(9), { account: stranger, clock: at });
    expect(await refusalOf(revokeInvitation(database.db, row.id, invitation.id, actor))).toEqual({
      code: 'invitation.used',
      status: 409,
      message: { zh: '该邀请已被使用，不能撤销', en: 'This invitation has been used and cannot be revoked' },
    });
    expect((await refusalOf(revokeInvitation(database.db, row.id, '00000000-0000-4000-8000-000000000000', actor))).code).toBe('invitation.not_found');
  });

  it('revokes the invitation of a person the leader removes from the entry, and keeps the others', async () => {
    const { row, actor } = await registeredTeam();
    const forSecond = await inviteToTeam(database.db, row.id, { role: 'member', person: { index: 0 } }, actor);
    const forThird = await inviteToTeam(database.db, row.id, { role: 'member', person: { index: 1 } }, actor);
    const open = await inviteToTeam(database.db, row.id, { role: 'member' }, actor);
    // 参赛者3 is dropped; 参赛者2 stays, now with an ID number too.
    await editRegistration(database.db, row.id, socialTeam(0, 2, { members: [person(2, { idNumber: '11010519491231002X' })] }), actor);
    expect(Object.fromEntries((await invitationsOf(database.db, row.id, actor)).map((i) => [i.id, [i.for, i.status]]))).toEqual({
      [forSecond.id]: ['参赛者2', 'open'],
      [forThird.id]: ['参赛者3', 'revoked'],
      [open.id]: [undefined, 'open'],
    });
    const third = await newAccount(database.db, '参赛者3');
    expect(await refusalOf(acceptInvitation(database.db, forThird.code, { name: '参赛者3', phone: phone(3) }, { account: third, clock: at }))).toEqual(revoked);
    expect((await auditEventsOf(database.db, seeds['000'].id)).at(-1)).toMatchObject({
      type: 'registration.invitation_revoked',
      payload: { registrationId: row.id, ref: 'JSSC25-0001', invitationId: forThird.id, role: 'member', because: 'person_removed' },
    });
  });
});
