import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Account } from '../platform/auth/service.ts';
import { errorReplySchema } from '../platform/http/error-reply.ts';
import type { LeitaiApp } from '../platform/http/server.ts';
import { testServer } from '../../test/support/test-server.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { registerEntry } from '../registration/service.ts';
import { entryOf, newAccount, person, publishSeed } from '../../test/support/test-fixtures.ts';
import { featureRoutes } from '../server.ts';
import { submissionRoutes } from './routes.ts';
import { localStorage, type WorksStorage } from './storage.ts';
import { cookieFor, movableClock, startWorksServer, testUploadLimits } from '../../test/support/test-uploads.ts';

let app: LeitaiApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const metadataHeader = (metadata: Record<string, string>) =>
  Object.entries(metadata)
    .map(([key, value]) => `${key} ${Buffer.from(value, 'utf8').toString('base64')}`)
    .join(',');

/** The status, code, problem codes and content type of a refusal, after checking it has the one error shape. */
const refusal = async (response: Response) => {
  const text = await response.text();
  const body = errorReplySchema.parse(JSON.parse(text));
  return {
    status: response.status,
    code: body.error.code,
    problems: body.error.problems.map((p) => `${p.path ?? ''}:${p.code}`),
    json: response.headers.get('content-type'),
    text,
  };
};

describeOnDatabases('tus refusals', (database) => {
  const start = async (storage?: WorksStorage) => {
    const clock = movableClock('2022-10-01T10:00:00+08:00');
    await publishSeed(database.db, '002');
    let base: string;
    if (storage) {
      app = await testServer(database.db, { clock, registerRoutes: [...featureRoutes, submissionRoutes({ storage, limits: testUploadLimits })] });
      await app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    } else {
      const server = await startWorksServer(database.db, clock);
      app = server.app;
      base = server.base;
    }
    const account: Account = await newAccount(database.db, '张悦');
    const entry = entryOf('002', { trackId: 'works', categoryId: 'graphic-design', entrantKind: 'individual', leader: person(1, { name: '张悦' }) });
    const registration = await registerEntry(database.db, 'yangquan-medical-e-voucher-works-2022', entry, { account, clock });
    const cookie = await cookieFor(database.db, account, clock);
    const metadata = { registrationId: registration.id, requirementId: 'image', filename: '海报.jpg' };
    const create = (headers: Record<string, string>) =>
      fetch(`${base}/api/uploads`, { method: 'POST', headers: { cookie, 'Tus-Resumable': '1.0.0', ...headers } });
    return { base, cookie, metadata, create };
  };

  it('answers protocol refusals in the one JSON shape, with a code for each', async () => {
    const { cookie, metadata, create, base } = await start();
    const noVersion = await fetch(`${base}/api/uploads`, {
      method: 'POST',
      headers: { cookie, 'Upload-Length': '10', 'Upload-Metadata': metadataHeader(metadata) },
    });
    expect(await refusal(noVersion)).toMatchObject({ status: 412, code: 'upload.protocol_version', json: 'application/json; charset=utf-8' });
    expect(await refusal(await create({ 'Upload-Length': '-1', 'Upload-Metadata': metadataHeader(metadata) }))).toMatchObject({
      status: 400,
      code: 'upload.invalid_length',
      problems: ['upload-length:upload.invalid_length'],
    });
    expect(await refusal(await create({ 'Upload-Metadata': metadataHeader(metadata) }))).toMatchObject({ status: 400, code: 'upload.invalid_length' });
    expect(await refusal(await create({ 'Upload-Length': '10', 'Upload-Metadata': 'filename ***' }))).toMatchObject({
      status: 400,
      code: 'upload.invalid_metadata',
      problems: ['upload-metadata:upload.invalid_metadata'],
    });
    expect(await refusal(await create({ 'Upload-Length': String(51 * 1024 * 1024), 'Upload-Metadata': metadataHeader(metadata) }))).toMatchObject({
      status: 413,
      code: 'upload.too_large',
    });

    const created = await create({ 'Upload-Length': '10', 'Upload-Metadata': metadataHeader(metadata) });
    expect(created.status).toBe(201);
    const url = new URL(created.headers.get('location')!, base);
    const patch = (offset: number, bytes: number) =>
      fetch(url, {
        method: 'PATCH',
        headers: { cookie, 'Tus-Resumable': '1.0.0', 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
        body: Buffer.alloc(bytes, 1),
      });
    expect(await refusal(await patch(4, 2))).toMatchObject({ status: 409, code: 'upload.offset_conflict' });
    expect(await refusal(await patch(0, 11))).toMatchObject({ status: 413, code: 'upload.too_large' });
    expect(
      await refusal(
        await fetch(new URL('/api/uploads/no-such-upload', base), {
          method: 'PATCH',
          headers: { cookie, 'Tus-Resumable': '1.0.0', 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
          body: Buffer.alloc(1),
        }),
      ),
    ).toMatchObject({ status: 404, code: 'upload.not_found' });
  });

  it('refuses metadata with a NUL, a control character or a bidi override before it reaches the database', async () => {
    const { create, metadata } = await start();
    for (const [key, value, path] of [
      ['registrationId', `${metadata.registrationId}\u0000`, 'metadata.registrationId:upload.invalid_metadata'],
      ['requirementId', 'image\u0000', 'metadata.requirementId:upload.invalid_metadata'],
      ['filename', '海报\u0000.jpg', 'metadata.filename:text.invalid_character'],
      ['filename', '海报\u0007.jpg', 'metadata.filename:text.invalid_character'],
      ['filename', 'poster\u202Egpj.exe', 'metadata.filename:text.invalid_character'],
    ] as const) {
      const reply = await refusal(await create({ 'Upload-Length': '10', 'Upload-Metadata': metadataHeader({ ...metadata, [key]: value }) }));
      expect([reply.status, reply.code, reply.problems]).toEqual([400, 'upload.invalid_metadata', [path]]);
    }
    // UTF-8 cannot carry a lone surrogate: tus decodes the bytes of one as U+FFFD, which is stored as it shows.
    expect(await database.db.selectFrom('uploads').select('id').execute()).toEqual([]);
  });

  it('answers an unexpected failure as `internal`, without the words of the error', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'leitai-uploads-'));
    const local = localStorage(directory);
    const failing: WorksStorage = {
      ...local,
      datastore: (states) => {
        const store = local.datastore(states);
        store.create = async () => {
          throw new Error('relation "uploads_secret" does not exist');
        };
        return store;
      },
    };
    const { create, metadata } = await start(failing);
    const reply = await refusal(await create({ 'Upload-Length': '10', 'Upload-Metadata': metadataHeader(metadata) }));
    expect([reply.status, reply.code, reply.text.includes('uploads_secret')]).toEqual([500, 'internal', false]);
  });
});
