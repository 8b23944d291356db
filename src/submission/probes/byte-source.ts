import { open } from 'node:fs/promises';
import type { ByteSource } from './types.ts';

/** A ByteSource that can be closed: a file handle, read by position, never as a whole. */
export interface ClosableByteSource extends ByteSource {
  close(): Promise<void>;
}

/** Opens a file for probing: positional reads through one handle, counting the bytes handed out. */
export const openFileSource = async (path: string): Promise<ClosableByteSource> => {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  let bytesRead = 0;
  return {
    size,
    get bytesRead() {
      return bytesRead;
    },
    async read(offset, length) {
      const from = Math.max(0, Math.floor(offset));
      const count = Math.max(0, Math.min(Math.floor(length), size - from));
      if (count === 0) return new Uint8Array(0);
      const buffer = new Uint8Array(count);
      let filled = 0;
      while (filled < count) {
        const { bytesRead: got } = await handle.read(buffer, filled, count - filled, from + filled);
        if (got === 0) break; // the file shrank under us: hand out what there is
        filled += got;
      }
      bytesRead += filled;
      return filled === count ? buffer : buffer.subarray(0, filled);
    },
    close: () => handle.close(),
  };
};

/** A ByteSource over bytes already in memory: for tests and for uploads small enough to hold. */
export const bufferSource = (bytes: Uint8Array): ClosableByteSource => {
  let bytesRead = 0;
  return {
    size: bytes.length,
    get bytesRead() {
      return bytesRead;
    },
    async read(offset, length) {
      const from = Math.max(0, Math.min(Math.floor(offset), bytes.length));
      const to = Math.max(from, Math.min(from + Math.floor(length), bytes.length));
      bytesRead += to - from;
      return bytes.subarray(from, to);
    },
    close: async () => {},
  };
};
