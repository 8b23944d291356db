import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { contestWithEntries, voteOpenAround } from '../../../test/support/vote-fixtures.ts';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { newAccount } from '../../../test/support/test-fixtures.ts';
import { testServer } from '../../../test/support/test-server.ts';
import { openSession } from '../../platform/auth/service.ts';
import { fixedClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db-types.ts';
import { localStorage } from '../../submission/storage.ts';
import { showcaseRoutes } from './routes.ts';

/** 000's vote runs from 2025-09-12 to the 16th (as its definition has it here: around this day). */
const duringVote = fixedClock('2025-09-14T10:00:00+08:00');
const beforeVote = fixedClock('2025-09-12T23:59:59+08:00');

/** A picture handed in and accepted for an entry: its bytes in the storage folder and its row. */
async function handedIn(
  db: Kysely<Database>,
  where: { folder: string; contestId: string; uploader: string },
  registrationId: string,
  extra: { accepted?: boolean; fileName?: string } = {},
) {
  const id = randomUUID();
  const bytes = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#1d3f6e' } })
    .jpeg()
    .toBuffer();
  writeFileSync(join(where.folder, id), bytes);
  await db
    .insertInto('submission_files')
    .values({
      id,
      contest_id: where.contestId,
      registration_id: registrationId,
      requirement_id: 'work',
      definition_version: 1,
      file_name: extra.fileName ?? '海报.jpg',
      file_kind: 'jpeg',
      media_type: 'image/jpeg',
      size: bytes.length,
      sha256: 'a'.repeat(64),
      storage_key: id,
      accepted: extra.accepted ?? true,
      problems: '[]',
      facts: null,
      fingerprint: null,
      upload_started_at: new Date('2025-06-01T02:00:00Z'),
      uploaded_by: where.uploader,
      superseded_at: null,
      bytes_purged_at: null,
    })
    .execute();
  return { id, bytes };
}

describeOnDatabases('the showcase of a public vote', (database) => {
  const setUp = async (clock = duringVote) => {
    const folder = mkdtempSync(join(tmpdir(), 'leitai-showcase-'));
    const made = await contestWithEntries(database.db, 3, voteOpenAround(new Date('2025-09-14T02:00:00Z')));
    const app = await testServer(database.db, { clock, registerRoutes: [showcaseRoutes({ storage: localStorage(folder) })] });
    const uploader = (await newAccount(database.db, '参赛者')).id;
    return { ...made, app, files: { folder, contestId: made.contestId, uploader }, base: `/api/contests/${made.contestId}/phases/public-vote/showcase` };
  };

  it('lists the entries voted on in reference order, each with its first accepted picture as the cover', async () => {
    const { app, base, files, entries } = await setUp();
    await handedIn(database.db, files, entries[1], { accepted: false, fileName: '模糊.jpg' });
    const poster = await handedIn(database.db, files, entries[1]);
    const reply = await app.inject({ method: 'GET', url: base });
    expect(reply.statusCode).toBe(200);
    const { divisions, entries: shown } = reply.json();
    expect(divisions.map((d: { id: string }) => d.id)).toEqual(['publicity', 'app-dev/campus', 'app-dev/social', 'case-selection']);
    expect(shown).toEqual([
      { id: entries[0], ref: 'JSSC25-0001', title: '社保卡智慧应用 1', division: 'app-dev/social', cover: null },
      {
        id: entries[1],
        ref: 'JSSC25-0002',
        title: '社保卡智慧应用 2',
        division: 'app-dev/social',
        cover: `${base}/${entries[1]}/files/${poster.id}/thumbnail`,
      },
      { id: entries[2], ref: 'JSSC25-0003', title: '社保卡智慧应用 3', division: 'app-dev/social', cover: null },
    ]);
    const publicity = await app.inject({ method: 'GET', url: `${base}?division=publicity` });
    expect(publicity.json().entries).toEqual([]);
  });

  it('shows an entry with its works to anyone, and serves its picture in the page and as a small cover', async () => {
    const { app, base, files, entries } = await setUp();
    const poster = await handedIn(database.db, files, entries[0]);
    const reply = await app.inject({ method: 'GET', url: `${base}/${entries[0]}` });
    expect(reply.json()).toEqual({
      entry: {
        id: entries[0],
        ref: 'JSSC25-0001',
        title: '社保卡智慧应用 1',
        division: 'app-dev/social',
        cover: `${base}/${entries[0]}/files/${poster.id}/thumbnail`,
        summary: null,
      },
      works: [
        {
          requirement: 'work',
          name: '参赛作品',
          value: null,
          files: [{ id: poster.id, fileName: '海报.jpg', mediaType: 'image/jpeg', size: poster.bytes.length, url: `${base}/${entries[0]}/files/${poster.id}` }],
        },
      ],
    });
    const shown = await app.inject({ method: 'GET', url: `${base}/${entries[0]}/files/${poster.id}?inline=1`, headers: { range: 'bytes=0-9' } });
    expect([shown.statusCode, shown.headers['content-disposition'], shown.rawPayload.equals(poster.bytes.subarray(0, 10))]).toEqual([
      206,
      `inline; filename*=UTF-8''${encodeURIComponent('海报.jpg')}`,
      true,
    ]);
    const cover = await app.inject({ method: 'GET', url: `${base}/${entries[0]}/files/${poster.id}/thumbnail` });
    expect([cover.statusCode, cover.headers['content-type'], (await sharp(cover.rawPayload).metadata()).width]).toEqual([200, 'image/jpeg', 320]);
  });

  it('serves no file of another entry, nor a refused one, under an entry of the vote', async () => {
    const { app, base, files, entries } = await setUp();
    const other = await handedIn(database.db, files, entries[1]);
    const refused = await handedIn(database.db, files, entries[0], { accepted: false });
    for (const fileId of [other.id, refused.id]) {
      const reply = await app.inject({ method: 'GET', url: `${base}/${entries[0]}/files/${fileId}` });
      expect([reply.statusCode, reply.json().error.code]).toEqual([404, 'submission.file_not_found']);
    }
  });

  it('refuses an entry that is not voted on, and a vote Leitai does not run', async () => {
    const { app, base, contestId } = await setUp();
    const stranger = await app.inject({ method: 'GET', url: `${base}/${randomUUID()}` });
    expect([stranger.statusCode, stranger.json().error.code]).toEqual([404, 'vote.entry_not_in_vote']);
    const final = await app.inject({ method: 'GET', url: `/api/contests/${contestId}/phases/final/showcase` });
    expect([final.statusCode, final.json().error.code]).toEqual([404, 'vote.phase_not_found']);
  });

  it('shows the works to the public only once the vote opens, and to the contest’s organisers before', async () => {
    const { app, base, contestId } = await setUp(beforeVote);
    const early = await app.inject({ method: 'GET', url: base });
    expect([early.statusCode, early.json().error.code]).toEqual([403, 'vote.showcase_not_open']);
    const organiser = await newAccount(database.db, '主办方', [{ role: 'organiser', contestId }]);
    const cookie = `leitai_session=${(await openSession(database.db, organiser.id, beforeVote)).token}`;
    const seen = await app.inject({ method: 'GET', url: base, headers: { cookie } });
    expect([seen.statusCode, seen.json().entries.length]).toEqual([200, 3]);
  });
});
