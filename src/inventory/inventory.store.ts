/** Kysely queries for members, processes, tasks, time entries and import batches. Rows in, domain out. */
import type { Kysely, Selectable } from 'kysely';
import { bulkInsert } from '../platform/db/bulk.ts';
import type { Db } from '../platform/db/connect.ts';
import type { Database, MemberTable, TaskTable } from '../platform/db/schema.ts';
import type { Money } from '../platform/money.ts';
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
} from './inventory.ts';

type K = Kysely<Database>;

export function toMember(r: Selectable<MemberTable>): Member {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    title: r.title,
    role: r.role as MemberRole,
    hourlyCost: { amountMinor: r.hourly_cost_minor, currency: r.currency },
    yearlyCapacityHours: r.yearly_capacity_hours,
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
  };
}

function memberColumns(m: Omit<Member, 'id'>) {
  return {
    name: m.name,
    email: m.email,
    title: m.title,
    role: m.role,
    hourly_cost_minor: m.hourlyCost.amountMinor,
    currency: m.hourlyCost.currency,
    yearly_capacity_hours: m.yearlyCapacityHours,
  };
}

export function taskColumns(t: Omit<Task, 'id'>) {
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

export interface NewTimeEntry {
  taskId: string;
  memberId: string | null;
  personName: string;
  date: string;
  minutes: number;
  costRate: Money | null;
  project: string;
  client: string;
  description: string;
  billable: boolean;
  fingerprint: string;
}

const TIME_ENTRY_COLUMNS = [
  'workspace_id',
  'task_id',
  'member_id',
  'person_name',
  'entry_date',
  'minutes',
  'cost_rate_minor',
  'currency',
  'project',
  'client',
  'description',
  'billable',
  'fingerprint',
  'import_id',
] as const;

const TASK_VALUE_COLUMNS = Object.keys(
  taskColumns({
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
  }),
) as (keyof ReturnType<typeof taskColumns>)[];

/**
 * The unique index on fingerprints is most of an import's insert time; storing 128 of the sha256's
 * 256 bits as base64url (22 characters instead of 64) makes it a third cheaper and stays collision-safe.
 */
export function storedFingerprint(hex: string): string {
  return /^[0-9a-f]{32,}$/.test(hex) ? Buffer.from(hex.slice(0, 32), 'hex').toString('base64url') : hex;
}

/** Every write to the inventory bumps the workspace's revision, so cached rankings know they are stale. */
async function bump(db: K, ws: string): Promise<void> {
  await db
    .updateTable('workspaces')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('id', '=', ws)
    .execute();
}

export const inventoryStore = {
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
      .set({ ...memberColumns(m), updated_at: now })
      .where('workspace_id', '=', ws)
      .where('id', '=', m.id)
      .execute();
    await bump(db, ws);
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

  async updateTask(db: K, ws: string, t: Task, now: string): Promise<void> {
    await db
      .updateTable('tasks')
      .set({ ...taskColumns(t), updated_at: now })
      .where('workspace_id', '=', ws)
      .where('id', '=', t.id)
      .execute();
    await bump(db, ws);
  },

  async deleteTask(db: K, ws: string, id: string): Promise<number> {
    const r = await db
      .deleteFrom('tasks')
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .executeTakeFirst();
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
    const rows = await q.execute();
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
      });
      out.set(r.task_id, list);
    }
    return out;
  },

  /** Inserts entries, skipping those whose fingerprint is already stored. Returns how many were new. */
  async insertTimeEntries(
    db: K,
    target: Pick<Db, 'dialect' | 'sqlite'>,
    ws: string,
    importId: string,
    entries: NewTimeEntry[],
  ): Promise<number> {
    const toRow = (e: NewTimeEntry) => [
      ws,
      e.taskId,
      e.memberId,
      e.personName,
      e.date,
      e.minutes,
      e.costRate?.amountMinor ?? null,
      e.costRate?.currency ?? null,
      e.project,
      e.client,
      e.description,
      e.billable ? 1 : 0,
      storedFingerprint(e.fingerprint),
      importId,
    ];
    const inserted = await bulkInsert(db, target, 'time_entries', TIME_ENTRY_COLUMNS, entries, toRow, {
      onConflictDoNothing: ['workspace_id', 'fingerprint'],
    });
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
      })
      .execute();
  },

  async listImportBatches(db: K, ws: string): Promise<ImportBatch[]> {
    const rows = await db
      .selectFrom('import_batches')
      .selectAll()
      .where('workspace_id', '=', ws)
      .orderBy('created_at', 'desc')
      .limit(100)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      fileName: r.file_name,
      format: r.format,
      rows: r.row_count,
      imported: r.imported_count,
      skipped: r.skipped_count,
      errors: r.error_count,
      byUserId: r.created_by,
      at: r.created_at,
    }));
  },
};
