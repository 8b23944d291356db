import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { inTransaction } from './transaction.ts';

const backendPid = async (db: Parameters<typeof inTransaction>[0]) => (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0].pid;

describeOnDatabases('running work in a transaction', (database) => {
  it('opens a transaction when given the database', async () => {
    const opened = await inTransaction(database.db, async (trx) => [trx.isTransaction, trx === database.db]);
    expect(opened).toEqual([true, false]);
  });

  it("joins the caller's transaction when given one: the same handle and session, rolled back with it", async () => {
    const outcome = await database.db
      .transaction()
      .execute(async (outer) => {
        const inner = await inTransaction(outer, async (trx) => {
          await sql`create table transaction_probe (id int)`.execute(trx);
          return { same: trx === outer, pid: await backendPid(trx) };
        });
        expect(inner).toEqual({ same: true, pid: await backendPid(outer) });
        throw new Error('roll back');
      })
      .catch((error: Error) => error.message);
    expect(outcome).toBe('roll back');
    const { rows } = await sql<{ exists: boolean }>`select to_regclass('transaction_probe') is not null as exists`.execute(database.db);
    expect(rows[0].exists).toBe(false);
  });
});
