import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAuditEvent } from '../audit/service.ts';
import type { StoredContest } from '../contest/service.ts';
import { getScheduledContest } from '../schedule/service.ts';
import type { Works } from '../contest/schema/works.ts';
import { requireAccount } from '../platform/auth/policy.ts';
import type { Account } from '../platform/auth/service.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Database, RegistrationRow, UploadRow } from '../platform/db-types.ts';
import { inTransaction } from '../platform/transaction.ts';
import { AppError, forbidden, notFound } from '../platform/errors.ts';
import { normaliseText } from '../platform/text.ts';
import { getRegistration, requireActive, requireMayChange } from '../registration/service.ts';
import { fieldState, filesState } from './audit-state.ts';
import { checkField, checkFile, type CheckProblem } from './checks.ts';
import { displayFileName } from './file-names.ts';
import * as queries from './queries.ts';
import { worksOfPlace } from '../contest/scope.ts';
import { digestState, probeStored, type WorksStorage } from './storage.ts';
import { handInRefusal, mayContinueUpload, type Staged } from './windows.ts';
import { fingerprintFile } from './originality.ts';

export interface SubmissionActor {
  account: Account | null;
  clock: Clock;
}

export interface UploadLimits {
  /** Largest file accepted where the definition sets no size, in bytes. */
  maxBytes: number;
  graceMinutes: number;
  /** An unfinished upload older than this is refused, and swept with its bytes (sweep.ts). */
  expiryHours: number;
  /** The bytes an entry may hold: every accepted version (current or replaced: both are kept) and its unfinished uploads. */
  entryQuotaBytes: number;
  /** A refused version's bytes are deleted this long after it was received; its record and SHA-256 stay. */
  refusedRetentionDays: number;
}

export const uploadLimitsOf = (config: Config): UploadLimits => ({
  maxBytes: config.maxUploadBytes,
  graceMinutes: config.uploadGraceMinutes,
  expiryHours: config.uploadExpiryHours,
  entryQuotaBytes: config.entryQuotaBytes,
  refusedRetentionDays: config.refusedFileRetentionDays,
});

/** Unfinished uploads begun before this instant have expired. */
export const uploadsExpireBefore = (expiryHours: number, at: Date) => new Date(at.getTime() - expiryHours * 3_600_000);

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

const quotaExceeded = (used: number, size: number, quota: number) =>
  new AppError(
    'upload.quota_exceeded',
    {
      zh: `本作品已占用 ${megabytes(used)} MB，加上此文件 ${megabytes(size)} MB 将超过每个作品 ${megabytes(quota)} MB 的存储限额`,
      en: `This entry already holds ${megabytes(used)} MB; with this ${megabytes(size)} MB file it would pass its ${megabytes(quota)} MB storage quota`,
    },
    413,
  );

interface EntryWorks {
  row: RegistrationRow;
  contest: StoredContest;
  works: Works;
}

/** The registration, its contest and the works its place asks for. */
export async function loadEntryWorks(db: Kysely<Database>, registrationId: string): Promise<EntryWorks> {
  const row = await getRegistration(db, registrationId);
  const contest = await getScheduledContest(db, row.contest_id);
  const works = worksOfPlace(contest.definition, { trackId: row.track_id, groupId: row.group_id, categoryId: row.category_id });
  return { row, contest, works: works ?? { files: [], fields: [] } };
}

const requireEntrant = (row: RegistrationRow, actor: SubmissionActor) => {
  requireMayChange(row, actor.account, 'submission.forbidden');
  requireActive(row);
};

/** Refuses a hand-in, replacement or removal outside the requirement's window (windows.ts). */
const requireHandInOpen = (contest: StoredContest, requirement: Staged, at: Date) => {
  const refusal = handInRefusal(contest.definition, requirement, at);
  if (refusal) throw refusal;
};

const requirementOf = (works: Works, requirementId: string) => {
  const requirement = works.files.find((f) => f.id === requirementId);
  if (!requirement)
    throw new AppError(
      'submission.unknown_requirement',
      { zh: `本赛道不要求提交「${requirementId}」`, en: `This place asks for no file "${requirementId}"` },
      422,
    );
  return requirement;
};

/**
 * Begins a resumable upload. Effects: one uploads row that ties the upload id to the entry, the
 * requirement, the account and the start time (the postmark of windows.ts). Refuses a requirement
 * outside its window (its stage's, or the contest's submission window), someone else's entry, an
 * unknown requirement, an empty or over-size file, a file name no one can read, and a file the
 * entry's storage quota has no room for, before a byte is stored.
 */
export async function startUpload(
  db: Kysely<Database>,
  uploadId: string,
  request: { registrationId: string; requirementId: string; fileName: string | null; size: number | undefined },
  actor: SubmissionActor,
  limits: UploadLimits,
) {
  const account = requireAccount(actor.account);
  const { row, contest, works } = await loadEntryWorks(db, request.registrationId);
  requireEntrant(row, actor);
  const at = actor.clock.now();
  const requirement = requirementOf(works, request.requirementId);
  requireHandInOpen(contest, requirement, at);
  if (request.size === undefined) throw new AppError('upload.size_required', { zh: '上传须先声明文件大小', en: 'An upload declares its size first' }, 400);
  if (request.size === 0) throw new AppError('file.empty', { zh: '文件为空（0 字节）', en: 'The file is empty (0 bytes)' }, 422);
  const maxBytes = requirement.maxSizeMb ? requirement.maxSizeMb * 1024 * 1024 : limits.maxBytes;
  if (request.size > maxBytes) {
    throw new AppError(
      'file.too_large',
      {
        zh: `文件 ${megabytes(request.size)} MB，要求不超过 ${megabytes(maxBytes)} MB`,
        en: `The file is ${megabytes(request.size)} MB; at most ${megabytes(maxBytes)} MB is allowed`,
      },
      413,
    );
  }
  const fileName = uploadFileName(request.fileName);
  const size = request.size;
  // Locked per entry, so two uploads begun at once cannot both fit in the room left for one.
  await inTransaction(db, async (trx) => {
    await queries.lockEntryStorage(trx, row.id);
    const used = await queries.storedBytesOf(trx, row.id, uploadsExpireBefore(limits.expiryHours, at));
    if (used + size > limits.entryQuotaBytes) throw quotaExceeded(used, size, limits.entryQuotaBytes);
    await queries.insertUpload(trx, {
      id: uploadId,
      registration_id: row.id,
      requirement_id: requirement.id,
      account_id: account.id,
      file_name: fileName,
      declared_size: size,
      started_at: at,
    });
  });
}

/** The name as people will see it; one no database can store, or that hides what it shows, is refused. */
const uploadFileName = (raw: string | null) => {
  if (raw === null) return displayFileName(null);
  const text = normaliseText(raw);
  if (!text.ok)
    throw new AppError('upload.invalid_metadata', { zh: '文件名含有不允许的字符', en: 'The file name contains a character that is not allowed' }, 400, [
      { code: text.code, message: text.message, path: 'metadata.filename' },
    ]);
  return displayFileName(text.text);
};

/** Whether this account may send (or ask about) more bytes of this upload now. */
export async function authoriseUpload(
  db: Kysely<Database>,
  uploadId: string,
  sendsBytes: boolean,
  actor: SubmissionActor,
  limits: UploadLimits,
): Promise<UploadRow> {
  const account = requireAccount(actor.account);
  const upload = await queries.uploadById(db, uploadId);
  if (!upload) throw notFound({ zh: `上传 ${uploadId}`, en: `Upload ${uploadId}` }, 'upload.not_found');
  if (upload.account_id !== account.id) throw forbidden('upload.forbidden');
  if (!upload.completed_at && upload.started_at < uploadsExpireBefore(limits.expiryHours, actor.clock.now())) {
    throw new AppError(
      'upload.expired',
      {
        zh: `该上传开始于 ${limits.expiryHours} 小时前仍未完成，已过期，请重新上传`,
        en: `This upload began more than ${limits.expiryHours} hours ago and did not finish; it has expired, start it again`,
      },
      410,
    );
  }
  if (sendsBytes) {
    const { contest, works } = await loadEntryWorks(db, upload.registration_id);
    if (!mayContinueUpload(contest.definition, requirementOf(works, upload.requirement_id), upload.started_at, actor.clock.now(), limits.graceMinutes)) {
      throw new AppError(
        'upload.deadline_passed',
        {
          zh: '作品提交已截止，且本次上传开始于截止之后或已超过宽限时间',
          en: 'Submission has closed and this upload began after the deadline or ran past the grace period',
        },
        409,
      );
    }
  }
  return upload;
}

const fileProblems = (problems: CheckProblem[]) => problems.map(({ code, message, severity }) => ({ code, message, severity }));

/**
 * Completes an upload: the one owner of submission_files. Effects: probes the stored bytes, checks
 * them against the requirement, records the version (accepted or not) with its SHA-256; earlier
 * refused versions of the requirement, and the oldest accepted one when the requirement is full, are
 * superseded (kept, not deleted); appends `submission.file_received`.
 */
export async function finishUpload(db: Kysely<Database>, uploadId: string, storage: WorksStorage, actor: SubmissionActor) {
  const upload = await queries.uploadById(db, uploadId);
  if (!upload) throw notFound({ zh: `上传 ${uploadId}`, en: `Upload ${uploadId}` }, 'upload.not_found');
  const { row, contest, works } = await loadEntryWorks(db, upload.registration_id);
  const requirement = requirementOf(works, upload.requirement_id);
  const probed = await probeStored(storage, upload.id);
  const problems = checkFile(requirement, probed);
  const accepted = !problems.some((p) => p.severity === 'error');
  const fingerprint = accepted && probed.ok ? await fingerprintFile(probed.facts, storage, upload.id) : null;
  const sha256 = upload.hash_state && upload.hashed_bytes === probed.size ? await digestState(upload.hash_state) : await storage.hashFallback(upload.id);
  const at = actor.clock.now();
  const id = randomUUID();
  await inTransaction(db, async (trx) => {
    const current = (await queries.currentFilesOf(trx, [row.id])).filter((f) => f.requirement_id === requirement.id);
    const refused = current.filter((f) => !f.accepted).map((f) => f.id);
    const kept = current.filter((f) => f.accepted);
    const overflow = accepted ? kept.slice(0, Math.max(0, kept.length + 1 - requirement.count.max)).map((f) => f.id) : [];
    await queries.supersedeFiles(trx, [...refused, ...overflow], at);
    await queries.insertSubmissionFile(trx, {
      id,
      contest_id: row.contest_id,
      registration_id: row.id,
      requirement_id: requirement.id,
      storage_key: upload.id,
      file_name: upload.file_name,
      size: probed.size,
      sha256,
      file_kind: probed.ok ? probed.facts.fileKind : (probed.refusal.fileKind ?? null),
      media_type: probed.ok ? probed.facts.mediaType : (probed.refusal.mediaType ?? null),
      facts: probed.ok ? JSON.stringify(probed.facts) : null,
      problems: JSON.stringify(fileProblems(problems)),
      accepted,
      fingerprint: fingerprint && JSON.stringify(fingerprint),
      uploaded_by: upload.account_id,
      upload_started_at: upload.started_at,
      created_at: at,
      superseded_at: null,
      definition_version: contest.version,
    });
    await queries.completeUpload(trx, upload.id, at, id);
    await appendAuditEvent(trx, {
      contestId: row.contest_id,
      actor: upload.account_id,
      type: 'submission.file_received',
      payload: {
        registrationId: row.id,
        ref: row.ref,
        requirementId: requirement.id,
        fileId: id,
        fileName: upload.file_name,
        size: probed.size,
        sha256,
        accepted,
        problems: problems.map((p) => p.code),
        supersedes: [...refused, ...overflow],
        uploadStartedAt: upload.started_at.toISOString(),
      },
      at,
      state: await filesState(trx, [id, ...refused, ...overflow]),
    });
  });
  return (await queries.submissionFileById(db, id))!;
}

/** Sets a text or link field of the works. Effects: the field's row, `submission.field_set` with the value. */
export async function setWorksField(db: Kysely<Database>, registrationId: string, fieldId: string, value: string, actor: SubmissionActor) {
  const account = requireAccount(actor.account);
  const { row, contest, works } = await loadEntryWorks(db, registrationId);
  requireEntrant(row, actor);
  const at = actor.clock.now();
  const requirement = works.fields.find((f) => f.id === fieldId);
  if (!requirement) throw new AppError('submission.unknown_field', { zh: `本赛道没有「${fieldId}」一项`, en: `This place has no field "${fieldId}"` }, 422);
  requireHandInOpen(contest, requirement, at);
  const problems = checkField(requirement, value);
  if (problems.some((p) => p.severity === 'error')) throw new AppError(problems[0].code, problems[0].message, 422, problems);
  await inTransaction(db, async (trx) => {
    await queries.upsertField(trx, { registration_id: row.id, field_id: fieldId, value: value.trim(), updated_by: account.id, updated_at: at });
    await appendAuditEvent(trx, {
      contestId: row.contest_id,
      actor: account.id,
      type: 'submission.field_set',
      payload: { registrationId: row.id, ref: row.ref, fieldId, value: value.trim() },
      at,
      state: await fieldState(trx, row.id, fieldId),
    });
  });
}

/** Removes a file from the entry while its requirement's window is open: superseded and audited, never deleted. */
export async function removeSubmissionFile(db: Kysely<Database>, fileId: string, actor: SubmissionActor) {
  const file = await queries.submissionFileById(db, fileId);
  if (!file || file.superseded_at) throw notFound({ zh: `文件 ${fileId}`, en: `File ${fileId}` }, 'submission.file_not_found');
  const { row, contest, works } = await loadEntryWorks(db, file.registration_id);
  requireEntrant(row, actor);
  const at = actor.clock.now();
  // A file of a requirement the definition no longer asks for keeps the contest's submission window.
  requireHandInOpen(contest, works.files.find((r) => r.id === file.requirement_id) ?? { name: file.file_name }, at);
  await inTransaction(db, async (trx) => {
    await queries.supersedeFiles(trx, [file.id], at);
    await appendAuditEvent(trx, {
      contestId: row.contest_id,
      actor: actor.account!.id,
      type: 'submission.file_removed',
      payload: { registrationId: row.id, ref: row.ref, fileId: file.id, sha256: file.sha256 },
      at,
      state: await filesState(trx, [file.id]),
    });
  });
}
