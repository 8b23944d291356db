import type { Readable } from 'node:stream';
import type { DataStore } from '@tus/server';
import type { ClosableByteSource } from '../probes/byte-source.ts';
import type { HashStates } from './hashing.ts';

/**
 * Where uploaded bytes live: a local directory (the default, under LEITAI_DATA_DIR) or S3-compatible
 * object storage (LEITAI_S3_BUCKET…). Files are stored under the tus upload id — the `storage_key`
 * of submission_files — never under the entrant's file name, and are never held whole in memory on
 * the way in. Everything that reads stored bytes goes through this interface, never a local path.
 */
export interface WorksStorage {
  readonly kind: 'local' | 's3';
  /**
   * The tus DataStore uploads are written to, hashing the bytes as they pass (hashing.ts). With
   * `expirationMs`, tus tells clients when an unfinished upload expires (Upload-Expires) and
   * refuses it after; the sweep (sweep.ts) deletes it.
   */
  datastore(states: HashStates, options?: { expirationMs?: number }): DataStore;
  /**
   * Deletes a file's bytes and whatever the store keeps beside them (tus's upload record, an S3
   * multipart upload and its parts); a file already gone is no error.
   */
  remove(key: string): Promise<void>;
  /**
   * Positional reads for the probes. Local: one file handle. S3: a ranged GetObject per missing
   * block, with a block cache and sequential read-ahead (ranged-source.ts); `bytesRead`
   * counts the bytes the probe asked for (as for a local file), not the bytes fetched.
   */
  openSource(key: string): Promise<ClosableByteSource>;
  /**
   * The file as a stream, for downloads and the export zip, or the bytes `start` to `end` (inclusive) of
   * it, for a browser's Range request (a video seeking, a PDF viewer); opened lazily on S3, at the first read.
   */
  readStream(key: string, range?: ByteRange): Readable;
  /** The whole file in memory, for decoders that need it so (sharp, pdfjs text); StoredFileTooLarge past `maxBytes`. */
  readAll(key: string, maxBytes: number): Promise<Buffer>;
  /** The SHA-256 of the stored file read through once, when the streamed hash state cannot be trusted. */
  hashFallback(key: string): Promise<string>;
}

/** Bytes `start` to `end` of a file, both included (as HTTP ranges count them). */
export interface ByteRange {
  start: number;
  end: number;
}

/** Storage keys are tus upload ids: never a path. */
export const assertStorageKey = (key: string) => {
  if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key)}`);
  return key;
};
