import sharp from 'sharp';
import { afterEach, expect, it } from 'vitest';
import type { LeitaiApp } from '../platform/http/server.ts';
import { registerEntry } from '../registration/service.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { entryOf, newAccount, person, publishSeed } from '../../test/support/test-fixtures.ts';
import { cookieFor, movableClock, photo, send, startWorksServer } from '../../test/support/test-uploads.ts';
import { requireImage } from './thumbnail.ts';

let app: LeitaiApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describeOnDatabases('the thumbnail of a submitted image', (database) => {
  const uploaded = async () => {
    const clock = movableClock('2022-10-05T20:00:00+08:00');
    await publishSeed(database.db, '002');
    const server = await startWorksServer(database.db, clock);
    app = server.app;
    const account = await newAccount(database.db, '张悦');
    const entry = entryOf('002', { trackId: 'works', categoryId: 'graphic-design', entrantKind: 'individual', leader: person(1, { name: '张悦' }) });
    const registration = await registerEntry(database.db, 'yangquan-medical-e-voucher-works-2022', entry, { account, clock });
    const cookie = await cookieFor(database.db, account, clock);
    const sent = await send(server.base, cookie, await photo(1200, 800), { registrationId: registration.id, requirementId: 'image', filename: '海报.jpg' });
    const fileId = (sent.body as { file: { id: string } }).file.id;
    return { clock, cookie, url: `/api/works/files/${fileId}/thumbnail`, fileId };
  };

  it('is a JPEG of at most 320 px a side, in proportion, cached for good under the file’s id', async () => {
    const { cookie, url, fileId } = await uploaded();
    const reply = await app!.inject({ method: 'GET', url, headers: { cookie } });
    const { format, width, height } = await sharp(reply.rawPayload).metadata();
    expect([reply.statusCode, reply.headers['content-type'], reply.headers['cache-control'], reply.headers.etag, format, width, height]).toEqual([
      200,
      'image/jpeg',
      'private, max-age=31536000, immutable',
      `"thumb-${fileId}"`,
      'jpeg',
      320,
      213,
    ]);
    const again = await app!.inject({ method: 'GET', url, headers: { cookie, 'if-none-match': `"thumb-${fileId}"` } });
    expect([again.statusCode, again.rawPayload.length]).toEqual([304, 0]);
  });

  it('is refused to another participant (403) and to nobody (401), like the file itself', async () => {
    const { clock, url } = await uploaded();
    const stranger = await newAccount(database.db, '路人');
    const theirs = await app!.inject({ method: 'GET', url, headers: { cookie: await cookieFor(database.db, stranger, clock) } });
    const nobody = await app!.inject({ method: 'GET', url });
    expect([theirs.statusCode, nobody.statusCode]).toEqual([403, 401]);
  });
});

it('has none for a file that is not an image: 404 submission.no_thumbnail', () => {
  expect(() => requireImage('application/pdf')).toThrow(expect.objectContaining({ code: 'submission.no_thumbnail', status: 404 }));
  expect(() => requireImage(null)).toThrow(expect.objectContaining({ code: 'submission.no_thumbnail' }));
  expect(requireImage('image/png')).toBeUndefined();
});
