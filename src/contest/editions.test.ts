import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { loadAccount, openSession, type Account } from '../platform/auth/service.ts';
import { fixedClock, type Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db-types.ts';
import { testServer } from '../../test/support/test-server.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { registerEntry } from '../registration/service.ts';
import { contestsFolder, during, newAccount, seeds, socialTeam } from '../../test/support/test-fixtures.ts';
import { featureRoutes } from '../server.ts';
import { verifyAuditLog } from '../audit/service.ts';
import { publishContestFolder } from './service.ts';

const original = seeds['000'].id;
const edition2026 = 'jjj-social-security-card-2026';
const edition2027 = 'jjj-social-security-card-2027';
const during2026 = fixedClock('2026-06-01T10:00:00+08:00');
const app = (db: Kysely<Database>, clock: Clock = during2026) => testServer(db, { clock, registerRoutes: featureRoutes });
const cookieOf = async (db: Kysely<Database>, account: Account) => ({ cookie: `leitai_session=${(await openSession(db, account.id, during2026)).token}` });

describeOnDatabases('editions keep their organisers', (database) => {
  const copy = async (from: string, registrationOpens: string, headers: Record<string, string>) =>
    (await app(database.db)).inject({ method: 'POST', url: `/api/contests/${from}/copy`, headers, payload: { registrationOpens } });
  const registrationsOf = async (contestId: string, headers: Record<string, string>) =>
    (await app(database.db)).inject({ method: 'GET', url: `/api/contests/${contestId}/registrations`, headers });

  it('lets the organiser of 000 see the registrations of its copy and copy the copy again, and no one else', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', during['000']);
    const organiser = await cookieOf(database.db, await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: original }]));
    expect((await copy(original, '2026-06-01', organiser)).statusCode).toBe(201);
    const leader = await newAccount(database.db, '参赛者1');
    await registerEntry(database.db, edition2026, socialTeam(1), { account: leader, clock: during2026 });

    const seen = await registrationsOf(edition2026, organiser);
    expect([seen.statusCode, seen.json().counts.total]).toEqual([200, 1]);
    expect([(await copy(edition2026, '2027-05-12', organiser)).statusCode, (await registrationsOf(edition2027, organiser)).statusCode]).toEqual([201, 200]);

    const elsewhere = await cookieOf(database.db, await newAccount(database.db, '别的主办方', [{ role: 'organiser', contestId: seeds['004'].id }]));
    expect([(await registrationsOf(edition2026, elsewhere)).statusCode, (await copy(edition2026, '2028-05-12', elsewhere)).statusCode]).toEqual([403, 403]);
  });

  it('carries organiser and coordinator roles down the chain of editions, never up, and judges stay where they were appointed', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', during['000']);
    const organiser = await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: original }]);
    await copy(original, '2026-06-01', await cookieOf(database.db, organiser));
    await copy(edition2026, '2027-05-12', await cookieOf(database.db, organiser));
    const people = await newAccount(database.db, '多角色', [
      { role: 'coordinator', contestId: original, zoneId: 'north' },
      { role: 'judge', contestId: original },
      { role: 'organiser', contestId: edition2026 },
    ]);
    const me = (await (await app(database.db)).inject({ method: 'GET', url: '/api/auth/me', headers: await cookieOf(database.db, people) })).json();
    const roles = me.account.roles.map((r: { role: string; contestId: string | null; zoneId: string | null }) => [r.role, r.contestId, r.zoneId]);
    expect(roles).toEqual([
      ['coordinator', original, 'north'],
      ['coordinator', edition2026, 'north'],
      ['coordinator', edition2027, 'north'],
      ['judge', original, null],
      ['organiser', edition2026, null],
      ['organiser', edition2027, null],
    ]);
  });

  it("links an old edition's page to the current edition of its chain", async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', during['000']);
    const organiser = await cookieOf(database.db, await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: original }]));
    const page = async (id: string) => (await (await app(database.db)).inject({ method: 'GET', url: `/api/contests/${id}` })).json().contest;
    const link = (id: string, year: string, name = `${year}年京津冀社保卡"一卡通"应用创新大赛`) => ({
      id,
      name,
      nameEn: `${year === '2025' ? '' : `${year} `}Beijing–Tianjin–Hebei Social Security Card "One Card" Application Innovation Contest`,
      edition: year,
    });
    const first = link(original, '2025', '京津冀社保卡"一卡通"应用创新大赛');
    expect((await page(original)).editions).toEqual({ of: null, current: first });
    await copy(original, '2026-06-01', organiser);
    await copy(edition2026, '2027-05-12', organiser);
    // The 2027 copy of the 2026 copy: the year replaced where it stands, never added twice.
    expect([(await page(original)).editions, (await page(edition2026)).editions, (await page(edition2027)).editions]).toEqual([
      { of: null, current: link(edition2027, '2027') },
      { of: first, current: link(edition2027, '2027') },
      { of: link(edition2026, '2026'), current: link(edition2027, '2027') },
    ]);
    expect((await page(seeds['004'].id)).editions.current.id).toBe(seeds['004'].id);
  });
});

describeOnDatabases('a new edition checked before it is made', (database) => {
  const preview = async (from: string, query: string, headers: Record<string, string>) =>
    (await app(database.db)).inject({ method: 'GET', url: `/api/contests/${from}/next-edition?${query}`, headers });
  const copy = async (from: string, payload: Record<string, string>, headers: Record<string, string>) =>
    (await app(database.db)).inject({ method: 'POST', url: `/api/contests/${from}/copy`, headers, payload });

  it('shows the organiser the id, names, years, first and last days and first-edition words, storing nothing', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', during['001']);
    const organiser = await cookieOf(database.db, await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: seeds['001'].id }]));
    const reply = await preview(seeds['001'].id, 'registrationOpens=2026-12-01', organiser);
    expect([reply.statusCode, reply.json().edition]).toEqual([
      200,
      {
        id: 'hebei-smart-government-data-2027',
        name: '2027年河北省首届“智慧政务 创想未来”数据应用创新创业大赛',
        nameEn: '2027 1st Hebei "Smart Government, Imagine the Future" Data Application Innovation and Entrepreneurship Contest',
        shortName: '数据应用创新创业大赛',
        edition: '2027',
        year: 2027,
        previousYear: 2022,
        firstDay: '2026-11-22',
        lastDay: '2027-06-23',
        flagged: [
          { field: 'name', word: '首届' },
          { field: 'nameEn', word: '1st' },
        ],
        carriedOver: ['summary', 'announcement'],
      },
    ]);
    const edited = await preview(seeds['001'].id, `registrationOpens=2026-12-01&name=${encodeURIComponent(' 2027年河北省数据应用大赛 ')}`, organiser);
    expect([edited.json().edition.name, edited.json().edition.flagged]).toEqual(['2027年河北省数据应用大赛', [{ field: 'nameEn', word: '1st' }]]);
    const stranger = await cookieOf(database.db, await newAccount(database.db, '参赛者'));
    expect([
      (await preview(seeds['001'].id, 'registrationOpens=2026-12-01', stranger)).statusCode,
      (await preview(seeds['001'].id, 'registrationOpens=2026-12-01', {})).statusCode,
    ]).toEqual([403, 401]);
    expect((await (await app(database.db)).inject({ method: 'GET', url: '/api/contests/hebei-smart-government-data-2027' })).statusCode).toBe(404);
  });

  it('refuses a day in the past with contest.copy_in_past, in the preview and the copy alike', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', during['000']);
    const organiser = await cookieOf(database.db, await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: original }]));
    const inPast = {
      error: {
        code: 'contest.copy_in_past',
        message: {
          zh: '报名开始日期 2026-05-31 已经过去（今天是 2026-06-01，Asia/Shanghai）',
          en: 'The registration opening day 2026-05-31 has passed (today is 2026-06-01 in Asia/Shanghai)',
        },
        problems: [],
      },
    };
    const previewed = await preview(original, 'registrationOpens=2026-05-31', organiser);
    const copied = await copy(original, { registrationOpens: '2026-05-31' }, organiser);
    expect([previewed.statusCode, previewed.json(), copied.statusCode, copied.json()]).toEqual([400, inPast, 400, inPast]);
  });

  it('makes the edition under the organiser’s names, normalised, and refuses a name that cannot be stored or shown', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', during['001']);
    const organiser = await cookieOf(database.db, await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: seeds['001'].id }]));
    const hidden = await copy(seeds['001'].id, { registrationOpens: '2026-12-01', name: '河北\u202E大赛' }, organiser);
    expect([hidden.statusCode, hidden.json().error.problems.map((p: { code: string; path: string }) => [p.code, p.path])]).toEqual([
      400,
      [['text.invalid_character', 'name']],
    ]);
    const made = await copy(
      seeds['001'].id,
      { registrationOpens: '2026-12-01', name: '  2027年河北省数据应用大赛\u200B', nameEn: '2027 Hebei Data Contest' },
      organiser,
    );
    expect([made.statusCode, made.json()]).toEqual([201, { contest: { id: 'hebei-smart-government-data-2027' } }]);
    const shown = (await (await app(database.db)).inject({ method: 'GET', url: '/api/contests/hebei-smart-government-data-2027' })).json().contest;
    expect([shown.name, shown.nameEn, shown.edition, shown.carriedOver, shown.editions.of]).toEqual([
      '2027年河北省数据应用大赛',
      '2027 Hebei Data Contest',
      '2027',
      ['summary', 'announcement'],
      { id: seeds['001'].id, name: '河北省首届“智慧政务 创想未来”数据应用创新创业大赛', nameEn: expect.stringContaining('1st Hebei'), edition: '首届' },
    ]);
  });
});

describeOnDatabases('deleting an edition nobody has entered', (database) => {
  const remove = async (id: string, headers: Record<string, string>) =>
    (await app(database.db)).inject({ method: 'DELETE', url: `/api/contests/${id}`, headers });
  const copy = async (from: string, registrationOpens: string, headers: Record<string, string>) =>
    (await app(database.db)).inject({ method: 'POST', url: `/api/contests/${from}/copy`, headers, payload: { registrationOpens } });
  const refusal = (code: string, zh: string, en: string) => [409, { error: { code, message: { zh, en }, problems: [] } }];

  it('lets its organiser delete it, records contest.deleted on its own chain, and a later copy of the same id continues that chain', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', during['000']);
    const organiser = await cookieOf(database.db, await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: original }]));
    await copy(original, '2026-06-01', organiser);
    const elsewhere = await cookieOf(database.db, await newAccount(database.db, '别的主办方', [{ role: 'organiser', contestId: seeds['004'].id }]));
    const refused = await remove(edition2026, elsewhere);
    expect([refused.statusCode, refused.json().error.code, (await remove(edition2026, {})).statusCode]).toEqual([403, 'contest.delete_forbidden', 401]);

    const deleted = await remove(edition2026, organiser);
    expect([deleted.statusCode, deleted.json()]).toEqual([200, { contest: { id: edition2026 } }]);
    expect((await (await app(database.db)).inject({ method: 'GET', url: `/api/contests/${edition2026}` })).statusCode).toBe(404);
    const events = await database.db
      .selectFrom('audit_events')
      .select(['seq', 'type', 'actor', 'payload'])
      .where('contest_id', '=', edition2026)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => [e.seq, e.type])).toEqual([
      [1, 'contest.published'],
      [2, 'contest.deleted'],
    ]);
    expect(events[1].payload).toMatchObject({ editionOf: original, version: 1 });
    // The role came down the chain through the deleted edition: it is gone with it.
    expect((await remove(edition2026, organiser)).statusCode).toBe(403);

    expect((await copy(original, '2026-06-02', organiser)).statusCode).toBe(201);
    expect(await verifyAuditLog(database.db, edition2026)).toEqual([{ contestId: edition2026, ok: true, count: 3 }]);
  });

  it('takes back the roles given on the deleted edition itself, each recorded, so a later copy of that id starts with none', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', during['000']);
    const organiser = await cookieOf(database.db, await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: original }]));
    await copy(original, '2026-06-01', organiser);
    const judge = await newAccount(database.db, '评委', [{ role: 'judge', contestId: edition2026 }]);
    expect((await remove(edition2026, organiser)).statusCode).toBe(200);
    const left = await database.db.selectFrom('account_roles').select('role').where('contest_id', '=', edition2026).execute();
    const revoked = await database.db.selectFrom('audit_events').select('payload').where('contest_id', '=', '').where('type', '=', 'role.revoked').execute();
    expect([left, revoked.map((e) => e.payload)]).toEqual([[], [{ accountId: judge.id, role: 'judge', contestId: edition2026, zoneId: null }]]);
    expect((await copy(original, '2026-06-02', organiser)).statusCode).toBe(201);
    expect((await loadAccount(database.db, judge.id))?.roles.filter((r) => r.contestId === edition2026)).toEqual([]);
  });

  it('refuses a seed, an edition with a registration, and one a newer edition was copied from', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', during['000']);
    const organiser = await cookieOf(database.db, await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: original }]));
    expect(await reply(remove(original, organiser))).toEqual(
      refusal(
        'contest.not_an_edition',
        `赛事 ${original} 不是在擂台中复制的新一届，不能删除`,
        `The contest ${original} is not an edition copied in Leitai and cannot be deleted`,
      ),
    );
    await copy(original, '2026-06-01', organiser);
    await copy(edition2026, '2027-05-12', organiser);
    expect(await reply(remove(edition2026, organiser))).toEqual(
      refusal(
        'contest.has_editions',
        `赛事 ${edition2026} 已被复制为新一届，请先删除新一届`,
        `A newer edition was copied from ${edition2026}; delete that one first`,
      ),
    );
    expect((await remove(edition2027, organiser)).statusCode).toBe(200);
    await registerEntry(database.db, edition2026, socialTeam(1), { account: await newAccount(database.db, '参赛者1'), clock: during2026 });
    expect(await reply(remove(edition2026, organiser))).toEqual(
      refusal(
        'contest.has_registrations',
        `赛事 ${edition2026} 已有 1 个报名，不能删除`,
        `The contest ${edition2026} has 1 registrations and cannot be deleted`,
      ),
    );
    expect((await database.db.selectFrom('contests').select('id').execute()).map((c) => c.id)).toContain(edition2026);
  });
});

const reply = async (answer: Promise<{ statusCode: number; json: () => unknown }>) => {
  const { statusCode, json } = await answer;
  return [statusCode, json()];
};

describeOnDatabases('an edition’s own summary and announcement', (database) => {
  const texts = async (id: string, payload: unknown, headers: Record<string, string>) =>
    (await app(database.db)).inject({ method: 'PUT', url: `/api/contests/${id}/texts`, headers, payload: payload as object });
  const page = async (id: string) => (await (await app(database.db)).inject({ method: 'GET', url: `/api/contests/${id}` })).json().contest;

  it('replaces the carried-over summary as a new version, keeping the announcement’s mark until it is sent too', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', during['000']);
    const organiser = await cookieOf(database.db, await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: original }]));
    await (
      await app(database.db)
    ).inject({ method: 'POST', url: `/api/contests/${original}/copy`, headers: organiser, payload: { registrationOpens: '2026-06-01' } });
    expect((await page(edition2026)).carriedOver).toEqual(['summary', 'announcement']);

    const summary = await texts(edition2026, { summary: '  2026 年大赛：\r\n面向京津冀。 ' }, organiser);
    expect([summary.statusCode, summary.json()]).toEqual([200, { contest: { id: edition2026, version: 2 } }]);
    const afterSummary = await page(edition2026);
    expect([afterSummary.summary, afterSummary.carriedOver, afterSummary.announcement.title]).toEqual([
      '2026 年大赛：\n面向京津冀。',
      ['announcement'],
      (await page(original)).announcement.title,
    ]);

    // The organiser may keep last year's announcement as this year's: sent unchanged, it is theirs now.
    const kept = await texts(edition2026, { announcement: afterSummary.announcement }, organiser);
    expect([kept.statusCode, kept.json().contest.version, (await page(edition2026)).carriedOver]).toEqual([200, 3, undefined]);
    const events = await database.db.selectFrom('audit_events').select('type').where('contest_id', '=', edition2026).orderBy('seq').execute();
    expect(events.map((e) => e.type)).toEqual(['contest.published', 'contest.updated', 'contest.updated']);
  });

  it('refuses a seed, a stranger, and an announcement link that is not http(s)', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', during['000']);
    const organiser = await cookieOf(database.db, await newAccount(database.db, '主办方', [{ role: 'organiser', contestId: original }]));
    const seed = await texts(original, { summary: '新简介' }, organiser);
    expect([seed.statusCode, seed.json().error.code]).toEqual([409, 'contest.not_an_edition']);
    await (
      await app(database.db)
    ).inject({ method: 'POST', url: `/api/contests/${original}/copy`, headers: organiser, payload: { registrationOpens: '2026-06-01' } });
    const stranger = await cookieOf(database.db, await newAccount(database.db, '参赛者'));
    expect((await texts(edition2026, { summary: '新简介' }, stranger)).statusCode).toBe(403);
    const script = await texts(edition2026, { announcement: { title: '公告', url: 'javascript:alert(1)' } }, organiser);
    expect([script.statusCode, script.json().error.problems.map((p: { path: string }) => p.path)]).toEqual([400, ['announcement.url']]);
    expect((await page(edition2026)).carriedOver).toEqual(['summary', 'announcement']);
  });
});
