import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { openSession, type Account } from '../platform/auth/service.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db-types.ts';
import { testServer } from '../../test/support/test-server.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { during, newAccount, publishSeed, seeds } from '../../test/support/test-fixtures.ts';
import { featureRoutes } from '../server.ts';

const contest = `/api/contests/${seeds['000'].id}`;
const clock = during['000'];
const app = (db: Kysely<Database>) => testServer(db, { clock, registerRoutes: featureRoutes });
const cookieOf = async (db: Kysely<Database>, account: Account, at: Clock) => ({ cookie: `leitai_session=${(await openSession(db, account.id, at)).token}` });

const setUp = async (db: Kysely<Database>) => {
  await publishSeed(db, '000');
  const organiser = await newAccount(db, '主办方', [{ role: 'organiser', contestId: seeds['000'].id }]);
  return { server: await app(db), headers: await cookieOf(db, organiser, clock) };
};

describeOnDatabases('the schedule routes', (database) => {
  it('extends registration with a reason and shows the schedule as it stands to anyone', async () => {
    const { server, headers } = await setUp(database.db);
    const extended = await server.inject({
      method: 'POST',
      url: `${contest}/phases/registration/extend`,
      headers,
      payload: { end: '2025-09-11', reason: '系统故障顺延两天' },
    });
    expect(extended.statusCode).toBe(200);
    expect(extended.json().phase).toMatchObject({ id: 'registration', start: '2025-05-12T00:00:00+08:00', end: '2025-09-11T23:59:59+08:00' });
    const schedule = (await server.inject({ method: 'GET', url: `${contest}/schedule` })).json().schedule;
    expect(schedule.phases[0]).toMatchObject({
      id: 'registration',
      end: '2025-09-11T23:59:59+08:00',
      plannedEnd: '2025-09-09T23:59:59+08:00',
      change: { kind: 'extended', reason: '系统故障顺延两天', changedAt: '2025-06-01T02:00:00.000Z' },
    });
    expect(schedule.phases[1]).toMatchObject({ id: 'preliminary', change: null });
    expect(schedule.rounds.map((r: { id: string; state: string }) => [r.id, r.state])).toEqual([
      ['preliminary', 'open'],
      ['final', 'open'],
    ]);
  });

  it('closes registration early, and the contest page and list say it is closed from that second', async () => {
    const { server, headers } = await setUp(database.db);
    const closed = await server.inject({ method: 'POST', url: `${contest}/phases/registration/close`, headers, payload: { reason: '名额已满' } });
    expect(closed.json().phase.end).toBe('2025-06-01T09:59:59+08:00');
    const page = (await server.inject({ method: 'GET', url: contest })).json().contest;
    expect([page.registration, page.phases[0].end]).toEqual([
      { open: false, stage: 'closed', start: '2025-05-12T00:00:00+08:00', end: '2025-06-01T09:59:59+08:00' },
      '2025-06-01T09:59:59+08:00',
    ]);
    const listed = (await server.inject({ method: 'GET', url: '/api/contests' })).json().contests;
    expect(listed.map((c: { id: string; registration: { open: boolean } }) => [c.id, c.registration.open])).toEqual([[seeds['000'].id, false]]);
  });

  it('refuses an extension or an early close without a reason with 400, before anything changes', async () => {
    const { server, headers } = await setUp(database.db);
    const noReason = await server.inject({ method: 'POST', url: `${contest}/phases/registration/extend`, headers, payload: { end: '2025-09-11' } });
    const blank = await server.inject({ method: 'POST', url: `${contest}/phases/registration/close`, headers, payload: { reason: '  ' } });
    expect([noReason.statusCode, blank.statusCode]).toEqual([400, 400]);
    expect((await server.inject({ method: 'GET', url: `${contest}/schedule` })).json().schedule.phases[0].change).toBeNull();
  });

  it('closes, reopens with a reason and closes a round; a bodiless reopen is refused with round.reason_required', async () => {
    const { server, headers } = await setUp(database.db);
    const post = (path: string, payload?: object) =>
      server.inject({ method: 'POST', url: `${contest}/rounds/preliminary/${path}`, headers, ...(payload ? { payload } : {}) });
    expect((await post('close')).json().round).toEqual({ id: 'preliminary', state: 'closed', reason: null, changedAt: '2025-06-01T02:00:00.000Z' });
    const reopen = await post('reopen');
    expect([reopen.statusCode, reopen.json().error.code]).toEqual([422, 'round.reason_required']);
    expect((await post('reopen', { reason: '一位评委的评分漏录' })).json().round).toMatchObject({ state: 'open', reason: '一位评委的评分漏录' });
    expect((await post('close', {})).json().round.state).toBe('closed');
    const twice = await post('close');
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'round.not_open']);
  });

  it('refuses a participant with 403 schedule.forbidden and a signed-out caller with 401', async () => {
    const { server } = await setUp(database.db);
    const participant = await cookieOf(database.db, await newAccount(database.db, '参赛者'), clock);
    const forbidden = await server.inject({ method: 'POST', url: `${contest}/rounds/preliminary/close`, headers: participant });
    const signedOut = await server.inject({ method: 'POST', url: `${contest}/phases/registration/close`, payload: { reason: '截止' } });
    expect([forbidden.statusCode, forbidden.json().error.code, signedOut.statusCode, signedOut.json().error.code]).toEqual([
      403,
      'schedule.forbidden',
      401,
      'auth.required',
    ]);
  });
});
