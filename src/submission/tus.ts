import { join } from 'node:path';
import { Server, type CancellationContext, type Upload } from '@tus/server';
import type { Kysely } from 'kysely';
import { sessionAccount } from '../platform/auth/service.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db-types.ts';
import { AppError } from '../platform/errors.ts';
import { internalErrorMessage } from '../platform/http/error-reply.ts';
import { SESSION_COOKIE } from '../platform/http/session-cookie.ts';
import { uploadHashStates } from './direct.ts';
import { uploadMetadata } from './schema.ts';
import { authoriseUpload, finishUpload, startUpload, type UploadLimits } from './service.ts';
import type { WorksStorage } from './storage.ts';
import { presentSubmissionFile } from './presenter.ts';
import { refusalBody, refusalFromTus } from './tus-refusals.ts';

export const UPLOADS_PATH = '/api/uploads';

/**
 * The tus (resumable upload) endpoint. tus-js-client in the page creates an upload with its
 * metadata (registrationId, requirementId, filename), sends bytes in PATCH requests it can resume
 * after a dropped connection or a closed tab, and receives the checked file in the last reply.
 * Every hook authorises from the session cookie itself: tus hands hooks a web Request.
 */
export const createTusServer = (options: {
  db: Kysely<Database>;
  clock: Clock;
  storage: WorksStorage;
  limits: UploadLimits;
  logError: (error: unknown) => void;
}) => {
  const { db, clock, storage, limits, logError } = options;
  const actorOf = async (request: Request) => {
    const token = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
    return { account: token ? await sessionAccount(db, token, clock) : null, clock };
  };
  const store = storage.datastore(uploadHashStates(db), { expirationMs: limits.expiryHours * 3_600_000 });
  return new LeitaiTusServer(refusalFromTus(limits.maxBytes), {
    path: UPLOADS_PATH,
    datastore: store,
    relativeLocation: true,
    // A finished upload is a submitted file: only Leitai's own removal (superseding, kept on record) ends it.
    disableTerminationForFinishedUploads: true,
    maxSize: limits.maxBytes,
    onUploadCreate: async (request: Request, upload: Upload) => {
      const metadata = parseMetadata(upload.metadata);
      await startUpload(
        db,
        upload.id,
        {
          registrationId: metadata.registrationId,
          requirementId: metadata.requirementId,
          fileName: metadata.filename ?? metadata.name ?? null,
          size: upload.size,
        },
        await actorOf(request),
        limits,
      );
      return {};
    },
    onIncomingRequest: async (request: Request, uploadId: string) => {
      if (request.method === 'POST' || request.method === 'OPTIONS') return;
      await authoriseUpload(db, uploadId, request.method === 'PATCH', await actorOf(request), limits);
    },
    onUploadFinish: async (request: Request, upload: Upload) => {
      const file = await finishUpload(db, upload.id, storage, await actorOf(request));
      return { status_code: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ file: presentSubmissionFile(file) }) };
    },
    // Leitai's refusals keep their code and message; anything else thrown is logged and told as `internal`.
    onResponseError: (_request, error) => {
      if (error instanceof AppError) return { status_code: error.status, body: refusalBody(error.code, error.localised, error.problems) };
      if (isTusRefusal(error)) return undefined;
      logError(error);
      return { status_code: 500, body: refusalBody('internal', internalErrorMessage) };
    },
  });
};

/**
 * Every reply tus writes passes through `write`, the refusals it writes before any handler runs
 * (no Tus-Resumable, an invalid header) included: each refusal leaves as Leitai's JSON.
 */
class LeitaiTusServer extends Server {
  constructor(
    private readonly toRefusal: (status: number, body: string) => string,
    options: ConstructorParameters<typeof Server>[0],
  ) {
    super(options);
  }

  override write(context: CancellationContext, headers: Headers, status: number, body?: string) {
    if (status < 400) return super.write(context, headers, status, body);
    headers.set('Content-Type', 'application/json; charset=utf-8');
    return super.write(context, headers, status, this.toRefusal(status, body ?? ''));
  }
}

/** tus's own refusals are `{ status_code, body }` objects (its ERRORS table), never Error instances. */
const isTusRefusal = (error: unknown) =>
  !(error instanceof Error) && typeof (error as { status_code?: unknown }).status_code === 'number' && typeof (error as { body?: unknown }).body === 'string';

const parseMetadata = (metadata: Upload['metadata']) => {
  const parsed = uploadMetadata.safeParse(metadata ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({
    code: 'upload.invalid_metadata',
    path: `metadata.${issue.path.join('.')}`,
    message: { zh: `上传信息 ${issue.path.join('.')} 无效`, en: `Upload metadata ${issue.path.join('.')} is invalid` },
  }));
  throw new AppError(
    'upload.invalid_metadata',
    { zh: '上传信息（Upload-Metadata）不完整或无效', en: 'The upload metadata (Upload-Metadata) is missing or invalid' },
    400,
    problems,
  );
};

const readCookie = (header: string | null, name: string) =>
  header
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];

export const uploadsDirectory = (dataDir: string) => join(dataDir, 'uploads');
