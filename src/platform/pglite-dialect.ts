/**
 * A Kysely dialect for the embedded database (PGlite), written here rather than taken from
 * kysely-pglite 0.6 because that driver hands the one PGlite session to every caller at once:
 * two concurrent transactions would interleave their statements inside one BEGIN…COMMIT, and
 * UPDATE/DELETE results report 0 affected rows. PGlite is a single session, so this driver
 * lends it to one caller at a time (a transaction holds it until COMMIT/ROLLBACK), as Kysely's
 * own SQLite driver does.
 *
 * Consequence: inside a transaction, use the transaction object only; a query through the
 * outer `db` would wait for the transaction to end and never run. Services therefore take the
 * caller's transaction and join it (inTransaction, transaction.ts) rather than open their own.
 */
import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

export function pgliteDialect(client: PGlite): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PGliteDriver(client),
    createIntrospector: (db: Kysely<any>) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

class PGliteDriver implements Driver {
  readonly #connection: PGliteConnection;
  readonly #client: PGlite;
  /** Resolved when the current holder releases the session; undefined when it is free. */
  #held: Promise<void> | undefined;
  #release: (() => void) | undefined;

  constructor(client: PGlite) {
    this.#client = client;
    this.#connection = new PGliteConnection(client);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#held !== undefined) {
      // A wait this long is almost always a query through `db` inside a transaction: say so.
      const warning = setTimeout(() => console.warn(SLOW_WAIT_WARNING), 10_000);
      while (this.#held !== undefined) await this.#held;
      clearTimeout(warning);
    }
    this.#held = new Promise((resolve) => (this.#release = resolve));
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#held = undefined;
    this.#release = undefined;
    release?.();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    let begin = 'begin';
    if (settings.isolationLevel) begin += ` isolation level ${settings.isolationLevel}`;
    if (settings.accessMode) begin += ` ${settings.accessMode}`;
    await connection.executeQuery(CompiledQuery.raw(begin));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteIdentifier(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoteIdentifier(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoteIdentifier(name)}`));
  }

  async destroy(): Promise<void> {
    if (!this.#client.closed) await this.#client.close();
  }
}

const SLOW_WAIT_WARNING =
  'Waited 10 s for the embedded database. If this never ends, a query inside a transaction ' +
  'uses the outer db instead of the transaction object (deadlock on PGlite): pass the transaction down, ' +
  'and open transactions in services with inTransaction (src/platform/transaction.ts).';

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

class PGliteConnection implements DatabaseConnection {
  readonly #client: PGlite;

  constructor(client: PGlite) {
    this.#client = client;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.#client.query<R>(compiledQuery.sql, [...compiledQuery.parameters]);
    // Kysely reads numAffectedRows only for INSERT/UPDATE/DELETE/MERGE results.
    return { rows: result.rows, numAffectedRows: BigInt(result.affectedRows ?? 0) };
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not stream results; page through them with keyset pagination instead.');
  }
}
