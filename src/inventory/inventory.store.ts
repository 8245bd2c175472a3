/** Kysely queries for members, processes, tasks, time entries and import batches. Rows in, domain out. */
import type { Kysely, Selectable } from 'kysely';
import { bulkInsert, yieldToEventLoop } from '../platform/db/bulk.ts';
import type { Db } from '../platform/db/connect.ts';
import type { Database, ImportBatchTable, MemberTable, TaskTable } from '../platform/db/schema.ts';
import type {
  Confidentiality,
  Frequency,
  ImportBatch,
  Measurement,
  Member,
  MemberRole,
  Process,
  SkillLevel,
  Task,
  TaskFields,
} from './inventory.ts';
import { decodeTimeEntries, type EncodedRows, TIME_ENTRY_VALUE_COLUMNS } from './time-entry-rows.ts';

type K = Kysely<Database>;

const TASK_PLACEHOLDER: TaskFields = {
  processId: '',
  name: '',
  description: '',
  performerId: null,
  frequency: { kind: 'per_year', occurrencesPerYear: 0 },
  minutesPerOccurrence: 0,
  skillLevel: 'basic',
  confidentiality: 'public',
  needsClientContact: false,
  knownVariants: 1,
  deliverableUnit: '',
  unitsPerOccurrence: 0,
  marketPricePerUnit: null,
  turnaroundHours: 0,
  reviewMinutesPerOccurrence: null,
};

export function toMember(r: Selectable<MemberTable>): Member {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    title: r.title,
    role: r.role as MemberRole,
    hourlyCost: { amountMinor: r.hourly_cost_minor, currency: r.currency },
    yearlyCapacityHours: r.yearly_capacity_hours,
    leftOn: r.left_on,
    version: r.version,
  };
}

export function toTask(r: Selectable<TaskTable>): Task {
  const frequency: Frequency =
    r.frequency_kind === 'per_project'
      ? { kind: 'per_project', perProject: r.per_project ?? 0, projectsPerYear: r.projects_per_year ?? 0 }
      : { kind: 'per_year', occurrencesPerYear: r.occurrences_per_year ?? 0 };
  return {
    id: r.id,
    processId: r.process_id,
    name: r.name,
    description: r.description,
    performerId: r.performer_id,
    frequency,
    minutesPerOccurrence: r.minutes_per_occurrence,
    skillLevel: r.skill_level as SkillLevel,
    confidentiality: r.confidentiality as Confidentiality,
    needsClientContact: r.needs_client_contact === 1,
    knownVariants: r.known_variants,
    deliverableUnit: r.deliverable_unit,
    unitsPerOccurrence: r.units_per_occurrence,
    marketPricePerUnit:
      r.market_price_minor === null
        ? null
        : { amountMinor: r.market_price_minor, currency: r.market_currency ?? 'USD' },
    turnaroundHours: r.turnaround_hours,
    reviewMinutesPerOccurrence: r.review_minutes,
    version: r.version,
  };
}

function memberColumns(m: Omit<Member, 'id' | 'version'>) {
  return {
    name: m.name,
    email: m.email,
    title: m.title,
    role: m.role,
    hourly_cost_minor: m.hourlyCost.amountMinor,
    currency: m.hourlyCost.currency,
    yearly_capacity_hours: m.yearlyCapacityHours,
    left_on: m.leftOn ?? null,
  };
}

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

export function taskColumns(t: TaskFields) {
  const f = t.frequency;
  return {
    process_id: t.processId,
    name: t.name,
    description: t.description,
    performer_id: t.performerId,
    frequency_kind: f.kind,
    occurrences_per_year: f.kind === 'per_year' ? f.occurrencesPerYear : null,
    per_project: f.kind === 'per_project' ? f.perProject : null,
    projects_per_year: f.kind === 'per_project' ? f.projectsPerYear : null,
    minutes_per_occurrence: t.minutesPerOccurrence,
    skill_level: t.skillLevel,
    confidentiality: t.confidentiality,
    needs_client_contact: t.needsClientContact ? 1 : 0,
    known_variants: t.knownVariants,
    deliverable_unit: t.deliverableUnit,
    units_per_occurrence: t.unitsPerOccurrence,
    market_price_minor: t.marketPricePerUnit?.amountMinor ?? null,
    market_currency: t.marketPricePerUnit?.currency ?? null,
    turnaround_hours: t.turnaroundHours,
    review_minutes: t.reviewMinutesPerOccurrence,
  };
}

type TaskColumns = ReturnType<typeof taskColumns>;

/** Which columns hold each field of a task: a patch writes only the columns of the fields it sent. */
const TASK_FIELD_COLUMNS = {
  processId: ['process_id'],
  name: ['name'],
  description: ['description'],
  performerId: ['performer_id'],
  frequency: ['frequency_kind', 'occurrences_per_year', 'per_project', 'projects_per_year'],
  minutesPerOccurrence: ['minutes_per_occurrence'],
  skillLevel: ['skill_level'],
  confidentiality: ['confidentiality'],
  needsClientContact: ['needs_client_contact'],
  knownVariants: ['known_variants'],
  deliverableUnit: ['deliverable_unit'],
  unitsPerOccurrence: ['units_per_occurrence'],
  marketPricePerUnit: ['market_price_minor', 'market_currency'],
  turnaroundHours: ['turnaround_hours'],
  reviewMinutesPerOccurrence: ['review_minutes'],
} as const satisfies Record<keyof TaskFields, readonly (keyof TaskColumns)[]>;

/** The columns of the fields a patch sent, and of no other field. */
export function taskPatchColumns(patch: Partial<TaskFields>): Partial<TaskColumns> {
  const all = taskColumns({ ...TASK_PLACEHOLDER, ...patch });
  const out: Partial<Record<keyof TaskColumns, unknown>> = {};
  for (const field of Object.keys(patch) as (keyof TaskFields)[]) {
    if (patch[field] === undefined) continue;
    for (const col of TASK_FIELD_COLUMNS[field]) out[col] = all[col];
  }
  return out as Partial<TaskColumns>;
}

export type { NewTimeEntry } from './time-entry-rows.ts';

const TIME_ENTRY_COLUMNS = ['workspace_id', ...TIME_ENTRY_VALUE_COLUMNS, 'import_id'] as const;

const TASK_VALUE_COLUMNS = Object.keys(taskColumns(TASK_PLACEHOLDER)) as (keyof TaskColumns)[];

/** Every write to the inventory bumps the workspace's revision, so cached rankings know they are stale. */
async function bump(db: K, ws: string): Promise<void> {
  await db
    .updateTable('workspaces')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('id', '=', ws)
    .execute();
}

export const inventoryStore = {
  /**
   * Inside a write transaction: bumps the revision if it still is `expected` (any when null), and so
   * takes the workspace row's lock on PostgreSQL until the commit — the inventory cannot change under
   * a plan made on that revision. False when it moved.
   */
  async claimRevision(db: K, ws: string, expected: number | null): Promise<boolean> {
    let q = db
      .updateTable('workspaces')
      .set((eb) => ({ revision: eb('revision', '+', 1) }))
      .where('id', '=', ws);
    if (expected !== null) q = q.where('revision', '=', expected);
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async revision(db: K, ws: string): Promise<number> {
    const r = await db.selectFrom('workspaces').select('revision').where('id', '=', ws).executeTakeFirst();
    return Number(r?.revision ?? 0);
  },

  async listMembers(db: K, ws: string): Promise<Member[]> {
    const rows = await db
      .selectFrom('members')
      .selectAll()
      .where('workspace_id', '=', ws)
      .orderBy('name')
      .execute();
    return rows.map(toMember);
  },

  async findMember(db: K, ws: string, id: string): Promise<Member | undefined> {
    const r = await db
      .selectFrom('members')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .executeTakeFirst();
    return r && toMember(r);
  },

  async insertMember(db: K, ws: string, m: Member, now: string): Promise<void> {
    await db
      .insertInto('members')
      .values({ id: m.id, workspace_id: ws, ...memberColumns(m), created_at: now, updated_at: now })
      .execute();
    await bump(db, ws);
  },

  async updateMember(db: K, ws: string, m: Member, now: string): Promise<void> {
    await db
      .updateTable('members')
      .set((eb) => ({ ...memberColumns(m), updated_at: now, version: eb('version', '+', 1) }))
      .where('workspace_id', '=', ws)
      .where('id', '=', m.id)
      .execute();
    await bump(db, ws);
  },

  /** Writes a member whose row this transaction claimed (claimRowVersion): its version moved already. */
  async writeClaimedMember(db: K, ws: string, m: Member, now: string): Promise<Member> {
    const row = await db
      .updateTable('members')
      .set({ ...memberColumns(m), updated_at: now })
      .where('workspace_id', '=', ws)
      .where('id', '=', m.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await bump(db, ws);
    return toMember(row);
  },

  async deleteMember(db: K, ws: string, id: string): Promise<number> {
    const r = await db
      .deleteFrom('members')
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .executeTakeFirst();
    await bump(db, ws);
    return Number(r.numDeletedRows);
  },

  async listProcesses(db: K, ws: string): Promise<Process[]> {
    return db
      .selectFrom('processes')
      .select(['id', 'name', 'description'])
      .where('workspace_id', '=', ws)
      .orderBy('position')
      .orderBy('name')
      .execute();
  },

  async insertProcess(db: K, ws: string, p: Process, position: number, now: string): Promise<void> {
    await db
      .insertInto('processes')
      .values({
        id: p.id,
        workspace_id: ws,
        name: p.name,
        description: p.description,
        position,
        created_at: now,
      })
      .execute();
    await bump(db, ws);
  },

  async updateProcess(db: K, ws: string, p: Process): Promise<void> {
    await db
      .updateTable('processes')
      .set({ name: p.name, description: p.description })
      .where('workspace_id', '=', ws)
      .where('id', '=', p.id)
      .execute();
    await bump(db, ws);
  },

  async listTasks(db: K, ws: string): Promise<Task[]> {
    const rows = await db
      .selectFrom('tasks')
      .selectAll()
      .where('workspace_id', '=', ws)
      .orderBy('name')
      .execute();
    return rows.map(toTask);
  },

  async findTask(db: K, ws: string, id: string): Promise<Task | undefined> {
    const r = await db
      .selectFrom('tasks')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .executeTakeFirst();
    return r && toTask(r);
  },

  async insertTask(db: K, ws: string, t: Task, now: string): Promise<void> {
    await db
      .insertInto('tasks')
      .values({ id: t.id, workspace_id: ws, ...taskColumns(t), created_at: now, updated_at: now })
      .execute();
    await bump(db, ws);
  },

  /** Writes a whole task (imports): every field, one version more. */
  async updateTask(db: K, ws: string, t: Task, now: string): Promise<void> {
    await db
      .updateTable('tasks')
      .set((eb) => ({ ...taskColumns(t), updated_at: now, version: eb('version', '+', 1) }))
      .where('workspace_id', '=', ws)
      .where('id', '=', t.id)
      .execute();
    await bump(db, ws);
  },

  /**
   * Writes the fields a patch sent, and no other column, in one statement: two people changing
   * different fields of one task at once both keep their change. With `expectedVersion` it is a
   * compare-and-set (`… AND version = ?`). Returns the task as stored, or undefined when no row
   * matched (no such task, or a newer version).
   */
  async patchTask(
    db: K,
    ws: string,
    id: string,
    patch: Partial<TaskFields>,
    now: string,
    expectedVersion?: number,
  ): Promise<Task | undefined> {
    let q = db
      .updateTable('tasks')
      .set((eb) => ({ ...taskPatchColumns(patch), updated_at: now, version: eb('version', '+', 1) }))
      .where('workspace_id', '=', ws)
      .where('id', '=', id);
    if (expectedVersion !== undefined) q = q.where('version', '=', expectedVersion);
    const row = await q.returningAll().executeTakeFirst();
    if (!row) return undefined;
    await bump(db, ws);
    return toTask(row);
  },

  /** Deletes a task (only at `expectedVersion` when given); how many rows went. */
  async deleteTask(db: K, ws: string, id: string, expectedVersion?: number): Promise<number> {
    let q = db.deleteFrom('tasks').where('workspace_id', '=', ws).where('id', '=', id);
    if (expectedVersion !== undefined) q = q.where('version', '=', expectedVersion);
    const r = await q.executeTakeFirst();
    await bump(db, ws);
    return Number(r.numDeletedRows);
  },

  /** Measured time per task and person, costed at the export's rate where it had one, else the member's. */
  async measurements(db: K, ws: string, taskId?: string): Promise<Map<string, Measurement[]>> {
    let q = db
      .selectFrom('time_entries as e')
      .leftJoin('members as m', 'm.id', 'e.member_id')
      .select((eb) => [
        'e.task_id',
        'e.member_id',
        'e.person_name',
        eb.fn.sum<number>('e.minutes').as('minutes'),
        eb.fn.countAll<number>().as('entries'),
        // minutes × rate / 60, summed; rounded once per person at the end (money stays exact per entry group).
        eb.fn
          .sum<number>(
            eb('e.minutes', '*', eb.fn.coalesce('e.cost_rate_minor', 'm.hourly_cost_minor', eb.lit(0))),
          )
          .as('rate_minutes'),
        eb.fn.max('e.currency').as('entry_currency'),
        eb.fn.max('m.currency').as('member_currency'),
        eb.fn.min('e.entry_date').as('first_date'),
        eb.fn.max('e.entry_date').as('last_date'),
      ])
      .where('e.workspace_id', '=', ws)
      .groupBy(['e.task_id', 'e.member_id', 'e.person_name'])
      .orderBy('e.task_id')
      .orderBy('e.person_name');
    if (taskId) q = q.where('e.task_id', '=', taskId);
    let pq = db
      .selectFrom('import_batch_tasks as bt')
      .innerJoin('import_batches as b', 'b.id', 'bt.import_id')
      .select((eb) => [
        'bt.task_id',
        eb.fn.min('b.period_from').as('period_from'),
        eb.fn.max('b.period_to').as('period_to'),
      ])
      .where('b.workspace_id', '=', ws)
      .where('b.undone_at', 'is', null)
      .where('b.period_from', 'is not', null)
      .groupBy('bt.task_id');
    if (taskId) pq = pq.where('bt.task_id', '=', taskId);
    const [rows, periodRows] = await Promise.all([q.execute(), pq.execute()]);
    const periods = new Map(
      periodRows.map((r) => [r.task_id, { from: String(r.period_from), to: String(r.period_to) }]),
    );
    const out = new Map<string, Measurement[]>();
    for (const r of rows) {
      const list = out.get(r.task_id) ?? [];
      list.push({
        memberId: r.member_id,
        memberName: r.person_name,
        minutes: Number(r.minutes),
        entries: Number(r.entries),
        cost: {
          amountMinor: Math.round(Number(r.rate_minutes) / 60),
          currency: (r.entry_currency as string | null) ?? (r.member_currency as string | null) ?? 'USD',
        },
        firstDate: String(r.first_date),
        lastDate: String(r.last_date),
        period: periods.get(r.task_id) ?? null,
      });
      out.set(r.task_id, list);
    }
    return out;
  },

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

  /** Many tasks at once (imports, the demo): one statement per few hundred rows. */
  async insertTasks(
    db: K,
    target: Pick<Db, 'dialect' | 'sqlite'>,
    ws: string,
    tasks: Task[],
    now: string,
  ): Promise<void> {
    const toRow = (t: Task) => {
      const c = taskColumns(t);
      return [t.id, ws, ...TASK_VALUE_COLUMNS.map((k) => c[k]), now, now];
    };
    await bulkInsert(
      db,
      target,
      'tasks',
      ['id', 'workspace_id', ...TASK_VALUE_COLUMNS, 'created_at', 'updated_at'],
      tasks,
      toRow,
    );
    await bump(db, ws);
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
