import sharp from 'sharp';
import { afterEach, expect, it } from 'vitest';
import { verifyAuditLog } from '../../audit/service.ts';
import type { LeitaiApp } from '../../platform/http/server.ts';
import { registerEntry } from '../../registration/service.ts';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { entryOf, newAccount, person, publishSeed } from '../../../test/support/test-fixtures.ts';
import { cookieFor, movableClock, photo, send, startWorksServer } from '../../../test/support/test-uploads.ts';
import { imageAlgorithm } from './fingerprint.ts';
import { refingerprintFiles, type RefingerprintProgress } from './refingerprint.ts';

let app: LeitaiApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const contestId = 'yangquan-medical-e-voucher-works-2022';

/** A fingerprint as `phash-dct64-views/1` stored them before the masked hashes: one bare pHash per view. */
const oldFingerprint = {
  kind: 'image',
  algorithm: 'phash-dct64-views/1',
  views: { whole: 'c3a5f00f12345678', centre95: 'c3a5f00f12345679', centre90: 'c3a5f00f1234567b', mirrored: '3c5a0ff0edcba987' },
};

describeOnDatabases('fingerprints of an earlier algorithm', (database) => {
  const clock = movableClock('2022-10-01T10:00:00+08:00');

  /** Three entrants' posters: an original, its resized copy, and another picture, each stored with an old fingerprint. */
  const setUp = async () => {
    await publishSeed(database.db, '002');
    const server = await startWorksServer(database.db, clock);
    app = server.app;
    const organiser = await cookieFor(database.db, await newAccount(database.db, '主办方', [{ role: 'organiser', contestId }]), clock);
    const original = await photo(1600, 1200);
    const posters = [
      original,
      await sharp(original)
        .resize(1000, 750)
        .jpeg({ quality: 80 })
        .withExif({ IFD0: { Make: 'Apple' } })
        .toBuffer(),
      await photo(1200, 900),
    ];
    const fileIds: string[] = [];
    for (const [n, bytes] of posters.entries()) {
      const account = await newAccount(database.db, `作者${n}`);
      const entry = entryOf('002', { trackId: 'works', categoryId: 'graphic-design', entrantKind: 'individual', title: `海报${n}`, leader: person(n + 1) });
      const registration = await registerEntry(database.db, contestId, entry, { account, clock });
      const sent = await send(server.base, await cookieFor(database.db, account, clock), bytes, {
        registrationId: registration.id,
        requirementId: 'image',
        filename: 'poster.jpg',
      });
      const { file } = sent.body as { file: { id: string; accepted: boolean } };
      expect(file.accepted).toBe(true);
      fileIds.push(file.id);
    }
    // As a database upgraded from before the masked hashes holds them.
    await database.db
      .updateTable('submission_files')
      .set({ fingerprint: JSON.stringify(oldFingerprint) })
      .execute();
    const report = async () =>
      (await server.app.inject({ method: 'GET', url: `/api/contests/${contestId}/originality`, headers: { cookie: organiser } })).json();
    return { storage: server.storage, fileIds, report };
  };

  it('says how many files were not compared and how to recompute them; the command re-fingerprints them in batches, after which the copy is matched', async () => {
    const { storage, report, fileIds } = await setUp();
    expect(await report()).toEqual({
      pairs: [],
      outdatedFingerprints: {
        files: 3,
        command: `leitai submission refingerprint --contest ${contestId}`,
        message: {
          zh: `3 个文件的指纹为旧版本，未参与比对，请运行 leitai submission refingerprint --contest ${contestId}`,
          en: `3 file(s) have a fingerprint of an earlier version and were not compared; run leitai submission refingerprint --contest ${contestId}`,
        },
      },
    });

    const progress: RefingerprintProgress[] = [];
    const done = await refingerprintFiles(database.db, storage, clock, { contestId, batchSize: 2, onProgress: (p) => progress.push(p) });
    expect(done).toEqual({ total: 3, done: 3, refingerprinted: 3, dropped: 0, failures: [] });
    expect(progress).toEqual([
      { done: 2, total: 3 },
      { done: 3, total: 3 },
    ]);
    const stored = await database.db.selectFrom('submission_files').select('fingerprint').execute();
    expect(stored.map((f) => (f.fingerprint as { algorithm: string }).algorithm)).toEqual([imageAlgorithm, imageAlgorithm, imageAlgorithm]);

    const after = await report();
    expect(after.outdatedFingerprints).toBeNull();
    expect(after.pairs.map((p: { kind: string; a: { fileId: string }; b: { fileId: string } }) => [p.kind, p.a.fileId, p.b.fileId])).toEqual([
      ['image', fileIds[0], fileIds[1]],
    ]);

    // Idempotent: nothing is left to do, and nothing more is written.
    expect(await refingerprintFiles(database.db, storage, clock)).toEqual({ total: 0, done: 0, refingerprinted: 0, dropped: 0, failures: [] });
    const events = await database.db
      .selectFrom('audit_events')
      .select(['actor', 'payload'])
      .where('type', '=', 'submission.fingerprints_recomputed')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => [e.actor, (e.payload as { files: { fileId: string; from: string }[] }).files.map((f) => f.from)])).toEqual([
      ['system', ['phash-dct64-views/1', 'phash-dct64-views/1']],
      ['system', ['phash-dct64-views/1']],
    ]);
    expect((await verifyAuditLog(database.db)).every((chain) => chain.ok)).toBe(true);
  });

  it('leaves a file whose bytes cannot be read as it was, reports it, and does it on the next run', async () => {
    const { storage, fileIds } = await setUp();
    const { storage_key: unreachable } = await database.db
      .selectFrom('submission_files')
      .select('storage_key')
      .where('id', '=', fileIds[2]!)
      .executeTakeFirstOrThrow();
    const flaky = {
      readAll: (key: string, max: number) => (key === unreachable ? Promise.reject(new Error('store unreachable')) : storage.readAll(key, max)),
    };
    const first = await refingerprintFiles(database.db, flaky, clock, { contestId });
    expect(first).toEqual({ total: 3, done: 3, refingerprinted: 2, dropped: 0, failures: [{ fileId: fileIds[2], error: 'Error: store unreachable' }] });
    expect(await refingerprintFiles(database.db, storage, clock, { contestId })).toEqual({ total: 1, done: 1, refingerprinted: 1, dropped: 0, failures: [] });
  });

  it('drops an old fingerprint today’s decoder cannot remake (the file is then not compared, as on upload), and refuses an unknown contest', async () => {
    const { storage, fileIds } = await setUp();
    const garbled = { readAll: async (key: string, max: number) => (await storage.readAll(key, max)).subarray(0, 200) };
    expect(await refingerprintFiles(database.db, garbled, clock)).toMatchObject({ total: 3, refingerprinted: 0, dropped: 3, failures: [] });
    expect(await database.db.selectFrom('submission_files').select('fingerprint').where('id', '=', fileIds[0]!).executeTakeFirstOrThrow()).toEqual({
      fingerprint: null,
    });
    await expect(refingerprintFiles(database.db, storage, clock, { contestId: 'no-such-contest' })).rejects.toMatchObject({ code: 'contest.not_found' });
  });
});
