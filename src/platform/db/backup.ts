/**
 * Backup and restore as a logical snapshot (gzipped JSON of every table, read in one transaction), the
 * same for SQLite and PostgreSQL — so a backup of one can also be restored into the other.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { type Kysely, sql, type Transaction } from 'kysely';
import { AppError } from '../errors.ts';
import type { Db } from './connect.ts';
import { knownMigrationNames, migrateToLatest } from './migrator.ts';

const FORMAT = 'outtask-backup';
const VERSION = 1;

export interface Snapshot {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  dialect: string;
  migrations: string[];
  tables: Record<string, Record<string, unknown>[]>;
}

// biome-ignore lint/suspicious/noExplicitAny: tables are discovered at run time, not known to the type system
type AnyDb = Kysely<any>;

async function tableGraph(db: Db, k: AnyDb): Promise<{ tables: string[]; deps: Map<string, string[]> }> {
  const isOwn = (t: string) => !t.startsWith('kysely_') && !t.startsWith('sqlite_');
  let tables: string[];
  let edges: { tbl: string; ref: string }[];
  if (db.dialect === 'sqlite') {
    tables = (
      await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(k)
    ).rows.map((r) => r.name);
    edges = (
      await sql<{ tbl: string; ref: string }>`
        select m.name as tbl, p."table" as ref
        from sqlite_master m join pragma_foreign_key_list(m.name) p
        where m.type = 'table'`.execute(k)
    ).rows;
  } else {
    tables = (
      await sql<{ name: string }>`
        select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(k)
    ).rows.map((r) => r.name);
    edges = (
      await sql<{ tbl: string; ref: string }>`
        select tc.table_name as tbl, ccu.table_name as ref
        from information_schema.table_constraints tc
        join information_schema.constraint_column_usage ccu
          on tc.constraint_name = ccu.constraint_name and tc.table_schema = ccu.table_schema
        where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(k)
    ).rows;
  }
  const own = tables.filter(isOwn).sort();
  const deps = new Map(own.map((t) => [t, [] as string[]]));
  for (const e of edges) if (deps.has(e.tbl) && e.tbl !== e.ref) deps.get(e.tbl)!.push(e.ref);
  return { tables: own, deps };
}

/** Parents before children, so inserts never break a foreign key. */
export function dependencyOrder(tables: string[], deps: Map<string, string[]>): string[] {
  const out: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: string) => {
    if (state.get(t) === 'done' || state.get(t) === 'visiting') return;
    state.set(t, 'visiting');
    for (const d of deps.get(t) ?? []) visit(d);
    state.set(t, 'done');
    out.push(t);
  };
  tables.forEach(visit);
  return out;
}

export async function backupToBuffer(
  db: Db,
  now: Date,
): Promise<{ bytes: Buffer; rows: number; tables: number; data: Snapshot['tables'] }> {
  const applied = knownMigrationNames();
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const run = async (trx: Transaction<any>) => {
    const { tables, deps } = await tableGraph(db, trx);
    const snapshot: Snapshot = {
      format: FORMAT,
      version: VERSION,
      createdAt: now.toISOString(),
      dialect: db.dialect,
      migrations: applied,
      tables: {},
    };
    let rows = 0;
    for (const t of dependencyOrder(tables, deps)) {
      const data = (await trx.selectFrom(t).selectAll().execute()) as Record<string, unknown>[];
      snapshot.tables[t] = data;
      rows += data.length;
    }
    return { snapshot, rows, tables: tables.length };
  };
  const k = db.kysely as AnyDb;
  const result =
    db.dialect === 'postgres'
      ? await k.transaction().setIsolationLevel('repeatable read').execute(run)
      : await k.transaction().execute(run);
  return {
    bytes: gzipSync(JSON.stringify(result.snapshot)),
    rows: result.rows,
    tables: result.tables,
    data: result.snapshot.tables,
  };
}

/** Reads and checks a snapshot without touching the database (BACKUP_INVALID when it is not one this version can restore). */
export function parseSnapshot(bytes: Uint8Array, file: string): Snapshot {
  let parsed: unknown;
  try {
    parsed = JSON.parse(gunzipSync(bytes).toString('utf8'));
  } catch (cause) {
    throw new AppError('BACKUP_INVALID', `${file} is not an Outtask backup (not gzipped JSON)`, undefined, {
      cause,
    });
  }
  const s = parsed as Partial<Snapshot>;
  if (s?.format !== FORMAT || typeof s.tables !== 'object' || !Array.isArray(s.migrations)) {
    throw new AppError('BACKUP_INVALID', `${file} is not an Outtask backup (format field missing)`);
  }
  if ((s.version ?? 0) > VERSION) {
    throw new AppError(
      'BACKUP_INVALID',
      `${file} was written by a newer Outtask (backup version ${s.version})`,
    );
  }
  const known = new Set(knownMigrationNames());
  const unknown = s.migrations.filter((m) => !known.has(m));
  if (unknown.length) {
    throw new AppError(
      'BACKUP_INVALID',
      `${file} needs migrations this version does not have: ${unknown.join(', ')}`,
    );
  }
  return s as Snapshot;
}

/**
 * Replaces every row with the backup's, in one transaction: if anything fails, the database is left
 * exactly as it was.
 */
export async function restoreFromBuffer(
  db: Db,
  bytes: Uint8Array,
  file: string,
): Promise<{ rows: number; tables: number }> {
  const snapshot = parseSnapshot(bytes, file);
  await migrateToLatest(db);
  const k = db.kysely as AnyDb;
  return k.transaction().execute(async (trx) => {
    const { tables, deps } = await tableGraph(db, trx);
    const order = dependencyOrder(tables, deps);
    const missing = Object.keys(snapshot.tables).filter((t) => !tables.includes(t));
    if (missing.length)
      throw new AppError('BACKUP_INVALID', `${file} has tables this database lacks: ${missing.join(', ')}`);
    // Caches are keyed by a workspace's revision (cached rankings, ETags), in this process and in a
    // server running beside the CLI: a restore must never take a revision back to a number they have
    // seen, so every restored workspace continues above both its old and its restored revision.
    const before = new Map(
      (
        (await trx.selectFrom('workspaces').select(['id', 'revision']).execute()) as {
          id: string;
          revision: number | string;
        }[]
      ).map((w) => [w.id, Number(w.revision)] as const),
    );
    for (const t of [...order].reverse()) await trx.deleteFrom(t).execute();
    let rows = 0;
    for (const t of order) {
      const data = snapshot.tables[t] ?? [];
      const columns = Math.max(1, Object.keys(data[0] ?? {}).length);
      const chunk = Math.max(1, Math.floor(30_000 / columns));
      for (let i = 0; i < data.length; i += chunk) {
        await trx
          .insertInto(t)
          .values(data.slice(i, i + chunk))
          .execute();
      }
      rows += data.length;
    }
    const restored = (await trx.selectFrom('workspaces').select(['id', 'revision']).execute()) as {
      id: string;
      revision: number | string;
    }[];
    for (const w of restored) {
      const next = Math.max(Number(w.revision), before.get(w.id) ?? 0) + 1;
      await trx.updateTable('workspaces').set({ revision: next }).where('id', '=', w.id).execute();
    }
    return { rows, tables: order.length };
  });
}
