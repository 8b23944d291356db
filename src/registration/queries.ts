import { sql, type Kysely } from 'kysely';
import type { Database, NewRegistration, NewRegistrationMember, NewTeamInvitation, RegistrationUpdate } from '../platform/db-types.ts';

type Db = Kysely<Database>;

/**
 * Registrations of one contest change one at a time: the rules across registrations (no member in
 * two teams, one entry per work) and the reference numbers read the others first.
 */
export const lockContestRegistrations = (db: Db, contestId: string) =>
  sql`select pg_advisory_xact_lock(hashtext(${`registrations:${contestId}`}))`.execute(db);

export const activeRegistrationsOfContest = (db: Db, contestId: string) =>
  db.selectFrom('registrations').select(['id', 'ref', 'title', 'entrant']).where('contest_id', '=', contestId).where('status', '=', 'active').execute();

export const registrationById = (db: Db, id: string) => db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirst();

export const countRegistrationsOfContest = async (db: Db, contestId: string) =>
  Number((await db.selectFrom('registrations').select((eb) => eb.fn.countAll<number>().as('count')).where('contest_id', '=', contestId).executeTakeFirstOrThrow()).count);

export const insertRegistration = (db: Db, registration: NewRegistration) => db.insertInto('registrations').values(registration).execute();

export const updateRegistration = (db: Db, id: string, change: RegistrationUpdate) => db.updateTable('registrations').set(change).where('id', '=', id).execute();

export const membersOf = (db: Db, registrationIds: string[]) =>
  registrationIds.length === 0 ? Promise.resolve([]) : db.selectFrom('registration_members').selectAll().where('registration_id', 'in', registrationIds).execute();

export const replaceMembers = async (db: Db, registrationId: string, members: NewRegistrationMember[]) => {
  await db.deleteFrom('registration_members').where('registration_id', '=', registrationId).execute();
  if (members.length > 0) await db.insertInto('registration_members').values(members).execute();
};

export const registrationsOfAccount = (db: Db, accountId: string) =>
  db
    .selectFrom('registrations')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('owner_account_id', '=', accountId),
        eb('id', 'in', eb.selectFrom('registration_members').select('registration_id').where('account_id', '=', accountId)),
      ]),
    )
    .orderBy('created_at', 'desc')
    .execute();

export interface RegistrationFilters {
  trackId?: string;
  groupId?: string;
  categoryId?: string;
  zoneIds?: string[];
  status?: 'active' | 'withdrawn';
}

export const registrationsOfContest = (db: Db, contestId: string, filters: RegistrationFilters) => {
  let query = db.selectFrom('registrations').selectAll().where('contest_id', '=', contestId);
  if (filters.trackId) query = query.where('track_id', '=', filters.trackId);
  if (filters.groupId) query = query.where('group_id', '=', filters.groupId);
  if (filters.categoryId) query = query.where('category_id', '=', filters.categoryId);
  if (filters.zoneIds) query = filters.zoneIds.length ? query.where('zone_id', 'in', filters.zoneIds) : query.where(sql<boolean>`false`);
  if (filters.status) query = query.where('status', '=', filters.status);
  return query.orderBy('ref', 'asc').execute();
};

export const insertInvitation = (db: Db, invitation: NewTeamInvitation) => db.insertInto('team_invitations').values(invitation).execute();

export const invitationByCode = (db: Db, code: string) => db.selectFrom('team_invitations').selectAll().where('code', '=', code).executeTakeFirst();

export const markInvitationAccepted = (db: Db, code: string, accountId: string, at: Date) =>
  db.updateTable('team_invitations').set({ accepted_by: accountId, accepted_at: at }).where('code', '=', code).where('accepted_at', 'is', null).executeTakeFirst();
