import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import type { Account } from '../../platform/auth/service.ts';
import type { Database } from '../../platform/db-types.ts';
import { registerEntry } from '../../registration/service.ts';
import { addJudge } from '../../../test/support/review-fixtures.ts';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { during, entryOf, newAccount, person, publishSeed, seeds } from '../../../test/support/test-fixtures.ts';
import { releaseConflictedPairs } from './release.ts';
import { runSettled } from './runs.ts';
import { assignmentBoard, assignmentRun, cancelAssignmentRun, currentPairs, isAssigned, startAssignmentRun, undoAssignment } from './service.ts';

const contestId = seeds['000'].id;
const clock = during['000'];

/** 000 with `entries` entries in 社保卡宣传赛道 (the first one's leader employed by 星河科技) and `judges` judges. */
async function setUp(db: Kysely<Database>, entries: number, judges: number) {
  await publishSeed(db, '000');
  const organiser = await newAccount(db, '主办方', [{ role: 'organiser', contestId }]);
  const entrant = await newAccount(db, '参赛者');
  const ids: string[] = [];
  for (let i = 0; i < entries; i++) {
    const leader = person(200 + i, i === 0 ? { employer: '星河科技有限公司' } : {});
    ids.push(
      (
        await registerEntry(db, contestId, entryOf('000', { title: `作品${i + 1}`, trackId: 'publicity', entrantKind: 'individual', leader }), {
          account: entrant,
          clock,
        })
      ).id,
    );
  }
  const judgeIds: string[] = [];
  for (let j = 0; j < judges; j++) judgeIds.push((await addJudge(db, contestId, { name: `评委${j + 1}` })).id);
  return { organiser, actor: { account: organiser, clock }, ids, judgeIds };
}

const auditTypes = async (db: Kysely<Database>) =>
  (await db.selectFrom('audit_events').select('type').where('contest_id', '=', contestId).where('type', 'like', 'assignment.%').orderBy('seq').execute()).map(
    (row) => row.type,
  );

async function solve(db: Kysely<Database>, actor: { account: Account; clock: typeof clock }) {
  const run = await startAssignmentRun(db, contestId, 'preliminary', {}, actor);
  await runSettled(run.id);
  return assignmentRun(db, contestId, 'preliminary', run.id, actor);
}

describeOnDatabases('the assignment service', (database) => {
  it('stops a run cancelled in the turn it started: it solves nothing and stores nothing', async () => {
    const { actor } = await setUp(database.db, 3, 3);
    const run = await startAssignmentRun(database.db, contestId, 'preliminary', {}, actor);
    const cancelled = await cancelAssignmentRun(database.db, contestId, 'preliminary', run.id, actor);
    await runSettled(run.id);
    const after = await assignmentRun(database.db, contestId, 'preliminary', run.id, actor);
    expect([cancelled.status, after.status, after.progress, after.summary]).toEqual(['cancelled', 'cancelled', { routed: 0, total: 0 }, null]);
    expect(await currentPairs(database.db, contestId, 'preliminary')).toEqual([]);
    expect(await auditTypes(database.db)).toEqual(['assignment.started', 'assignment.cancelled']);
  });

  it('refuses a second run of a round while one is solving it', async () => {
    const { actor } = await setUp(database.db, 3, 3);
    const first = await startAssignmentRun(database.db, contestId, 'preliminary', {}, actor);
    await expect(startAssignmentRun(database.db, contestId, 'preliminary', {}, actor)).rejects.toMatchObject({
      code: 'assignment.run_in_progress',
      status: 409,
    });
    await runSettled(first.id);
    expect((await assignmentRun(database.db, contestId, 'preliminary', first.id, actor)).status).toBe('done');
  });

  it('marks failed a run left running by a process that is gone, when it is next read', async () => {
    const { organiser, actor } = await setUp(database.db, 1, 1);
    await database.db
      .insertInto('assignment_runs')
      .values({
        id: 'left-behind',
        contest_id: contestId,
        round_id: 'preliminary',
        kind: 'solver',
        status: 'running',
        progress: JSON.stringify({ routed: 5, total: 9 }),
        started_by: organiser.id,
        started_at: clock.now(),
      })
      .execute();
    const run = await assignmentRun(database.db, contestId, 'preliminary', 'left-behind', actor);
    expect([run.status, run.summary?.error, run.progress]).toEqual(['failed', 'The server restarted while the run solved', { routed: 5, total: 9 }]);
    expect(await auditTypes(database.db)).toEqual(['assignment.failed']);
  });

  it('takes a judge off an entry they come into conflict with at once, refuses to undo that, and later runs keep them off', async () => {
    const { organiser, actor, ids, judgeIds } = await setUp(database.db, 3, 4);
    await solve(database.db, actor);
    const judge = (await currentPairs(database.db, contestId, 'preliminary')).find((pair) => pair.registrationId === ids[0])!.judgeId;
    await database.db.updateTable('judges').set({ employer: '星河科技有限公司' }).where('id', '=', judge).execute();

    const released = await database.db
      .transaction()
      .execute((trx) => releaseConflictedPairs(trx, contestId, judge, [ids[0]], { accountId: organiser.id, clock }));
    expect(released).toBe(1);
    expect(await isAssigned(database.db, contestId, 'preliminary', judge, ids[0])).toBe(false);
    const board = await assignmentBoard(database.db, contestId, 'preliminary', actor);
    expect(board.runs[0]).toMatchObject({ kind: 'hand', status: 'done', summary: { pairs: 0, released: { judge, entries: [ids[0]], reason: 'conflict' } } });
    await expect(undoAssignment(database.db, contestId, 'preliminary', actor)).rejects.toMatchObject({ code: 'assignment.undo_conflicted' });

    await solve(database.db, actor);
    const pairs = await currentPairs(database.db, contestId, 'preliminary');
    expect(
      pairs
        .filter((pair) => pair.registrationId === ids[0])
        .map((pair) => pair.judgeId)
        .sort(),
    ).toEqual(judgeIds.filter((id) => id !== judge).sort());
    expect(await auditTypes(database.db)).toEqual([
      'assignment.started',
      'assignment.completed',
      'assignment.released',
      'assignment.started',
      'assignment.completed',
    ]);
  });

  it('records in the completed event the count and digest of the pairs it leaves', async () => {
    const { actor } = await setUp(database.db, 2, 3);
    const run = await solve(database.db, actor);
    const event = await database.db.selectFrom('audit_events').select('payload').where('type', '=', 'assignment.completed').executeTakeFirstOrThrow();
    const pairs = await currentPairs(database.db, contestId, 'preliminary');
    const digest = createHash('sha256')
      .update(
        pairs
          .map((pair) => `${pair.registrationId} ${pair.judgeId}\n`)
          .sort()
          .join(''),
      )
      .digest('hex');
    expect(event.payload).toEqual({ runId: run.id, roundId: 'preliminary', pairs: 6, shortfall: 0, digest });
  });
});
