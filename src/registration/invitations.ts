import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { getScheduledContest } from '../schedule/service.ts';
import { phaseWindow, phasesOfKind } from '../contest/views.ts';
import { requireAccount } from '../platform/auth/policy.ts';
import type { Account } from '../platform/auth/service.ts';
import type { Database, RegistrationMemberRow, RegistrationRow, TeamInvitationRow } from '../platform/db-types.ts';
import { inTransaction } from '../platform/transaction.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { personIdentifiers, personKey } from './eligibility/index.ts';
import * as queries from './queries.ts';
import { memberRows, toInput, toStoredEntrant, auditEntry } from './records.ts';
import { isInvitationFor } from './binding.ts';
import {
  appendRegistrationAudit,
  assessEntry,
  getRegistration,
  ineligible,
  lockRegistration,
  requireActive,
  requireMayChange,
  requireRegistrationOpen,
  revokeInvitations,
  storeRegistrationKeys,
  type Actor,
} from './service.ts';
import type { InvitationRequest, PersonInput, RegistrationInput } from './schema.ts';

/** Codes are typed by hand or read aloud: no 0/O or 1/I/l. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from(randomBytes(10), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');

const refuseUnknownPerson = (role: 'member' | 'advisor', index: number) =>
  new AppError(
    'invitation.unknown_person',
    { zh: `报名中没有第 ${index + 1} 位${role === 'member' ? '成员' : '指导老师'}`, en: `The entry lists no ${role} number ${index + 1}` },
    422,
  );

/** The listed person an invitation is for, by their place in the entry; refused when they have confirmed already. */
const listedPerson = (row: RegistrationRow, members: RegistrationMemberRow[], role: 'member' | 'advisor', index: number) => {
  const entry = toInput(row);
  const person = (role === 'member' ? entry.members : entry.advisors)[index];
  if (!person) throw refuseUnknownPerson(role, index);
  if (members.some((m) => m.role === role && m.person_key === personKey(person) && m.status === 'confirmed')) {
    throw new AppError(
      'invitation.already_confirmed',
      { zh: `${person.name} 已确认加入，无需邀请`, en: `${person.name} has confirmed already; there is nothing to invite them to` },
      409,
    );
  }
  return person;
};

/**
 * A leader invites one person to the team by link or code, for anyone the leader shares it with or
 * bound to one listed person (`person.index` among the role's people). Effects: one team_invitations
 * row that expires when registration closes; `registration.invitation_created` naming it by its id.
 */
export async function inviteToTeam(db: Kysely<Database>, registrationId: string, request: InvitationRequest, actor: Actor) {
  const { role } = request;
  const row = await getRegistration(db, registrationId);
  requireMayChange(row, actor.account);
  requireActive(row);
  if (row.entrant_kind === 'individual' && role === 'member') {
    throw new AppError(
      'invitation.individual_entry',
      { zh: '个人报名不能邀请成员，请改为团队报名', en: 'An individual entry has no members; register as a team instead' },
      409,
    );
  }
  const contest = await getScheduledContest(db, row.contest_id);
  const at = actor.clock.now();
  requireRegistrationOpen(contest, at);
  const person = request.person && listedPerson(row, await queries.membersOf(db, [row.id]), role, request.person.index);
  const registration = phasesOfKind(contest.definition, 'registration')[0];
  const expiresAt = phaseWindow(contest.definition, registration).endExclusive.toJSDate();
  const id = randomUUID();
  const code = newCode();
  await inTransaction(db, async (trx) => {
    await queries.insertInvitation(trx, {
      id,
      code,
      registration_id: registrationId,
      role,
      created_by: actor.account!.id,
      created_at: at,
      expires_at: expiresAt,
      accepted_by: null,
      accepted_at: null,
      revoked_at: null,
      revoked_by: null,
      for_name: person?.name ?? null,
      for_identifiers: person ? JSON.stringify(personIdentifiers(person)) : null,
    });
    await appendRegistrationAudit(trx, row.contest_id, actor, 'registration.invitation_created', {
      registrationId,
      ref: row.ref,
      role,
      invitationId: id,
      ...(request.person ? { personIndex: request.person.index } : {}),
    });
  });
  return { id, code, role, for: person?.name, expiresAt };
}

export async function getInvitation(db: Kysely<Database>, code: string, at: Date) {
  const invitation = await queries.invitationByCode(db, code.trim().toUpperCase());
  if (!invitation) throw notFound({ zh: `邀请码 ${code}`, en: `Invitation ${code}` }, 'invitation.not_found');
  if (invitation.revoked_at) throw new AppError('invitation.revoked', { zh: '该邀请已被撤销', en: 'This invitation was revoked' }, 410);
  if (invitation.accepted_at) throw new AppError('invitation.used', { zh: '该邀请已被使用', en: 'This invitation has been used' }, 410);
  if (invitation.expires_at <= at)
    throw new AppError('invitation.expired', { zh: '该邀请已过期（报名已截止）', en: 'This invitation has expired (registration has closed)' }, 410);
  return invitation;
}

/**
 * What an invitee sees before accepting. Signed out: the contest and track only, since a link travels
 * further than the person it was sent to; signed in: the entry, who leads it, and who it is for.
 */
export async function describeInvitation(db: Kysely<Database>, code: string, at: Date, account: Account | null) {
  const invitation = await getInvitation(db, code, at);
  const row = await getRegistration(db, invitation.registration_id);
  const { definition } = await getScheduledContest(db, row.contest_id);
  const entry = toInput(row);
  const place = {
    contestId: row.contest_id,
    contestName: definition.name,
    trackName: definition.tracks.find((t) => t.id === row.track_id)?.name ?? row.track_id,
  };
  return {
    code: invitation.code,
    role: invitation.role,
    expiresAt: invitation.expires_at.toISOString(),
    ...(account && invitation.for_name ? { for: invitation.for_name } : {}),
    registration: account ? { ...place, id: row.id, ref: row.ref, title: row.title, leaderName: entry.leader.name } : place,
  };
}

const presentInvitation = (invitation: TeamInvitationRow, at: Date) => ({
  id: invitation.id,
  role: invitation.role,
  for: invitation.for_name ?? undefined,
  status: invitation.accepted_at
    ? ('accepted' as const)
    : invitation.revoked_at
      ? ('revoked' as const)
      : invitation.expires_at <= at
        ? ('expired' as const)
        : ('open' as const),
  createdAt: invitation.created_at.toISOString(),
  expiresAt: invitation.expires_at.toISOString(),
});

/** The entry's invitations for its leader and organisers, by id and status; codes were shown once, when made. */
export async function invitationsOf(db: Kysely<Database>, registrationId: string, actor: Actor) {
  const row = await getRegistration(db, registrationId);
  requireMayChange(row, actor.account);
  const at = actor.clock.now();
  return (await queries.invitationsOfRegistration(db, registrationId)).map((invitation) => presentInvitation(invitation, at));
}

/** The leader or an organiser revokes an unused invitation of the entry; `registration.invitation_revoked`. */
export async function revokeInvitation(db: Kysely<Database>, registrationId: string, invitationId: string, actor: Actor) {
  const row = await getRegistration(db, registrationId);
  requireMayChange(row, actor.account);
  const invitation = (await queries.invitationsOfRegistration(db, registrationId)).find((i) => i.id === invitationId);
  if (!invitation) throw notFound({ zh: `邀请 ${invitationId}`, en: `Invitation ${invitationId}` }, 'invitation.not_found');
  if (invitation.accepted_at)
    throw new AppError('invitation.used', { zh: '该邀请已被使用，不能撤销', en: 'This invitation has been used and cannot be revoked' }, 409);
  await inTransaction(db, async (trx) => {
    await lockRegistration(trx, row.id);
    await revokeInvitations(trx, row, [invitationId], actor, 'revoked');
  });
  return presentInvitation(
    (await queries.invitationsOfRegistration(db, registrationId)).find((i) => i.id === invitationId)!,
    actor.clock.now(),
  );
}

/** Puts the person in the entry: updates the listed person they match (by any identifier), or adds them. */
const withPerson = (entry: RegistrationInput, role: 'member' | 'advisor', person: PersonInput) => {
  const ids = new Set(personIdentifiers(person));
  const list = role === 'member' ? entry.members : entry.advisors;
  const index = list.findIndex((p) => personIdentifiers(p).some((id) => ids.has(id)));
  const given = Object.fromEntries(Object.entries(person).filter(([, value]) => value !== undefined));
  const joined: PersonInput = index >= 0 ? { ...list[index], ...given } : person;
  const updated = index >= 0 ? list.map((p, i) => (i === index ? joined : p)) : [...list, joined];
  return { entry: role === 'member' ? { ...entry, members: updated } : { ...entry, advisors: updated }, joined };
};

/**
 * A person accepts an invitation and confirms their place. Effects under the entry's locks: the entry
 * gains or updates the person, every rule is checked again (a full team refuses with team.too_large),
 * the member row becomes confirmed with the account, the invitation is used;
 * `registration.member_confirmed`.
 */
export async function acceptInvitation(db: Kysely<Database>, code: string, person: PersonInput, actor: Actor) {
  const account = requireAccount(actor.account);
  const at = actor.clock.now();
  const invitation = await getInvitation(db, code, at);
  if (!isInvitationFor(invitation, person)) {
    throw new AppError(
      'invitation.not_for_you',
      { zh: '该邀请是发给另一位被邀请人的，只能由其本人接受', en: 'This invitation is for someone else; only they can accept it' },
      403,
    );
  }
  const row = await getRegistration(db, invitation.registration_id);
  requireActive(row);
  const contest = await getScheduledContest(db, row.contest_id);
  requireRegistrationOpen(contest, at);
  return inTransaction(db, async (trx) => {
    const current = await lockRegistration(trx, row.id);
    requireActive(current);
    const { entry: joinedEntry, joined } = withPerson(toInput(current), invitation.role, person);
    const result = await assessEntry(trx, contest, joinedEntry, account, current, true);
    if (!result.ok) throw ineligible(result.problems);
    const { entry } = result;
    const previous = await queries.membersOf(trx, [row.id]);
    const rows = memberRows(row.id, entry, row.owner_account_id, previous).map((member) =>
      member.role === invitation.role && member.person_key === personKey(joined) ? { ...member, status: 'confirmed' as const, account_id: account.id } : member,
    );
    if (!(await queries.markInvitationAccepted(trx, invitation.code, account.id, at)).numUpdatedRows) {
      throw new AppError('invitation.used', { zh: '该邀请已被使用或已撤销', en: 'This invitation has been used or revoked' }, 410);
    }
    await queries.updateRegistration(trx, row.id, { entrant: JSON.stringify(toStoredEntrant(entry)), updated_at: at });
    await queries.replaceMembers(trx, row.id, rows);
    await storeRegistrationKeys(trx, row.contest_id, row.id, entry);
    await appendRegistrationAudit(trx, row.contest_id, actor, 'registration.member_confirmed', {
      registrationId: row.id,
      ref: row.ref,
      role: invitation.role,
      invitationId: invitation.id,
      ...auditEntry(entry),
    });
    return (await queries.registrationById(trx, row.id))!;
  });
}
