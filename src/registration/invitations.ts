import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { getContest } from '../contest/service.ts';
import { phaseWindow, phasesOfKind } from '../contest/views.ts';
import { requireAccount } from '../platform/auth/policy.ts';
import type { Database } from '../platform/db-types.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { personIdentifiers, personKey } from './eligibility/index.ts';
import * as queries from './queries.ts';
import { memberRows, toInput, toStoredEntrant, auditEntry } from './records.ts';
import { appendRegistrationAudit, assessEntry, getRegistration, ineligible, requireActive, requireMayChange, requireRegistrationOpen, type Actor } from './service.ts';
import type { PersonInput, RegistrationInput } from './schema.ts';

/** Codes are typed by hand or read aloud: no 0/O or 1/I/l. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from(randomBytes(10), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');

/**
 * A leader invites one person to the team by link or code. Effects: one team_invitations row that
 * expires when registration closes; `registration.invitation_created`.
 */
export async function inviteToTeam(db: Kysely<Database>, registrationId: string, role: 'member' | 'advisor', actor: Actor) {
  const row = await getRegistration(db, registrationId);
  requireMayChange(row, actor.account);
  requireActive(row);
  if (row.entrant_kind === 'individual' && role === 'member') {
    throw new AppError('invitation.individual_entry', { zh: '个人报名不能邀请成员，请改为团队报名', en: 'An individual entry has no members; register as a team instead' }, 409);
  }
  const contest = await getContest(db, row.contest_id);
  const at = actor.clock.now();
  requireRegistrationOpen(contest, at);
  const registration = phasesOfKind(contest.definition, 'registration')[0];
  const expiresAt = phaseWindow(contest.definition, registration).endExclusive.toJSDate();
  const code = newCode();
  await db.transaction().execute(async (trx) => {
    await queries.insertInvitation(trx, { code, registration_id: registrationId, role, created_by: actor.account!.id, created_at: at, expires_at: expiresAt, accepted_by: null, accepted_at: null, revoked_at: null });
    await appendRegistrationAudit(trx, row.contest_id, actor, 'registration.invitation_created', { registrationId, ref: row.ref, role, code });
  });
  return { code, role, expiresAt };
}

export async function getInvitation(db: Kysely<Database>, code: string, at: Date) {
  const invitation = await queries.invitationByCode(db, code.trim().toUpperCase());
  if (!invitation) throw notFound({ zh: `邀请码 ${code}`, en: `Invitation ${code}` }, 'invitation.not_found');
  if (invitation.revoked_at) throw new AppError('invitation.revoked', { zh: '该邀请已被撤销', en: 'This invitation was revoked' }, 410);
  if (invitation.accepted_at) throw new AppError('invitation.used', { zh: '该邀请已被使用', en: 'This invitation has been used' }, 410);
  if (invitation.expires_at <= at) throw new AppError('invitation.expired', { zh: '该邀请已过期（报名已截止）', en: 'This invitation has expired (registration has closed)' }, 410);
  return invitation;
}

/** What an invitee sees before accepting: the team and who leads it. */
export async function describeInvitation(db: Kysely<Database>, code: string, at: Date) {
  const invitation = await getInvitation(db, code, at);
  const row = await getRegistration(db, invitation.registration_id);
  const { definition } = await getContest(db, row.contest_id);
  const entry = toInput(row);
  return {
    code: invitation.code,
    role: invitation.role,
    expiresAt: invitation.expires_at.toISOString(),
    registration: {
      id: row.id,
      ref: row.ref,
      title: row.title,
      contestId: row.contest_id,
      contestName: definition.name,
      trackName: definition.tracks.find((t) => t.id === row.track_id)?.name ?? row.track_id,
      leaderName: entry.leader.name,
    },
  };
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
 * A person accepts an invitation and confirms their place. Effects under the contest lock: the entry
 * gains or updates the person, every rule is checked again (a full team refuses with team.too_large),
 * the member row becomes confirmed with the account, the invitation is used;
 * `registration.member_confirmed`.
 */
export async function acceptInvitation(db: Kysely<Database>, code: string, person: PersonInput, actor: Actor) {
  const account = requireAccount(actor.account);
  const at = actor.clock.now();
  const invitation = await getInvitation(db, code, at);
  const row = await getRegistration(db, invitation.registration_id);
  requireActive(row);
  const contest = await getContest(db, row.contest_id);
  requireRegistrationOpen(contest, at);
  return db.transaction().execute(async (trx) => {
    await queries.lockContestRegistrations(trx, row.contest_id);
    const current = (await queries.registrationById(trx, row.id))!;
    const { entry, joined } = withPerson(toInput(current), invitation.role, person);
    const result = await assessEntry(trx, contest, entry, row.id);
    if (!result.ok) throw ineligible(result.problems);
    const previous = await queries.membersOf(trx, [row.id]);
    const rows = memberRows(row.id, entry, row.owner_account_id, previous).map((member) =>
      member.role === invitation.role && member.person_key === personKey(joined) ? { ...member, status: 'confirmed' as const, account_id: account.id } : member,
    );
    if (!(await queries.markInvitationAccepted(trx, invitation.code, account.id, at)).numUpdatedRows) {
      throw new AppError('invitation.used', { zh: '该邀请已被使用', en: 'This invitation has been used' }, 410);
    }
    await queries.updateRegistration(trx, row.id, { entrant: JSON.stringify(toStoredEntrant(entry)), updated_at: at });
    await queries.replaceMembers(trx, row.id, rows);
    await appendRegistrationAudit(trx, row.contest_id, actor, 'registration.member_confirmed', { registrationId: row.id, ref: row.ref, role: invitation.role, code: invitation.code, ...auditEntry(entry) });
    return (await queries.registrationById(trx, row.id))!;
  });
}
