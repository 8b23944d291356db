import { sql, type Kysely, type QueryCreator, type Transaction } from 'kysely';
import { lockedHeadQuery } from '../audit/service.ts';
import { withInsertInFront } from '../platform/data-modifying-cte.ts';
import type {
  Database,
  NewRegistrationIdentifier,
  NewRegistrationMember,
  NewRegistrationOrganisation,
  NewTeamInvitation,
  RegistrationUpdate,
} from '../platform/db-types.ts';
import type { EntryKeys } from './entry-keys.ts';

type Db = Kysely<Database>;

/**
 * Transaction-scoped advisory locks on each key, taken in the order given (callers sort them, so
 * two transactions sharing keys never wait on each other crosswise). 64-bit hashes: a collision
 * only makes two unrelated changes wait for each other.
 */
export const lockKeys = async (db: Db, keys: string[]) => {
  if (keys.length === 0) return;
  const rows = sql.join(keys.map((key, i) => sql`(${key}, ${i})`));
  await sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from (values ${rows}) as t(k, n) order by n`.execute(db);
};

/**
 * The active registrations of the contest that share a key with an entry (any person's identifier,
 * an organisation's credit code or name): the only ones the rules across registrations can set
 * against it. Indexed lookups in registration_identifiers and registration_organisations.
 */
export const registrationsSharingKeys = async (db: Db, contestId: string, keys: EntryKeys, exceptId?: string) => {
  const { identifiers, creditCodes, nameKeys } = keys;
  const byIdentifier = identifiers.length
    ? db
        .selectFrom('registration_identifiers')
        .select('registration_id')
        .where('contest_id', '=', contestId)
        .where((w) =>
          w(
            w.refTuple('kind', 'value'),
            'in',
            identifiers.map(([kind, value]) => w.tuple(kind, value)),
          ),
        )
    : undefined;
  const byOrganisation =
    creditCodes.length + nameKeys.length
      ? db
          .selectFrom('registration_organisations')
          .select('registration_id')
          .where('contest_id', '=', contestId)
          .where((w) =>
            w.or([...(creditCodes.length ? [w('credit_code', 'in', creditCodes)] : []), ...(nameKeys.length ? [w('name_key', 'in', nameKeys)] : [])]),
          )
      : undefined;
  const lookup = byIdentifier && byOrganisation ? byIdentifier.union(byOrganisation) : (byIdentifier ?? byOrganisation);
  if (!lookup) return [];
  // Two steps, so the plan is always index lookups in the key tables and then by primary key,
  // never a scan of the contest's registrations.
  const ids = [...new Set((await lookup.execute()).map((r) => r.registration_id))].filter((id) => id !== exceptId);
  if (ids.length === 0) return [];
  return db
    .selectFrom('registrations')
    .select(['id', 'ref', 'title', 'entrant'])
    .where('id', 'in', ids)
    .where('status', '=', 'active')
    .orderBy('ref')
    .execute();
};

type KeyRows = { identifiers: NewRegistrationIdentifier[]; organisations: NewRegistrationOrganisation[] };

export const insertRegistrationKeys = async (db: Db, rows: KeyRows) => {
  if (rows.identifiers.length) await db.insertInto('registration_identifiers').values(rows.identifiers).execute();
  if (rows.organisations.length) await db.insertInto('registration_organisations').values(rows.organisations).execute();
};

/**
 * A new entry's member rows and key rows in one statement, the key rows as data-modifying CTEs: one
 * round trip instead of three on the path every registration takes. The members come back as stored.
 */
export const insertEntryRows = (db: Db, members: NewRegistrationMember[], rows: KeyRows) => {
  let start: QueryCreator<Database> = db;
  if (rows.identifiers.length) start = withInsertInFront(start, 'identifiers', (q) => q.insertInto('registration_identifiers').values(rows.identifiers));
  if (rows.organisations.length)
    start = withInsertInFront(start, 'organisations', (q) => q.insertInto('registration_organisations').values(rows.organisations));
  return start.insertInto('registration_members').values(members).returningAll().execute();
};

/** Replaces an active registration's rows in the key tables. */
export const replaceRegistrationKeys = async (db: Db, registrationId: string, rows: KeyRows) => {
  await deleteRegistrationKeys(db, registrationId);
  await insertRegistrationKeys(db, rows);
};

/** A withdrawn registration keeps no keys: its people and organisations may enter again. */
export const deleteRegistrationKeys = async (db: Db, registrationId: string) => {
  await db.deleteFrom('registration_identifiers').where('registration_id', '=', registrationId).execute();
  await db.deleteFrom('registration_organisations').where('registration_id', '=', registrationId).execute();
};

/**
 * The contest's next reference number, and its audit chain's head, in one statement: the two locks
 * every registration of the contest takes, held until the transaction ends. Numbers follow commit
 * order with no gaps. `seq` and `hash` are null for a chain with no head yet. Without
 * `prefixIfFirst` it only moves an existing counter (undefined for a contest with none yet); with
 * it, it makes the counter with that code when there is none.
 */
export const nextRefAndLockedHead = (trx: Transaction<Database>, contestId: string, prefixIfFirst?: string) =>
  trx
    .with('counter', (db) =>
      prefixIfFirst === undefined
        ? db
            .updateTable('registration_counters')
            .set((eb) => ({ last_ref: eb('last_ref', '+', 1) }))
            .where('contest_id', '=', contestId)
            .returning(['last_ref', 'ref_prefix'])
        : db
            .insertInto('registration_counters')
            .values({ contest_id: contestId, last_ref: 1, ref_prefix: prefixIfFirst })
            .onConflict((oc) => oc.column('contest_id').doUpdateSet((eb) => ({ last_ref: eb('registration_counters.last_ref', '+', 1) })))
            .returning(['last_ref', 'ref_prefix']),
    )
    .selectFrom('counter')
    .leftJoinLateral(lockedHeadQuery(trx, contestId).as('head'), (join) => join.onTrue())
    .select(['counter.last_ref', 'counter.ref_prefix', 'head.seq', 'head.hash'])
    .executeTakeFirst();

/** The contest's reference code, once its first entry has taken one. */
export const refPrefixOf = async (db: Db, contestId: string) =>
  (await db.selectFrom('registration_counters').select('ref_prefix').where('contest_id', '=', contestId).executeTakeFirst())?.ref_prefix;

/** Which of these codes other contests hold already. */
export const takenRefPrefixes = async (db: Db, prefixes: string[]) =>
  new Set((await db.selectFrom('registration_counters').select('ref_prefix').where('ref_prefix', 'in', prefixes).execute()).map((r) => r.ref_prefix));

export const registrationById = (db: Db, id: string) => db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirst();

export const countRegistrationsOfContest = async (db: Db, contestId: string) =>
  Number(
    (
      await db
        .selectFrom('registrations')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('contest_id', '=', contestId)
        .executeTakeFirstOrThrow()
    ).count,
  );

export const updateRegistration = (db: Db, id: string, change: RegistrationUpdate) =>
  db.updateTable('registrations').set(change).where('id', '=', id).execute();

export const membersOf = (db: Db, registrationIds: string[]) =>
  registrationIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('registration_members').selectAll().where('registration_id', 'in', registrationIds).execute();

/** The member rows as stored. */
export const insertMembers = async (db: Db, members: NewRegistrationMember[]) =>
  members.length > 0 ? db.insertInto('registration_members').values(members).returningAll().execute() : [];

export const replaceMembers = async (db: Db, registrationId: string, members: NewRegistrationMember[]) => {
  await db.deleteFrom('registration_members').where('registration_id', '=', registrationId).execute();
  await insertMembers(db, members);
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

/** The contest's registrations the account leads or is a confirmed person of: theirs to be told about. */
export const registrationIdsOfAccountInContest = async (db: Db, contestId: string, accountId: string) =>
  (
    await db
      .selectFrom('registrations')
      .select('id')
      .where('contest_id', '=', contestId)
      .where((eb) =>
        eb.or([
          eb('owner_account_id', '=', accountId),
          eb('id', 'in', eb.selectFrom('registration_members').select('registration_id').where('account_id', '=', accountId)),
        ]),
      )
      .execute()
  ).map((r) => r.id);

export interface RegistrationFilters {
  trackId?: string;
  groupId?: string;
  categoryId?: string;
  zoneIds?: string[];
  status?: 'active' | 'withdrawn';
}

const filtered = (db: Db, contestId: string, filters: RegistrationFilters, search?: RegistrationSearch) => {
  let query = db.selectFrom('registrations').where('contest_id', '=', contestId);
  if (filters.trackId) query = query.where('track_id', '=', filters.trackId);
  if (filters.groupId) query = query.where('group_id', '=', filters.groupId);
  if (filters.categoryId) query = query.where('category_id', '=', filters.categoryId);
  if (filters.zoneIds) query = filters.zoneIds.length ? query.where('zone_id', 'in', filters.zoneIds) : query.where(sql<boolean>`false`);
  if (filters.status) query = query.where('status', '=', filters.status);
  return search ? query.where('id', 'in', searchMatches(db, contestId, search)) : query;
};

/** What the organiser typed, and the references it may mean (the whole reference, or its number with the contest's code). */
export interface RegistrationSearch {
  q: string;
  refs: string[];
}

/**
 * The registrations a search finds, as a union with one index per part rather than one OR over the
 * contest's rows: a reference (unique index), a part of a title (trigram index), a name or phone
 * prefix (the key table's (contest, kind, value) index). Withdrawn entries keep no key rows, so
 * their people are found by title or reference only.
 */
const searchMatches = (db: Db, contestId: string, { q, refs }: RegistrationSearch) => {
  const literal = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  return db
    .selectFrom('registrations')
    .select('id')
    .where('ref', 'in', refs)
    .where('contest_id', '=', contestId)
    .union(db.selectFrom('registrations').select('id').where('contest_id', '=', contestId).where('title', 'ilike', `%${literal}%`))
    .union(
      db
        .selectFrom('registration_identifiers')
        .select('registration_id as id')
        .where('contest_id', '=', contestId)
        .where('kind', 'in', ['name', 'phone'])
        .where('value', 'like', `${literal}%`),
    );
};

export const registrationsOfContest = (db: Db, contestId: string, filters: RegistrationFilters) =>
  filtered(db, contestId, filters).selectAll().orderBy('ref', 'asc').execute();

/**
 * The contest's active entries as review places them (where each competes, what it is called),
 * without the entrant: an assignment board of 10,000 entries reads these columns only.
 */
export const reviewEntriesOfContest = (db: Db, contestId: string, ids?: readonly string[]) =>
  db
    .selectFrom('registrations')
    .select(['id', 'ref', 'title', 'track_id', 'group_id', 'category_id', 'topic_id'])
    .where('contest_id', '=', contestId)
    .where('status', '=', 'active')
    .$if(ids !== undefined, (query) => (ids!.length > 0 ? query.where('id', 'in', ids!) : query.where(sql<boolean>`false`)))
    .orderBy('ref', 'asc')
    .execute();

/**
 * What conflicts of interest (review) compare of the contest's active entries, all or the ones
 * named: the entrant (its people with their schools, employers and identifiers; its organisations)
 * and the accounts of the entry, its registrant's and its confirmed people's.
 */
export const conflictKeysOfContest = (db: Db, contestId: string, ids?: readonly string[]) =>
  db
    .selectFrom('registrations')
    .select(['id', 'ref', 'title', 'owner_account_id', 'entrant'])
    .select(
      sql<{ accountId: string; role: 'leader' | 'member' | 'advisor' }[]>`coalesce((
        select jsonb_agg(jsonb_build_object('accountId', m.account_id, 'role', m.role))
        from registration_members m where m.registration_id = registrations.id and m.account_id is not null), '[]'::jsonb)`.as('accounts'),
    )
    .where('contest_id', '=', contestId)
    .where('status', '=', 'active')
    .$if(ids !== undefined, (query) => (ids!.length > 0 ? query.where('id', 'in', ids!) : query.where(sql<boolean>`false`)))
    .orderBy('ref', 'asc')
    .execute();

export interface RegistrationTableQuery {
  filters: RegistrationFilters;
  search?: RegistrationSearch;
  sort: 'created' | 'ref' | 'title';
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/** One page of the organiser's table, sorted and searched in SQL. */
export const registrationTablePage = (db: Db, contestId: string, table: RegistrationTableQuery) => {
  const column = { created: 'created_at', ref: 'ref', title: 'title' } as const;
  return (
    filtered(db, contestId, table.filters, table.search)
      .selectAll()
      .orderBy(column[table.sort], table.order)
      // References are unique; times and titles are not, and a page must not shift between requests.
      .$if(table.sort !== 'ref', (query) => query.orderBy('id', table.order))
      .offset(table.offset)
      .limit(table.limit)
      .execute()
  );
};

/** How many registrations a search finds under the filters. */
export const countSearchMatches = async (db: Db, contestId: string, filters: RegistrationFilters, search: RegistrationSearch) =>
  Number(
    (
      await filtered(db, contestId, filters, search)
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow()
    ).count,
  );

/** Registrations by status, track, subdivision and zone, over the zones the account may see: one index-only scan. */
export const registrationCounts = (db: Db, contestId: string, zoneIds?: string[]) =>
  filtered(db, contestId, { zoneIds })
    .select((eb) => ['status', 'track_id', 'group_id', 'category_id', 'zone_id', eb.fn.countAll<number>().as('count')])
    .groupBy(['status', 'track_id', 'group_id', 'category_id', 'zone_id'])
    .execute();

export const insertInvitation = (db: Db, invitation: NewTeamInvitation) => db.insertInto('team_invitations').values(invitation).execute();

export const invitationByCode = (db: Db, code: string) => db.selectFrom('team_invitations').selectAll().where('code', '=', code).executeTakeFirst();

export const markInvitationAccepted = (db: Db, code: string, accountId: string, at: Date) =>
  db
    .updateTable('team_invitations')
    .set({ accepted_by: accountId, accepted_at: at })
    .where('code', '=', code)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();

export const invitationsOfRegistration = (db: Db, registrationId: string) =>
  db.selectFrom('team_invitations').selectAll().where('registration_id', '=', registrationId).orderBy('created_at', 'asc').orderBy('id', 'asc').execute();

/** Invitations still usable (not accepted, not revoked); expiry is the caller's to judge with its clock. */
export const unusedInvitationsOfRegistration = (db: Db, registrationId: string) =>
  db
    .selectFrom('team_invitations')
    .selectAll()
    .where('registration_id', '=', registrationId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();

export const markInvitationsRevoked = (db: Db, ids: string[], accountId: string, at: Date) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .updateTable('team_invitations')
        .set({ revoked_at: at, revoked_by: accountId })
        .where('id', 'in', ids)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .returning(['id', 'role'])
        .execute();

/** For the audit state check: one contest's registrations in id order, after `afterId` (keyset paging). */
export const registrationsPage = (db: Db, contestId: string, afterId: string, limit: number) =>
  db.selectFrom('registrations').selectAll().where('contest_id', '=', contestId).where('id', '>', afterId).orderBy('id').limit(limit).execute();

export const contestsWithRegistrations = async (db: Db) =>
  (await db.selectFrom('registrations').select('contest_id').distinct().execute()).map((r) => r.contest_id);
