/**
 * Kysely queries for the inventory's members, processes and tasks. Rows in, domain out. An import's
 * rows are in imports.store.ts, measured time in measurements.store.ts.
 */
import type { Kysely, Selectable } from 'kysely';
import { bulkInsert } from '../platform/db/bulk.ts';
import type { Db } from '../platform/db/connect.ts';
import type { Database, MemberTable, TaskTable } from '../platform/db/schema.ts';
import type {
  Confidentiality,
  Frequency,
  Member,
  MemberRole,
  Process,
  SkillLevel,
  Task,
  TaskFields,
} from './inventory.ts';

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

const TASK_VALUE_COLUMNS = Object.keys(taskColumns(TASK_PLACEHOLDER)) as (keyof TaskColumns)[];

/** Every write to the inventory bumps the workspace's revision, so cached rankings know they are stale. */
export async function bump(db: K, ws: string): Promise<void> {
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
};
