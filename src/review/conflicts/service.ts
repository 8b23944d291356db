/**
 * Conflicts of interest as the rest of review reads them (the assignment excludes them, scoring
 * refuses them, the organiser lists them) and as a judge declares them. Judges are the contest's
 * invited and active ones: an organiser sees a conflict before the judge accepts, and the assignment
 * and scoring serve active judges only anyway. Entries are the active registrations.
 */
import { randomUUID } from 'node:crypto';
import { appendAuditEvent } from '../../audit/service.ts';
import { isOrganiserOf, requireAccount } from '../../platform/auth/policy.ts';
import type { Account } from '../../platform/auth/service.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { inTransaction, type Executor } from '../../platform/transaction.ts';
import type { StoredEntrant } from '../../registration/records.ts';
import { conflictKeysOfContest } from '../../registration/service.ts';
import { releaseConflictedPairs } from '../assignment/release.ts';
import { requireOwnJudge, type JudgesActor } from '../judges/own.ts';
import { currentJudgesOf, type JudgeRow } from '../judges/queries.ts';
import * as queries from './queries.ts';
import { findConflicts, maskIdentifier, type Conflict, type Declared, type EntryKeys, type EntryPerson, type JudgeKeys } from './rules.ts';
import type { DeclareConflictRequest, DeclaredConflictView } from './schema.ts';

type EntryRow = Awaited<ReturnType<typeof conflictKeysOfContest>>[number];

const judgeKeys = (row: JudgeRow): JudgeKeys => ({
  id: row.id,
  accountId: row.account_id,
  organisation: row.organisation,
  employer: row.employer,
  school: row.school,
  idNumber: row.id_number,
  phone: row.phone,
  email: row.email,
});

const entryKeys = (row: EntryRow): EntryKeys => {
  const entrant = row.entrant as StoredEntrant;
  const people: EntryPerson[] = [
    { ...entrant.leader, role: 'leader' },
    ...entrant.members.map((person): EntryPerson => ({ ...person, role: 'member' })),
    ...entrant.advisors.map((person): EntryPerson => ({ ...person, role: 'advisor' })),
  ];
  return {
    id: row.id,
    accounts: [...(row.owner_account_id ? [{ accountId: row.owner_account_id, role: 'owner' as const }] : []), ...row.accounts],
    organisations: entrant.organisations.map((o) => o.name),
    people,
  };
};

const toDeclared = (row: queries.DeclaredConflictRow): Declared => {
  const common = { id: row.id, judgeId: row.judge_id, note: row.note };
  if (row.kind === 'entry') return { ...common, kind: 'entry', registrationId: row.registration_id! };
  if (row.kind === 'organisation') return { ...common, kind: 'organisation', organisation: row.organisation! };
  return { ...common, kind: 'person', name: row.person_name, identifier: row.person_identifier };
};

export interface ConflictScope {
  judgeIds?: readonly string[];
  registrationIds?: readonly string[];
}

/** The judges and entries in scope with the conflicts between them. */
async function conflictsWithRows(db: Executor, contestId: string, scope: ConflictScope) {
  const judges = await currentJudgesOf(db, contestId, scope.judgeIds && [...scope.judgeIds]);
  const declared = await queries.declaredConflictsOf(db, contestId, scope.judgeIds);
  const entries = await conflictKeysOfContest(db, contestId, scope.registrationIds);
  return { judges, entries, conflicts: findConflicts(judges.map(judgeKeys), entries.map(entryKeys), declared.map(toDeclared)) };
}

/** Every conflict between the contest's judges and active entries, or those of the judges or entries named. */
export const conflictsOf = async (db: Executor, contestId: string, scope: ConflictScope = {}): Promise<Conflict[]> =>
  (await conflictsWithRows(db, contestId, scope)).conflicts;

/** Whether the judge is in conflict with the entry: three small reads, for every score read and write. */
export const isConflicted = async (db: Executor, contestId: string, judgeId: string, registrationId: string): Promise<boolean> =>
  (await conflictsOf(db, contestId, { judgeIds: [judgeId], registrationIds: [registrationId] })).length > 0;

/** Of these entries, the ones the judge is in conflict with: one isConflicted for a whole list. */
export const conflictedAmong = async (db: Executor, contestId: string, judgeId: string, registrationIds: readonly string[]): Promise<Set<string>> =>
  new Set((await conflictsOf(db, contestId, { judgeIds: [judgeId], registrationIds })).map((c) => c.registrationId));

/** How many entries each judge is in conflict with, for the judges' list. */
export async function conflictCounts(db: Executor, contestId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const { judgeId } of await conflictsOf(db, contestId)) counts.set(judgeId, (counts.get(judgeId) ?? 0) + 1);
  return counts;
}

/** The organiser's list: each conflict with the judge's name, the entry's reference and title, and the reasons. */
export async function conflictListOf(db: Executor, contestId: string, account: Account | null) {
  if (!isOrganiserOf(requireAccount(account), contestId)) throw forbidden('conflicts.forbidden');
  const { judges, entries, conflicts } = await conflictsWithRows(db, contestId, {});
  const judgeName = new Map(judges.map((j) => [j.id, j.name]));
  const entry = new Map(entries.map((e) => [e.id, e]));
  return conflicts.map((c) => ({
    judgeId: c.judgeId,
    judgeName: judgeName.get(c.judgeId)!,
    registrationId: c.registrationId,
    ref: entry.get(c.registrationId)!.ref,
    title: entry.get(c.registrationId)!.title,
    reasons: c.reasons,
  }));
}

const presentDeclared = (row: queries.DeclaredConflictRow, entries: Map<string, { ref: string; title: string }>): DeclaredConflictView => ({
  id: row.id,
  kind: row.kind,
  registrationId: row.registration_id,
  ref: (row.registration_id && entries.get(row.registration_id)?.ref) ?? null,
  title: (row.registration_id && entries.get(row.registration_id)?.title) ?? null,
  organisation: row.organisation,
  name: row.person_name,
  identifier: row.person_identifier && maskIdentifier(row.person_identifier),
  note: row.note,
  declaredAt: row.declared_at.toISOString(),
});

/** A judge's own declarations, entries named by reference and title only (never their people). */
export async function declaredConflictsOfJudge(db: Executor, contestId: string, judgeId: string): Promise<DeclaredConflictView[]> {
  const rows = await queries.declaredConflictsOf(db, contestId, [judgeId]);
  const ids = rows.flatMap((row) => (row.registration_id ? [row.registration_id] : []));
  const entries = ids.length > 0 ? new Map((await conflictKeysOfContest(db, contestId, ids)).map((e) => [e.id, e])) : new Map();
  return rows.map((row) => presentDeclared(row, entries));
}

const personRequired = () =>
  new AppError(
    'conflict.person_required',
    { zh: '请填写回避人员的姓名或证件号、手机号、邮箱', en: "Give the person's name, or their ID number, phone or email" },
    422,
  );

/** The entry a judge declares, which must be an active entry of the contest (404 otherwise, as for any entry not there). */
async function declaredEntry(db: Executor, contestId: string, registrationId: string) {
  const [entry] = await conflictKeysOfContest(db, contestId, [registrationId]);
  if (!entry) throw notFound({ zh: `作品 ${registrationId}`, en: `Entry ${registrationId}` }, 'registration.not_found');
  return entry;
}

/**
 * A judge declares a conflict. Effects in one transaction: a judge_declared_conflicts row;
 * `conflict.declared` (an identifier masked); the judge's standing assignment pairs with the entries
 * it now puts them in conflict with released (assignment/release.ts: a 'hand' run per round, so the
 * organiser sees it and can undo a mistaken one).
 */
export async function declareConflict(db: Executor, contestId: string, request: DeclareConflictRequest, actor: JudgesActor): Promise<DeclaredConflictView> {
  const { account, judge } = await requireOwnJudge(db, contestId, actor.account);
  if (request.kind === 'person' && !request.name && !request.identifier) throw personRequired();
  const entry = request.kind === 'entry' ? await declaredEntry(db, contestId, request.registrationId) : undefined;
  if (entry && (await queries.declaredConflictsOf(db, contestId, [judge.id])).some((row) => row.registration_id === entry.id)) {
    throw new AppError('conflict.already_declared', { zh: '您已申报回避该作品', en: 'You have declared a conflict with this entry already' }, 409);
  }
  const at = actor.clock.now();
  return inTransaction(db, async (trx) => {
    const row = await queries.insertDeclaredConflict(trx, {
      id: randomUUID(),
      contest_id: contestId,
      judge_id: judge.id,
      kind: request.kind,
      registration_id: request.kind === 'entry' ? request.registrationId : null,
      organisation: request.kind === 'organisation' ? request.organisation : null,
      person_name: request.kind === 'person' ? (request.name ?? null) : null,
      person_identifier: request.kind === 'person' ? (request.identifier ?? null) : null,
      note: request.note ?? '',
      declared_by: account.id,
      declared_at: at,
    });
    const conflicted = entry ? [entry.id] : await conflictedEntriesOf(trx, contestId, judge.id);
    await releaseConflictedPairs(trx, contestId, judge.id, conflicted, { accountId: account.id, clock: actor.clock });
    const view = presentDeclared(row, new Map(entry ? [[entry.id, entry]] : []));
    await appendAuditEvent(trx, { contestId, actor: account.id, type: 'conflict.declared', payload: { judgeId: judge.id, ...view }, at });
    return view;
  });
}

/** The entries the judge is now in conflict with, for every kind of declaration but an entry's. */
const conflictedEntriesOf = async (db: Executor, contestId: string, judgeId: string) =>
  (await conflictsOf(db, contestId, { judgeIds: [judgeId] })).map((c) => c.registrationId);

/** A judge withdraws one of their declarations. Effects: the row deleted; `conflict.withdrawn`. Pairs released stay released. */
export async function withdrawConflict(db: Executor, contestId: string, conflictId: string, actor: JudgesActor): Promise<DeclaredConflictView> {
  const { account, judge } = await requireOwnJudge(db, contestId, actor.account);
  return inTransaction(db, async (trx) => {
    const row = await queries.deleteDeclaredConflict(trx, contestId, judge.id, conflictId);
    if (!row) throw notFound({ zh: `回避申报 ${conflictId}`, en: `Declared conflict ${conflictId}` }, 'conflict.not_found');
    const view = presentDeclared(row, new Map());
    await appendAuditEvent(trx, { contestId, actor: account.id, type: 'conflict.withdrawn', payload: { judgeId: judge.id, ...view }, at: actor.clock.now() });
    return view;
  });
}
