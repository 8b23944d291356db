import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { publishContestFolder, findContests } from '../contest/service.ts';
import { isPhaseOpen } from '../contest/views.ts';
import { fixedClock } from '../platform/clock.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { contestsFolder } from '../../test/support/factories.ts';
import { localStorage } from '../submission/storage.ts';
import { testUploadLimits } from '../../test/support/test-uploads.ts';
import { prepareDemo } from './service.ts';

describeOnDatabases('the demo that npm start prepares', (database) => {
  it('opens a current edition of every seed, adds sample registrations and works marked as demo, and does it once', async () => {
    const today = fixedClock('2026-11-23T10:00:00+08:00');
    const works = { storage: localStorage(await mkdtemp(join(tmpdir(), 'leitai-demo-'))), limits: { ...testUploadLimits, maxBytes: 10 * 1024 * 1024 } };
    await publishContestFolder(database.db, contestsFolder, 'system', today);
    const lines: string[] = [];
    await prepareDemo(database.db, today, (line) => lines.push(line), works);

    const contests = await findContests(database.db);
    const editions = contests.filter((c) => c.editionOf);
    expect(editions.map((c) => c.editionOf).sort()).toEqual(
      contests
        .filter((c) => !c.editionOf)
        .map((c) => c.definition.id)
        .sort(),
    );
    expect(editions.every((c) => isPhaseOpen(c.definition, 'registration', today.now()))).toBe(true);

    const registrations = await database.db.selectFrom('registrations').select(['contest_id', 'is_demo']).execute();
    // 11 samples, in each seed and in its current edition.
    expect(registrations.length).toBe(22);
    expect(registrations.every((r) => r.is_demo)).toBe(true);
    const files = await database.db.selectFrom('submission_files').select(['contest_id', 'accepted', 'file_kind']).execute();
    expect(files.length).toBe(4);
    expect(files.every((f) => f.accepted && f.file_kind === 'jpeg')).toBe(true);
    expect(lines).toContain('demo organiser 演示主办方: organiser@leitai.demo / leitai-demo');

    await prepareDemo(database.db, today, () => {}, works);
    expect((await findContests(database.db)).length).toBe(contests.length);
    expect((await database.db.selectFrom('registrations').select('id').execute()).length).toBe(22);
  });
});
