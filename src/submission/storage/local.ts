import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
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
  ) {
    super({ directory });
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
    datastore: (states) => new HashingFileStore(directory, states),
    openSource: async (key) => openFileSource(pathOf(key)),
    readStream: (key) => createReadStream(pathOf(key)),
    async readAll(key, maxBytes) {
      const path = pathOf(key);
      if ((await stat(path)).size > maxBytes) throw new StoredFileTooLarge(key, maxBytes);
      return readFile(path);
    },
    hashFallback: async (key) => hashOfStream(createReadStream(pathOf(key))),
  };
};
