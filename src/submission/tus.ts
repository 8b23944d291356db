import { join } from 'node:path';
import { Server, type Upload } from '@tus/server';
import type { Kysely } from 'kysely';
import { sessionAccount } from '../platform/auth/service.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db-types.ts';
import { AppError } from '../platform/errors.ts';
import { SESSION_COOKIE } from '../platform/http/session-cookie.ts';
import { uploadHashStates } from './direct.ts';
import { authoriseUpload, finishUpload, startUpload, type UploadLimits } from './service.ts';
import type { WorksStorage } from './storage.ts';
import { presentSubmissionFile } from './presenter.ts';

export const UPLOADS_PATH = '/api/uploads';

/**
 * The tus (resumable upload) endpoint. tus-js-client in the page creates an upload with its
 * metadata (registrationId, requirementId, filename), sends bytes in PATCH requests it can resume
 * after a dropped connection or a closed tab, and receives the checked file in the last reply.
 * Every hook authorises from the session cookie itself: tus hands hooks a web Request.
 */
export const createTusServer = (options: { db: Kysely<Database>; clock: Clock; storage: WorksStorage; limits: UploadLimits }) => {
  const { db, clock, storage, limits } = options;
  const actorOf = async (request: Request) => {
    const token = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
    return { account: token ? await sessionAccount(db, token, clock) : null, clock };
  };
  const store = storage.datastore(uploadHashStates(db));
  return new Server({
    path: UPLOADS_PATH,
    datastore: store,
    relativeLocation: true,
    // A finished upload is a submitted file: only Leitai's own removal (superseding, kept on record) ends it.
    disableTerminationForFinishedUploads: true,
    maxSize: limits.maxBytes,
    onUploadCreate: refusingAsTus(async (request: Request, upload: Upload) => {
      const metadata = upload.metadata ?? {};
      await startUpload(
        db,
        upload.id,
        { registrationId: metadata.registrationId ?? '', requirementId: metadata.requirementId ?? '', fileName: metadata.filename ?? metadata.name ?? null, size: upload.size },
        await actorOf(request),
        limits,
      );
      return {};
    }),
    onIncomingRequest: refusingAsTus(async (request: Request, uploadId: string) => {
      if (request.method === 'POST' || request.method === 'OPTIONS') return;
      await authoriseUpload(db, uploadId, request.method === 'PATCH', await actorOf(request), limits);
    }),
    onUploadFinish: refusingAsTus(async (request: Request, upload: Upload) => {
      const file = await finishUpload(db, upload.id, storage, await actorOf(request));
      return { status_code: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ file: presentSubmissionFile(file) }) };
    }),
  });
};

/** tus answers a thrown `{ status_code, body }`; Leitai's refusals keep their JSON shape inside it. */
const refusingAsTus =
  <Args extends unknown[], Result>(hook: (...args: Args) => Promise<Result>) =>
  async (...args: Args): Promise<Result> => {
    try {
      return await hook(...args);
    } catch (error) {
      if (error instanceof AppError) {
        throw { status_code: error.status, body: JSON.stringify({ error: { code: error.code, message: error.localised, problems: error.problems } }) };
      }
      throw error;
    }
  };

const readCookie = (header: string | null, name: string) =>
  header
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];

export const uploadsDirectory = (dataDir: string) => join(dataDir, 'uploads');
