import { expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/service.ts';
import { fixedClock } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import { describeOnDatabases } from '../platform/test-database.ts';
import { contestsFolder, loadSeed, seeds } from '../registration/test-fixtures.ts';
import { copyContestEdition, findContest, findContests, getContest, publishContest, publishContestFolder } from './service.ts';
import { phasesOfKind } from './views.ts';

const clock = fixedClock('2025-05-01T09:00:00+08:00');

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, status: error.status, message: error.localised };
};

describeOnDatabases('publishing contest definitions', (database) => {
  it('publishes the five seeds of contests/, and publishing them again changes nothing', async () => {
    const ids = Object.values(seeds).map((s) => s.id);
    expect(await publishContestFolder(database.db, contestsFolder, 'system', clock)).toEqual(
      Object.values(seeds).map((s) => ({ file: s.file, id: s.id, outcome: 'created' })),
    );
    expect(await publishContestFolder(database.db, contestsFolder, 'system', clock)).toEqual(
      Object.values(seeds).map((s) => ({ file: s.file, id: s.id, outcome: 'unchanged' })),
    );
    expect((await findContests(database.db)).map((c) => c.definition.id).sort()).toEqual([...ids].sort());
    const reports = await verifyAuditLog(database.db);
    expect(reports.sort((a, b) => a.contestId.localeCompare(b.contestId))).toEqual([...ids].sort().map((contestId) => ({ contestId, ok: true, count: 1 })));
  });

  it('replaces a definition whose source changed and records contest.updated', async () => {
    const { definition, source } = await loadSeed('000');
    await publishContest(database.db, { definition, sourceYaml: source, sourceFile: 'contests/000.yaml' }, 'system', clock);
    const renamed = { ...definition, name: '京津冀社保卡"一卡通"应用创新大赛（修订）' };
    expect(await publishContest(database.db, { definition: renamed, sourceYaml: `${source}\n# 修订`, sourceFile: 'contests/000.yaml' }, 'system', clock)).toBe('updated');
    const stored = await getContest(database.db, definition.id);
    expect([stored.definition.name, stored.row.name, stored.row.source_file]).toEqual([renamed.name, renamed.name, 'contests/000.yaml']);
    const events = await database.db.selectFrom('audit_events').select(['seq', 'type']).where('contest_id', '=', definition.id).orderBy('seq').execute();
    expect(events).toEqual([
      { seq: 1, type: 'contest.published' },
      { seq: 2, type: 'contest.updated' },
    ]);
  });

  it('refuses an unknown contest with contest.not_found', async () => {
    expect(await findContest(database.db, 'no-such-contest')).toBeUndefined();
    expect(await refusal(getContest(database.db, 'no-such-contest'))).toEqual({
      code: 'contest.not_found',
      status: 404,
      message: { zh: '未找到赛事 no-such-contest', en: 'Contest no-such-contest not found' },
    });
  });
});

describeOnDatabases('copying a contest to its next edition', (database) => {
  it('makes the 2026 edition of 000 with registration opening on the given day and every phase shifted alike', async () => {
    const { definition, source } = await loadSeed('000');
    await publishContest(database.db, { definition, sourceYaml: source }, 'system', clock);
    const copy = await copyContestEdition(database.db, definition.id, '2026-05-12', 'organiser-1', clock);
    expect(copy.id).toBe('jjj-social-security-card-2026');
    const stored = await getContest(database.db, copy.id);
    expect([stored.editionOf, stored.isDemo, stored.definition.name]).toEqual([definition.id, false, definition.name.replaceAll('2025', '2026')]);
    expect(stored.definition.phases.map((p) => [p.id, p.start, p.end])).toEqual([
      ['registration', '2026-05-12', '2026-09-09'],
      ['preliminary', '2026-09-12', '2026-09-16'],
      ['public-vote', '2026-09-12', '2026-09-16'],
      ['final', '2026-09-28', '2026-09-28'],
    ]);
    expect(phasesOfKind(stored.definition, 'registration')[0].start).toBe('2026-05-12');
    const events = await database.db.selectFrom('audit_events').select(['actor', 'type', 'payload']).where('contest_id', '=', copy.id).execute();
    expect(events.map((e) => [e.actor, e.type, (e.payload as { editionOf: string }).editionOf])).toEqual([['organiser-1', 'contest.published', definition.id]]);
  });

  it('refuses a second copy onto the same edition with contest.edition_exists', async () => {
    const { definition, source } = await loadSeed('000');
    await publishContest(database.db, { definition, sourceYaml: source }, 'system', clock);
    await copyContestEdition(database.db, definition.id, '2026-05-12', 'organiser-1', clock);
    expect(await refusal(copyContestEdition(database.db, definition.id, '2026-06-01', 'organiser-1', clock))).toEqual({
      code: 'contest.edition_exists',
      status: 409,
      message: { zh: '赛事 jjj-social-security-card-2026 已存在', en: 'The contest jjj-social-security-card-2026 already exists' },
    });
  });

  it('names a copy within the same year after its opening day', async () => {
    const { definition, source } = await loadSeed('000');
    await publishContest(database.db, { definition, sourceYaml: source }, 'system', clock);
    expect((await copyContestEdition(database.db, definition.id, '2025-10-01', 'organiser-1', clock)).id).toBe('jjj-social-security-card-2025-20251001');
  });

  it('refuses a day that does not exist or lies outside 2000–2099 with contest.invalid_day, storing nothing', async () => {
    const { definition, source } = await loadSeed('000');
    await publishContest(database.db, { definition, sourceYaml: source }, 'system', clock);
    for (const day of ['2026-02-30', '9999-12-31', '0000-01-01', '2026-5-12']) {
      expect(await refusal(copyContestEdition(database.db, definition.id, day, 'organiser-1', clock))).toEqual({
        code: 'contest.invalid_day',
        status: 400,
        message: { zh: `报名开始日期 ${day} 不是 2000–2099 年间的有效日期`, en: `The registration opening day ${day} is not a real day between 2000 and 2099` },
      });
    }
    expect((await findContests(database.db)).map((c) => c.definition.id)).toEqual([definition.id]);
  });
});
