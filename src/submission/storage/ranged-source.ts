import type { ClosableByteSource } from '../probes/byte-source.ts';

/**
 * A ByteSource over an object read by byte ranges (S3 GetObject with a Range header). Probes make
 * many small reads — a 4 KB head, box and segment headers, a zip's central directory, pdfjs's 64 KB
 * chunks — so reads are served from blocks of `blockSize`: each read fetches only the blocks it lacks,
 * a contiguous run of them in one request, and a read that carries on where the last fetch ended
 * fetches ahead, twice as far each time up to `maxFetch` (a sequential scan costs a handful of
 * requests, a jump to the end of a file one). Fetched blocks stay in a cache of `cacheBytes`, least
 * recently used first out; concurrent reads of the same block share one request.
 *
 * `bytesRead` counts the bytes handed to the probe — what it asked for, clipped at the end of the
 * object — exactly as for a local file, so the probes' byte budget and the benchmark of bytes read
 * mean the same on every store. What the store actually sent is `bytesFetched`, in `requests` GETs.
 */
export interface RangedSource extends ClosableByteSource {
  readonly bytesFetched: number;
  readonly requests: number;
}

export interface ReadAhead {
  blockSize: number;
  maxFetch: number;
  cacheBytes: number;
}

export const defaultReadAhead: ReadAhead = { blockSize: 64 * 1024, maxFetch: 1024 * 1024, cacheBytes: 8 * 1024 * 1024 };

/** `fetch(start, end)` returns the bytes [start, end) of the object, which holds `size` bytes. */
export function rangedSource(size: number, fetch: (start: number, end: number) => Promise<Uint8Array>, options: ReadAhead = defaultReadAhead): RangedSource {
  const { blockSize } = options;
  const blockCount = Math.ceil(size / blockSize);
  const maxFetchBlocks = Math.max(1, Math.floor(options.maxFetch / blockSize));
  const maxCachedBlocks = Math.max(maxFetchBlocks, Math.floor(options.cacheBytes / blockSize));
  /** Block index → its bytes; a Map keeps insertion order, which serves as recency. */
  const blocks = new Map<number, Promise<Uint8Array>>();
  let bytesRead = 0;
  let bytesFetched = 0;
  let requests = 0;
  /** The block after the last fetched run, and how many blocks the next sequential fetch may take. */
  let fetchedUpTo = -1;
  let ahead = 1;

  const fetchRun = (first: number, last: number) => {
    const start = first * blockSize;
    const end = Math.min(size, (last + 1) * blockSize);
    requests++;
    const run = fetch(start, end).then((bytes) => {
      if (bytes.length !== end - start) throw new Error(`Ranged read of ${start}-${end - 1} returned ${bytes.length} bytes`);
      bytesFetched += bytes.length;
      return bytes;
    });
    for (let index = first; index <= last; index++) {
      const from = (index - first) * blockSize;
      const block = run.then((bytes) => bytes.slice(from, Math.min(from + blockSize, bytes.length)));
      // A failed fetch is forgotten, so the next read asks again; the rejection reaches whoever awaits the block.
      block.catch(() => {
        if (blocks.get(index) === block) blocks.delete(index);
      });
      blocks.set(index, block);
    }
    fetchedUpTo = last + 1;
  };

  /** A cached block, marked as the most recently used. */
  const cached = (index: number) => {
    const block = blocks.get(index);
    if (block) {
      blocks.delete(index);
      blocks.set(index, block);
    }
    return block;
  };

  return {
    size,
    get bytesRead() {
      return bytesRead;
    },
    get bytesFetched() {
      return bytesFetched;
    },
    get requests() {
      return requests;
    },
    async read(offset, length) {
      const from = Math.max(0, Math.min(Math.floor(offset), size));
      const to = Math.max(from, Math.min(from + Math.floor(length), size));
      if (to === from) return new Uint8Array(0);
      const first = Math.floor(from / blockSize);
      const last = Math.floor((to - 1) / blockSize);
      const wanted: Promise<Uint8Array>[] = [];
      for (let index = first; index <= last; index++) {
        let block = cached(index);
        if (!block) {
          // Fetch the run of missing blocks this read needs, and more when it carries on from the last fetch.
          let runEnd = index;
          while (runEnd < last && !blocks.has(runEnd + 1)) runEnd++;
          ahead = index === fetchedUpTo ? Math.min(ahead * 2, maxFetchBlocks) : 1;
          while (runEnd + 1 < blockCount && runEnd - index + 1 < ahead && !blocks.has(runEnd + 1)) runEnd++;
          fetchRun(index, runEnd);
          block = blocks.get(index)!;
        }
        wanted.push(block);
      }
      // Evict the least recently used; the blocks this read needs are held in `wanted`.
      for (const index of blocks.keys()) {
        if (blocks.size <= maxCachedBlocks) break;
        blocks.delete(index);
      }
      const parts = await Promise.all(wanted);
      const out = new Uint8Array(to - from);
      let filled = 0;
      parts.forEach((part, i) => {
        const blockStart = (first + i) * blockSize;
        const slice = part.subarray(Math.max(0, from - blockStart), Math.min(part.length, to - blockStart));
        out.set(slice, filled);
        filled += slice.length;
      });
      bytesRead += out.length;
      return out;
    },
    close: async () => {
      blocks.clear();
    },
  };
}
