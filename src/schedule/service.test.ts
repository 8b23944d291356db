import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/service.ts';
import { fixedClock } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import type { Executor } from '../platform/transaction.ts';
import { registerEntry } from '../registration/service.ts';
import { during, entryOf, newAccount, publishSeed, seeds } from '../../test/support/test-fixtures.ts';
import { worksOfEntry } from '../submission/works.ts';
import { scheduleStates } from './audit-state.ts';
import { closePhaseEarly, closeRound, extendPhase, publishRound, reopenRound, scheduleOf } from './service.ts';

const contestId = seeds['000'].id;
const individual = () => entryOf('000', { title: '一卡通长图海报', trackId: 'publicity', entrantKind: 'individual' });
/** A day after 000's planned registration deadline (2025-09-09). */
const dayAfterDeadline = fixedClock('2025-09-10T12:00:00+08:00');

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
};
const refusal = async (promise: Promise<unknown>) => {
  const error = await failure(promise);
  return { code: error.code, status: error.status };
};

const scheduleEvents = (db: Executor) =>
  db
    .selectFrom('audit_events')
    .select(['type', 'actor', 'payload'])
    .where('contest_id', '=', contestId)
    .where((eb) => eb.or([eb('type', 'like', 'phase.%'), eb('type', 'like', 'round.%')]))
    .orderBy('seq')
    .execute()
    .then((rows) => rows.map(({ payload, ...row }) => ({ ...row, payload: withoutState(payload) })));
/** The digests in `state` are checked by audit verify (audit-state tests); here, what the event says. */
const withoutState = (payload: unknown) => {
  const { state: _digests, ...said } = payload as Record<string, unknown>;
  return said;
};

const setUp = async (db: Executor) => {
  await publishSeed(db, '000');
  const organiser = await newAccount(db, '主办方', [{ role: 'organiser', contestId }]);
  const participant = await newAccount(db, '参赛者');
  return { organiser, participant };
};

describeOnDatabases('the organiser changing the schedule', (database) => {
  it('extends registration by two days with a reason: an entry a day after the old deadline is accepted, and the change is audited', async () => {
    const { organiser, participant } = await setUp(database.db);
    expect(await refusal(registerEntry(database.db, contestId, individual(), { account: participant, clock: dayAfterDeadline }))).toEqual({
      code: 'registration.closed',
      status: 409,
    });
    const phase = await extendPhase(
      database.db,
      contestId,
      'registration',
      { end: '2025-09-11', reason: '系统故障顺延两天' },
      { account: organiser, clock: during['000'] },
    );
    expect([phase.start, phase.end]).toEqual(['2025-05-12T00:00:00+08:00', '2025-09-11T23:59:59+08:00']);
    const row = await registerEntry(database.db, contestId, individual(), { account: participant, clock: dayAfterDeadline });
    expect([row.ref, row.status]).toEqual(['JSSC25-0001', 'active']);
    expect(await scheduleEvents(database.db)).toEqual([
      {
        type: 'phase.extended',
        actor: organiser.id,
        payload: {
          phaseId: 'registration',
          plannedEnd: '2025-09-09T23:59:59+08:00',
          previousEnd: '2025-09-09T23:59:59+08:00',
          end: '2025-09-11T23:59:59+08:00',
          reason: '系统故障顺延两天',
        },
      },
    ]);
    const works = await worksOfEntry(database.db, row.id, { account: participant, clock: dayAfterDeadline }, 120);
    expect([works.submissionOpen, works.deadline]).toEqual([true, '2025-09-11T16:00:00.000Z']);
  });

  it('closes registration early: a registration after the close is refused with registration.closed naming the new end', async () => {
    const { organiser, participant } = await setUp(database.db);
    await closePhaseEarly(
      database.db,
      contestId,
      'registration',
      { reason: '名额已满' },
      { account: organiser, clock: fixedClock('2025-08-01T10:00:00.400+08:00') },
    );
    const error = await failure(registerEntry(database.db, contestId, individual(), { account: participant, clock: fixedClock('2025-08-01T10:00:00+08:00') }));
    expect([error.code, error.localised.en]).toEqual([
      'registration.closed',
      'Registration is closed: Registration and submission runs from 2025-05-12T00:00:00+08:00 to 2025-08-01T09:59:59+08:00 (Asia/Shanghai)',
    ]);
    const before = await registerEntry(database.db, contestId, individual(), { account: participant, clock: fixedClock('2025-08-01T09:59:59+08:00') });
    expect(before.ref).toBe('JSSC25-0001');
    expect(
      await refusal(
        extendPhase(
          database.db,
          contestId,
          'registration',
          { end: '2025-09-30', reason: '再开放' },
          { account: organiser, clock: fixedClock('2025-08-02T10:00:00+08:00') },
        ),
      ),
    ).toEqual({ code: 'phase.ended', status: 409 });
    expect((await scheduleEvents(database.db)).map((e) => [e.type, (e.payload as { end: string }).end])).toEqual([
      ['phase.closed_early', '2025-08-01T09:59:59+08:00'],
    ]);
  });

  it('refuses an extension to an earlier end, a phase not open to close, and a phase the definition lacks', async () => {
    const { organiser } = await setUp(database.db);
    const actor = { account: organiser, clock: during['000'] };
    expect(await refusal(extendPhase(database.db, contestId, 'registration', { end: '2025-09-01', reason: '提前' }, actor))).toEqual({
      code: 'phase.extend_not_later',
      status: 422,
    });
    expect(await refusal(closePhaseEarly(database.db, contestId, 'final', { reason: '取消' }, actor))).toEqual({ code: 'phase.not_open', status: 409 });
    expect(await refusal(extendPhase(database.db, contestId, 'semifinal', { end: '2025-10-01', reason: '顺延' }, actor))).toEqual({
      code: 'phase.not_found',
      status: 404,
    });
    expect(await refusal(extendPhase(database.db, contestId, 'registration', { end: '2025-02-30', reason: '顺延' }, actor))).toEqual({
      code: 'phase.end_invalid',
      status: 422,
    });
    expect(await scheduleEvents(database.db)).toEqual([]);
  });

  it('moves a round from open to closed to published, reopening in between with a reason, and refuses every other move', async () => {
    const { organiser } = await setUp(database.db);
    const actor = { account: organiser, clock: fixedClock('2025-09-17T10:00:00+08:00') };
    expect(await refusal(publishRound(database.db, contestId, 'preliminary', {}, actor))).toEqual({ code: 'round.not_closed', status: 409 });
    expect(await closeRound(database.db, contestId, 'preliminary', {}, actor)).toMatchObject({ id: 'preliminary', state: 'closed', reason: null });
    expect(await refusal(closeRound(database.db, contestId, 'preliminary', {}, actor))).toEqual({ code: 'round.not_open', status: 409 });
    expect(await refusal(reopenRound(database.db, contestId, 'preliminary', {}, actor))).toEqual({ code: 'round.reason_required', status: 422 });
    expect(await reopenRound(database.db, contestId, 'preliminary', { reason: '一位评委的评分漏录' }, actor)).toMatchObject({ state: 'open' });
    await closeRound(database.db, contestId, 'preliminary', {}, actor);
    expect(await publishRound(database.db, contestId, 'preliminary', {}, actor)).toMatchObject({ state: 'published' });
    for (const move of [closeRound, reopenRound, publishRound]) {
      expect(await refusal(move(database.db, contestId, 'preliminary', { reason: '更正' }, actor))).toEqual({ code: 'round.already_published', status: 409 });
    }
    expect(await refusal(closeRound(database.db, contestId, 'semifinal', {}, actor))).toEqual({ code: 'round.not_found', status: 404 });
    expect((await scheduleEvents(database.db)).map((e) => [e.type, e.payload])).toEqual([
      ['round.closed', { roundId: 'preliminary', from: 'open', to: 'closed', reason: null }],
      ['round.reopened', { roundId: 'preliminary', from: 'closed', to: 'open', reason: '一位评委的评分漏录' }],
      ['round.closed', { roundId: 'preliminary', from: 'open', to: 'closed', reason: null }],
      ['round.published', { roundId: 'preliminary', from: 'closed', to: 'published', reason: null }],
    ]);
    const schedule = await scheduleOf(database.db, contestId);
    expect(schedule.rounds.map((r) => [r.id, r.state])).toEqual([
      ['preliminary', 'published'],
      ['final', 'open'],
    ]);
  });

  it('refuses a participant with schedule.forbidden and a signed-out caller with auth.required, changing nothing', async () => {
    const { participant } = await setUp(database.db);
    const clock = during['000'];
    expect(await refusal(extendPhase(database.db, contestId, 'registration', { end: '2025-09-11', reason: '顺延' }, { account: participant, clock }))).toEqual({
      code: 'schedule.forbidden',
      status: 403,
    });
    expect(await refusal(closePhaseEarly(database.db, contestId, 'registration', { reason: '截止' }, { account: participant, clock }))).toEqual({
      code: 'schedule.forbidden',
      status: 403,
    });
    expect(await refusal(closeRound(database.db, contestId, 'preliminary', {}, { account: participant, clock }))).toEqual({
      code: 'schedule.forbidden',
      status: 403,
    });
    expect(await refusal(publishRound(database.db, contestId, 'preliminary', {}, { account: null, clock }))).toEqual({ code: 'auth.required', status: 401 });
    expect(await scheduleEvents(database.db)).toEqual([]);
    expect(await database.db.selectFrom('round_states').selectAll().execute()).toEqual([]);
  });

  it('closes and publishes a round in one use case: both or, when it fails, neither', async () => {
    const { organiser } = await setUp(database.db);
    const actor = { account: organiser, clock: fixedClock('2025-09-17T10:00:00+08:00') };
    const closeAndPublish = (fail: boolean) =>
      database.db.transaction().execute(async (trx) => {
        await closeRound(trx, contestId, 'preliminary', {}, actor);
        await publishRound(trx, contestId, 'preliminary', {}, actor);
        if (fail) throw new Error('the use case fails after publishing');
      });
    await expect(closeAndPublish(true)).rejects.toThrow('the use case fails after publishing');
    expect((await scheduleOf(database.db, contestId)).rounds[0].state).toBe('open');
    expect(await scheduleEvents(database.db)).toEqual([]);
    await closeAndPublish(false);
    expect((await scheduleOf(database.db, contestId)).rounds[0].state).toBe('published');
  });

  it('records the schedule rows in the audit chain, so audit verify catches a round state or a window changed in the database alone', async () => {
    const { organiser } = await setUp(database.db);
    const actor = { account: organiser, clock: during['000'] };
    await extendPhase(database.db, contestId, 'registration', { end: '2025-09-11', reason: '顺延' }, actor);
    await closeRound(database.db, contestId, 'preliminary', {}, actor);
    await publishRound(database.db, contestId, 'preliminary', {}, actor);
    const rowsOf = async () => (await verifyAuditLog(database.db, contestId, { states: [scheduleStates] }))[0].rows;
    expect(await rowsOf()).toEqual({ checked: 2, mismatched: 0, mismatches: [] });
    await sql`update round_states set state = 'closed'`.execute(database.db);
    await sql`update phase_changes set end_exclusive = end_exclusive + interval '1 day'`.execute(database.db);
    expect(await rowsOf()).toEqual({
      checked: 2,
      mismatched: 2,
      mismatches: expect.arrayContaining([
        { subject: 'phase_change:registration', label: 'phase registration', problem: 'changed' },
        { subject: 'round_state:preliminary', label: 'round preliminary', problem: 'changed' },
      ]),
    });
  });
});
