import { createReadStream } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { openFileSource } from '../probes/byte-source.ts';
import { assertStorageKey, type WorksStorage } from './types.ts';
import { hashingWrite, hashOfStream, StoredFileTooLarge, type HashStates } from './hashing.ts';

/** @tus/file-store's FileStore, hashing what it writes. */
export class HashingFileStore extends FileStore {
  constructor(
    directory: string,
    private readonly states: HashStates,
    expirationPeriodInMilliseconds?: number,
  ) {
    super({ directory, expirationPeriodInMilliseconds });
  }

  override write(readable: Readable, id: string, offset: number): Promise<number> {
    return hashingWrite(this.states, readable, id, offset, (teed) => super.write(teed, id, offset));
  }
}

/** Uploaded files as plain files in a directory (LEITAI_DATA_DIR/uploads), named by upload id. */
export const localStorage = (directory: string): WorksStorage => {
  const pathOf = (key: string) => join(directory, assertStorageKey(key));
  return {
    kind: 'local',
    datastore: (states, options) => new HashingFileStore(directory, states, options?.expirationMs),
    async remove(key) {
      // FileStore keeps each upload's record beside its bytes, as <id>.json.
      await Promise.all([rm(pathOf(key), { force: true }), rm(`${pathOf(key)}.json`, { force: true })]);
    },
    openSource: async (key) => openFileSource(pathOf(key)),
    readStream: (key, range) => createReadStream(pathOf(key), range),
    async readAll(key, maxBytes) {
      const path = pathOf(key);
      if ((await stat(path)).size > maxBytes) throw new StoredFileTooLarge(key, maxBytes);
      return readFile(path);
    },
    hashFallback: async (key) => hashOfStream(createReadStream(pathOf(key))),
  };
};
