import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { openSession, type Account } from '../platform/auth/service.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db-types.ts';
import { testServer } from '../../test/support/test-server.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { contestsFolder, during, newAccount, seeds } from '../../test/support/test-fixtures.ts';
import { featureRoutes } from '../server.ts';
import { publishContestFolder } from './service.ts';

const at = during['000'];
const app = (db: Kysely<Database>, clock: Clock = at) => testServer(db, { clock, registerRoutes: featureRoutes });
const cookieOf = async (db: Kysely<Database>, account: Account) => ({ cookie: `leitai_session=${(await openSession(db, account.id, at)).token}` });
const forbidden = { zh: '无权进行此操作', en: 'You may not do this' };

describeOnDatabases('the contest routes', (database) => {
  it('lists every published contest with its registration window, the phases open now and its prize pool', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', at);
    const reply = await (await app(database.db)).inject({ method: 'GET', url: '/api/contests' });
    expect(reply.statusCode).toBe(200);
    const byId = Object.fromEntries(reply.json().contests.map((c: { id: string }) => [c.id, c]));
    expect(Object.keys(byId).sort()).toEqual(
      Object.values(seeds)
        .map((s) => s.id)
        .sort(),
    );
    expect(byId[seeds['000'].id]).toMatchObject({
      name: '京津冀社保卡"一卡通"应用创新大赛',
      editionOf: null,
      isDemo: false,
      timeZone: 'Asia/Shanghai',
      registration: { open: true, stage: 'open', start: '2025-05-12T00:00:00+08:00', end: '2025-09-09T23:59:59+08:00' },
      phasesNow: [{ id: 'registration', name: '报名及作品提交', kind: 'registration' }],
      prizePoolCny: 156000,
      trackCount: 3,
      divisionCount: 4,
    });
    // 001 ran in 2022: the list says it has ended, not that registration has yet to open.
    expect(byId[seeds['001'].id]).toMatchObject({ registration: { open: false, stage: 'ended' }, phasesNow: [], prizePoolCny: 1280000 });
  });

  it('shows one contest with its tracks, who may enter each, its awards and prize pool', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', at);
    const reply = await (await app(database.db)).inject({ method: 'GET', url: `/api/contests/${seeds['000'].id}` });
    expect(reply.statusCode).toBe(200);
    const { contest } = reply.json();
    expect([contest.id, contest.registrationOpen, contest.phasesNow, contest.prizePoolCny, contest.timeZone]).toEqual([
      seeds['000'].id,
      true,
      ['registration'],
      156000,
      'Asia/Shanghai',
    ]);
    expect(contest.tracks.map((t: { id: string; groups: { id: string }[] }) => [t.id, t.groups.map((g) => g.id)])).toEqual([
      ['publicity', []],
      ['app-dev', ['campus', 'social']],
      ['case-selection', []],
    ]);
    const campus = contest.tracks[1].groups[0].eligibility;
    expect([campus.entrantKinds, campus.teamSize, campus.advisors, campus.studentsOnly, campus.legalEntityOnly]).toEqual([
      ['individual', 'team'],
      { max: 10 },
      { max: 2 },
      true,
      false,
    ]);
    expect(campus.rules.find((r: { rule: string }) => r.rule === 'advisors')).toEqual({
      rule: 'advisors',
      text: { zh: '指导老师不超过 2 人', en: 'At most 2 advisors' },
      quote: '指导老师≤2人',
      params: { max: 2 },
    });
    expect(contest.divisions.map((d: { id: string }) => d.id)).toEqual(['publicity', 'app-dev/campus', 'app-dev/social', 'case-selection']);
    expect(contest.awards.groups[1].divisions).toEqual([{ id: 'app-dev/campus', name: '应用开发赛道（校园组）' }]);
    expect(contest.awards.groups[1].tiers.map((t: { id: string; count: number; prizeCny?: number }) => [t.id, t.count, t.prizeCny])).toEqual([
      ['first', 1, 20000],
      ['second', 2, 10000],
      ['third', 3, 5000],
      ['excellence', 4, undefined],
    ]);
  });

  it('answers 404 contest.not_found to an unknown contest', async () => {
    const reply = await (await app(database.db)).inject({ method: 'GET', url: '/api/contests/no-such-contest' });
    expect([reply.statusCode, reply.json()]).toEqual([
      404,
      { error: { code: 'contest.not_found', message: { zh: '未找到赛事 no-such-contest', en: 'Contest no-such-contest not found' }, problems: [] } },
    ]);
  });
});

describeOnDatabases('copying a contest through the API', (database) => {
  const copy = async (headers: Record<string, string>, registrationOpens = '2026-05-12') =>
    (await app(database.db)).inject({ method: 'POST', url: `/api/contests/${seeds['000'].id}/copy`, headers, payload: { registrationOpens } });

  it('lets an organiser copy 000 into its next edition, whose registration opens on the given day', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', at);
    const organiser = await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: seeds['000'].id }]);
    const reply = await copy(await cookieOf(database.db, organiser));
    expect([reply.statusCode, reply.json()]).toEqual([201, { contest: { id: 'jjj-social-security-card-2026' } }]);
    const shown = (await (await app(database.db)).inject({ method: 'GET', url: '/api/contests/jjj-social-security-card-2026' })).json().contest;
    expect([shown.editionOf, shown.registration, shown.registrationOpen]).toEqual([
      seeds['000'].id,
      { open: false, stage: 'upcoming', start: '2026-05-12T00:00:00+08:00', end: '2026-09-09T23:59:59+08:00' },
      false,
    ]);
  });

  it('answers 403 to a participant, 401 to nobody, and 409 when the edition exists', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', at);
    const participant = await newAccount(database.db, '参赛者');
    const refused = await copy(await cookieOf(database.db, participant));
    expect([refused.statusCode, refused.json()]).toEqual([403, { error: { code: 'contest.copy_forbidden', message: forbidden, problems: [] } }]);
    expect((await copy({})).statusCode).toBe(401);
    // An organiser of another contest is not an organiser of this one.
    const elsewhere = await newAccount(database.db, '别的主办方', [{ role: 'organiser', contestId: seeds['001'].id }]);
    expect((await copy(await cookieOf(database.db, elsewhere))).statusCode).toBe(403);

    const organiser = await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: null }]);
    const headers = await cookieOf(database.db, organiser);
    expect((await copy(headers)).statusCode).toBe(201);
    const again = await copy(headers, '2026-06-01');
    expect([again.statusCode, again.json()]).toEqual([
      409,
      {
        error: {
          code: 'contest.edition_exists',
          message: { zh: '赛事 jjj-social-security-card-2026 已存在', en: 'The contest jjj-social-security-card-2026 already exists' },
          problems: [],
        },
      },
    ]);
  });

  it('answers 400 request.invalid to a day that is not YYYY-MM-DD', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', at);
    const organiser = await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: null }]);
    const reply = await copy(await cookieOf(database.db, organiser), '12 May 2026');
    expect([reply.statusCode, reply.json().error.code, reply.json().error.problems.map((p: { path: string }) => p.path)]).toEqual([
      400,
      'request.invalid',
      ['registrationOpens'],
    ]);
  });

  it('answers 400 contest.invalid_day to a day that does not exist, and the contest list keeps working', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', at);
    const organiser = await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: null }]);
    const headers = await cookieOf(database.db, organiser);
    for (const day of ['2026-02-30', '9999-12-31']) {
      const reply = await copy(headers, day);
      expect([reply.statusCode, reply.json().error.code]).toEqual([400, 'contest.invalid_day']);
    }
    const list = await (await app(database.db)).inject({ method: 'GET', url: '/api/contests' });
    expect([list.statusCode, list.json().contests.length]).toEqual([200, 5]);
  });
});
