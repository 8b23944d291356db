import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/service.ts';
import type { Account } from '../platform/auth/service.ts';
import type { Database } from '../platform/db-types.ts';
import { registrationStates } from '../registration/audit-state.ts';
import { scheduleStates } from '../schedule/audit-state.ts';
import { worksStates } from '../submission/audit-state.ts';
import { addJudge } from '../../test/support/review-fixtures.ts';
import { assignPairs, hackathonTeams, registerAll, reviewClock, reviewServer, sessionOf } from '../../test/support/scoring-fixtures.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { newAccount, publishSeed, seeds } from '../../test/support/test-fixtures.ts';
import { reviewStates } from './audit-state.ts';
import { resultsSha256 } from './publishing/rules.ts';
import { submittedScoresPage } from './scoring/queries.ts';
import type { Results } from './results/types.ts';

const contestId = seeds['003'].id;
const contest = `/api/contests/${contestId}`;
const round = 'application-selection';
const selection = `${contest}/rounds/${round}`;
const criteria = ['qualification-level', 'qualification-mix', 'experience', 'concept-relevance', 'concept-feasibility', 'regional-representation'];
const all = (value: number) => Object.fromEntries(criteria.map((id) => [id, value]));

/**
 * 003 through the API: 评委甲 and 评委乙 invited and joined, 评委甲's cap edited, 评委丙 invited and
 * removed; 评委甲 submits 作品1; 评委乙 submits 作品2, the organiser reopens it and 评委乙 autosaves a
 * new draft; the round closed and published (version 1).
 */
async function judgedAndPublished(db: Kysely<Database>) {
  await publishSeed(db, '003');
  const clock = reviewClock('003');
  const entries = await registerAll(db, '003', hackathonTeams(2), clock);
  clock.set('2021-09-01T10:00:00+08:00');
  const server = await reviewServer(db, clock);
  const as = (account: Account) => sessionOf(db, account, clock);
  const organiserAccount = await newAccount(db, '主办方', [{ role: 'organiser', contestId }]);
  const organiser = await as(organiserAccount);
  const join = async (name: string, phone: string) => {
    const invited = await server.inject({ method: 'POST', url: `${contest}/judges`, headers: organiser, payload: { name, phone } });
    const { judge, invitation } = invited.json() as { judge: { id: string }; invitation: { link: string } };
    const account = await newAccount(db, name, []);
    const code = invitation.link.split('/judge-invitations/')[1];
    const accepted = await server.inject({ method: 'POST', url: `/api/judge-invitations/${code}/accept`, headers: await as(account) });
    expect(accepted.statusCode).toBe(200);
    return { id: judge.id, headers: await as(account) };
  };
  const jia = await join('评委甲', '13900000777');
  const yi = await join('评委乙', '13900000888');
  const edited = await server.inject({ method: 'PATCH', url: `${contest}/judges/${jia.id}`, headers: organiser, payload: { cap: 30 } });
  const bing = (await server.inject({ method: 'POST', url: `${contest}/judges`, headers: organiser, payload: { name: '评委丙' } })).json().judge.id;
  const removed = await server.inject({ method: 'DELETE', url: `${contest}/judges/${bing}`, headers: organiser });
  expect([edited.statusCode, removed.statusCode]).toEqual([200, 200]);

  const [first, second] = entries.map((e) => e.row.id);
  const pairs = [
    { judgeId: jia.id, registrationId: first },
    { judgeId: yi.id, registrationId: second },
  ];
  await assignPairs(db, contestId, round, pairs, organiserAccount);
  const judging = `${selection}/judging`;
  const submitted = [
    await server.inject({ method: 'POST', url: `${judging}/${first}/submit`, headers: jia.headers, payload: { criteria: all(8), comment: '构思清楚' } }),
    await server.inject({ method: 'POST', url: `${judging}/${second}/submit`, headers: yi.headers, payload: { criteria: all(7) } }),
    await server.inject({ method: 'POST', url: `${selection}/scores/${second}/${yi.id}/reopen`, headers: organiser, payload: { reason: '评委申请更正评分' } }),
    await server.inject({ method: 'PUT', url: `${judging}/${second}`, headers: yi.headers, payload: { criteria: all(6), comment: '再看一遍' } }),
    await server.inject({ method: 'POST', url: `${selection}/close`, headers: organiser, payload: {} }),
    await server.inject({ method: 'POST', url: `${selection}/results/publish`, headers: organiser }),
  ];
  expect(submitted.map((reply) => reply.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
  return { jia, yi, bing, first, second, organiserAccount };
}

describeOnDatabases('the review the audit log vouches for', (database) => {
  const reviewRows = async () => (await verifyAuditLog(database.db, contestId, { states: [reviewStates] }))[0].rows;

  it('finds every judge, submitted score and publication as the last event about it recorded it; a reopened score autosaved since is not checked', async () => {
    await judgedAndPublished(database.db);
    // Three judges, 评委甲's submitted score (评委乙's is a draft again), one publication.
    expect(await reviewRows()).toEqual({ checked: 5, mismatched: 0, mismatches: [] });
    const [report] = await verifyAuditLog(database.db, contestId, { states: [registrationStates, worksStates, scheduleStates, reviewStates] });
    expect([report.ok, report.rows?.mismatched]).toEqual([true, 0]);
  });

  it('reports a judge, a score and a publication changed in the database, a draft made submitted there, and a ranking rewritten with its hash', async () => {
    const { jia, yi, first, second } = await judgedAndPublished(database.db);
    await sql`update judges set cap = 99 where id = ${jia.id}`.execute(database.db);
    await sql`update judges set phone = '13900000999' where id = ${yi.id}`.execute(database.db);
    await sql`update scores set criteria = jsonb_set(criteria, '{experience}', '10') where judge_id = ${jia.id}`.execute(database.db);
    await sql`update scores set status = 'submitted', submitted_at = saved_at where judge_id = ${yi.id}`.execute(database.db);
    const [publication] = await database.db.selectFrom('round_publications').selectAll().where('contest_id', '=', contestId).execute();
    const rewritten: Results = { ...publication.results, advancing: publication.results.advancing + 1 };
    await sql`update round_publications set results = ${JSON.stringify(rewritten)}::jsonb, sha256 = ${resultsSha256(rewritten)}`.execute(database.db);
    const refs = await database.db.selectFrom('registrations').select(['id', 'ref']).where('id', 'in', [first, second]).execute();
    const refOf = (id: string) => refs.find((r) => r.id === id)!.ref;
    const rows = await reviewRows();
    expect(rows).toEqual({ checked: 6, mismatched: 5, mismatches: expect.any(Array) });
    expect(new Set(rows?.mismatches)).toEqual(
      new Set([
        { subject: `judge:${jia.id}`, label: 'judge 评委甲', problem: 'changed' },
        { subject: `judge:${yi.id}`, label: 'judge 评委乙', problem: 'changed' },
        { subject: `score:${round}:${first}:${jia.id}`, label: `score of ${refOf(first)} by 评委甲 in ${round}`, problem: 'changed' },
        { subject: `score:${round}:${second}:${yi.id}`, label: `score of ${refOf(second)} by 评委乙 in ${round}`, problem: 'unrecorded' },
        { subject: `publication:${round}:1`, label: `publication ${round} v1`, problem: 'changed' },
      ]),
    );
  });

  it('reports a submitted score deleted or turned back into a draft in the database, and a judge inserted there', async () => {
    const { jia, first } = await judgedAndPublished(database.db);
    await sql`update scores set status = 'draft', submitted_at = null where judge_id = ${jia.id}`.execute(database.db);
    const inserted = await addJudge(database.db, contestId, { name: '评委丁' });
    const subject = `score:${round}:${first}:${jia.id}`;
    expect((await reviewRows())?.mismatches).toEqual([
      { subject: `judge:${inserted.id}`, label: 'judge 评委丁', problem: 'unrecorded' },
      { subject, label: subject, problem: 'deleted' },
    ]);
    await sql`delete from scores where judge_id = ${jia.id}`.execute(database.db);
    expect((await reviewRows())?.mismatches).toContainEqual({ subject, label: subject, problem: 'deleted' });
  });

  it('reads the submitted scores a page at a time, each page after the last key of the one before', async () => {
    const { yi } = await judgedAndPublished(database.db);
    await sql`update scores set status = 'submitted' where judge_id = ${yi.id}`.execute(database.db);
    const both = await submittedScoresPage(database.db, contestId, undefined, 10);
    const [head] = await submittedScoresPage(database.db, contestId, undefined, 1);
    const rest = await submittedScoresPage(database.db, contestId, [head.round_id, head.registration_id, head.judge_id], 10);
    expect([both.length, [head, ...rest]]).toEqual([2, both]);
  });
});
