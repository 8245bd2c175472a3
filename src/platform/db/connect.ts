/** Opens the database: SQLite (embedded default, WAL) or PostgreSQL, behind one Kysely instance. */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config.ts';
import { AppError } from '../errors.ts';
import { startCheckpointer } from './checkpointer.ts';
import type { Database } from './schema.ts';
import { openReader, SqliteReadRoutingDialect } from './sqlite-reads.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: Dialect;
  /** Human-readable location, for logs and error messages (never includes a password). */
  readonly where: string;
  /** PostgreSQL schema when not the default search path (tests isolate themselves in one). */
  readonly schema?: string;
  /** The embedded SQLite handle (the one Kysely runs on), for bulk inserts with a reused statement. */
  readonly sqlite?: SQLite.Database;
  /** SQLite file only: a WAL checkpoint now, in the checkpointer's thread (checkpointer.ts). */
  readonly checkpoint?: () => Promise<{ log: number; checkpointed: number }>;
  /**
   * PostgreSQL only: LISTEN on a channel over a connection of its own (re-opened if it drops), calling
   * `onNotify` with each payload. The job queue wakes its workers with it.
   */
  readonly listen?: (channel: string, onNotify: (payload: string) => void) => Promise<Listener>;
  /**
   * PostgreSQL only: a small pool of its own whose commits do not wait for the WAL flush
   * (synchronous_commit off), for writes whose loss in a database crash is harmless — the job
   * queue's claims and heartbeats. Opened on first use.
   */
  readonly relaxed?: () => Kysely<Database>;
  close(): Promise<void>;
}

export interface Listener {
  close(): Promise<void>;
}

// int8 (bigint) columns hold money in minor units; they fit a JS number exactly below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// numeric as number (counts and averages from aggregates).
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

/**
 * The database holds password and session hashes: only its owner may read it (0600). Created so
 * before SQLite opens it (SQLite gives its -wal and -shm files the database's mode), and an older
 * world-readable file is tightened on open.
 */
export function protectFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  try {
    fs.chmodSync(file, 0o600);
  } catch {
    // Not ours to change (a read-only mount): SQLite will say so if it cannot use it.
  }
  for (const side of [`${file}-wal`, `${file}-shm`]) {
    if (fs.existsSync(side)) fs.chmodSync(side, 0o600);
  }
}

export function openSqlite(file: string): Db {
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    protectFile(file);
  }
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(file);
  } catch (cause) {
    throw new AppError(
      'DB_UNAVAILABLE',
      `Cannot open SQLite database at ${file}: ${(cause as Error).message}`,
      undefined,
      {
        cause,
      },
    );
  }
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A file gets a read-only second connection for SELECTs outside transactions (sqlite-reads.ts);
  // an in-memory database is one connection's own.
  const reader = file === ':memory:' ? undefined : openReader(SQLite, file);
  const kysely = new Kysely<Database>({
    dialect: reader ? new SqliteReadRoutingDialect(sqlite, reader) : new SqliteDialect({ database: sqlite }),
  });
  // WAL checkpoints in a thread of their own, not inside the commit of a large import (checkpointer.ts).
  const checkpointer = file === ':memory:' ? undefined : startCheckpointer(sqlite, file);
  return {
    kysely,
    dialect: 'sqlite',
    where: file,
    sqlite,
    ...(checkpointer ? { checkpoint: checkpointer.checkpoint } : {}),
    async close() {
      await checkpointer?.close();
      await kysely.destroy();
    },
  };
}

export interface PostgresOptions {
  /** Run every connection with this search_path (tests isolate themselves in a schema). */
  schema?: string;
  max?: number;
}

export function openPostgres(url: string, opts: PostgresOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const safe = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  const listeners = new Set<Listener>();
  let relaxed: Kysely<Database> | undefined;
  const options = (extra: string) => `${opts.schema ? `-c search_path=${opts.schema} ` : ''}${extra}`.trim();
  return {
    kysely,
    dialect: 'postgres',
    where: safe,
    ...(opts.schema ? { schema: opts.schema } : {}),
    async listen(channel, onNotify) {
      const l = await listenPostgres(url, opts.schema, channel, onNotify);
      listeners.add(l);
      return {
        close: async () => {
          listeners.delete(l);
          await l.close();
        },
      };
    },
    relaxed() {
      relaxed ??= new Kysely<Database>({
        dialect: new PostgresDialect({
          pool: new pg.Pool({ connectionString: url, max: 2, options: options('-c synchronous_commit=off') }),
        }),
      });
      return relaxed;
    },
    async close() {
      await Promise.all([...listeners].map((l) => l.close()));
      await relaxed?.destroy();
      await kysely.destroy();
    },
  };
}

/** LISTEN on a dedicated client; when the connection drops, connect again after a pause. */
async function listenPostgres(
  url: string,
  schema: string | undefined,
  channel: string,
  onNotify: (payload: string) => void,
): Promise<Listener> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Bad channel name ${channel}`);
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const again = () => {
    if (!closed) retry = setTimeout(() => void connect().catch(again), 1000);
  };
  const connect = async (): Promise<void> => {
    const c = new pg.Client({
      connectionString: url,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    c.on('notification', (m) => {
      if (m.channel === channel) onNotify(m.payload ?? '');
    });
    c.on('error', () => {
      if (closed || client !== c) return;
      client = undefined;
      c.end().catch(() => undefined);
      again();
    });
    await c.connect();
    await c.query(`listen "${channel}"`);
    if (closed) await c.end();
    else client = c;
  };
  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}

export function openDb(target: DatabaseTarget): Db {
  return target.dialect === 'sqlite' ? openSqlite(target.file) : openPostgres(target.url);
}
