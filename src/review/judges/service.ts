/**
 * A contest's judges after their invitation (invitations.ts): the organiser's list, edits and
 * removals, the judge's own profile, and the list published on the contest's page. Each change
 * checks the policy first, locks the judge, and writes with its audit event in one transaction.
 */
import { appendAuditEvent } from '../../audit/service.ts';
import { getContest } from '../../contest/service.ts';
import { requireAccount } from '../../platform/auth/policy.ts';
import { revokeRole } from '../../platform/auth/service.ts';
import { AppError, forbidden, notFound, type Problem } from '../../platform/errors.ts';
import { inTransaction, type Executor } from '../../platform/transaction.ts';
import { isMasked } from '../../registration/identity.ts';
import { scheduleOf } from '../../schedule/service.ts';
import { releaseConflictedPairs } from '../assignment/release.ts';
import { judgeStateOf } from '../audit-state.ts';
import { conflictCounts, conflictsOf, declaredConflictsOfJudge } from '../conflicts/service.ts';
import { judgeNotFound, requireOrganiser, requireOwnJudge, type JudgesActor } from './own.ts';
import { canManageJudges, isJudgeSelf } from './policy.ts';
import { auditedJudge, presentJudge, presentPublicJudge, presentPublication } from './presenter.ts';
import * as queries from './queries.ts';
import { canonicalContact, judgeInputRefusal, placementProblems } from './rules.ts';
import { profileFieldNames, type UpdateJudgeRequest } from './schema.ts';

/** The organiser's list: every judge (removed ones too, for the record), each with their conflicts counted. */
export async function judgesOfContest(db: Executor, contestId: string, actor: JudgesActor) {
  requireOrganiser(actor, contestId);
  const [rows, counts, publication] = await Promise.all([
    queries.judgesOf(db, contestId),
    conflictCounts(db, contestId),
    queries.listPublication(db, contestId),
  ]);
  return { judges: rows.map((row) => presentJudge(row, counts.get(row.id) ?? 0)), published: presentPublication(publication) };
}

/** The signed-in judge's own record and declarations (GET …/judging/me). */
export async function ownJudge(db: Executor, contestId: string, actor: JudgesActor) {
  const { judge } = await requireOwnJudge(db, contestId, actor.account);
  const [conflicts, declaredConflicts] = await Promise.all([
    conflictsOf(db, contestId, { judgeIds: [judge.id] }),
    declaredConflictsOfJudge(db, contestId, judge.id),
  ]);
  return { judge: presentJudge(judge, conflicts.length), declaredConflicts };
}

const organiserFieldsRefused = (fields: string[]) =>
  new AppError(
    'judge.organiser_fields',
    { zh: '评委只能修改自己的职称、单位、学校和专业领域', en: 'A judge changes only their own title, organisation, employer, school and expertise' },
    403,
    fields.map((field): Problem => ({
      code: 'judge.organiser_fields',
      path: field,
      message: { zh: '只有主办方可以修改此项', en: 'Only an organiser changes this' },
    })),
  );

const removedRefused = () => new AppError('judge.removed', { zh: '该评委已被移除', en: 'This judge has been removed' }, 409);

/** The columns a request changes; contact details canonical, placement checked against the definition. */
async function changeOf(db: Executor, contestId: string, patch: UpdateJudgeRequest) {
  const { contact, problems } = canonicalContact({ email: patch.email, phone: patch.phone, idNumber: patch.idNumber });
  if (patch.rounds || patch.covers) problems.push(...placementProblems((await getContest(db, contestId)).definition, patch));
  if (problems.length > 0) throw judgeInputRefusal(problems);
  const { email, phone, idNumber, expertise, rounds, covers, ...plain } = patch;
  return {
    ...plain,
    ...(contact.email !== undefined ? { email: contact.email } : {}),
    ...(contact.phone !== undefined ? { phone: contact.phone } : {}),
    ...(contact.idNumber !== undefined ? { id_number: contact.idNumber } : {}),
    ...(expertise ? { expertise: JSON.stringify(expertise) } : {}),
    ...(rounds ? { rounds: JSON.stringify(rounds) } : {}),
    ...(covers ? { covers: JSON.stringify(covers) } : {}),
  };
}

/** A contact detail sent back masked, as a reply showed it, is left as it was: not a change. */
const contactFields: (keyof UpdateJudgeRequest)[] = ['email', 'phone', 'idNumber'];

/** What conflicts compare: a change of one of these may put the judge in conflict with an entry they are assigned. */
const conflictFields = ['organisation', 'employer', 'school', 'email', 'phone', 'id_number'];

/**
 * Edits a judge: an organiser any field, the judge their own profile fields only (title,
 * organisation, employer, school, expertise). Effects: the row; the judge's standing pairs with
 * entries the change puts them in conflict with released (assignment/release.ts); `judge.updated`
 * with the fields changed and the judge after (masked).
 */
export async function updateJudge(db: Executor, contestId: string, judgeId: string, patch: UpdateJudgeRequest, actor: JudgesActor) {
  const account = requireAccount(actor.account);
  const organiser = canManageJudges(account, contestId);
  return inTransaction(db, async (trx) => {
    const judge = await queries.lockJudge(trx, contestId, judgeId);
    if (!organiser && !(judge && isJudgeSelf(account, judge))) throw forbidden('judges.forbidden');
    if (!judge) throw judgeNotFound(judgeId);
    const given = (Object.keys(patch) as (keyof UpdateJudgeRequest)[]).filter((field) => patch[field] !== undefined);
    const notOwn = given.filter((field) => !(profileFieldNames as string[]).includes(field));
    if (!organiser && notOwn.length > 0) throw organiserFieldsRefused(notOwn);
    if (judge.status === 'removed') throw removedRefused();
    const change = await changeOf(trx, contestId, patch);
    const at = actor.clock.now();
    const updated = await queries.updateJudge(trx, judge.id, { ...change, updated_at: at });
    const conflicted = (await conflictsOf(trx, contestId, { judgeIds: [judge.id] })).map((c) => c.registrationId);
    if (Object.keys(change).some((column) => conflictFields.includes(column))) {
      await releaseConflictedPairs(trx, contestId, judge.id, conflicted, { accountId: account.id, clock: actor.clock });
    }
    const changed = given.filter((field) => !(contactFields.includes(field) && isMasked(String(patch[field]))));
    const payload = { ...auditedJudge(updated), changed };
    await appendAuditEvent(trx, { contestId, actor: account.id, type: 'judge.updated', payload, at, state: judgeStateOf(updated) });
    return presentJudge(updated, conflicted.length);
  });
}

/** Rounds not yet published in which the judge has submitted scores: removing them would leave those scores without a judge. */
async function unpublishedRoundsScored(db: Executor, contestId: string, judgeId: string) {
  const scored = await queries.roundsWithSubmittedScores(db, contestId, judgeId);
  if (scored.length === 0) return [];
  const { rounds } = await scheduleOf(db, contestId);
  return rounds.filter((round) => scored.includes(round.id) && round.state !== 'published');
}

/**
 * Removes a judge. Refused (409 judge.has_submitted_scores) while they have submitted scores in a
 * round not yet published: the organiser reopens those scores first, so no result counts a judge who
 * is gone. Effects: status removed; open invitations revoked; the judge role taken back when the
 * account serves as no other judge of the contest (`role.revoked`); `judge.removed`. Their assignment
 * pairs stay, for the organiser to move or to reassign with a new run.
 */
export async function removeJudge(db: Executor, contestId: string, judgeId: string, actor: JudgesActor) {
  const account = requireOrganiser(actor, contestId);
  return inTransaction(db, async (trx) => {
    const judge = await queries.lockJudge(trx, contestId, judgeId);
    if (!judge) throw judgeNotFound(judgeId);
    if (judge.status === 'removed') throw removedRefused();
    const scored = await unpublishedRoundsScored(trx, contestId, judge.id);
    if (scored.length > 0) {
      const names = scored.map((r) => r.name).join('、');
      throw new AppError(
        'judge.has_submitted_scores',
        {
          zh: `该评委已在「${names}」提交评分，请先退回其评分再移除`,
          en: `This judge has submitted scores in ${scored.map((r) => r.id).join(', ')}; reopen them before removing the judge`,
        },
        409,
      );
    }
    const at = actor.clock.now();
    const removed = await queries.updateJudge(trx, judge.id, { status: 'removed', updated_at: at });
    const invitationsRevoked = await queries.revokeOpenInvitations(trx, judge.id, at);
    const roleRevoked = judge.account_id !== null && !(await queries.judgeOfAccount(trx, contestId, judge.account_id));
    if (roleRevoked) await revokeRole(trx, judge.account_id!, { role: 'judge', contestId }, { actor: account.id, clock: actor.clock });
    await appendAuditEvent(trx, {
      contestId,
      actor: account.id,
      type: 'judge.removed',
      payload: { judgeId, name: judge.name, invitationsRevoked, roleRevoked },
      at,
      state: judgeStateOf(removed),
    });
    return presentJudge(removed, 0);
  });
}

/**
 * Publishes the judges' list on the contest's page (001: 初选前公布评审委员会名单), or republishes
 * it. Effects: the publication row; `judges.published` with the names, titles and organisations shown.
 */
export async function publishJudges(db: Executor, contestId: string, actor: JudgesActor) {
  const account = requireOrganiser(actor, contestId);
  return inTransaction(db, async (trx) => {
    const at = actor.clock.now();
    await queries.savePublication(trx, { contest_id: contestId, published_by: account.id, published_at: at });
    const judges = (await queries.currentJudgesOf(trx, contestId)).filter((j) => j.status === 'active').map(presentPublicJudge);
    await appendAuditEvent(trx, { contestId, actor: account.id, type: 'judges.published', payload: { judges }, at });
    return presentPublication(await queries.listPublication(trx, contestId));
  });
}

/** Takes the list off the contest's page. Effects: the publication row deleted; `judges.unpublished`. Nothing published: nothing changes. */
export async function unpublishJudges(db: Executor, contestId: string, actor: JudgesActor) {
  const account = requireOrganiser(actor, contestId);
  await inTransaction(db, async (trx) => {
    if (await queries.deletePublication(trx, contestId))
      await appendAuditEvent(trx, { contestId, actor: account.id, type: 'judges.unpublished', payload: {}, at: actor.clock.now() });
  });
  return null;
}

/** The published list, for anyone: active judges' name, title and organisation; 404 judges.not_published before. */
export async function publicJudgesOf(db: Executor, contestId: string) {
  await getContest(db, contestId);
  if (!(await queries.listPublication(db, contestId))) {
    throw notFound({ zh: '评审委员会名单（尚未公布）', en: 'The judges list (not published yet)' }, 'judges.not_published');
  }
  return (await queries.currentJudgesOf(db, contestId)).filter((j) => j.status === 'active').map(presentPublicJudge);
}
