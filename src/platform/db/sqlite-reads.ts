/**
 * SQLite reads that do not queue behind a writer (issue 9 row 6). Kysely's SQLite driver has one
 * connection behind a mutex: while a 200k-row import holds its transaction open (yielding to the event
 * loop between insert slices), every other query, a plain GET's SELECT included, waited for its
 * commit — 6.4 s at worst. In WAL mode a second, read-only connection reads the last committed state
 * while the writer works, so a SELECT that is not part of a transaction goes there instead.
 *
 * The rule, per acquired connection: SELECTs go to the reader until the connection touches the writer
 * (a write, BEGIN, a raw statement); from then on, until it is released, everything goes to the writer,
 * so a transaction — Kysely's or a `connection()` running BEGIN IMMEDIATE — reads its own writes under
 * its own lock. A read outside a transaction sees what is committed, as on PostgreSQL.
 */
import type SQLite from 'better-sqlite3';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  SelectQueryNode,
  SqliteDialect,
  type TransactionSettings,
} from 'kysely';

/** A SELECT, which cannot write (raw SQL is assumed to and stays on the writer). */
const isRead = (q: CompiledQuery) => SelectQueryNode.is(q.query);

class RoutedConnection implements DatabaseConnection {
  #writer: DatabaseConnection | undefined;

  constructor(
    private readonly writers: Driver,
    private readonly readers: Driver,
  ) {}

  /** The writer's connection, taken (waiting for its mutex) on first use and kept until release. */
  async writer(): Promise<DatabaseConnection> {
    this.#writer ??= await this.writers.acquireConnection();
    return this.#writer;
  }

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#writer || !isRead(q)) return (await this.writer()).executeQuery<R>(q);
    const reader = await this.readers.acquireConnection();
    try {
      return await reader.executeQuery<R>(q);
    } finally {
      await this.readers.releaseConnection(reader);
    }
  }

  async *streamQuery<R>(q: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    // A stream runs over many turns of the event loop: it keeps the connection it started on.
    if (this.#writer || !isRead(q)) {
      yield* (await this.writer()).streamQuery<R>(q, chunkSize);
      return;
    }
    const reader = await this.readers.acquireConnection();
    try {
      yield* reader.streamQuery<R>(q, chunkSize);
    } finally {
      await this.readers.releaseConnection(reader);
    }
  }

  async release(): Promise<void> {
    const w = this.#writer;
    this.#writer = undefined;
    if (w) await this.writers.releaseConnection(w);
  }
}

class RoutingDriver implements Driver {
  constructor(
    private readonly writers: Driver,
    private readonly readers: Driver,
  ) {}

  async init(): Promise<void> {
    await this.writers.init();
    await this.readers.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutedConnection(this.writers, this.readers);
  }

  async beginTransaction(c: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await this.writers.beginTransaction(await (c as RoutedConnection).writer(), settings);
  }

  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await this.writers.commitTransaction(await (c as RoutedConnection).writer());
  }

  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    await this.writers.rollbackTransaction(await (c as RoutedConnection).writer());
  }

  async savepoint(c: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.writers.savepoint!(await (c as RoutedConnection).writer(), name, compile);
  }

  async rollbackToSavepoint(c: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.writers.rollbackToSavepoint!(await (c as RoutedConnection).writer(), name, compile);
  }

  async releaseSavepoint(c: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.writers.releaseSavepoint!(await (c as RoutedConnection).writer(), name, compile);
  }

  async releaseConnection(c: DatabaseConnection): Promise<void> {
    await (c as RoutedConnection).release();
  }

  async destroy(): Promise<void> {
    await this.readers.destroy();
    await this.writers.destroy();
  }
}

/** Kysely's SQLite dialect over `writer`, with SELECTs outside transactions answered by `reader`. */
export class SqliteReadRoutingDialect extends SqliteDialect {
  readonly #reader: SqliteDialect;

  constructor(writer: SQLite.Database, reader: SQLite.Database) {
    super({ database: writer });
    this.#reader = new SqliteDialect({ database: reader });
  }

  override createDriver(): Driver {
    return new RoutingDriver(super.createDriver(), this.#reader.createDriver());
  }
}

/** A read-only connection to the same file (WAL: it reads the last commit while a writer works). */
export function openReader(SQLiteClass: typeof SQLite, file: string): SQLite.Database {
  const reader = new SQLiteClass(file, { readonly: true, fileMustExist: true });
  reader.pragma('busy_timeout = 5000');
  return reader;
}
