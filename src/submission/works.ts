import type { Kysely } from 'kysely';
import type { Account } from '../platform/auth/service.ts';
import type { Database, RegistrationRow } from '../platform/db-types.ts';
import { requireAccount } from '../platform/auth/policy.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { canSeeRegistration } from '../registration/policy.ts';
import { membersOf } from '../registration/service.ts';
import { getRegistration } from '../registration/service.ts';
import { judgesEntry } from '../review/scoring/access.ts';
import { checkCount, checkField } from './checks.ts';
import { presentStage, presentSubmissionFile } from './presenter.ts';
import * as queries from './queries.ts';
import { loadEntryWorks, type SubmissionActor } from './service.ts';
import { isRequirementOpen, worksDeadline } from './windows.ts';

/**
 * Its people, the organisers and its zone's coordinator see an entry's works (canSeeRegistration),
 * and so does a judge assigned the entry and not in conflict with it (review/scoring/access.ts).
 */
const requireSeesEntry = async (db: Kysely<Database>, account: Account | null, row: RegistrationRow) => {
  if (canSeeRegistration(account, row, await membersOf(db, [row.id]))) return;
  if (!(await judgesEntry(db, account, row.contest_id, row.id))) throw forbidden('submission.forbidden');
};

/** The bytes of a refused version, deleted after the retention (sweep.ts); when is in the file's bytesPurgedAt. */
const bytesPurged = () =>
  new AppError(
    'submission.file_purged',
    {
      zh: '该文件未通过检查，其内容已按保留期限删除；文件记录与 SHA-256 仍保留',
      en: 'This file was refused and its bytes were deleted after the retention period; its record and SHA-256 are kept',
    },
    410,
  );

/** A submitted file whose bytes this account may download: whoever may see its entry. */
export async function fileToDownload(db: Kysely<Database>, fileId: string, account: Account | null) {
  requireAccount(account);
  const file = await queries.submissionFileById(db, fileId);
  if (!file) throw notFound({ zh: '文件', en: 'File' }, 'submission.file_not_found');
  await requireSeesEntry(db, account, await getRegistration(db, file.registration_id));
  if (file.bytes_purged_at) throw bytesPurged();
  return file;
}

/** upcoming: its stage has not opened (未开始), so nothing is missing yet. */
type ItemStatus = 'done' | 'missing' | 'invalid' | 'upcoming';

/**
 * An entry's works as a checklist: each requirement of the definition with its current files or
 * value, the problems found, whether it is done, and its stage: a requirement whose stage has not
 * opened is `upcoming` (未开始), not missing, and counts against nothing — `complete` means every
 * requirement due so far is done.
 */
export async function worksOfEntry(db: Kysely<Database>, registrationId: string, actor: SubmissionActor, graceMinutes: number) {
  requireAccount(actor.account);
  const { row, contest, works } = await loadEntryWorks(db, registrationId);
  await requireSeesEntry(db, actor.account, row);
  const at = actor.clock.now();
  const { definition } = contest;
  const files = await queries.currentFilesOf(db, [row.id]);
  const fields = await queries.fieldsOf(db, row.id);
  const fileItems = works.files.map((requirement) => {
    const current = files.filter((f) => f.requirement_id === requirement.id);
    const stage = presentStage(definition, requirement, at);
    const notYet = stage.state === 'upcoming' && current.length === 0;
    const countProblems = notYet ? [] : checkCount(requirement, current.filter((f) => f.accepted).length);
    const status: ItemStatus = notYet ? 'upcoming' : current.some((f) => !f.accepted) ? 'invalid' : countProblems.length > 0 ? 'missing' : 'done';
    return { requirement, stage, files: current.map(presentSubmissionFile), problems: countProblems, status };
  });
  const fieldItems = works.fields.map((requirement) => {
    const value = fields.find((f) => f.field_id === requirement.id)?.value;
    const stage = presentStage(definition, requirement, at);
    const notYet = stage.state === 'upcoming' && !value;
    const problems = notYet ? [] : checkField(requirement, value);
    const status: ItemStatus = notYet ? 'upcoming' : problems.length > 0 ? (value ? 'invalid' : 'missing') : 'done';
    return { requirement, stage, value: value ?? null, problems, status };
  });
  const items = [...fileItems, ...fieldItems];
  // An entry asked for nothing still has the contest's submission window to show.
  const requirements = items.length > 0 ? items.map((item) => item.requirement) : [{}];
  const deadline = worksDeadline(definition, requirements, at);
  return {
    registrationId: row.id,
    ref: row.ref,
    title: row.title,
    contestId: row.contest_id,
    timeZone: definition.timeZone,
    submissionOpen: row.status === 'active' && requirements.some((requirement) => isRequirementOpen(definition, requirement, at)),
    deadline: deadline?.toISOString() ?? null,
    graceMinutes,
    naming: works.naming ?? null,
    originality: works.originality ?? [],
    files: fileItems,
    fields: fieldItems,
    complete: items.every((item) => item.status === 'done' || item.status === 'upcoming'),
  };
}
