/** Test helpers for uploads: a clock to move, photos made with sharp, and tus-js-client as the page uses it. */
import sharp from 'sharp';
import * as tus from 'tus-js-client';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { openSession, type Account } from '../../src/platform/auth/service.ts';
import type { Clock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/db-types.ts';
import { testServer } from './test-server.ts';
import { featureRoutes } from '../../src/server.ts';
import { submissionRoutes } from '../../src/submission/routes.ts';
import type { UploadLimits } from '../../src/submission/service.ts';
import { localStorage, type WorksStorage } from '../../src/submission/storage.ts';
import { startS3rver } from './test-s3.ts';

/** The limits of the works servers of tests: the defaults of config.ts, with a 50 MiB file. */
export const testUploadLimits: UploadLimits = {
  maxBytes: 50 * 1024 * 1024,
  graceMinutes: 120,
  expiryHours: 24,
  entryQuotaBytes: 10240 * 1024 * 1024,
  refusedRetentionDays: 30,
};

/** A clock the test moves, to cross the deadline in the middle of an upload. */
export const movableClock = (iso: string) => {
  let now = new Date(iso);
  const clock: Clock & { set(iso: string): void } = { now: () => new Date(now), set: (next) => (now = new Date(next)) };
  return clock;
};

/** A JPEG of noise: large for its size in pixels, so uploads take several chunks. */
export const photo = (width: number, height: number, exif = true) => {
  const image = sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg({
    quality: 90,
  });
  return (exif ? image.withExif({ IFD0: { Make: 'Canon', Model: 'EOS R6' } }) : image).toBuffer();
};

export interface Sent {
  url: string | null;
  body: unknown;
  error?: { status: number; body: string };
}

/** Sends bytes with tus-js-client as the page does; `stopAfter` aborts after that many bytes, like a dropped connection. */
export const send = (base: string, cookie: string, bytes: Buffer, metadata: Record<string, string>, options: { uploadUrl?: string; stopAfter?: number } = {}) =>
  new Promise<Sent>((resolve) => {
    const upload: tus.Upload = new tus.Upload(bytes, {
      endpoint: `${base}/api/uploads`,
      uploadUrl: options.uploadUrl,
      metadata,
      headers: { cookie },
      chunkSize: 64 * 1024,
      retryDelays: null as unknown as number[],
      storeFingerprintForResuming: false,
      onChunkComplete: (_chunk, sent) => {
        if (options.stopAfter !== undefined && sent >= options.stopAfter) {
          void upload.abort().then(() => resolve({ url: upload.url, body: null }));
        }
      },
      onSuccess: (payload) => resolve({ url: upload.url, body: JSON.parse(payload.lastResponse.getBody() || 'null') }),
      onError: (error) => {
        const response = (error as tus.DetailedError).originalResponse;
        resolve({ url: upload.url, body: null, error: { status: response?.getStatus() ?? 0, body: response?.getBody() ?? String(error) } });
      },
    });
    upload.start();
  });

/**
 * A listening server with the works routes, as the page talks to it, over a fresh upload directory —
 * or over a bucket of s3rver (an S3 emulator started for this server and stopped with it): asked for,
 * or for every upload test with LEITAI_TEST_STORAGE=s3 in the environment.
 */
export const startWorksServer = async (
  db: Kysely<Database>,
  clock: Clock,
  kind: WorksStorage['kind'] = process.env.LEITAI_TEST_STORAGE === 's3' ? 's3' : 'local',
  limits = testUploadLimits,
) => {
  const s3 = kind === 's3' ? await startS3rver() : undefined;
  const storage: WorksStorage = s3 ? s3.storage('uploads') : localStorage(await mkdtemp(join(tmpdir(), 'leitai-uploads-')));
  const stopS3 = async (app: { addHook(name: 'onClose', hook: () => Promise<void>): unknown }) => void (s3 && app.addHook('onClose', s3.close));
  const app = await testServer(db, { clock, registerRoutes: [...featureRoutes, submissionRoutes({ storage, limits }), stopS3] });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return { app, storage, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
};

export const cookieFor = async (db: Kysely<Database>, account: Account, clock: Clock) => `leitai_session=${(await openSession(db, account.id, clock)).token}`;
