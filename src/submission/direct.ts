import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Upload } from '@tus/server';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db-types.ts';
import type { HashStates } from './storage.ts';
import type { WorksStorage } from './storage.ts';
import * as queries from './queries.ts';
import { finishUpload, startUpload, type SubmissionActor, type UploadLimits } from './service.ts';

/** The uploads table keeps each upload's SHA-256 state between the requests that bring its bytes. */
export const uploadHashStates = (db: Kysely<Database>): HashStates => ({
  load: async (id) => {
    const upload = await queries.uploadById(db, id);
    return upload && { state: upload.hash_state, bytes: upload.hashed_bytes };
  },
  save: async (id, state, bytes) => {
    await queries.saveHashState(db, id, state, bytes);
  },
});

/**
 * Submits a file that is already on the server (demo data, an organiser's import) through the same
 * path as a browser upload: the same authorisation and window, the same store and streaming hash,
 * the same probes, checks, versions and audit event.
 */
export async function submitFile(
  db: Kysely<Database>,
  storage: WorksStorage,
  file: { registrationId: string; requirementId: string; fileName: string; bytes: Buffer },
  actor: SubmissionActor,
  limits: UploadLimits,
) {
  const id = randomUUID().replaceAll('-', '');
  await startUpload(
    db,
    id,
    { registrationId: file.registrationId, requirementId: file.requirementId, fileName: file.fileName, size: file.bytes.length },
    actor,
    limits,
  );
  const store = storage.datastore(uploadHashStates(db));
  await store.create(
    new Upload({
      id,
      size: file.bytes.length,
      offset: 0,
      metadata: { registrationId: file.registrationId, requirementId: file.requirementId, filename: file.fileName },
    }),
  );
  await store.write(Readable.from([file.bytes]), id, 0);
  return finishUpload(db, id, storage, actor);
}
