import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@tus/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestState, localStorage, probeStored, StoredFileTooLarge, type HashStates, type WorksStorage } from './storage.ts';
import type { RangedSource } from './storage/ranged-source.ts';
import { startS3rver } from '../../test/support/test-s3.ts';
import { photo } from '../../test/support/test-uploads.ts';

/**
 * The contract of WorksStorage, one test body run against each implementation: the local directory,
 * and S3 through s3rver (test/support/test-s3.ts) with a key prefix.
 */
const MiB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Hash states kept in memory, as the uploads table keeps them (a new upload: no state, 0 bytes). */
const memoryStates = () => {
  const saved = new Map<string, { state: Uint8Array; bytes: number }>();
  const states: HashStates = {
    load: async (id) => saved.get(id) ?? { state: null, bytes: 0 },
    save: async (id, state, bytes) => void saved.set(id, { state, bytes }),
  };
  return { saved, states };
};

/** Writes `bytes` as tus does, one PATCH body per piece, each body in 64 KB chunks; returns the offset after each. */
const upload = async (storage: WorksStorage, states: HashStates, id: string, bytes: Buffer, pieces: number[]) => {
  const store = storage.datastore(states);
  await store.create(new Upload({ id, size: bytes.length, offset: 0, metadata: {} }));
  const offsets: number[] = [];
  let offset = 0;
  for (const length of pieces) {
    const body = bytes.subarray(offset, offset + length);
    const chunks = Array.from({ length: Math.ceil(body.length / (64 * 1024)) }, (_, i) => body.subarray(i * 64 * 1024, (i + 1) * 64 * 1024));
    offset = await store.write(Readable.from(chunks), id, offset);
    offsets.push(offset);
  }
  return { store, offsets };
};

const collect = async (stream: AsyncIterable<Uint8Array>) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
};

const implementations: [string, () => Promise<{ storage: WorksStorage; close(): Promise<void>; keys(): Promise<string[]> }>][] = [
  [
    'local directory',
    async () => {
      const directory = await mkdtemp(join(tmpdir(), 'leitai-storage-'));
      return { storage: localStorage(directory), close: () => rm(directory, { recursive: true, force: true }), keys: () => readdir(directory) };
    },
  ],
  [
    'S3 (s3rver, prefix works/)',
    async () => {
      const s3 = await startS3rver();
      const raw = new S3Client({
        region: 'us-east-1',
        endpoint: s3.endpoint,
        forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      });
      const keys = async () => ((await raw.send(new ListObjectsV2Command({ Bucket: s3.bucket }))).Contents ?? []).map((o) => o.Key!);
      return { storage: s3.storage('works'), close: s3.close, keys };
    },
  ],
];

describe.each(implementations)('WorksStorage: %s', (_name, open) => {
  let opened: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(async () => {
    await opened?.close();
  });

  // 12.5 MiB in three PATCHes: on S3 the first (3 MiB, under the 5 MiB minimum part) waits as <id>.part,
  // the second makes it a 7 MiB part, the third is the last part and completes the multipart upload.
  const bytes = randomBytes(12 * MiB + MiB / 2);
  const id = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

  it('stores an upload written in several PATCHes, hashing it on the way', async () => {
    const { saved, states } = memoryStates();
    const { store, offsets } = await upload(opened.storage, states, id, bytes, [3 * MiB, 4 * MiB, bytes.length - 7 * MiB]);
    expect(offsets).toEqual([3 * MiB, 7 * MiB, bytes.length]);
    expect(saved.get(id)?.bytes).toBe(bytes.length);
    expect(await digestState(saved.get(id)!.state)).toBe(sha256(bytes));
    expect((await store.getUpload(id)).offset).toBe(bytes.length);
    if (opened.storage.kind === 's3') expect((await opened.keys()).filter((key) => !key.endsWith('.info'))).toEqual([`works/${id}`]);
  });

  it('reads ranges for the probes, counting the bytes asked for', async () => {
    const source = await opened.storage.openSource(id);
    try {
      expect(source.size).toBe(bytes.length);
      const ranges: [number, number][] = [
        [0, 4096],
        [65_530, 20],
        [5 * MiB - 3, 2 * MiB],
        [bytes.length - 100, 1000],
        [17, 1],
      ];
      for (const [offset, length] of ranges) {
        expect(Buffer.from(await source.read(offset, length)).equals(bytes.subarray(offset, offset + length))).toBe(true);
      }
      expect(await source.read(bytes.length + 5, 10)).toHaveLength(0);
      const concurrent = await Promise.all([source.read(9 * MiB, 300), source.read(9 * MiB + 100, 300), source.read(11 * MiB, 70_000)]);
      expect(concurrent.map((b) => Buffer.from(b).toString('hex'))).toEqual(
        [bytes.subarray(9 * MiB, 9 * MiB + 300), bytes.subarray(9 * MiB + 100, 9 * MiB + 400), bytes.subarray(11 * MiB, 11 * MiB + 70_000)].map((b) =>
          b.toString('hex'),
        ),
      );
      expect(source.bytesRead).toBe(4096 + 20 + 2 * MiB + 100 + 1 + 300 + 300 + 70_000);
    } finally {
      await source.close();
    }
  });

  it('streams the whole file, reads it whole under a cap, and hashes it again', async () => {
    expect((await collect(opened.storage.readStream(id))).equals(bytes)).toBe(true);
    expect((await opened.storage.readAll(id, bytes.length)).equals(bytes)).toBe(true);
    await expect(opened.storage.readAll(id, bytes.length - 1)).rejects.toBeInstanceOf(StoredFileTooLarge);
    expect(await opened.storage.hashFallback(id)).toBe(sha256(bytes));
  });

  it('saves no hash state once a write found the state lost, so the end falls back to hashing the stored file', async () => {
    const { saved, states } = memoryStates();
    const small = randomBytes(300_000);
    const other = 'b1b2c3d4e5f60718293a4b5c6d7e8f90';
    const forgetful: HashStates = { load: async (key) => (saved.size === 1 ? undefined : states.load(key)), save: states.save };
    await upload(opened.storage, forgetful, other, small, [100_000, 100_000, 100_000]);
    expect(saved.get(other)?.bytes).toBe(100_000);
    expect(await opened.storage.hashFallback(other)).toBe(sha256(small));
  });

  it('probes a stored JPEG through openSource, and refuses a missing file as unreadable', async () => {
    const jpeg = await photo(1200, 800);
    await upload(opened.storage, memoryStates().states, 'c1b2c3d4e5f60718293a4b5c6d7e8f90', jpeg, [jpeg.length]);
    const probed = await probeStored(opened.storage, 'c1b2c3d4e5f60718293a4b5c6d7e8f90');
    expect(probed).toMatchObject({ ok: true, size: jpeg.length, facts: { kind: 'image', fileKind: 'jpeg', width: 1200, height: 800, hasExif: true } });
    expect(probed.bytesRead).toBeLessThan(jpeg.length);
    expect(await probeStored(opened.storage, 'd1b2c3d4e5f60718293a4b5c6d7e8f90')).toMatchObject({ ok: false, refusal: { code: 'file.unreadable' } });
    await expect(opened.storage.openSource('../etc/passwd')).rejects.toThrow('Not a storage key');
  });
  it('removes a finished and an unfinished upload with all the store keeps beside them, and a missing one quietly', async () => {
    const unfinished = 'f1b2c3d4e5f60718293a4b5c6d7e8f90';
    // 6 MiB of 12: on S3 an open multipart upload with one part, and the rest waiting as <id>.part.
    const store = opened.storage.datastore(memoryStates().states);
    await store.create(new Upload({ id: unfinished, size: bytes.length, offset: 0, metadata: {} }));
    expect(await store.write(Readable.from([bytes.subarray(0, 6 * MiB + 1000)]), unfinished, 0)).toBe(6 * MiB + 1000);
    const mentions = async (key: string) => (await opened.keys()).filter((name) => name.includes(key));
    expect((await mentions(unfinished)).length).toBeGreaterThan(0);
    await opened.storage.remove(id);
    await opened.storage.remove(unfinished);
    await opened.storage.remove('a0b2c3d4e5f60718293a4b5c6d7e8f90');
    expect([await mentions(id), await mentions(unfinished)]).toEqual([[], []]);
    await expect(collect(opened.storage.readStream(id))).rejects.toThrow();
    await expect(opened.storage.remove('../etc/passwd')).rejects.toThrow('Not a storage key');
  });
});

describe('S3 reads for the probes', () => {
  let s3: Awaited<ReturnType<typeof startS3rver>>;
  beforeAll(async () => {
    s3 = await startS3rver();
  });
  afterAll(async () => {
    await s3?.close();
  });

  it('serves many small sequential reads from a few ranged GETs', async () => {
    const storage = s3.storage();
    const bytes = randomBytes(3 * MiB);
    await upload(storage, memoryStates().states, 'e1b2c3d4e5f60718293a4b5c6d7e8f90', bytes, [bytes.length]);
    const source = (await storage.openSource('e1b2c3d4e5f60718293a4b5c6d7e8f90')) as RangedSource;
    for (let offset = 0; offset < MiB; offset += 4096)
      expect(Buffer.from(await source.read(offset, 4096)).equals(bytes.subarray(offset, offset + 4096))).toBe(true);
    // 64 KB, then 128 KB, 256 KB, 512 KB, 1 MB ahead: 256 reads, 5 requests.
    expect([source.bytesRead, source.requests]).toEqual([MiB, 5]);
    await source.read(bytes.length - 22, 22);
    expect(source.requests).toBe(6);
    await source.close();
  });
});
