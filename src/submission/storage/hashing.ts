import { Transform, type Readable } from 'node:stream';
import { createSHA256 } from 'hash-wasm';

/**
 * The SHA-256 is computed while the bytes stream in, whichever store keeps them. A resumable upload
 * arrives in several requests, possibly to different server processes, so the hash state is saved
 * after each request (hash-wasm can save and load SHA-256 state) and resumed by the next one. If a
 * request breaks off between the bytes stored and the state saved, the state is not trusted and the
 * hash is computed from the stored bytes when the upload ends (WorksStorage.hashFallback).
 */
export interface HashStates {
  load(uploadId: string): Promise<{ state: Uint8Array | null; bytes: number } | undefined>;
  save(uploadId: string, state: Uint8Array, bytes: number): Promise<void>;
}

/**
 * One tus write (a PATCH body) teed through the upload's resumed hash on its way to the store:
 * `write` is the store's own write, handed the teed stream. Each store subclass calls this from its
 * write(), so the hashing is written once for the local directory and for S3.
 */
export async function hashingWrite(
  states: HashStates,
  readable: Readable,
  id: string,
  offset: number,
  write: (teed: Readable) => Promise<number>,
): Promise<number> {
  const saved = await states.load(id);
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
  const newOffset = await write(readable.pipe(tee));
  if (continuous && received === newOffset) await states.save(id, hasher.save(), newOffset);
  return newOffset;
}

export const digestState = async (state: Uint8Array) => {
  const hasher = await createSHA256();
  hasher.load(state);
  return hasher.digest('hex');
};

/** The SHA-256 of a whole stream of stored bytes, read once, never held. */
export const hashOfStream = async (stream: AsyncIterable<Uint8Array>) => {
  const hasher = await createSHA256();
  hasher.init();
  for await (const chunk of stream) hasher.update(chunk);
  return hasher.digest('hex');
};

/** A stored file too large for a reader that needs it whole (WorksStorage.readAll). */
export class StoredFileTooLarge extends Error {
  constructor(
    readonly key: string,
    readonly maxBytes: number,
  ) {
    super(`Stored file ${key} is larger than ${maxBytes} bytes`);
    this.name = 'StoredFileTooLarge';
  }
}

/** Collects a stream into one Buffer, giving up (and destroying the stream) past `maxBytes`. */
export async function collectCapped(stream: Readable, key: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    length += (chunk as Buffer).length;
    if (length > maxBytes) {
      stream.destroy();
      throw new StoredFileTooLarge(key, maxBytes);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, length);
}
