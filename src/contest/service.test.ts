import { expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/service.ts';
import { fixedClock } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { contestsFolder, loadSeed, seeds } from '../../test/support/test-fixtures.ts';
import { copyContestEdition, findContest, findContests, getContest, proposeContestEdition, publishContest, publishContestFolder } from './service.ts';
import { phasesOfKind } from './views.ts';
import { DEFINITION_FORMAT_VERSION } from './versions/format.ts';

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
  it('publishes the five seeds of contests/ as their version 1, and publishing them again changes nothing', async () => {
    const ids = Object.values(seeds).map((s) => s.id);
    expect(await publishContestFolder(database.db, contestsFolder, 'system', clock)).toEqual(
      Object.values(seeds).map((s) => ({ file: s.file, id: s.id, outcome: 'created', version: 1 })),
    );
    expect(await publishContestFolder(database.db, contestsFolder, 'system', clock)).toEqual(
      Object.values(seeds).map((s) => ({ file: s.file, id: s.id, outcome: 'unchanged', version: 1 })),
    );
    expect((await findContests(database.db)).map((c) => [c.definition.id, c.version]).sort()).toEqual([...ids].sort().map((id) => [id, 1]));
    const reports = await verifyAuditLog(database.db);
    expect(reports.sort((a, b) => a.contestId.localeCompare(b.contestId))).toEqual([...ids].sort().map((contestId) => ({ contestId, ok: true, count: 1 })));
  });

  it('appends a changed definition as version 2, keeps version 1 as it was, and audits the version and its sha256', async () => {
    const { definition, source } = await loadSeed('000');
    const first = await publishContest(database.db, { definition, sourceYaml: source, sourceFile: 'contests/000.yaml' }, 'system', clock);
    const renamed = { ...definition, name: '京津冀社保卡"一卡通"应用创新大赛（修订）' };
    const second = await publishContest(
      database.db,
      { definition: renamed, sourceYaml: `${source}\n# 修订`, sourceFile: 'contests/000.yaml' },
      'organiser-1',
      clock,
    );
    expect([first.outcome, first.version, second.outcome, second.version]).toEqual(['created', 1, 'updated', 2]);
    expect(second.sha256).not.toBe(first.sha256);
    const stored = await getContest(database.db, definition.id);
    expect([stored.definition.name, stored.row.name, stored.row.source_file, stored.version, stored.sha256]).toEqual([
      renamed.name,
      renamed.name,
      'contests/000.yaml',
      2,
      second.sha256,
    ]);
    const versions = await database.db
      .selectFrom('contest_versions')
      .select(['version', 'sha256', 'format_version', 'published_by', 'definition'])
      .where('contest_id', '=', definition.id)
      .orderBy('version')
      .execute();
    expect(versions.map((v) => [v.version, v.sha256, v.format_version, v.published_by, (v.definition as { name: string }).name])).toEqual([
      [1, first.sha256, DEFINITION_FORMAT_VERSION, 'system', definition.name],
      [2, second.sha256, DEFINITION_FORMAT_VERSION, 'organiser-1', renamed.name],
    ]);
    const events = await database.db
      .selectFrom('audit_events')
      .select(['seq', 'type', 'payload'])
      .where('contest_id', '=', definition.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => [e.seq, e.type, (e.payload as { version: number }).version, (e.payload as { sha256: string }).sha256])).toEqual([
      [1, 'contest.published', 1, first.sha256],
      [2, 'contest.updated', 2, second.sha256],
    ]);
  });

  it('makes no new version when only the YAML around an equal definition changed', async () => {
    const { definition, source } = await loadSeed('000');
    await publishContest(database.db, { definition, sourceYaml: source }, 'system', clock);
    expect(
      (await publishContest(database.db, { definition: structuredClone(definition), sourceYaml: `# 只改了注释\n${source}` }, 'system', clock)).outcome,
    ).toBe('unchanged');
    expect(await database.db.selectFrom('contest_versions').select('version').where('contest_id', '=', definition.id).execute()).toEqual([{ version: 1 }]);
  });

  it('refuses to read a stored version written in a format newer than the code, with contest.format_too_new', async () => {
    const { definition, source } = await loadSeed('000');
    await publishContest(database.db, { definition, sourceYaml: source }, 'system', clock);
    await database.db
      .updateTable('contest_versions')
      .set({ format_version: DEFINITION_FORMAT_VERSION + 1 })
      .where('contest_id', '=', definition.id)
      .execute();
    const next = DEFINITION_FORMAT_VERSION + 1;
    expect(await refusal(getContest(database.db, definition.id))).toEqual({
      code: 'contest.format_too_new',
      status: 422,
      message: {
        zh: `赛事定义的格式版本 ${next} 比本程序支持的 ${DEFINITION_FORMAT_VERSION} 新，请升级擂台`,
        en: `The definition is in format ${next}, newer than the ${DEFINITION_FORMAT_VERSION} this Leitai reads; upgrade Leitai`,
      },
    });
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
    expect([stored.editionOf, stored.isDemo, stored.definition.name]).toEqual([definition.id, false, `2026年${definition.name}`]);
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

  it('names a copy whose final falls in the same year after its opening day', async () => {
    const { definition, source } = await loadSeed('000');
    await publishContest(database.db, { definition, sourceYaml: source }, 'system', clock);
    expect((await copyContestEdition(database.db, definition.id, '2025-05-20', 'organiser-1', clock)).id).toBe('jjj-social-security-card-2025-20250520');
  });

  it('refuses a registration opening before today in the contest’s time zone with contest.copy_in_past, and opens today', async () => {
    const { definition, source } = await loadSeed('000');
    await publishContest(database.db, { definition, sourceYaml: source }, 'system', clock);
    // 2025-05-01 00:30 in Shanghai is still 2025-04-30 in UTC: the contest's day counts.
    const justAfterMidnight = fixedClock('2025-05-01T00:30:00+08:00');
    expect(await refusal(copyContestEdition(database.db, definition.id, '2025-04-30', 'organiser-1', justAfterMidnight))).toEqual({
      code: 'contest.copy_in_past',
      status: 400,
      message: {
        zh: '报名开始日期 2025-04-30 已经过去（今天是 2025-05-01，Asia/Shanghai）',
        en: 'The registration opening day 2025-04-30 has passed (today is 2025-05-01 in Asia/Shanghai)',
      },
    });
    expect((await findContests(database.db)).map((c) => c.definition.id)).toEqual([definition.id]);
    expect((await copyContestEdition(database.db, definition.id, '2025-05-01', 'organiser-1', justAfterMidnight)).id).toBe(
      'jjj-social-security-card-2025-20250501',
    );
    // The demo opens its editions a little before today, so that their registration is open.
    expect((await copyContestEdition(database.db, definition.id, '2025-04-20', 'demo', clock, { mayOpenInPast: true })).id).toBe(
      'jjj-social-security-card-2025-20250420',
    );
  });

  it('takes the organiser’s names over the proposed ones, and shows the proposal without storing anything', async () => {
    const { definition, source } = await loadSeed('001');
    await publishContest(database.db, { definition, sourceYaml: source }, 'system', clock);
    const proposal = await proposeContestEdition(database.db, definition.id, '2026-03-10', clock);
    expect([proposal.definition.id, proposal.definition.name, proposal.flagged.map((f) => f.word)]).toEqual([
      'hebei-smart-government-data-2026',
      '2026年河北省首届“智慧政务 创想未来”数据应用创新创业大赛',
      ['首届', '1st'],
    ]);
    expect(await findContest(database.db, proposal.definition.id)).toBeUndefined();
    const names = { name: '2026年河北省“智慧政务 创想未来”数据应用创新创业大赛', nameEn: '2026 Hebei Data Application Contest' };
    await copyContestEdition(database.db, definition.id, '2026-03-10', 'organiser-1', clock, names);
    const stored = await getContest(database.db, 'hebei-smart-government-data-2026');
    expect([stored.definition.name, stored.definition.nameEn, stored.row.name, stored.definition.carriedOver]).toEqual([
      names.name,
      names.nameEn,
      names.name,
      ['summary', 'announcement'],
    ]);
  });

  it('drops the carried-over mark from the texts a new version replaces', async () => {
    const { definition, source } = await loadSeed('000');
    await publishContest(database.db, { definition, sourceYaml: source }, 'system', clock);
    const copy = await copyContestEdition(database.db, definition.id, '2026-05-12', 'organiser-1', clock);
    await publishContest(database.db, { definition: { ...copy, summary: '2026 年大赛简介' }, sourceYaml: 'summary replaced' }, 'organiser-1', clock);
    const stored = await getContest(database.db, copy.id);
    expect([stored.version, stored.definition.summary, stored.definition.carriedOver]).toEqual([2, '2026 年大赛简介', ['announcement']]);
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
