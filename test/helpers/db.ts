/**
 * One test over every dialect: SQLite always, PostgreSQL when TEST_DATABASE_URL is set (CI sets it).
 * Each test database is fresh and migrated: an in-memory SQLite file or a PostgreSQL schema of its own.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { type Db, openPostgres, openSqlite } from '../../src/platform/db/connect.ts';
import { migrateToLatest } from '../../src/platform/db/migrator.ts';

export type DialectName = 'sqlite' | 'postgres';

export const testDialects: DialectName[] = process.env.TEST_DATABASE_URL
  ? ['sqlite', 'postgres']
  : ['sqlite'];

const openedSchemas: string[] = [];
const openedDbs: Db[] = [];

afterAll(async () => {
  await Promise.all(openedDbs.map((d) => d.close().catch(() => undefined)));
  openedDbs.length = 0;
  const url = process.env.TEST_DATABASE_URL;
  if (url && openedSchemas.length > 0) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    for (const s of openedSchemas.splice(0)) await client.query(`drop schema if exists ${s} cascade`);
    await client.end();
  }
});

/** A fresh, migrated database of the given dialect. Closed and dropped after the file's tests. */
export async function freshDb(dialect: DialectName, opts: { poolMax?: number } = {}): Promise<Db> {
  let db: Db;
  if (dialect === 'sqlite') {
    db = openSqlite(':memory:');
  } else {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`create schema ${schema}`);
    await client.end();
    openedSchemas.push(schema);
    db = openPostgres(url, { schema, max: opts.poolMax ?? 4 });
  }
  openedDbs.push(db);
  await migrateToLatest(db);
  return db;
}
