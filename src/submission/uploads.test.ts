import { createHash } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/service.ts';
import type { Account } from '../platform/auth/service.ts';
import type { Clock } from '../platform/clock.ts';
import type { LeitaiApp } from '../platform/http/server.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { registerEntry } from '../registration/service.ts';
import { entryOf, newAccount, person, publishSeed } from '../../test/support/test-fixtures.ts';
import type { WorksStorage } from './storage.ts';
import { cookieFor, movableClock, photo, send, startWorksServer } from '../../test/support/test-uploads.ts';

let app: LeitaiApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/**
 * A stored file read back in ranges as a browser asks (a video seeking, Safari's first `bytes=0-1`), shown
 * in the page with inline=1, and an impossible range answered 416 with the size.
 */
const expectRangesServed = async (url: string, cookie: string, bytes: Buffer) => {
  const get = (query: string, range?: string) => app!.inject({ method: 'GET', url: `${url}${query}`, headers: { cookie, ...(range ? { range } : {}) } });
  const middle = await get('', 'bytes=1000-1999');
  expect([middle.statusCode, middle.headers['content-range'], middle.headers['content-length']]).toEqual([206, `bytes 1000-1999/${bytes.length}`, '1000']);
  expect(middle.rawPayload.equals(bytes.subarray(1000, 2000))).toBe(true);
  const tail = await get('', 'bytes=-10');
  expect(tail.rawPayload.equals(bytes.subarray(bytes.length - 10))).toBe(true);
  const inline = await get('?inline=1', 'bytes=0-1');
  expect([inline.statusCode, inline.headers['content-disposition'], inline.rawPayload.length]).toEqual([
    206,
    "inline; filename*=UTF-8''%E6%B5%B7%E6%8A%A5.jpg",
    2,
  ]);
  const beyond = await get('', `bytes=${bytes.length + 10}-`);
  expect([beyond.statusCode, beyond.headers['content-range']]).toEqual([416, `bytes */${bytes.length}`]);
};

describeOnDatabases('uploading works', (database) => {
  const start = async (clock: Clock, storage?: WorksStorage['kind']) => {
    await publishSeed(database.db, '002');
    const server = await startWorksServer(database.db, clock, storage);
    app = server.app;
    const base = server.base;
    const account: Account = await newAccount(database.db, '张悦');
    const entry = entryOf('002', { trackId: 'works', categoryId: 'graphic-design', entrantKind: 'individual', leader: person(1, { name: '张悦' }) });
    const registration = await registerEntry(database.db, 'yangquan-medical-e-voucher-works-2022', entry, { account, clock });
    return {
      base,
      cookie: await cookieFor(database.db, account, clock),
      registration,
      metadata: { registrationId: registration.id, requirementId: 'image', filename: '海报.jpg' },
    };
  };

  it('accepts a JPEG that meets 平面设计类, with its SHA-256 computed while streaming', async () => {
    const clock = movableClock('2022-10-05T20:00:00+08:00');
    const { base, cookie, metadata, registration } = await start(clock);
    const bytes = await photo(1200, 800);
    const sent = await send(base, cookie, bytes, metadata);
    expect(sent.error).toBeUndefined();
    expect(sent.body).toMatchObject({
      file: {
        accepted: true,
        fileKind: 'jpeg',
        fileName: '海报.jpg',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        problems: [],
      },
    });
    const upload = await database.db.selectFrom('uploads').selectAll().executeTakeFirstOrThrow();
    expect(upload.hashed_bytes).toBe(bytes.length);
    const works = await app!.inject({ method: 'GET', url: `/api/registrations/${registration.id}/works`, headers: { cookie } });
    expect(works.json().works.files[0].status).toBe('done');
    expect((await verifyAuditLog(database.db)).every((chain) => chain.ok)).toBe(true);

    // tus termination must not delete a submitted file: only Leitai's own removal supersedes it.
    const terminate = await fetch(new URL(sent.url!, base), { method: 'DELETE', headers: { 'Tus-Resumable': '1.0.0', cookie } });
    expect(terminate.status).toBe(400);
    const download = await app!.inject({
      method: 'GET',
      url: `/api/works/files/${(sent.body as { file: { id: string } }).file.id}/content`,
      headers: { cookie },
    });
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
    await expectRangesServed(`/api/works/files/${(sent.body as { file: { id: string } }).file.id}/content`, cookie, bytes);
  });

  it('records a file that breaks the rules as refused, with the measured value', async () => {
    const clock = movableClock('2022-10-01T10:00:00+08:00');
    const { base, cookie, metadata } = await start(clock);
    const sent = await send(base, cookie, await photo(640, 480), metadata);
    expect(sent.body).toMatchObject({
      file: { accepted: false, problems: [{ code: 'file.image.too_small', message: { zh: '图片长边 640 像素，要求不少于 800 像素' } }] },
    });
  });

  it('resumes an upload after a dropped connection, from where it stopped, with the same hash', async () => {
    const clock = movableClock('2022-10-01T10:00:00+08:00');
    const { base, cookie, metadata } = await start(clock);
    const bytes = await photo(1600, 1200);
    const first = await send(base, cookie, bytes, metadata, { stopAfter: 128 * 1024 });
    expect(first.url).not.toBeNull();
    const partial = await database.db.selectFrom('uploads').select(['hashed_bytes', 'completed_at']).executeTakeFirstOrThrow();
    expect(partial.completed_at).toBeNull();
    expect(partial.hashed_bytes).toBeGreaterThan(0);
    const rest = await send(base, cookie, bytes, metadata, { uploadUrl: first.url! });
    expect(rest.body).toMatchObject({ file: { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') } });
  });

  it('honours the deadline for an upload begun before it, within the grace period, and refuses one begun after', async () => {
    const clock = movableClock('2022-10-05T23:58:00+08:00');
    const { base, cookie, metadata } = await start(clock);
    const bytes = await photo(1200, 800);
    const first = await send(base, cookie, bytes, metadata, { stopAfter: 64 * 1024 });
    clock.set('2022-10-06T00:30:00+08:00');
    const finished = await send(base, cookie, bytes, metadata, { uploadUrl: first.url! });
    expect(finished.body).toMatchObject({ file: { accepted: true, uploadStartedAt: '2022-10-05T15:58:00.000Z' } });

    const late = await send(base, cookie, bytes, metadata);
    expect(late.error?.status).toBe(409);
    expect(JSON.parse(late.error!.body).error.code).toBe('submission.closed');
  });

  it('stops an upload begun in time once the grace period is over', async () => {
    const clock = movableClock('2022-10-05T23:59:00+08:00');
    const { base, cookie, metadata } = await start(clock);
    const bytes = await photo(1200, 800);
    const first = await send(base, cookie, bytes, metadata, { stopAfter: 64 * 1024 });
    clock.set('2022-10-06T02:00:00+08:00');
    const rest = await send(base, cookie, bytes, metadata, { uploadUrl: first.url! });
    expect(rest.error?.status).toBe(409);
    expect(JSON.parse(rest.error!.body).error.code).toBe('upload.deadline_passed');
  });

  it('refuses an upload to someone else’s entry, an unknown requirement, and an empty file', async () => {
    const clock = movableClock('2022-10-01T10:00:00+08:00');
    const { base, metadata, cookie } = await start(clock);
    const stranger = await newAccount(database.db, '路人');
    const strangerCookie = await cookieFor(database.db, stranger, clock);
    const bytes = await photo(1200, 800);
    expect((await send(base, strangerCookie, bytes, metadata)).error?.status).toBe(403);
    const unknown = await send(base, cookie, bytes, { ...metadata, requirementId: 'sculpture' });
    expect(JSON.parse(unknown.error!.body).error.code).toBe('submission.unknown_requirement');
    const empty = await send(base, cookie, Buffer.alloc(0), metadata);
    expect(JSON.parse(empty.error!.body).error.code).toBe('file.empty');
  });

  it('does the same on S3-compatible storage (s3rver): streams and hashes, resumes after a dropped connection, serves the download', async () => {
    const clock = movableClock('2022-10-01T10:00:00+08:00');
    const { base, cookie, metadata } = await start(clock, 's3');
    const bytes = await photo(1600, 1200);
    const first = await send(base, cookie, bytes, metadata, { stopAfter: 128 * 1024 });
    expect((await database.db.selectFrom('uploads').select('hashed_bytes').executeTakeFirstOrThrow()).hashed_bytes).toBeGreaterThan(0);
    const rest = await send(base, cookie, bytes, metadata, { uploadUrl: first.url! });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(rest.body).toMatchObject({ file: { accepted: true, fileKind: 'jpeg', size: bytes.length, sha256 } });
    expect((await database.db.selectFrom('uploads').select('hashed_bytes').executeTakeFirstOrThrow()).hashed_bytes).toBe(bytes.length);
    const download = await app!.inject({
      method: 'GET',
      url: `/api/works/files/${(rest.body as { file: { id: string } }).file.id}/content`,
      headers: { cookie },
    });
    expect([download.statusCode, download.headers['content-type'], createHash('sha256').update(download.rawPayload).digest('hex')]).toEqual([
      200,
      'image/jpeg',
      sha256,
    ]);
    await expectRangesServed(`/api/works/files/${(rest.body as { file: { id: string } }).file.id}/content`, cookie, bytes);
  });
});
