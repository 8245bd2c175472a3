/**
 * Kysely queries of the imports: the time entries an import brings, its batch (counts, period, what
 * undoing it restores), the activities the firm decided on (remembered per tracker) and the clean-up
 * an undo does. Rows in, domain out; the inventory's own rows are in inventory.store.ts.
 */
import type { Kysely, Selectable } from 'kysely';
import { bulkInsert, yieldToEventLoop } from '../platform/db/bulk.ts';
import type { Db } from '../platform/db/connect.ts';
import type { Database, ImportBatchTable } from '../platform/db/schema.ts';
import { bump } from './inventory.store.ts';
import type { ImportBatch, Member, Task } from './inventory.ts';
import { decodeTimeEntries, type EncodedRows, TIME_ENTRY_VALUE_COLUMNS } from './time-entry-rows.ts';

type K = Kysely<Database>;

function toImportBatch(r: Selectable<ImportBatchTable>): ImportBatch {
  return {
    id: r.id,
    fileName: r.file_name,
    format: r.format,
    rows: r.row_count,
    imported: r.imported_count,
    skipped: r.skipped_count,
    errors: r.error_count,
    byUserId: r.created_by,
    at: r.created_at,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    undoneAt: r.undone_at,
  };
}

/** What an import changed, kept so that undoing it restores the inventory exactly. */
export interface ImportUndo {
  createdTaskIds: string[];
  createdProcessIds: string[];
  createdMemberIds: string[];
  /** The tasks and members the import changed, as they were before. */
  tasksBefore: Task[];
  membersBefore: Member[];
}

function parseUndo(json: string): ImportUndo {
  const u = JSON.parse(json) as Partial<ImportUndo>;
  return {
    createdTaskIds: u.createdTaskIds ?? [],
    createdProcessIds: u.createdProcessIds ?? [],
    createdMemberIds: u.createdMemberIds ?? [],
    tasksBefore: u.tasksBefore ?? [],
    membersBefore: u.membersBefore ?? [],
  };
}

/** A remembered decision: tasks the firm made from an activity are remembered as that task. */
export type RememberedDecision = { action: 'task'; taskId: string } | { action: 'ignore' };

const TIME_ENTRY_COLUMNS = ['workspace_id', ...TIME_ENTRY_VALUE_COLUMNS, 'import_id'] as const;

export const importsStore = {
  /** Inserts entries, skipping those whose fingerprint is already stored. Returns how many were new. */
  /** An import's time entries, as the worker thread encoded them (time-entry-rows.ts). */
  async insertTimeEntries(
    db: K,
    target: Pick<Db, 'dialect' | 'sqlite'>,
    ws: string,
    importId: string,
    entries: EncodedRows,
  ): Promise<number> {
    const inserted = await bulkInsert(
      db,
      target,
      'time_entries',
      TIME_ENTRY_COLUMNS,
      (function* () {
        for (const chunk of decodeTimeEntries(entries)) yield* chunk;
      })(),
      (t) => [ws, ...t, importId],
      { onConflictDoNothing: ['workspace_id', 'fingerprint'] },
    );
    if (inserted > 0) await bump(db, ws);
    return inserted;
  },

  async insertImportBatch(
    db: K,
    ws: string,
    b: {
      id: string;
      fileName: string;
      fingerprint: string;
      format: string;
      rowCount: number;
      importedCount: number;
      skippedCount: number;
      errorCount: number;
      createdBy: string | null;
      createdAt: string;
      period: { from: string; to: string } | null;
      undo: ImportUndo;
    },
  ): Promise<void> {
    await db
      .insertInto('import_batches')
      .values({
        id: b.id,
        workspace_id: ws,
        file_name: b.fileName,
        fingerprint: b.fingerprint,
        format: b.format,
        row_count: b.rowCount,
        imported_count: b.importedCount,
        skipped_count: b.skippedCount,
        error_count: b.errorCount,
        created_by: b.createdBy,
        created_at: b.createdAt,
        period_from: b.period?.from ?? null,
        period_to: b.period?.to ?? null,
        undo_json: JSON.stringify(b.undo),
      })
      .execute();
  },

  async setImportedCount(db: K, importId: string, count: number): Promise<void> {
    await db
      .updateTable('import_batches')
      .set({ imported_count: count })
      .where('id', '=', importId)
      .execute();
  },

  /** Records which tasks an import's entries went to (re-imported entries included). */
  async insertBatchTasks(db: K, importId: string, taskIds: Iterable<string>): Promise<void> {
    const rows = [...new Set(taskIds)].map((task_id) => ({ import_id: importId, task_id }));
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('import_batch_tasks')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  },

  async findImportBatch(
    db: K,
    ws: string,
    id: string,
  ): Promise<(ImportBatch & { undo: ImportUndo }) | undefined> {
    const r = await db
      .selectFrom('import_batches')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .executeTakeFirst();
    return r && { ...toImportBatch(r), undo: parseUndo(r.undo_json) };
  },

  async markImportUndone(db: K, id: string, at: string): Promise<void> {
    await db.updateTable('import_batches').set({ undone_at: at }).where('id', '=', id).execute();
    await db.deleteFrom('import_batch_tasks').where('import_id', '=', id).execute();
  },

  async deleteTimeEntriesOf(db: K, ws: string, importId: string): Promise<number> {
    const r = await db
      .deleteFrom('time_entries')
      .where('workspace_id', '=', ws)
      .where('import_id', '=', importId)
      .executeTakeFirst();
    await bump(db, ws);
    return Number(r.numDeletedRows);
  },

  /** Time entries of other imports on these tasks: what would be lost with them. */
  async entriesOnTasks(db: K, ws: string, taskIds: string[], notImportId: string): Promise<number> {
    if (taskIds.length === 0) return 0;
    const r = await db
      .selectFrom('time_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', ws)
      .where('task_id', 'in', taskIds)
      .where('import_id', '!=', notImportId)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },

  /** How many of these fingerprints are stored already (a preview's "already imported"). */
  /** How many of these entries are stored already (a preview's count of what is new). */
  async storedFingerprints(db: K, ws: string, entries: EncodedRows): Promise<number> {
    const FINGERPRINT = TIME_ENTRY_VALUE_COLUMNS.indexOf('fingerprint');
    let n = 0;
    const seen = new Set<string>();
    for (const rows of decodeTimeEntries(entries)) {
      const keys: string[] = [];
      for (const r of rows) {
        const key = r[FINGERPRINT] as string;
        if (!seen.has(key)) keys.push(key);
        seen.add(key);
      }
      for (let i = 0; i < keys.length; i += 500) {
        const r = await db
          .selectFrom('time_entries')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', ws)
          .where('fingerprint', 'in', keys.slice(i, i + 500))
          .executeTakeFirst();
        n += Number(r?.n ?? 0);
      }
      // SQLite answers synchronously: without a turn of the event loop, 400 queries are one long block.
      await yieldToEventLoop();
    }
    return n;
  },

  /**
   * Names of these tasks that step 2–4 work now hangs on (recorded ways, procedures): undoing the
   * import that created them would delete that work with them. Read here, not through procedures'
   * surface, because the question is whether a delete of inventory rows would cascade into it.
   */
  async tasksWithProcedures(db: K, ws: string, taskIds: string[]): Promise<string[]> {
    if (taskIds.length === 0) return [];
    const rows = await db
      .selectFrom('tasks')
      .select('tasks.name')
      .where('tasks.workspace_id', '=', ws)
      .where('tasks.id', 'in', taskIds)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb.selectFrom('procedure_variants as v').select('v.id').whereRef('v.task_id', '=', 'tasks.id'),
          ),
          eb.exists(eb.selectFrom('procedures as p').select('p.id').whereRef('p.task_id', '=', 'tasks.id')),
        ]),
      )
      .execute();
    return rows.map((r) => r.name);
  },

  async deleteTasks(db: K, ws: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await db.deleteFrom('tasks').where('workspace_id', '=', ws).where('id', 'in', ids).execute();
    await bump(db, ws);
  },

  async deleteProcessesIfEmpty(db: K, ws: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await db
      .deleteFrom('processes')
      .where('workspace_id', '=', ws)
      .where('id', 'in', ids)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom('tasks').select('tasks.id').whereRef('tasks.process_id', '=', 'processes.id'),
          ),
        ),
      )
      .execute();
    await bump(db, ws);
  },

  async deleteMembersIfUnused(db: K, ws: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await db
      .deleteFrom('members')
      .where('workspace_id', '=', ws)
      .where('id', 'in', ids)
      .where((eb) =>
        eb.not(
          eb.or([
            eb.exists(
              eb.selectFrom('tasks').select('tasks.id').whereRef('tasks.performer_id', '=', 'members.id'),
            ),
            eb.exists(
              eb
                .selectFrom('time_entries')
                .select('time_entries.fingerprint')
                .whereRef('time_entries.member_id', '=', 'members.id'),
            ),
          ]),
        ),
      )
      .execute();
    await bump(db, ws);
  },

  /** What the firm decided each activity of this tracker becomes, at its last import. */
  async rememberedDecisions(db: K, ws: string, tracker: string): Promise<Map<string, RememberedDecision>> {
    const rows = await db
      .selectFrom('import_mappings')
      .select(['activity_key', 'action', 'task_id'])
      .where('workspace_id', '=', ws)
      .where('tracker', '=', tracker)
      .execute();
    const out = new Map<string, RememberedDecision>();
    for (const r of rows) {
      if (r.action === 'ignore') out.set(r.activity_key, { action: 'ignore' });
      else if (r.task_id) out.set(r.activity_key, { action: 'task', taskId: r.task_id });
    }
    return out;
  },

  async rememberDecisions(
    db: K,
    ws: string,
    tracker: string,
    decisions: { key: string; decision: RememberedDecision }[],
    now: string,
  ): Promise<void> {
    for (const d of decisions) {
      const values = {
        action: d.decision.action,
        task_id: d.decision.action === 'task' ? d.decision.taskId : null,
        updated_at: now,
      };
      await db
        .insertInto('import_mappings')
        .values({ workspace_id: ws, tracker, activity_key: d.key, ...values })
        .onConflict((oc) => oc.columns(['workspace_id', 'tracker', 'activity_key']).doUpdateSet(values))
        .execute();
    }
  },

  async listImportBatches(db: K, ws: string): Promise<ImportBatch[]> {
    const rows = await db
      .selectFrom('import_batches')
      .selectAll()
      .where('workspace_id', '=', ws)
      .orderBy('created_at', 'desc')
      .limit(100)
      .execute();
    return rows.map(toImportBatch);
  },
};
