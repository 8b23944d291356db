import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterEach, expect, it } from 'vitest';
import type { Clock } from '../platform/clock.ts';
import type { LeitaiApp } from '../platform/http/server.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { registerEntry } from '../registration/service.ts';
import { entryOf, newAccount, person, publishSeed } from '../../test/support/test-fixtures.ts';
import { bufferSource } from './probes/byte-source.ts';
import { readStoredEntry, readZipDirectory } from './probes/zip.ts';
import { cookieFor, movableClock, photo, send, startWorksServer } from '../../test/support/test-uploads.ts';

let app: LeitaiApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const contestId = 'yangquan-medical-e-voucher-works-2022';

describeOnDatabases('an entry’s works, from checklist to the organiser’s zip', (database) => {
  const setUp = async (clock: Clock) => {
    await publishSeed(database.db, '002');
    const server = await startWorksServer(database.db, clock);
    app = server.app;
    const organiser = await newAccount(database.db, '主办方', [{ role: 'organiser', contestId }]);
    const entrant = async (n: number, name: string, categoryId: string, title: string) => {
      const account = await newAccount(database.db, name);
      const entry = entryOf('002', { trackId: 'works', categoryId, entrantKind: 'individual', title, leader: person(n, { name }) });
      const registration = await registerEntry(database.db, contestId, entry, { account, clock });
      return { registration, cookie: await cookieFor(database.db, account, clock) };
    };
    return { base: server.base, organiser: await cookieFor(database.db, organiser, clock), entrant };
  };
  const works = async (id: string, cookie: string) =>
    (await app!.inject({ method: 'GET', url: `/api/registrations/${id}/works`, headers: { cookie } })).json().works;

  it('turns a text requirement green when its value fits, and refuses 21 字 for a 20-字 slogan', async () => {
    const clock = movableClock('2022-10-01T10:00:00+08:00');
    const { entrant } = await setUp(clock);
    const { registration, cookie } = await entrant(1, '王芳', 'copywriting', '扫码就医');
    expect((await works(registration.id, cookie)).fields[0]).toMatchObject({ status: 'missing', value: null });
    const tooLong = await app!.inject({
      method: 'PUT',
      url: `/api/registrations/${registration.id}/works/fields/copy`,
      headers: { cookie },
      payload: { value: '扫码就医不排队，医保电子凭证真方便又快捷！' },
    });
    expect([tooLong.statusCode, tooLong.json().error.code, tooLong.json().error.message.zh]).toEqual([
      422,
      'field.too_long',
      '文案（20 字以内） 21 字，要求不超过 20 字',
    ]);
    const fits = await app!.inject({
      method: 'PUT',
      url: `/api/registrations/${registration.id}/works/fields/copy`,
      headers: { cookie },
      payload: { value: '扫码就医不排队' },
    });
    expect(fits.json().works).toMatchObject({ complete: true, fields: [{ status: 'done', value: '扫码就医不排队' }] });
  });

  it('lets the entrant remove a file, which stays on record but leaves the checklist', async () => {
    const clock = movableClock('2022-10-01T10:00:00+08:00');
    const { base, entrant } = await setUp(clock);
    const { registration, cookie } = await entrant(1, '张悦', 'graphic-design', '一码通行');
    const sent = await send(base, cookie, await photo(1200, 800), { registrationId: registration.id, requirementId: 'image', filename: 'a.jpg' });
    const fileId = (sent.body as { file: { id: string } }).file.id;
    expect((await app!.inject({ method: 'DELETE', url: `/api/works/files/${fileId}`, headers: { cookie } })).statusCode).toBe(204);
    expect((await works(registration.id, cookie)).files[0]).toMatchObject({ status: 'missing', files: [] });
    const kept = await database.db.selectFrom('submission_files').select(['id', 'superseded_at']).executeTakeFirstOrThrow();
    expect(kept.id).toBe(fileId);
    expect(kept.superseded_at).not.toBeNull();
  });

  it('flags a resized, re-compressed copy of another entrant’s poster, and not a different poster', async () => {
    const clock = movableClock('2022-10-01T10:00:00+08:00');
    const { base, entrant, organiser } = await setUp(clock);
    const original = await photo(1600, 1200);
    const copy = await sharp(original)
      .resize(1000, 750)
      .jpeg({ quality: 60 })
      .withExif({ IFD0: { Make: 'Apple' } })
      .toBuffer();
    const other = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#ffffff' } })
      .composite([
        {
          input: Buffer.from(
            '<svg width="1200" height="900"><circle cx="300" cy="450" r="250" fill="#1a5"/><rect x="700" y="100" width="400" height="700" fill="#c22"/></svg>',
          ),
        },
      ])
      .jpeg()
      .withExif({ IFD0: { Make: 'Nikon' } })
      .toBuffer();
    const a = await entrant(1, '张悦', 'graphic-design', '一码通行');
    const b = await entrant(2, '李四', 'graphic-design', '医保便民');
    const c = await entrant(3, '赵六', 'graphic-design', '健康同行');
    for (const [who, bytes] of [
      [a, original],
      [b, copy],
      [c, other],
    ] as const) {
      const sent = await send(base, who.cookie, bytes, { registrationId: who.registration.id, requirementId: 'image', filename: 'poster.jpg' });
      expect((sent.body as { file: { accepted: boolean } }).file.accepted).toBe(true);
    }
    const report = await app!.inject({ method: 'GET', url: `/api/contests/${contestId}/originality`, headers: { cookie: organiser } });
    expect(
      report
        .json()
        .pairs.map((p: { kind: string; a: { ref: string; title: string }; b: { ref: string; title: string } }) => [
          p.kind,
          p.a.ref,
          p.a.title,
          p.b.ref,
          p.b.title,
        ]),
    ).toEqual([['image', 'YMEV22-0001', '一码通行', 'YMEV22-0002', '医保便民']]);
    expect((await app!.inject({ method: 'GET', url: `/api/contests/${contestId}/originality`, headers: { cookie: a.cookie } })).statusCode).toBe(403);
  });

  it('exports a division as a zip named by 作品类别+名称+作者姓名+联系电话, with a manifest of hashes', async () => {
    const clock = movableClock('2022-10-01T10:00:00+08:00');
    const { base, entrant, organiser } = await setUp(clock);
    const poster = await photo(1200, 800);
    const a = await entrant(1, '张悦', 'graphic-design', '一码通行');
    await send(base, a.cookie, poster, { registrationId: a.registration.id, requirementId: 'image', filename: 'IMG_0001.JPG' });

    const reply = await app!.inject({
      method: 'GET',
      url: `/api/contests/${contestId}/works.zip?division=works/graphic-design`,
      headers: { cookie: organiser },
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toBe('application/zip');
    const zip = bufferSource(reply.rawPayload);
    const directory = await readZipDirectory(zip, 'zip');
    expect(directory.entries.map((e) => e.name)).toEqual(['YMEV22-0001/平面设计类+一码通行+张悦+13900000001.jpg', 'manifest.csv']);
    const stored = await readStoredEntry(zip, directory.entries[0]!, 'zip', 10_000_000);
    expect(createHash('sha256').update(stored).digest('hex')).toBe(createHash('sha256').update(poster).digest('hex'));
    const manifest = new TextDecoder().decode(await readStoredEntry(zip, directory.entries[1]!, 'zip', 1_000_000));
    expect(manifest.replace('\uFEFF', '').trim().split('\n')).toEqual([
      'ref,title,entrant,requirement,file,original_name,size,sha256,accepted',
      `YMEV22-0001,一码通行,张悦,平面设计作品（JPEG）,YMEV22-0001/平面设计类+一码通行+张悦+13900000001.jpg,IMG_0001.JPG,${poster.length},${createHash('sha256').update(poster).digest('hex')},yes`,
    ]);
    expect(
      (await app!.inject({ method: 'GET', url: `/api/contests/${contestId}/works.zip?division=works/graphic-design`, headers: { cookie: a.cookie } }))
        .statusCode,
    ).toBe(403);
  });

  it('writes titles and file names that a spreadsheet would run as formulas into the manifest as text', async () => {
    const clock = movableClock('2022-10-01T10:00:00+08:00');
    const { base, entrant, organiser } = await setUp(clock);
    const poster = await photo(1200, 800);
    const a = await entrant(1, '张悦', 'graphic-design', '=HYPERLINK("http://evil.example")');
    const b = await entrant(2, '李四', 'graphic-design', '@SUM(1+1)');
    await send(base, a.cookie, poster, { registrationId: a.registration.id, requirementId: 'image', filename: '+86.jpg' });
    await send(base, b.cookie, poster, { registrationId: b.registration.id, requirementId: 'image', filename: '-1.jpg' });

    const reply = await app!.inject({
      method: 'GET',
      url: `/api/contests/${contestId}/works.zip?division=works/graphic-design`,
      headers: { cookie: organiser },
    });
    const zip = bufferSource(reply.rawPayload);
    const directory = await readZipDirectory(zip, 'zip');
    const manifest = new TextDecoder().decode(await readStoredEntry(zip, directory.entries.at(-1)!, 'zip', 1_000_000));
    // ref, title, original_name and size of each row; the size is still a number.
    const rows = manifest
      .replace('\uFEFF', '')
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => row.split(','))
      .map((cells) => [cells[0], cells[1], cells[5], cells[6]]);
    expect(rows).toEqual([
      ['YMEV22-0001', '"\'=HYPERLINK(""http://evil.example"")"', "'+86.jpg", String(poster.length)],
      ['YMEV22-0002', "'@SUM(1+1)", "'-1.jpg", String(poster.length)],
    ]);
  });
});
