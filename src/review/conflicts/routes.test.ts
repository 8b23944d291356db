import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { openSession, type Account } from '../../platform/auth/service.ts';
import type { Database } from '../../platform/db-types.ts';
import { registerEntry } from '../../registration/service.ts';
import { featureRoutes } from '../../server.ts';
import { addJudge } from '../../../test/support/review-fixtures.ts';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { during, newAccount, person, people, publishSeed, seeds, socialTeam } from '../../../test/support/test-fixtures.ts';
import { testServer } from '../../../test/support/test-server.ts';
import { isConflicted } from './service.ts';

const contestId = seeds['000'].id;
const contest = `/api/contests/${contestId}`;
const clock = during['000'];
const cookieOf = async (db: Kysely<Database>, account: Account) => ({ cookie: `leitai_session=${(await openSession(db, account.id, clock)).token}` });

const setUp = async (db: Kysely<Database>) => {
  await publishSeed(db, '000');
  const organiser = await newAccount(db, '主办方', [{ role: 'organiser', contestId }]);
  const entrant = await newAccount(db, '参赛者1');
  const register = (title: string, from: number, extra: Parameters<typeof socialTeam>[2] = {}) =>
    registerEntry(db, contestId, socialTeam(1, from + 1, { title, leader: person(from), ...extra }), { account: entrant, clock });
  return { server: await testServer(db, { clock, registerRoutes: featureRoutes }), organiser: await cookieOf(db, organiser), register };
};

describeOnDatabases('the conflicts routes', (database) => {
  it("shows the organiser a judge whose employer is an entry's leader's employer, with the reason, and counts it in the judges' list", async () => {
    const { server, organiser, register } = await setUp(database.db);
    const entry = await register('社保卡智慧应用', 1, { leader: person(1, { employer: '河北某科技有限公司' }) });
    const other = await register('另一个作品', 11);
    const invited = await server.inject({
      method: 'POST',
      url: `${contest}/judges`,
      headers: organiser,
      payload: { name: '王评审', employer: '河北某科技有限公司' },
    });
    const { judge } = invited.json();
    expect(judge.conflicts).toBe(1);

    const reply = await server.inject({ method: 'GET', url: `${contest}/conflicts`, headers: organiser });
    expect(reply.json()).toEqual({
      conflicts: [
        {
          judgeId: judge.id,
          judgeName: '王评审',
          registrationId: entry.id,
          ref: 'JSSC25-0001',
          title: '社保卡智慧应用',
          reasons: [
            {
              kind: 'employer',
              detail: {
                zh: '评委的工作单位「河北某科技有限公司」与该作品的负责人的工作单位相同',
                en: "The judge's employer \"河北某科技有限公司\" is the same as the entry's leader's employer",
              },
            },
          ],
        },
      ],
    });
    const listed = (await server.inject({ method: 'GET', url: `${contest}/judges`, headers: organiser })).json().judges;
    expect(listed.map((j: { name: string; conflicts: number }) => [j.name, j.conflicts])).toEqual([['王评审', 1]]);
    expect([await isConflicted(database.db, contestId, judge.id, entry.id), await isConflicted(database.db, contestId, judge.id, other.id)]).toEqual([
      true,
      false,
    ]);
  });

  it('lets a judge declare a person by phone, shows it to the organiser without the phone, and withdraw it', async () => {
    const { server, organiser, register } = await setUp(database.db);
    const entry = await register('社保卡智慧应用', 1);
    const judge = await addJudge(database.db, contestId, { name: '李评审' });
    const headers = await cookieOf(database.db, judge.account);
    const declared = await server.inject({
      method: 'POST',
      url: `${contest}/judging/me/conflicts`,
      headers,
      payload: { kind: 'person', name: '参赛者2', identifier: '+86 139-0000-0002', note: '我的学生' },
    });
    expect(declared.statusCode).toBe(201);
    const conflict = {
      id: expect.any(String),
      kind: 'person',
      registrationId: null,
      ref: null,
      title: null,
      organisation: null,
      name: '参赛者2',
      identifier: '139****0002',
      note: '我的学生',
      declaredAt: '2025-06-01T02:00:00.000Z',
    };
    expect(declared.json()).toEqual({ conflict });

    const listed = (await server.inject({ method: 'GET', url: `${contest}/conflicts`, headers: organiser })).json().conflicts;
    expect(listed).toEqual([
      {
        judgeId: judge.id,
        judgeName: '李评审',
        registrationId: entry.id,
        ref: 'JSSC25-0001',
        title: '社保卡智慧应用',
        reasons: [
          {
            kind: 'declared-person',
            detail: {
              zh: '评委申报回避人员「参赛者2」：该作品的成员（说明：我的学生）',
              en: 'The judge declared a conflict with "参赛者2": the entry\'s member (note: 我的学生)',
            },
          },
        ],
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain('13900000002');
    const me = (await server.inject({ method: 'GET', url: `${contest}/judging/me`, headers })).json();
    expect([me.judge.conflicts, me.declaredConflicts]).toEqual([1, [conflict]]);

    const id = declared.json().conflict.id;
    const withdrawn = await server.inject({ method: 'DELETE', url: `${contest}/judging/me/conflicts/${id}`, headers });
    expect(withdrawn.json().conflict.id).toBe(id);
    expect((await server.inject({ method: 'GET', url: `${contest}/conflicts`, headers: organiser })).json().conflicts).toEqual([]);
    const again = await server.inject({ method: 'DELETE', url: `${contest}/judging/me/conflicts/${id}`, headers });
    expect([again.statusCode, again.json().error.code]).toEqual([404, 'conflict.not_found']);
  });

  it('takes the judge off an entry they declare at once, and shows them the entry by reference and title only', async () => {
    const { server, register } = await setUp(database.db);
    const entry = await register('社保卡智慧应用', 1, { members: people(2, 2, { school: '河北大学' }) });
    const judge = await addJudge(database.db, contestId, { name: '李评审' });
    const at = clock.now();
    await database.db
      .insertInto('assignment_runs')
      .values({
        id: 'run-1',
        contest_id: contestId,
        round_id: 'preliminary',
        kind: 'solver',
        status: 'done',
        progress: JSON.stringify({ routed: 1, total: 1 }),
        started_by: judge.account.id,
        started_at: at,
        finished_at: at,
      })
      .execute();
    await database.db
      .insertInto('assignments')
      .values({ contest_id: contestId, round_id: 'preliminary', judge_id: judge.id, registration_id: entry.id, added_by_run: 'run-1' })
      .execute();

    const headers = await cookieOf(database.db, judge.account);
    const declared = await server.inject({
      method: 'POST',
      url: `${contest}/judging/me/conflicts`,
      headers,
      payload: { kind: 'entry', registrationId: entry.id },
    });
    expect(declared.json().conflict).toMatchObject({ kind: 'entry', registrationId: entry.id, ref: 'JSSC25-0001', title: '社保卡智慧应用', note: '' });
    const twice = await server.inject({
      method: 'POST',
      url: `${contest}/judging/me/conflicts`,
      headers,
      payload: { kind: 'entry', registrationId: entry.id },
    });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'conflict.already_declared']);
    const pair = await database.db.selectFrom('assignments').selectAll().where('judge_id', '=', judge.id).executeTakeFirstOrThrow();
    const release = await database.db.selectFrom('assignment_runs').selectAll().where('id', '=', pair.removed_by_run!).executeTakeFirstOrThrow();
    expect([release.kind, release.status, release.round_id]).toEqual(['hand', 'done', 'preliminary']);
    const me = JSON.stringify((await server.inject({ method: 'GET', url: `${contest}/judging/me`, headers })).json());
    expect([me.includes('河北大学'), me.includes('参赛者'), me.includes('139')]).toEqual([false, false, false]);
  });

  it('refuses the organiser list to a judge, a declaration to anyone not judging, a person with nothing to match, and an entry not in the contest', async () => {
    const { server } = await setUp(database.db);
    const judge = await cookieOf(database.db, (await addJudge(database.db, contestId)).account);
    const participant = await cookieOf(database.db, await newAccount(database.db, '参赛者'));
    const declare = (headers: { cookie: string }, payload: object) =>
      server.inject({ method: 'POST', url: `${contest}/judging/me/conflicts`, headers, payload });
    const replies = [
      await server.inject({ method: 'GET', url: `${contest}/conflicts`, headers: judge }),
      await declare(participant, { kind: 'organisation', organisation: '河北大学' }),
      await declare(judge, { kind: 'person', name: ' ', note: '无' }),
      await declare(judge, { kind: 'entry', registrationId: 'no-such-entry' }),
    ];
    expect(replies.map((r) => [r.statusCode, r.json().error.code])).toEqual([
      [403, 'conflicts.forbidden'],
      [403, 'judging.forbidden'],
      [422, 'conflict.person_required'],
      [404, 'registration.not_found'],
    ]);
  });
});
