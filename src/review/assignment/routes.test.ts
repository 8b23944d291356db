import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { openSession, type Account } from '../../platform/auth/service.ts';
import type { Database } from '../../platform/db-types.ts';
import { registerEntry } from '../../registration/service.ts';
import { closeRound, publishRound } from '../../schedule/service.ts';
import { addJudge, type TestJudgeProfile } from '../../../test/support/review-fixtures.ts';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { during, entryOf, newAccount, person, publishSeed, seeds } from '../../../test/support/test-fixtures.ts';
import { testServer } from '../../../test/support/test-server.ts';
import { assignmentRoutes } from './routes.ts';
import { runSettled } from './runs.ts';

const contestId = seeds['000'].id;
const clock = during['000'];
const board = `/api/contests/${contestId}/rounds/preliminary/assignment`;

interface BoardEntry {
  id: string;
  judges: { id: string; score: string }[];
}

const cookieOf = async (db: Kysely<Database>, account: Account) => ({ cookie: `leitai_session=${(await openSession(db, account.id, clock)).token}` });

/** 000 with `entries` individual entries in 社保卡宣传赛道, the first one's leader employed by 星河科技. */
async function setUp(db: Kysely<Database>, entries: number) {
  await publishSeed(db, '000');
  const organiser = await newAccount(db, '主办方', [{ role: 'organiser', contestId }]);
  const entrant = await newAccount(db, '参赛者');
  const ids: string[] = [];
  for (let i = 0; i < entries; i++) {
    const leader = person(100 + i, i === 0 ? { employer: '星河科技有限公司' } : {});
    const input = entryOf('000', { title: `社保卡宣传作品${i + 1}`, trackId: 'publicity', entrantKind: 'individual', leader });
    ids.push((await registerEntry(db, contestId, input, { account: entrant, clock })).id);
  }
  const server = await testServer(db, { clock, registerRoutes: [assignmentRoutes] });
  return { server, headers: await cookieOf(db, organiser), ids, organiser };
}

const judges = (db: Kysely<Database>, profiles: TestJudgeProfile[]) => Promise.all(profiles.map((profile) => addJudge(db, contestId, profile)));

type Server = Awaited<ReturnType<typeof setUp>>['server'];

/** Starts a run and waits for its background work to end; the run as it then stands. */
async function runToEnd(server: Server, headers: Record<string, string>, path = board) {
  const started = await server.inject({ method: 'POST', url: `${path}/runs`, headers, payload: {} });
  expect(started.statusCode).toBe(202);
  await runSettled(started.json().run.id);
  return (await server.inject({ method: 'GET', url: `${path}/runs/${started.json().run.id}`, headers })).json().run;
}

const pairsOf = (entries: BoardEntry[]) => entries.flatMap((entry) => entry.judges.map((judge) => `${entry.id}:${judge.id}`)).sort();

describeOnDatabases('the assignment routes', (database) => {
  it('gives every entry its three judges, no judge over its cap and never a conflicted pair, balanced', async () => {
    const { server, headers, ids } = await setUp(database.db, 6);
    const [conflicted, ...others] = await judges(database.db, [
      { name: '甲', employer: '星河科技有限公司', cap: 5 },
      { name: '乙', cap: 5 },
      { name: '丙', cap: 5 },
      { name: '丁', cap: 5 },
    ]);
    const run = await runToEnd(server, headers);
    expect(run).toMatchObject({ kind: 'solver', status: 'done', progress: { routed: 18, total: 18 } });
    expect(run.summary).toEqual({
      entries: 6,
      judges: 4,
      pairs: 18,
      objective: { shortfall: 0, spread: 0, balance: 50, affinity: 0 },
      shortfalls: [],
    });
    const reply = (await server.inject({ method: 'GET', url: board, headers })).json();
    expect(reply.entries.map((entry: BoardEntry) => [entry.id, entry.judges.length])).toEqual(ids.map((id) => [id, 3]));
    const entryOne = reply.entries.find((entry: BoardEntry) => entry.id === ids[0]);
    expect(entryOne.judges.map((judge: { id: string }) => judge.id).sort()).toEqual(others.map((judge) => judge.id).sort());
    // 18 places on four judges as even as the conflict allows: 4 + 4 + 5 + 5 (Σ load·(load+1)/2 = 50).
    expect(reply.judges.map((judge: { load: number }) => judge.load).sort()).toEqual([4, 4, 5, 5]);
    expect(reply.judges.map((judge: { cap: number }) => judge.cap)).toEqual([5, 5, 5, 5]);
    expect(reply.judges.map((judge: { id: string }) => judge.id).sort()).toEqual([conflicted, ...others].map((judge) => judge.id).sort());
    expect(reply.round).toEqual({ id: 'preliminary', name: '初赛选拔', mode: 'online', state: 'open', judgesPerEntry: 3, judgeCap: null });
    expect(reply.runs.map((r: { id: string }) => r.id)).toEqual([run.id]);
  });

  it('refuses a hand move onto a conflicted judge or one at the cap with the problem codes, and makes one that keeps every rule', async () => {
    const { server, headers, ids } = await setUp(database.db, 4);
    const [conflicted, full, free, other] = await judges(database.db, [
      { name: '甲', employer: '星河科技有限公司', cap: 4 },
      { name: '乙', cap: 3 },
      { name: '丙', cap: 4 },
      { name: '丁', cap: 4 },
    ]);
    await runToEnd(server, headers);
    const before = (await server.inject({ method: 'GET', url: board, headers })).json();
    const holder = (entry: string, not: string[]) =>
      before.entries.find((e: BoardEntry) => e.id === entry).judges.find((j: { id: string }) => !not.includes(j.id)).id;
    const move = (payload: object) => server.inject({ method: 'POST', url: `${board}/moves`, headers, payload });

    const ontoConflict = await move({ entry: ids[0], from: holder(ids[0], []), to: conflicted.id });
    expect([ontoConflict.statusCode, ontoConflict.json().error.code]).toEqual([409, 'assignment.move_refused']);
    expect(ontoConflict.json().error.problems.map((p: { code: string; message: { zh: string } }) => [p.code, p.message.zh])).toEqual([
      ['assignment.conflict', '甲 与该作品存在利益冲突'],
    ]);

    const fullLoad = before.judges.find((j: { id: string }) => j.id === full.id).load;
    expect(fullLoad).toBe(3);
    const notFull = before.entries.find((e: BoardEntry) => !e.judges.some((j) => j.id === full.id));
    const overCap = await move({ entry: notFull.id, from: notFull.judges[0].id, to: full.id });
    expect([overCap.statusCode, overCap.json().error.problems.map((p: { code: string }) => p.code)]).toEqual([409, ['assignment.over_cap']]);

    const target = before.entries.find((e: BoardEntry) => !e.judges.some((j) => j.id === free.id) && e.judges.some((j) => j.id === other.id));
    const moved = await move({ entry: target.id, from: other.id, to: free.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().run).toMatchObject({ kind: 'hand', status: 'done', summary: { move: { entry: target.id, from: other.id, to: free.id } } });
    const after = (await server.inject({ method: 'GET', url: board, headers })).json();
    expect(
      after.entries
        .find((e: BoardEntry) => e.id === target.id)
        .judges.map((j: { id: string }) => j.id)
        .sort(),
    ).toEqual(target.judges.map((j: { id: string }) => (j.id === other.id ? free.id : j.id)).sort());
  });

  it('undoes the newest change each time, giving back the assignment before it exactly, until nothing is left to undo', async () => {
    const { server, headers } = await setUp(database.db, 5);
    await judges(database.db, [{ name: '甲' }, { name: '乙' }, { name: '丙' }, { name: '丁' }, { name: '戊' }]);
    const pairsNow = async () => pairsOf((await server.inject({ method: 'GET', url: board, headers })).json().entries);
    await runToEnd(server, headers);
    const first = await pairsNow();
    const entry = (await server.inject({ method: 'GET', url: board, headers })).json().entries[0] as BoardEntry;
    const allJudges = (await server.inject({ method: 'GET', url: board, headers })).json().judges.map((j: { id: string }) => j.id);
    const outsider = allJudges.find((id: string) => !entry.judges.some((j) => j.id === id));
    await server.inject({ method: 'POST', url: `${board}/moves`, headers, payload: { entry: entry.id, from: entry.judges[0].id, to: outsider } });
    const moved = await pairsNow();
    await runToEnd(server, headers);
    expect(await pairsNow()).toHaveLength(15);

    const undo = () => server.inject({ method: 'POST', url: `${board}/undo`, headers });
    expect((await undo()).json().run).toMatchObject({ kind: 'solver', status: 'undone' });
    expect(await pairsNow()).toEqual(moved);
    expect((await undo()).json().run).toMatchObject({ kind: 'hand', status: 'undone' });
    expect(await pairsNow()).toEqual(first);
    expect((await undo()).json().run).toMatchObject({ kind: 'solver', status: 'undone' });
    expect(await pairsNow()).toEqual([]);
    const nothing = await undo();
    expect([nothing.statusCode, nothing.json().error.code]).toEqual([409, 'assignment.nothing_to_undo']);
  });

  it('keeps scored pairs through a new run, and refuses to undo a run or move a pair a judge has scored', async () => {
    const { server, headers, ids } = await setUp(database.db, 3);
    await judges(database.db, [{ name: '甲' }, { name: '乙' }, { name: '丙' }, { name: '丁' }]);
    await runToEnd(server, headers);
    const before = (await server.inject({ method: 'GET', url: board, headers })).json();
    const scoredJudge = before.entries[0].judges[0].id;
    await database.db
      .insertInto('scores')
      .values({
        contest_id: contestId,
        round_id: 'preliminary',
        judge_id: scoredJudge,
        registration_id: ids[0],
        criteria: '{}',
        status: 'draft',
        definition_version: 1,
        saved_at: clock.now(),
      })
      .execute();

    const undo = await server.inject({ method: 'POST', url: `${board}/undo`, headers });
    expect([undo.statusCode, undo.json().error.code]).toEqual([409, 'assignment.scored']);
    const outsider = before.judges.find((j: { id: string }) => !before.entries[0].judges.some((e: { id: string }) => e.id === j.id)).id;
    const move = await server.inject({ method: 'POST', url: `${board}/moves`, headers, payload: { entry: ids[0], from: scoredJudge, to: outsider } });
    expect([move.statusCode, move.json().error.code]).toEqual([409, 'assignment.scored']);

    const rerun = await runToEnd(server, headers);
    expect(rerun.summary).toMatchObject({ pairs: 9, shortfalls: [] });
    const after = (await server.inject({ method: 'GET', url: board, headers })).json();
    const first = after.entries.find((e: BoardEntry) => e.id === ids[0]);
    expect([first.judges.length, first.judges.find((j: { id: string }) => j.id === scoredJudge)?.score]).toEqual([3, 'draft']);
    expect(after.judges.find((j: { id: string }) => j.id === scoredJudge)).toMatchObject({ drafts: 1, submitted: 0 });
  });

  it('has a later round wait for the earlier round’s publication, then assigns its advancing entries to every judge in a live final', async () => {
    const { server, headers, ids } = await setUp(database.db, 3);
    const [first, second] = await judges(database.db, [{ name: '甲' }, { name: '乙' }, { name: '丙', rounds: ['preliminary'] }]);
    const final = `/api/contests/${contestId}/rounds/final/assignment`;
    expect((await server.inject({ method: 'GET', url: final, headers })).json()).toMatchObject({ entries: [], waitingFor: 'preliminary' });
    const early = await server.inject({ method: 'POST', url: `${final}/runs`, headers, payload: {} });
    expect([early.statusCode, early.json().error.code]).toEqual([409, 'assignment.round_waiting']);

    const results = { round: 'preliminary', divisions: [{ id: 'publicity', entries: ids.map((id, i) => ({ id, division: 'publicity', advances: i < 2 })) }] };
    const organiser = (await database.db.selectFrom('accounts').select('id').where('display_name', '=', '主办方').executeTakeFirstOrThrow()).id;
    await database.db
      .insertInto('round_publications')
      .values({
        contest_id: contestId,
        round_id: 'preliminary',
        version: 1,
        results: JSON.stringify(results),
        sha256: 'x',
        definition_version: 1,
        published_by: organiser,
        published_at: clock.now(),
      })
      .execute();
    const run = await runToEnd(server, headers, final);
    expect(run.summary).toMatchObject({ entries: 2, judges: 2, pairs: 4, shortfalls: [] });
    const reply = (await server.inject({ method: 'GET', url: final, headers })).json();
    expect(reply.entries.map((e: BoardEntry) => [e.id, e.judges.map((j) => j.id).sort()])).toEqual(
      ids.slice(0, 2).map((id) => [id, [first.id, second.id].sort()]),
    );
    expect(reply.round).toMatchObject({ mode: 'live' });
    expect(reply.waitingFor).toBeUndefined();
  });

  it('refuses anyone but an organiser, an id no database stores, and a cancel of a run that is not running', async () => {
    const { server, headers } = await setUp(database.db, 1);
    await judges(database.db, [{ name: '甲' }]);
    const participant = await cookieOf(database.db, await newAccount(database.db, '旁观者'));
    const refused = await server.inject({ method: 'GET', url: board, headers: participant });
    const signedOut = await server.inject({ method: 'POST', url: `${board}/runs`, payload: {} });
    expect([refused.statusCode, refused.json().error.code, signedOut.statusCode]).toEqual([403, 'assignment.forbidden', 401]);
    const run = await runToEnd(server, headers);
    expect(run.summary.shortfalls).toEqual([{ entry: expect.any(String), needed: 3, assigned: 1, covering: 1, conflicted: 0, reason: 'coverage' }]);
    const cancel = await server.inject({ method: 'POST', url: `${board}/runs/${run.id}/cancel`, headers });
    expect([cancel.statusCode, cancel.json().error.code]).toEqual([409, 'assignment.run_not_running']);
    const unstorable = await server.inject({ method: 'POST', url: `${board}/moves`, headers, payload: { entry: 'a\u0000b', to: 'c' } });
    expect([unstorable.statusCode, unstorable.json().error.code]).toEqual([400, 'text.invalid_character']);
    const unknown = await server.inject({ method: 'GET', url: `${board}/runs/nope`, headers });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'assignment.run_not_found']);
  });

  it('refuses a run, a move and an undo in a published round with assignment.round_published', async () => {
    const { server, headers, ids, organiser } = await setUp(database.db, 1);
    const [judge] = await judges(database.db, [{ name: '甲' }]);
    await runToEnd(server, headers);
    const actor = { account: organiser, clock };
    await closeRound(database.db, contestId, 'preliminary', {}, actor);
    await publishRound(database.db, contestId, 'preliminary', {}, actor);
    const replies = await Promise.all([
      server.inject({ method: 'POST', url: `${board}/runs`, headers, payload: {} }),
      server.inject({ method: 'POST', url: `${board}/moves`, headers, payload: { entry: ids[0], from: judge.id, to: judge.id } }),
      server.inject({ method: 'POST', url: `${board}/undo`, headers }),
    ]);
    expect(replies.map((reply) => [reply.statusCode, reply.json().error.code])).toEqual([
      [409, 'assignment.round_published'],
      [409, 'assignment.round_published'],
      [409, 'assignment.round_published'],
    ]);
    expect((await server.inject({ method: 'GET', url: board, headers })).json().round.state).toBe('published');
  });
});
