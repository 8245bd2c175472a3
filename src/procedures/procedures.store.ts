/** Kysely queries for variants, procedures, versions and steps, and forms (forms.store.ts). Rows in, domain out. */
import type { Kysely, Selectable } from 'kysely';
import type {
  Database,
  ProcedureStepTable,
  ProcedureVariantTable,
  ProcedureVersionTable,
} from '../platform/db/schema.ts';
import { formsStore } from './forms.store.ts';
import type {
  PerformerKind,
  Procedure,
  ProcedureVersion,
  Step,
  Variant,
  VariantStatus,
  VariantStep,
  VersionStatus,
} from './procedures.ts';

type K = Kysely<Database>;

const json = <T>(text: string): T => JSON.parse(text) as T;

function toVariant(r: Selectable<ProcedureVariantTable>): Variant {
  return {
    id: r.id,
    taskId: r.task_id,
    memberId: r.member_id,
    personName: r.person_name,
    label: r.label,
    notes: r.notes,
    steps: json<VariantStep[]>(r.steps_json),
    status: r.status as VariantStatus,
    retiredAt: r.retired_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: Number(r.version),
  };
}

function toStep(r: Selectable<ProcedureStepTable>): Step {
  return {
    id: r.id,
    key: r.step_key,
    name: r.name,
    description: r.description,
    performer: { kind: r.performer_kind as PerformerKind, ref: r.performer_ref, name: r.performer_name },
    inputs: json<string[]>(r.inputs_json),
    outputs: json<string[]>(r.outputs_json),
    tool: r.tool,
    minutes: Number(r.minutes),
    acceptanceCriteria: json<string[]>(r.acceptance_json),
    waste: r.waste_reason === null ? null : { reason: r.waste_reason },
    mergedFrom: json<string[]>(r.merged_from_json),
  };
}

function toVersion(r: Selectable<ProcedureVersionTable>, steps: Step[]): ProcedureVersion {
  return {
    id: r.id,
    procedureId: r.procedure_id,
    number: Number(r.number),
    status: r.status as VersionStatus,
    purpose: r.purpose,
    turnaroundHours: Number(r.turnaround_hours),
    changeNote: r.change_note,
    sourceVariantIds: json<string[]>(r.source_variant_ids_json),
    basedOnVersionId: r.based_on_version_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    steps,
    version: Number(r.version),
  };
}

function variantColumns(v: Variant) {
  return {
    task_id: v.taskId,
    member_id: v.memberId,
    person_name: v.personName,
    label: v.label,
    notes: v.notes,
    steps_json: JSON.stringify(v.steps),
    status: v.status,
    retired_at: v.retiredAt,
    updated_at: v.updatedAt,
  };
}

function stepRow(ws: string, versionId: string, s: Step, position: number) {
  return {
    id: s.id,
    workspace_id: ws,
    version_id: versionId,
    step_key: s.key,
    position,
    name: s.name,
    description: s.description,
    performer_kind: s.performer.kind,
    performer_ref: s.performer.ref,
    performer_name: s.performer.name,
    inputs_json: JSON.stringify(s.inputs),
    outputs_json: JSON.stringify(s.outputs),
    tool: s.tool,
    minutes: s.minutes,
    acceptance_json: JSON.stringify(s.acceptanceCriteria),
    waste_reason: s.waste ? s.waste.reason : null,
    merged_from_json: JSON.stringify(s.mergedFrom),
  };
}

async function stepsOf(db: K, ws: string, versionIds: string[]): Promise<Map<string, Step[]>> {
  const out = new Map<string, Step[]>(versionIds.map((id) => [id, []]));
  if (versionIds.length === 0) return out;
  const rows = await db
    .selectFrom('procedure_steps')
    .selectAll()
    .where('workspace_id', '=', ws)
    .where('version_id', 'in', versionIds)
    .orderBy('version_id')
    .orderBy('position')
    .execute();
  for (const r of rows) out.get(r.version_id)?.push(toStep(r));
  return out;
}

export const proceduresStore = {
  // Variants
  async insertVariant(db: K, ws: string, v: Variant): Promise<void> {
    await db
      .insertInto('procedure_variants')
      .values({ id: v.id, workspace_id: ws, created_at: v.createdAt, ...variantColumns(v) })
      .execute();
  },

  async updateVariant(db: K, ws: string, v: Variant): Promise<void> {
    await db
      .updateTable('procedure_variants')
      .set(variantColumns(v))
      .where('workspace_id', '=', ws)
      .where('id', '=', v.id)
      .execute();
  },

  async deleteVariant(db: K, ws: string, id: string): Promise<number> {
    const r = await db
      .deleteFrom('procedure_variants')
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  async findVariant(db: K, ws: string, id: string): Promise<Variant | undefined> {
    const r = await db
      .selectFrom('procedure_variants')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? toVariant(r) : undefined;
  },

  async listVariants(db: K, ws: string, taskId?: string): Promise<Variant[]> {
    let q = db.selectFrom('procedure_variants').selectAll().where('workspace_id', '=', ws);
    if (taskId) q = q.where('task_id', '=', taskId);
    const rows = await q.orderBy('created_at').orderBy('id').execute();
    return rows.map(toVariant);
  },

  async retireActiveVariants(db: K, ws: string, taskId: string, at: string): Promise<number> {
    const r = await db
      .updateTable('procedure_variants')
      .set({ status: 'retired', retired_at: at, updated_at: at })
      .where('workspace_id', '=', ws)
      .where('task_id', '=', taskId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  // Procedures
  async findProcedureByTask(db: K, ws: string, taskId: string): Promise<Procedure | undefined> {
    const r = await db
      .selectFrom('procedures')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('task_id', '=', taskId)
      .executeTakeFirst();
    return r ? { id: r.id, taskId: r.task_id, createdAt: r.created_at, updatedAt: r.updated_at } : undefined;
  },

  async findProcedure(db: K, ws: string, id: string): Promise<Procedure | undefined> {
    const r = await db
      .selectFrom('procedures')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? { id: r.id, taskId: r.task_id, createdAt: r.created_at, updatedAt: r.updated_at } : undefined;
  },

  async listProcedures(db: K, ws: string): Promise<Procedure[]> {
    const rows = await db
      .selectFrom('procedures')
      .selectAll()
      .where('workspace_id', '=', ws)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      taskId: r.task_id,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  },

  async insertProcedure(db: K, ws: string, p: Procedure): Promise<void> {
    await db
      .insertInto('procedures')
      .values({
        id: p.id,
        workspace_id: ws,
        task_id: p.taskId,
        created_at: p.createdAt,
        updated_at: p.updatedAt,
      })
      .execute();
  },

  async touchProcedure(db: K, ws: string, id: string, at: string): Promise<void> {
    await db
      .updateTable('procedures')
      .set({ updated_at: at })
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .execute();
  },

  // Versions and steps
  /** Ids of the approved versions, in id order: changes whenever a version is approved or removed. */
  async approvedVersionIds(db: K, ws: string): Promise<string[]> {
    const rows = await db
      .selectFrom('procedure_versions')
      .select('id')
      .where('workspace_id', '=', ws)
      .where('status', '=', 'approved')
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  },

  async listVersions(db: K, ws: string, procedureId?: string): Promise<ProcedureVersion[]> {
    let q = db.selectFrom('procedure_versions').selectAll().where('workspace_id', '=', ws);
    if (procedureId) q = q.where('procedure_id', '=', procedureId);
    const rows = await q.orderBy('procedure_id').orderBy('number').execute();
    const steps = await stepsOf(
      db,
      ws,
      rows.map((r) => r.id),
    );
    return rows.map((r) => toVersion(r, steps.get(r.id) ?? []));
  },

  async findVersion(db: K, ws: string, id: string): Promise<ProcedureVersion | undefined> {
    const r = await db
      .selectFrom('procedure_versions')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!r) return undefined;
    const steps = await stepsOf(db, ws, [r.id]);
    return toVersion(r, steps.get(r.id) ?? []);
  },

  async insertVersion(db: K, ws: string, v: ProcedureVersion): Promise<void> {
    await db
      .insertInto('procedure_versions')
      .values({
        id: v.id,
        workspace_id: ws,
        procedure_id: v.procedureId,
        number: v.number,
        status: v.status,
        purpose: v.purpose,
        turnaround_hours: v.turnaroundHours,
        change_note: v.changeNote,
        source_variant_ids_json: JSON.stringify(v.sourceVariantIds),
        based_on_version_id: v.basedOnVersionId,
        created_by: v.createdBy,
        created_at: v.createdAt,
        updated_at: v.updatedAt,
        approved_by: v.approvedBy,
        approved_at: v.approvedAt,
      })
      .execute();
    await proceduresStore.replaceSteps(db, ws, v.id, v.steps);
  },

  /** Updates a draft's own fields; returns 0 when the version is not (or no longer) a draft. */
  async updateDraft(
    db: K,
    ws: string,
    v: Pick<ProcedureVersion, 'id' | 'purpose' | 'turnaroundHours' | 'changeNote' | 'updatedAt'>,
  ): Promise<number> {
    const r = await db
      .updateTable('procedure_versions')
      .set({
        purpose: v.purpose,
        turnaround_hours: v.turnaroundHours,
        change_note: v.changeNote,
        updated_at: v.updatedAt,
      })
      .where('workspace_id', '=', ws)
      .where('id', '=', v.id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  async replaceSteps(db: K, ws: string, versionId: string, steps: readonly Step[]): Promise<void> {
    await db
      .deleteFrom('procedure_steps')
      .where('workspace_id', '=', ws)
      .where('version_id', '=', versionId)
      .execute();
    if (steps.length === 0) return;
    await db
      .insertInto('procedure_steps')
      .values(steps.map((s, i) => stepRow(ws, versionId, s, i)))
      .execute();
  },

  /** draft → approved; returns 0 when it was not a draft (so a concurrent approval is noticed). */
  async approve(db: K, ws: string, id: string, by: string | null, at: string): Promise<number> {
    const r = await db
      .updateTable('procedure_versions')
      .set({ status: 'approved', approved_by: by, approved_at: at, updated_at: at })
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  async deleteDraft(db: K, ws: string, id: string): Promise<number> {
    const r = await db
      .deleteFrom('procedure_versions')
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  ...formsStore,
};
