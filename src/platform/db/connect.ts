/** Opens the database: SQLite (embedded default, WAL) or PostgreSQL, behind one Kysely instance. */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config.ts';
import { AppError } from '../errors.ts';
import type { Database } from './schema.ts';

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
  close(): Promise<void>;
}

// int8 (bigint) columns hold money in minor units; they fit a JS number exactly below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// numeric as number (counts and averages from aggregates).
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

export function openSqlite(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
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
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    kysely,
    dialect: 'sqlite',
    where: file,
    sqlite,
    close: () => kysely.destroy(),
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
  return {
    kysely,
    dialect: 'postgres',
    where: safe,
    ...(opts.schema ? { schema: opts.schema } : {}),
    close: () => kysely.destroy(),
  };
}

export function openDb(target: DatabaseTarget): Db {
  return target.dialect === 'sqlite' ? openSqlite(target.file) : openPostgres(target.url);
}
