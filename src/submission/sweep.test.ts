import { createHash } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/service.ts';
import type { Account } from '../platform/auth/service.ts';
import type { LeitaiApp } from '../platform/http/server.ts';
import { testServer } from '../../test/support/test-server.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { registerEntry } from '../registration/service.ts';
import { entryOf, newAccount, person, publishSeed } from '../../test/support/test-fixtures.ts';
import { featureRoutes } from '../server.ts';
import { submissionRoutes } from './routes.ts';
import type { UploadLimits } from './service.ts';
import { sweepStorage } from './sweep.ts';
import { cookieFor, movableClock, photo, send, startWorksServer, testUploadLimits } from '../../test/support/test-uploads.ts';

let app: LeitaiApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const fileOf = (sent: { body: unknown }) => (sent.body as { file: { id: string; accepted: boolean } }).file;

describeOnDatabases('bounded storage', (database) => {
  const start = async (limits: UploadLimits = testUploadLimits) => {
    const clock = movableClock('2022-10-01T10:00:00+08:00');
    await publishSeed(database.db, '002');
    const server = await startWorksServer(database.db, clock, undefined, limits);
    app = server.app;
    const account: Account = await newAccount(database.db, '张悦');
    const entry = entryOf('002', { trackId: 'works', categoryId: 'graphic-design', entrantKind: 'individual', leader: person(1, { name: '张悦' }) });
    const registration = await registerEntry(database.db, 'yangquan-medical-e-voucher-works-2022', entry, { account, clock });
    const cookie = await cookieFor(database.db, account, clock);
    const sweep = () => sweepStorage(database.db, server.storage, clock, limits);
    // Signed in again: a month on, the first session has expired.
    const download = async (fileId: string) =>
      server.app.inject({ method: 'GET', url: `/api/works/files/${fileId}/content`, headers: { cookie: await cookieFor(database.db, account, clock) } });
    return { ...server, clock, cookie, sweep, download, metadata: { registrationId: registration.id, requirementId: 'image', filename: '海报.jpg' } };
  };

  it('sweeps an unfinished upload once it has expired, its bytes and its record, and refuses to go on with it', async () => {
    const { base, cookie, metadata, clock, sweep, storage } = await start();
    const bytes = await photo(1600, 1200);
    const first = await send(base, cookie, bytes, metadata, { stopAfter: 64 * 1024 });
    const { id } = await database.db.selectFrom('uploads').select('id').executeTakeFirstOrThrow();
    clock.set('2022-10-02T09:59:00+08:00');
    expect(await sweep()).toEqual({ expiredUploads: 0, purgedFiles: 0, bytesFreed: 0, failures: [] });

    clock.set('2022-10-02T10:01:00+08:00');
    const patch = await fetch(new URL(first.url!, base), {
      method: 'PATCH',
      headers: { cookie, 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
      body: bytes,
    });
    expect([patch.status, (await patch.json()).error.code]).toEqual([410, 'upload.expired']);
    // tus-js-client, told the upload is gone, starts a new one.
    const again = await send(base, cookie, bytes, metadata, { uploadUrl: first.url! });
    expect(fileOf(again).accepted).toBe(true);
    expect(await sweep()).toEqual({ expiredUploads: 1, purgedFiles: 0, bytesFreed: bytes.length, failures: [] });
    expect(await database.db.selectFrom('uploads').select('id').where('id', '=', id).execute()).toEqual([]);
    await expect(storage.openSource(id)).rejects.toThrow();
    expect(await sweep()).toEqual({ expiredUploads: 0, purgedFiles: 0, bytesFreed: 0, failures: [] });
  });

  it('deletes a refused version’s bytes after the retention, keeps its record and hash, answers its download 410, and keeps the accepted one', async () => {
    const { base, cookie, metadata, clock, sweep, download } = await start();
    const small = await photo(640, 480);
    const poster = await photo(1200, 800);
    const refused = fileOf(await send(base, cookie, small, metadata));
    const accepted = fileOf(await send(base, cookie, poster, metadata));
    expect([refused.accepted, accepted.accepted]).toEqual([false, true]);

    clock.set('2022-10-31T09:59:00+08:00');
    expect((await sweep()).purgedFiles).toBe(0);
    clock.set('2022-10-31T10:01:00+08:00');
    expect(await sweep()).toEqual({ expiredUploads: 0, purgedFiles: 1, bytesFreed: small.length, failures: [] });
    expect(await sweep()).toEqual({ expiredUploads: 0, purgedFiles: 0, bytesFreed: 0, failures: [] });

    const row = await database.db
      .selectFrom('submission_files')
      .select(['sha256', 'size', 'problems', 'bytes_purged_at'])
      .where('id', '=', refused.id)
      .executeTakeFirstOrThrow();
    expect([row.sha256, row.size, row.bytes_purged_at?.toISOString()]).toEqual([sha256(small), small.length, '2022-10-31T02:01:00.000Z']);
    expect((row.problems as { code: string }[]).map((p) => p.code)).toEqual(['file.image.too_small']);
    const gone = await download(refused.id);
    expect([gone.statusCode, gone.json().error.code, gone.json().error.message.zh]).toEqual([
      410,
      'submission.file_purged',
      '该文件未通过检查，其内容已按保留期限删除；文件记录与 SHA-256 仍保留',
    ]);
    const kept = await download(accepted.id);
    expect([kept.statusCode, sha256(kept.rawPayload)]).toEqual([200, sha256(poster)]);
    const events = await database.db
      .selectFrom('audit_events')
      .select(['type', 'actor', 'payload'])
      .where('type', '=', 'submission.file_bytes_purged')
      .execute();
    expect(events).toEqual([
      {
        type: 'submission.file_bytes_purged',
        actor: 'system',
        payload: { registrationId: metadata.registrationId, fileId: refused.id, size: small.length, sha256: sha256(small), retentionDays: 30 },
      },
    ]);
    expect((await verifyAuditLog(database.db)).every((chain) => chain.ok)).toBe(true);
  });

  it('refuses an upload that would pass the entry’s quota, saying the quota and the usage; an expired upload stops counting', async () => {
    const poster = await photo(1200, 800);
    const quota = Math.floor(poster.length * 2.5);
    const { base, cookie, metadata, clock } = await start({ ...testUploadLimits, entryQuotaBytes: quota });
    expect(fileOf(await send(base, cookie, poster, metadata)).accepted).toBe(true);
    await send(base, cookie, poster, metadata, { stopAfter: 64 * 1024 });

    const refused = await send(base, cookie, poster, metadata);
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    expect([refused.error?.status, JSON.parse(refused.error!.body).error]).toEqual([
      413,
      {
        code: 'upload.quota_exceeded',
        message: {
          zh: `本作品已占用 ${mb(2 * poster.length)} MB，加上此文件 ${mb(poster.length)} MB 将超过每个作品 ${mb(quota)} MB 的存储限额`,
          en: `This entry already holds ${mb(2 * poster.length)} MB; with this ${mb(poster.length)} MB file it would pass its ${mb(quota)} MB storage quota`,
        },
        problems: [],
      },
    ]);
    expect(await database.db.selectFrom('uploads').select('id').execute()).toHaveLength(2);

    clock.set('2022-10-02T10:01:00+08:00');
    expect(fileOf(await send(base, cookie, poster, metadata)).accepted).toBe(true);
  });

  it('sweeps when the server starts, and its close waits for the sweep', async () => {
    const clock = movableClock('2022-10-01T10:00:00+08:00');
    // The local store, which outlives the first server (its s3rver would stop with it).
    const server = await startWorksServer(database.db, clock, 'local');
    await publishSeed(database.db, '002');
    const account = await newAccount(database.db, '张悦');
    const entry = entryOf('002', { trackId: 'works', categoryId: 'graphic-design', entrantKind: 'individual', leader: person(1, { name: '张悦' }) });
    const registration = await registerEntry(database.db, 'yangquan-medical-e-voucher-works-2022', entry, { account, clock });
    await send(
      server.base,
      await cookieFor(database.db, account, clock),
      await photo(1200, 800),
      { registrationId: registration.id, requirementId: 'image', filename: 'a.jpg' },
      { stopAfter: 64 * 1024 },
    );
    await server.app.close();

    clock.set('2022-10-03T10:00:00+08:00');
    app = await testServer(database.db, {
      clock,
      registerRoutes: [...featureRoutes, submissionRoutes({ storage: server.storage, limits: testUploadLimits, sweepEveryMinutes: 60 })],
    });
    await app.ready();
    await app.close();
    app = undefined;
    expect(await database.db.selectFrom('uploads').select('id').execute()).toEqual([]);
  });
});
