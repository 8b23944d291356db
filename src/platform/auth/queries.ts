/** Every SQL statement of accounts and sessions. */
import { sql, type Kysely } from 'kysely';
import type { AccountRoleRow, Database, NewAccount } from '../db-types.ts';

type Db = Kysely<Database>;

export const accountByEmail = (db: Db, email: string) => db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst();

export const accountById = (db: Db, id: string) => db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertAccount(db: Db, account: NewAccount): Promise<void> {
  await db.insertInto('accounts').values(account).execute();
}

/**
 * The account's roles, with each organiser and coordinator role carried to every edition copied,
 * directly or through other editions, from the contest it names: whoever ran a contest runs its next
 * edition without a new grant. Judges are appointed per edition (conflicts, assignments), so their
 * role stays where it was granted. Roles flow down the chain only, never from an edition to its original.
 */
export const rolesOfAccount = async (db: Db, accountId: string): Promise<AccountRoleRow[]> => {
  const { rows } = await sql<AccountRoleRow>`
    with recursive held(account_id, role, contest_id, zone_id) as (
      select account_id, role, contest_id, zone_id from account_roles where account_id = ${accountId}
      union
      select held.account_id, held.role, contests.id, held.zone_id
      from held join contests on contests.edition_of = held.contest_id
      where held.role in ('organiser', 'coordinator')
    )
    select account_id, role, contest_id, zone_id from held order by role, contest_id, zone_id`.execute(db);
  return rows;
};

/** Granting a role the account already has changes nothing (unique with NULLS NOT DISTINCT): false then. */
/** Removes every role on one contest, returning what it removed. */
export const deleteRolesOnContest = (db: Db, contestId: string) => db.deleteFrom('account_roles').where('contest_id', '=', contestId).returningAll().execute();

/** Removes one role; false when the account did not hold it. */
export async function deleteRole(db: Db, role: AccountRoleRow): Promise<boolean> {
  const result = await db
    .deleteFrom('account_roles')
    .where('account_id', '=', role.account_id)
    .where('role', '=', role.role)
    .where((eb) => (role.contest_id === null ? eb('contest_id', 'is', null) : eb('contest_id', '=', role.contest_id)))
    .where((eb) => (role.zone_id === null ? eb('zone_id', 'is', null) : eb('zone_id', '=', role.zone_id)))
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function insertRole(db: Db, role: AccountRoleRow): Promise<boolean> {
  const result = await db
    .insertInto('account_roles')
    .values(role)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function insertSession(db: Db, session: { id: string; account_id: string; created_at: Date; expires_at: Date }) {
  await db.insertInto('sessions').values(session).execute();
}

/** The account of a session that has not expired at `now`. */
export const accountOfLiveSession = (db: Db, sessionId: string, now: Date) =>
  db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .selectAll('accounts')
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();

/** Ends the sessions of demo accounts; returns how many demo accounts there are. */
export async function deleteSessionsOfDemoAccounts(db: Db): Promise<number> {
  const demo = db.selectFrom('accounts').select('id').where('is_demo', '=', true);
  await db.deleteFrom('sessions').where('account_id', 'in', demo).execute();
  const { count } = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('is_demo', '=', true)
    .executeTakeFirstOrThrow();
  return Number(count);
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Sessions past their expiry are dead weight: the account's own are swept when it signs in again. */
export async function deleteExpiredSessionsOf(db: Db, accountId: string, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('account_id', '=', accountId).where('expires_at', '<=', now).execute();
}
