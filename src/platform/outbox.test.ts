import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { during, newAccount, publishSeed, seeds } from '../../test/support/test-fixtures.ts';
import { testServer } from '../../test/support/test-server.ts';
import { openSession } from './auth/service.ts';
import type { Database } from './db-types.ts';
import { enqueueMessage, outboxOf, outboxRoutes, type NewOutboxMessage } from './outbox.ts';

const contestId = seeds['000'].id;
const message = (subject: string, at: string): NewOutboxMessage => ({
  contestId,
  kind: 'review.reminder',
  recipientName: '王评审',
  recipientAddress: 'wang@example.com',
  subject,
  body: '请尽快完成评分',
  createdBy: null,
  at: new Date(at),
});

const setUp = async (db: Kysely<Database>) => {
  await publishSeed(db, '000');
  return testServer(db, { clock: during['000'], registerRoutes: [outboxRoutes] });
};

describeOnDatabases('the outbox', (database) => {
  it("keeps a message only when its change commits, and lists a contest's messages newest first", async () => {
    await setUp(database.db);
    await enqueueMessage(database.db, message('第一次提醒', '2025-06-01T02:00:00Z'));
    await database.db
      .transaction()
      .execute(async (trx) => {
        await enqueueMessage(trx, message('回滚的提醒', '2025-06-02T02:00:00Z'));
        throw new Error('the change failed');
      })
      .catch(() => undefined);
    const second = await enqueueMessage(database.db, { ...message('第二次提醒', '2025-06-03T02:00:00Z'), link: 'http://localhost/judging' });
    expect(second).toEqual({
      id: expect.any(String),
      kind: 'review.reminder',
      recipientName: '王评审',
      recipientAddress: 'wang@example.com',
      subject: '第二次提醒',
      body: '请尽快完成评分',
      link: 'http://localhost/judging',
      createdAt: '2025-06-03T02:00:00.000Z',
      sentAt: null,
    });
    expect((await outboxOf(database.db, contestId)).map((m) => m.subject)).toEqual(['第二次提醒', '第一次提醒']);
  });

  it("shows the contest's outbox to its organisers only", async () => {
    const server = await setUp(database.db);
    await enqueueMessage(database.db, message('提醒', '2025-06-01T02:00:00Z'));
    const cookie = async (roles: Parameters<typeof newAccount>[2]) =>
      `leitai_session=${(await openSession(database.db, (await newAccount(database.db, '某人', roles)).id, during['000'])).token}`;
    const read = async (headers: Record<string, string>) => server.inject({ method: 'GET', url: `/api/contests/${contestId}/outbox`, headers });
    const organiser = await read({ cookie: await cookie([{ role: 'organiser', contestId }]) });
    const judge = await read({ cookie: await cookie([{ role: 'judge', contestId }]) });
    const signedOut = await read({});
    expect([organiser.statusCode, organiser.json().messages.length]).toEqual([200, 1]);
    expect([judge.statusCode, judge.json().error.code, signedOut.statusCode]).toEqual([403, 'outbox.forbidden', 401]);
  });
});
