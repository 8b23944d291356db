import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { appendAuditEvent, appendAuditEventUnderHead } from '../audit/service.ts';
import { withInsertInFront } from '../platform/data-modifying-cte.ts';
import type { StoredContest } from '../contest/service.ts';
import { getScheduledContest } from '../schedule/service.ts';
import { registrationClosedAt } from '../contest/views.ts';
import type { Account } from '../platform/auth/service.ts';
import { isOrganiserOf, requireAccount } from '../platform/auth/policy.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database, RegistrationRow } from '../platform/db-types.ts';
import { inTransaction } from '../platform/transaction.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { checkEligibility } from './eligibility/index.ts';
import { canChangeRegistration } from './policy.ts';
import { formatRef, refPrefixCandidates } from './reference.ts';
import { invitationsOfRemovedPeople } from './binding.ts';
import { prepareEntry } from './masking.ts';
import { auditEntry, existingEntriesOf, memberRows, toInput, toStoredEntrant, withEntrySchool } from './records.ts';
import { registrationState, registrationStateOf } from './audit-state.ts';
import * as queries from './queries.ts';
import type { RegistrationInput } from './schema.ts';
import { entryKeys, keyRows, lockKeys } from './entry-keys.ts';

export interface Actor {
  account: Account | null;
  clock: Clock;
  /** Demo data written by `npm start` is marked so every page can say so. */
  isDemo?: boolean;
}

const ineligible = (problems: AppError['problems']) =>
  new AppError(
    problems.length === 1 ? problems[0].code : 'registration.ineligible',
    problems.length === 1
      ? problems[0].message
      : { zh: `报名有 ${problems.length} 处不符合赛事规则`, en: `The registration breaks ${problems.length} rules of the contest` },
    422,
    problems,
  );

/** Registration opens and closes with the contest's registration phase, in the contest's time zone. */
const registrationClosed = (contest: StoredContest, at: Date): AppError | undefined => {
  const closed = registrationClosedAt(contest.definition, at);
  return closed && new AppError('registration.closed', closed, 409);
};

export const requireRegistrationOpen = (contest: StoredContest, at: Date) => {
  const closed = registrationClosed(contest, at);
  if (closed) throw closed;
};

/** Who may be told which other entry a rule across registrations points at: its own people and organisers. */
const disclosedTo = async (db: Kysely<Database>, contestId: string, account: Account | null) => {
  if (isOrganiserOf(account, contestId)) return () => true;
  const own = new Set(account ? await queries.registrationIdsOfAccountInContest(db, contestId, account.id) : []);
  return (id: string) => own.has(id);
};

/**
 * Loads the other active registrations that share a person or an organisation with the entry (the
 * only ones a rule across registrations can set against it) and runs every eligibility rule: the
 * dry run and the real one share it. Masked values the form sent back take their stored values from
 * the entry being edited; the entry as it will be stored comes back with the result. `lock`: a
 * change takes the entry's key locks before reading, so a concurrent change sharing a key waits and
 * then sees this one, while changes sharing nothing run side by side.
 */
const assess = async (
  db: Kysely<Database>,
  contest: StoredContest,
  input: RegistrationInput,
  account: Account | null,
  editing?: RegistrationRow,
  lock = false,
) => {
  const restored = prepareEntry(input, editing && toInput(editing));
  const contestId = contest.definition.id;
  const keys = entryKeys(restored.entry);
  if (lock) await queries.lockKeys(db, lockKeys(contestId, keys));
  const rows = await queries.registrationsSharingKeys(db, contestId, keys, editing?.id);
  const disclosed = rows.length === 0 ? () => false : await disclosedTo(db, contestId, account);
  const result = checkEligibility(contest.definition, restored.entry, existingEntriesOf(rows, disclosed));
  const problems = [...restored.problems, ...result.problems];
  return { entry: withEntrySchool(contest.definition, restored.entry), ok: problems.length === 0, problems };
};

/**
 * The form's dry run, signed in: every problem the entry would be refused for, without writing
 * anything. When editing (by its leader or an organiser), that registration is left out of
 * the rules across registrations and its masked values stand for what is stored.
 */
export async function checkRegistration(db: Kysely<Database>, contestId: string, entry: RegistrationInput, actor: Actor, editingId?: string) {
  const account = requireAccount(actor.account);
  const contest = await getScheduledContest(db, contestId);
  const editing = editingId === undefined ? undefined : await getRegistration(db, editingId);
  if (editing) {
    requireMayChange(editing, account);
    if (editing.contest_id !== contestId) throw notFound({ zh: `报名 ${editingId}`, en: `Registration ${editingId}` }, 'registration.not_found');
  }
  const result = await assess(db, contest, entry, account, editing);
  const closed = registrationClosed(contest, actor.clock.now());
  const problems = [...(closed ? [{ code: closed.code, message: closed.localised }] : []), ...result.problems];
  return { ok: problems.length === 0, problems };
}

/** The columns an entry fills, the same on insert and on edit, with the definition version it was checked under. */
const entryColumns = (entry: RegistrationInput, checkedUnder: StoredContest) => ({
  definition_version: checkedUnder.version,
  title: entry.title,
  entrant_kind: entry.entrantKind,
  track_id: entry.trackId,
  group_id: entry.groupId ?? null,
  category_id: entry.categoryId ?? null,
  topic_id: entry.topicId ?? null,
  zone_id: entry.zoneId ?? null,
  entrant: JSON.stringify(toStoredEntrant(entry)),
});

/** Every registration event records the registration as the change left it, so `audit verify` can check the row. */
const audit = async (
  trx: Transaction<Database>,
  contestId: string,
  actor: Actor,
  type: string,
  payload: { registrationId: string } & Record<string, unknown>,
) =>
  appendAuditEvent(trx, {
    contestId,
    actor: actor.account?.id ?? 'system',
    type,
    payload,
    at: actor.clock.now(),
    state: await registrationState(trx, payload.registrationId),
  });

/** Stores an active entry's people and organisations in the key tables, replacing what it had. */
const storeKeys = (trx: Transaction<Database>, contestId: string, id: string, entry: RegistrationInput) =>
  queries.replaceRegistrationKeys(trx, id, keyRows(contestId, id, entry));

/**
 * One change of a registration at a time (edits, withdrawal, accepting or revoking an invitation;
 * making one takes no lock, since accepting it checks the entry again): taken first, before any key
 * lock, so waiting for it never holds another lock. Returns the row as it is under the lock.
 */
export const lockRegistration = async (trx: Transaction<Database>, id: string) => {
  await queries.lockKeys(trx, [`registration:${id}`]);
  return (await queries.registrationById(trx, id))!;
};

/**
 * Registers an entry. Checks the window, then, in one transaction under the locks of the entry's
 * people and organisations: checks every rule (across registrations too), writes one member row
 * per person (the leader confirmed, others invited) and the entry's key rows, then the registration
 * with the contest's next reference number, and appends `registration.created` to the contest's
 * audit chain. The reference counter and the audit chain are contest-wide locks held to commit, so
 * they come last and cost two round trips: the members and key rows go first (their foreign keys are
 * checked at commit), one statement takes both locks, and one writes the registration with its event.
 */
export async function registerEntry(db: Kysely<Database>, contestId: string, input: RegistrationInput, actor: Actor): Promise<RegistrationRow> {
  const account = requireAccount(actor.account);
  const contest = await getScheduledContest(db, contestId);
  const at = actor.clock.now();
  requireRegistrationOpen(contest, at);
  return inTransaction(db, async (trx) => {
    const result = await assess(trx, contest, input, account, undefined, true);
    if (!result.ok) throw ineligible(result.problems);
    const { entry } = result;
    const id = randomUUID();
    const members = await queries.insertEntryRows(trx, memberRows(id, entry, account.id), keyRows(contestId, id, entry));
    const { ref, head } = await nextRefAndLockedHead(trx, contestId);
    const registration = {
      id,
      contest_id: contestId,
      ref,
      ...entryColumns(entry, contest),
      owner_account_id: account.id,
      status: 'active' as const,
      is_demo: actor.isDemo ?? false,
      created_at: at,
      updated_at: at,
      withdrawn_at: null,
    };
    // The row as the database will give it back (jsonb parsed), to digest without reading it again.
    const row: RegistrationRow = { ...registration, entrant: JSON.parse(registration.entrant) as RegistrationRow['entrant'] };
    await appendAuditEventUnderHead(
      trx,
      head,
      {
        contestId,
        actor: account.id,
        type: 'registration.created',
        payload: { registrationId: id, ref, ...auditEntry(entry) },
        at,
        state: registrationStateOf(row, members),
      },
      (start) => withInsertInFront(start, 'alongside', (db) => db.insertInto('registrations').values(registration)),
    );
    return row;
  });
}

/**
 * The contest's next reference (JSSC25-0004: its code, taken with its first entry, and the next
 * number) and its audit chain's head, both locked to commit by one statement.
 */
const nextRefAndLockedHead = async (trx: Transaction<Database>, contestId: string) => {
  const firstFree = async () => {
    const candidates = refPrefixCandidates(contestId);
    const taken = await queries.takenRefPrefixes(trx, candidates);
    const free = candidates.find((c) => !taken.has(c));
    if (!free) throw new Error(`no free reference code for contest ${contestId}`);
    return free;
  };
  // Only a contest's first entry needs its code found; every later one moves the counter in one statement.
  const taken = (await queries.nextRefAndLockedHead(trx, contestId)) ?? (await queries.nextRefAndLockedHead(trx, contestId, await firstFree()))!;
  return {
    ref: formatRef(taken.ref_prefix, taken.last_ref),
    head: taken.seq === null || taken.hash === null ? undefined : { seq: taken.seq, hash: taken.hash },
  };
};

export const getRegistration = async (db: Kysely<Database>, id: string) => {
  const row = await queries.registrationById(db, id);
  if (!row) throw notFound({ zh: `报名 ${id}`, en: `Registration ${id}` }, 'registration.not_found');
  return row;
};

/** The leader or an organiser (canChangeRegistration), else 401 signed out or 403 with the calling feature's code. */
export const requireMayChange = (row: RegistrationRow, account: Account | null, forbiddenCode = 'registration.forbidden') => {
  if (!canChangeRegistration(account, row)) throw account ? forbidden(forbiddenCode) : requireAccount(null);
};

/** A withdrawn entry takes no more changes: not to its registration, its team, nor its works. */
export const requireActive = (row: RegistrationRow) => {
  if (row.status === 'withdrawn') throw new AppError('registration.withdrawn', { zh: '该报名已撤回', en: 'This registration was withdrawn' }, 409);
};

const requireChangeable = (row: RegistrationRow, actor: Actor) => {
  requireMayChange(row, actor.account);
  requireActive(row);
};

/**
 * Revokes unused invitations of an entry, each with `registration.invitation_revoked` naming the
 * invitation by its id (its code is a live capability and never enters the log). `because`: the
 * leader or an organiser revoked it, or the edit removed the person it was for.
 */
export const revokeInvitations = async (
  trx: Transaction<Database>,
  row: RegistrationRow,
  ids: string[],
  actor: Actor,
  because: 'revoked' | 'person_removed',
) => {
  const revoked = await queries.markInvitationsRevoked(trx, ids, requireAccount(actor.account).id, actor.clock.now());
  for (const invitation of revoked) {
    await audit(trx, row.contest_id, actor, 'registration.invitation_revoked', {
      registrationId: row.id,
      ref: row.ref,
      invitationId: invitation.id,
      role: invitation.role,
      because,
    });
  }
  return revoked;
};

/**
 * Edits a registration until registration closes. Effects under the registration's lock and its
 * people's and organisations' locks: re-checks every rule against the other registrations, replaces
 * the entry, its member rows (confirmations of people still listed are kept) and its key rows, appends `registration.updated`, and revokes the invitations of
 * people it no longer lists.
 */
export async function editRegistration(db: Kysely<Database>, id: string, input: RegistrationInput, actor: Actor): Promise<RegistrationRow> {
  const row = await getRegistration(db, id);
  requireChangeable(row, actor);
  const contest = await getScheduledContest(db, row.contest_id);
  const at = actor.clock.now();
  requireRegistrationOpen(contest, at);
  return inTransaction(db, async (trx) => {
    const current = await lockRegistration(trx, id);
    requireActive(current);
    const result = await assess(trx, contest, input, actor.account, current, true);
    if (!result.ok) throw ineligible(result.problems);
    const { entry } = result;
    const previous = await queries.membersOf(trx, [id]);
    await queries.updateRegistration(trx, id, {
      ...entryColumns(entry, contest),
      updated_at: at,
    });
    await queries.replaceMembers(trx, id, memberRows(id, entry, row.owner_account_id, previous));
    await storeKeys(trx, row.contest_id, id, entry);
    await audit(trx, row.contest_id, actor, 'registration.updated', { registrationId: id, ref: row.ref, ...auditEntry(entry) });
    const removed = invitationsOfRemovedPeople(await queries.unusedInvitationsOfRegistration(trx, id), entry);
    await revokeInvitations(
      trx,
      row,
      removed.map((i) => i.id),
      actor,
      'person_removed',
    );
    return (await queries.registrationById(trx, id))!;
  });
}

/**
 * Withdraws an entry (any time while active). Effects: status withdrawn with its time, its key rows
 * deleted (so its people may enter again), `registration.withdrawn`.
 */
export async function withdrawRegistration(db: Kysely<Database>, id: string, actor: Actor): Promise<RegistrationRow> {
  const row = await getRegistration(db, id);
  requireChangeable(row, actor);
  const at = actor.clock.now();
  return inTransaction(db, async (trx) => {
    requireActive(await lockRegistration(trx, id));
    await queries.updateRegistration(trx, id, { status: 'withdrawn', withdrawn_at: at, updated_at: at });
    await queries.deleteRegistrationKeys(trx, id);
    await audit(trx, row.contest_id, actor, 'registration.withdrawn', { registrationId: id, ref: row.ref });
    return (await queries.registrationById(trx, id))!;
  });
}

export { ineligible, audit as appendRegistrationAudit, assess as assessEntry, storeKeys as storeRegistrationKeys };

// The reads other features make of registrations (the works export, originality checks, the demo),
// offered here so that they depend on this service and never on the SQL behind it.
export { conflictKeysOfContest, countRegistrationsOfContest, membersOf, registrationsOfContest, reviewEntriesOfContest } from './queries.ts';
