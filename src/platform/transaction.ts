/**
 * Composable transactions. A service takes an Executor: the database or a transaction the caller
 * already opened (a Kysely Transaction is a Kysely). A use case that combines several services
 * opens one transaction and passes it down, so they commit or roll back together.
 *
 * Joining matters beyond atomicity: on PGlite a transaction holds the one session, so a service
 * that opened its own transaction through the outer handle while the caller's is open would wait
 * for it forever (pglite-dialect.ts).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db-types.ts';

/** The database, or a transaction a caller opened: whatever a service runs its statements on. */
export type Executor = Kysely<Database>;

/**
 * Runs `work` in the caller's transaction when `db` is one, else in a new transaction. A joined
 * transaction commits or rolls back with its owner: an error in `work` rolls back the whole use
 * case unless the owner catches it, and then `work`'s statements so far stay.
 */
export const inTransaction = <T>(db: Executor, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> =>
  db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
