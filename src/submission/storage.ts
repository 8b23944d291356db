import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { createSHA256 } from 'hash-wasm';

/**
 * Uploaded bytes live in the upload store under the tus upload id (never under the entrant's file
 * name). The local store is a directory under LEITAI_DATA_DIR.
 *
 * The SHA-256 is computed while the bytes stream in. A resumable upload arrives in several requests,
 * possibly to different server processes, so the hash state is saved after each request (hash-wasm
 * can save and load SHA-256 state) and resumed by the next one. If a request breaks off between the
 * bytes stored and the state saved, the hash is computed from the stored file when the upload ends.
 */
export interface HashStates {
  load(uploadId: string): Promise<{ state: Uint8Array | null; bytes: number } | undefined>;
  save(uploadId: string, state: Uint8Array, bytes: number): Promise<void>;
}

export class HashingFileStore extends FileStore {
  constructor(
    directory: string,
    private readonly states: HashStates,
  ) {
    super({ directory });
  }

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    const saved = await this.states.load(id);
    const continuous = saved !== undefined && saved.bytes === offset;
    const hasher = await createSHA256();
    if (continuous && saved.state) hasher.load(saved.state);
    else hasher.init();
    let received = offset;
    const tee = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hasher.update(chunk);
        received += chunk.length;
        done(null, chunk);
      },
    });
    readable.on('error', (error) => tee.destroy(error));
    const newOffset = await super.write(readable.pipe(tee), id, offset);
    if (continuous && received === newOffset) await this.states.save(id, hasher.save(), newOffset);
    return newOffset;
  }
}

export const storedFilePath = (directory: string, storageKey: string) => join(directory, storageKey);

/** The hash of a whole stored file, when the streamed state could not be trusted. */
export const hashStoredFile = async (path: string) => {
  const hasher = await createSHA256();
  hasher.init();
  for await (const chunk of createReadStream(path)) hasher.update(chunk as Buffer);
  return hasher.digest('hex');
};

export const digestState = async (state: Uint8Array) => {
  const hasher = await createSHA256();
  hasher.load(state);
  return hasher.digest('hex');
};
