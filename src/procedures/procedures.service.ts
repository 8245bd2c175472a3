/**
 * Use cases of steps 2–4: record and compare variants, make the standard procedure, edit drafts
 * (steps, order, merges, waste), approve, compare versions, draw the map, write the brief, keep forms.
 * Every change to a draft is computed in full by the pure domain first and stored in one
 * transaction, so a refused change leaves nothing behind.
 */
import {
  economicsSettingsOf,
  type InventoryActor,
  type InventoryService,
  MEMBER_ROLES,
  type Member,
  occurrencesPerYear,
  type Task,
} from '../inventory/index.ts';
import { recordAudit } from '../platform/audit/audit.store.ts';
import type { Db } from '../platform/db/connect.ts';
import { nowIso, type ServiceDeps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import type { Money } from '../platform/money.ts';
import { slug as slugOf } from '../platform/slug.ts';
import { type Brief, buildBrief } from './brief.ts';
import { briefToMarkdown } from './brief-markdown.ts';
import { type Comparison, compareVariants } from './compare.ts';
import { type CostContext, type ProcedureEconomics, procedureEconomics } from './costing.ts';
import { diffVersions, type VersionDiff } from './diff.ts';
import {
  clearWaste,
  findStep,
  markWaste,
  mergeSteps,
  moveStep,
  removeStep,
  reorderSteps,
} from './editing.ts';
import { checkFormContent, formNameFrom, formToYaml, parseForm, sameFormContent } from './forms.ts';
import {
  AddStepInput,
  FormJsonInput,
  MergeInput,
  NewDraftInput,
  ReorderInput,
  StandardInput,
  StepPatch,
  StepsInput,
  VariantInput,
  VariantPatch,
  VersionPatch,
  WasteInput,
} from './procedures.schemas.ts';
import { proceduresStore as store } from './procedures.store.ts';
import {
  checkStep,
  checkVariantStep,
  currentVersion,
  describeStep,
  type Form,
  type FormContent,
  type FormVersion,
  latestApproved,
  MAX_STEPS,
  minutesAfter,
  minutesTotal,
  openDraft,
  type Performer,
  type Procedure,
  type ProcedureVersion,
  type Step,
  type StepDraft,
  type Variant,
  versionApprovedError,
} from './procedures.ts';
import { renderProcessMap } from './process-map.ts';
import { countByStage, STAGES, type Stage, type TaskProgress, taskProgress } from './progress.ts';
import { planStandard } from './standardize.ts';

export type ProceduresActor = InventoryActor;

type Parser<T> = {
  safeParse(
    v: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
};

/** Shape errors at the edge: STEP_INVALID for steps, FORM_INVALID for forms, VALIDATION_FAILED else. */
function parseWith<T>(
  schema: Parser<T>,
  value: unknown,
  what: string,
  code: 'VALIDATION_FAILED' | 'STEP_INVALID' | 'FORM_INVALID' = 'VALIDATION_FAILED',
): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0];
  throw new AppError(
    code,
    `${what}: ${first ? `${first.field || 'value'}: ${first.message}` : 'invalid'}. Nothing was changed.`,
    { issues },
  );
}

export interface VersionSummary {
  id: string;
  number: number;
  status: ProcedureVersion['status'];
  stepCount: number;
  wasteSteps: number;
  minutes: number;
  minutesAfterWaste: number;
  changeNote: string;
  createdAt: string;
  approvedAt: string | null;
}

export interface FormSummary extends Form {
  taskId: string | null;
  taskName: string | null;
  latest: FormVersion;
  versions: number;
}

export interface ProcedureListRow {
  taskId: string;
  task: string;
  process: string;
  stage: Stage;
  activeVariants: number;
  retiredVariants: number;
  procedureId: string | null;
  current: VersionSummary | null;
  draft: VersionSummary | null;
  versions: number;
  forms: number;
  /** Before/after cost of the latest version (the open draft, else the current one); waste is left out of "after". */
  economics:
    | (Pick<ProcedureEconomics, 'before' | 'after' | 'saving'> & {
        version: VersionSummary;
        /** Yearly cost (waste left out) of the latest approved version, to compare a draft with. */
        approvedPerYear: Money | null;
      })
    | null;
}

export interface BriefFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
  brief: Brief;
}

function summarize(v: ProcedureVersion): VersionSummary {
  return {
    id: v.id,
    number: v.number,
    status: v.status,
    stepCount: v.steps.length,
    wasteSteps: v.steps.filter((s) => s.waste).length,
    minutes: minutesTotal(v.steps),
    minutesAfterWaste: minutesAfter(v.steps),
    changeNote: v.changeNote,
    createdAt: v.createdAt,
    approvedAt: v.approvedAt,
  };
}

function slug(text: string): string {
  return slugOf(text, { max: 60, fallback: 'procedure' });
}

export interface ProceduresDeps extends ServiceDeps {
  inventory: InventoryService;
}

export function createProceduresService(deps: ProceduresDeps) {
  const db = deps.db.kysely;
  const { inventory } = deps;
  type Trx = Db['kysely'];

  const audit = (
    trx: Trx,
    actor: ProceduresActor,
    action: string,
    subjectType: string,
    subjectId: string | null,
    details?: Record<string, unknown>,
  ) => recordAudit(trx, deps, actor, { action, subjectType, subjectId, ...(details ? { details } : {}) });

  async function requireVariant(actor: ProceduresActor, id: string): Promise<Variant> {
    const v = await store.findVariant(db, actor.workspace.id, id);
    if (!v) throw new AppError('VARIANT_NOT_FOUND', `No variant with id ${id}`);
    return v;
  }

  async function requireVersion(
    actor: ProceduresActor,
    id: string,
  ): Promise<{ version: ProcedureVersion; procedure: Procedure; task: Task }> {
    const version = await store.findVersion(db, actor.workspace.id, id);
    if (!version) throw new AppError('VERSION_NOT_FOUND', `No procedure version with id ${id}`);
    const procedure = await store.findProcedure(db, actor.workspace.id, version.procedureId);
    if (!procedure) throw new AppError('PROCEDURE_NOT_FOUND', `No procedure for version ${id}`);
    const task = await inventory.getTask(actor, procedure.taskId);
    return { version, procedure, task };
  }

  /** A member step names a member of the inventory (its name filled in); a role step a known role. */
  function resolvePerformer(p: Performer, members: readonly Member[], where: string): Performer {
    if (p.kind === 'member') {
      const m = members.find((x) => x.id === p.ref) ?? members.find((x) => x.name === p.name && !p.ref);
      if (!m) {
        throw new AppError(
          'STEP_INVALID',
          `${where}: performer is not a member of the firm (${p.ref ?? p.name ?? 'none given'}); choose a member from the inventory. Nothing was changed.`,
          { field: 'performer.ref' },
        );
      }
      return { kind: 'member', ref: m.id, name: m.name };
    }
    if (p.kind === 'role') {
      if (!(MEMBER_ROLES as readonly string[]).includes(p.ref ?? '')) {
        throw new AppError(
          'STEP_INVALID',
          `${where}: role "${p.ref ?? ''}" is not one of ${MEMBER_ROLES.join(', ')}. Nothing was changed.`,
          { field: 'performer.ref' },
        );
      }
      const name = p.name.trim() || p.ref![0]!.toUpperCase() + p.ref!.slice(1);
      return { kind: 'role', ref: p.ref, name };
    }
    return {
      kind: p.kind,
      ref: p.ref,
      name: p.name.trim() || (p.kind === 'outtasker' ? 'Out-tasker' : 'Automation'),
    };
  }

  /** Checks every step of a list, in full, before anything is stored. */
  function checkSteps(steps: readonly Step[], members: readonly Member[]): Step[] {
    if (steps.length > MAX_STEPS) {
      throw new AppError(
        'STEP_INVALID',
        `A procedure has at most ${MAX_STEPS} steps; this one would have ${steps.length}.`,
      );
    }
    return steps.map((s, i) => {
      const where = describeStep(i, s.name);
      const checked = checkStep(s, where);
      return {
        ...checked,
        waste: checked.waste ?? null,
        performer: resolvePerformer(checked.performer, members, where),
      };
    });
  }

  function materialize(draft: StepDraft): Step {
    return {
      ...draft,
      id: deps.newId(),
      key: draft.key ?? deps.newId(),
      mergedFrom: draft.mergedFrom ?? [],
    };
  }

  function contextFor(actor: ProceduresActor, task: Task, members: readonly Member[]): CostContext {
    return {
      currency: actor.workspace.currency,
      members,
      task,
      occurrencesPerYear: occurrencesPerYear(task.frequency),
      platformFeeBps: economicsSettingsOf(actor.workspace).platformFeeBps,
    };
  }

  async function costContext(actor: ProceduresActor, task: Task): Promise<CostContext> {
    return contextFor(actor, task, await inventory.listMembers(actor));
  }

  /**
   * Applies a change to a draft: loads it, refuses an approved version, computes the new steps
   * (the pure edit), checks them all, and stores them in one transaction.
   */
  async function editDraft(
    actor: ProceduresActor,
    versionId: string,
    action: string,
    change: (steps: Step[], version: ProcedureVersion) => Step[],
  ): Promise<ProcedureVersion> {
    const { version, task } = await requireVersion(actor, versionId);
    if (version.status === 'approved') throw versionApprovedError(version, task.name);
    const members = await inventory.listMembers(actor);
    const steps = checkSteps(change(version.steps, version), members);
    const now = nowIso(deps);
    await db.transaction().execute(async (trx) => {
      const n = await store.updateDraft(trx, actor.workspace.id, { ...version, updatedAt: now });
      if (n === 0) throw versionApprovedError(version, task.name);
      await store.replaceSteps(trx, actor.workspace.id, version.id, steps);
      await store.touchProcedure(trx, actor.workspace.id, version.procedureId, now);
      await audit(trx, actor, action, 'procedure_version', version.id, { steps: steps.length });
    });
    return { ...version, steps, updatedAt: now };
  }

  async function ensureProcedure(
    trx: Trx,
    actor: ProceduresActor,
    taskId: string,
    now: string,
  ): Promise<Procedure> {
    const existing = await store.findProcedureByTask(trx, actor.workspace.id, taskId);
    if (existing) return existing;
    const p: Procedure = { id: deps.newId(), taskId, createdAt: now, updatedAt: now };
    await store.insertProcedure(trx, actor.workspace.id, p);
    return p;
  }

  async function formSummaries(actor: ProceduresActor): Promise<FormSummary[]> {
    const ws = actor.workspace.id;
    const [forms, versions, procedures, tasks] = await Promise.all([
      store.listForms(db, ws),
      store.listFormVersions(db, ws),
      store.listProcedures(db, ws),
      inventory.listTasks(actor),
    ]);
    return forms.map((f) => {
      const own = versions.filter((v) => v.formId === f.id);
      const taskId = procedures.find((p) => p.id === f.procedureId)?.taskId ?? null;
      return {
        ...f,
        taskId,
        taskName: tasks.find((t) => t.id === taskId)?.name ?? null,
        latest: own[own.length - 1]!,
        versions: own.length,
      };
    });
  }

  async function requireForm(actor: ProceduresActor, ref: string): Promise<FormSummary> {
    const all = await formSummaries(actor);
    const norm = (s: string) => s.trim().toLowerCase();
    const f =
      all.find((x) => x.id === ref) ??
      all.find((x) => norm(x.name) === norm(ref)) ??
      all.find((x) => norm(x.latest.title) === norm(ref));
    if (!f) {
      throw new AppError(
        'FORM_NOT_FOUND',
        `No form "${ref}"${all.length ? `; the forms are: ${all.map((x) => `"${x.name}"`).join(', ')}` : ' (no forms yet: import one with outtask forms import FILE)'}`,
      );
    }
    return f;
  }

  /** Stores content as the form's next version; nothing when it is the same as the latest. */
  async function saveFormVersion(
    actor: ProceduresActor,
    input: {
      content: FormContent;
      name?: string;
      formId?: string;
      taskId?: string | null;
      sourceFile?: string;
    },
  ): Promise<{ form: FormSummary; version: FormVersion; created: boolean; unchanged: boolean }> {
    const ws = actor.workspace.id;
    const now = nowIso(deps);
    const all = await formSummaries(actor);
    const name = formNameFrom(input.name ?? input.content.title);
    const byName = all.find((f) => f.name.toLowerCase() === name.toLowerCase());
    const existing = input.formId ? all.find((f) => f.id === input.formId) : byName;
    if (input.formId && !existing) throw new AppError('FORM_NOT_FOUND', `No form with id ${input.formId}`);
    if (input.formId && input.name && byName && byName.id !== input.formId) {
      throw new AppError('FORM_NAME_TAKEN', `Another form is already named "${name}". Nothing was changed.`, {
        field: 'name',
      });
    }
    const unchanged = existing ? sameFormContent(existing.latest, input.content) : false;
    let created = false;
    let version: FormVersion = existing?.latest as FormVersion;
    let formId = existing?.id ?? '';
    await db.transaction().execute(async (trx) => {
      const procedureId =
        input.taskId === undefined
          ? (existing?.procedureId ?? null)
          : input.taskId === null
            ? null
            : (await ensureProcedure(trx, actor, input.taskId, now)).id;
      if (!existing) {
        formId = deps.newId();
        created = true;
        await store.insertForm(trx, ws, { id: formId, name, procedureId, createdAt: now, updatedAt: now });
      } else if (procedureId !== existing.procedureId || (input.name && name !== existing.name)) {
        await store.updateForm(trx, ws, {
          ...existing,
          name: input.name ? name : existing.name,
          procedureId,
          updatedAt: now,
        });
      }
      if (!unchanged) {
        version = {
          id: deps.newId(),
          formId,
          number: (existing?.versions ?? 0) + 1,
          title: input.content.title,
          questions: input.content.questions,
          sourceFile: input.sourceFile ?? null,
          createdBy: actor.userId,
          createdAt: now,
        };
        await store.insertFormVersion(trx, ws, version);
        await audit(trx, actor, created ? 'form.create' : 'form.version', 'form', formId, {
          version: version.number,
          ...(input.sourceFile ? { file: input.sourceFile } : {}),
        });
      }
    });
    const form = (await formSummaries(actor)).find((f) => f.id === formId)!;
    return { form, version, created, unchanged };
  }

  async function progressAll(actor: ProceduresActor): Promise<TaskProgress[]> {
    const ws = actor.workspace.id;
    const [tasks, variants, procedures, versions] = await Promise.all([
      inventory.listTasks(actor),
      store.listVariants(db, ws),
      store.listProcedures(db, ws),
      store.listVersions(db, ws),
    ]);
    const procByTask = new Map(procedures.map((p) => [p.taskId, p.id]));
    return tasks.map((t) => {
      const own = variants.filter((v) => v.taskId === t.id);
      const pid = procByTask.get(t.id);
      return taskProgress({
        taskId: t.id,
        activeVariants: own.filter((v) => v.status === 'active').length,
        retiredVariants: own.filter((v) => v.status === 'retired').length,
        versions: pid ? versions.filter((v) => v.procedureId === pid) : [],
      });
    });
  }

  async function briefFor(
    actor: ProceduresActor,
    versionId: string,
    format: 'docx' | 'md',
  ): Promise<BriefFile> {
    const { version, procedure, task } = await requireVersion(actor, versionId);
    const processes = await inventory.listProcesses(actor);
    const forms = (await formSummaries(actor)).filter((f) => f.procedureId === procedure.id);
    const brief = buildBrief({
      firm: actor.workspace.name,
      taskName: task.name,
      taskDescription: task.description,
      process: processes.find((p) => p.id === task.processId)?.name ?? '',
      version,
      deliverableUnit: task.deliverableUnit,
      unitsPerOccurrence: task.unitsPerOccurrence,
      marketPricePerUnit: task.marketPricePerUnit,
      confidentiality: task.confidentiality,
      forms: forms.map((f) => ({ name: f.name, version: f.latest })),
      generatedAt: nowIso(deps),
    });
    const base = `${slug(task.name)}-v${version.number}${version.status === 'draft' ? '-draft' : ''}`;
    if (format === 'md') {
      return {
        fileName: `${base}.md`,
        contentType: 'text/markdown; charset=utf-8',
        bytes: Buffer.from(briefToMarkdown(brief), 'utf8'),
        brief,
      };
    }
    return {
      fileName: `${base}.docx`,
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      // The docx library is loaded only when a brief is written as DOCX.
      bytes: await (await import('./brief-docx.ts')).briefToDocx(brief),
      brief,
    };
  }

  const service = {
    // ——— Variants ———
    async listVariants(actor: ProceduresActor, taskRef: string, opts: { includeRetired?: boolean } = {}) {
      const task = await inventory.resolveTask(actor, taskRef);
      const all = await store.listVariants(db, actor.workspace.id, task.id);
      return opts.includeRetired ? all : all.filter((v) => v.status === 'active');
    },

    getVariant: requireVariant,

    async createVariant(actor: ProceduresActor, taskRef: string, input: unknown): Promise<Variant> {
      const task = await inventory.resolveTask(actor, taskRef);
      const data = parseWith(VariantInput, input, 'Variant', 'STEP_INVALID');
      const person = await personOf(actor, data.memberId, data.personName);
      const steps = data.steps.map((s, i) => checkVariantStep(s, describeStep(i, s.name)));
      const now = nowIso(deps);
      const v: Variant = {
        id: deps.newId(),
        taskId: task.id,
        ...person,
        label: data.label.trim(),
        notes: data.notes.trim(),
        steps,
        status: 'active',
        retiredAt: null,
        createdAt: now,
        updatedAt: now,
      };
      await db.transaction().execute(async (trx) => {
        await store.insertVariant(trx, actor.workspace.id, v);
        await audit(trx, actor, 'variant.create', 'variant', v.id, { task: task.id });
      });
      return v;
    },

    async updateVariant(actor: ProceduresActor, id: string, patch: unknown): Promise<Variant> {
      const current = await requireVariant(actor, id);
      if (current.status === 'retired') {
        throw new AppError(
          'VARIANT_RETIRED',
          `${current.personName}'s way was retired when the standard procedure was made; it stays as a record and cannot change.`,
        );
      }
      const data = parseWith(VariantPatch, patch, 'Variant', 'STEP_INVALID');
      const person =
        data.memberId !== undefined || data.personName !== undefined
          ? await personOf(actor, data.memberId ?? null, data.personName ?? current.personName)
          : { memberId: current.memberId, personName: current.personName };
      const next: Variant = {
        ...current,
        ...person,
        label: data.label?.trim() ?? current.label,
        notes: data.notes?.trim() ?? current.notes,
        steps: data.steps
          ? data.steps.map((s, i) => checkVariantStep(s, describeStep(i, s.name)))
          : current.steps,
        updatedAt: nowIso(deps),
      };
      await db.transaction().execute(async (trx) => {
        await store.updateVariant(trx, actor.workspace.id, next);
        await audit(trx, actor, 'variant.update', 'variant', id);
      });
      return next;
    },

    async deleteVariant(actor: ProceduresActor, id: string): Promise<void> {
      const v = await requireVariant(actor, id);
      if (v.status === 'retired') {
        throw new AppError(
          'VARIANT_RETIRED',
          'A retired variant is the record of how the task was done; it is kept.',
        );
      }
      await db.transaction().execute(async (trx) => {
        await store.deleteVariant(trx, actor.workspace.id, id);
        await audit(trx, actor, 'variant.delete', 'variant', id);
      });
    },

    /** The ways compared side by side, with each one's cost per occurrence where the person has a rate. */
    async compare(
      actor: ProceduresActor,
      taskRef: string,
      opts: { variantIds?: string[]; includeRetired?: boolean } = {},
    ): Promise<
      Comparison & { taskId: string; costs: Record<string, { amountMinor: number; currency: string } | null> }
    > {
      const task = await inventory.resolveTask(actor, taskRef);
      const all = await store.listVariants(db, actor.workspace.id, task.id);
      const chosen = opts.variantIds?.length
        ? opts.variantIds.map((id) => {
            const v = all.find((x) => x.id === id);
            if (!v) throw new AppError('VARIANT_NOT_FOUND', `No variant ${id} for "${task.name}"`);
            return v;
          })
        : all.filter((v) => opts.includeRetired || v.status === 'active');
      const members = await inventory.listMembers(actor);
      const costs: Record<string, { amountMinor: number; currency: string } | null> = {};
      for (const v of chosen) {
        const m = members.find((x) => x.id === v.memberId);
        const minutes = v.steps.reduce((a, s) => a + s.minutes, 0);
        costs[v.id] = m
          ? {
              amountMinor: Math.round((m.hourlyCost.amountMinor * minutes) / 60),
              currency: m.hourlyCost.currency,
            }
          : null;
      }
      return { taskId: task.id, ...compareVariants(chosen), costs };
    },

    // ——— The standard procedure ———
    /**
     * Makes the standard from one variant or by merging several: a new draft version; every active
     * variant of the task is retired (kept readable) and the task's known ways drop to one.
     */
    async createStandard(actor: ProceduresActor, taskRef: string, input: unknown): Promise<ProcedureVersion> {
      const task = await inventory.resolveTask(actor, taskRef);
      const data = parseWith(StandardInput, input, 'Standard procedure');
      const ws = actor.workspace.id;
      const all = await store.listVariants(db, ws, task.id);
      const chosen = [...new Set(data.variantIds)].map((id) => {
        const v = all.find((x) => x.id === id);
        if (!v) throw new AppError('VARIANT_NOT_FOUND', `No variant ${id} for "${task.name}"`);
        return v;
      });
      const members = await inventory.listMembers(actor);
      const taskPerformer = members.find((m) => m.id === task.performerId);
      const fallback: Performer = taskPerformer
        ? { kind: 'member', ref: taskPerformer.id, name: taskPerformer.name }
        : { kind: 'role', ref: 'consultant', name: 'Consultant' };
      const plan = planStandard(chosen, {
        ...(data.columns ? { columns: data.columns } : {}),
        performer: fallback,
      });
      const steps = checkSteps(plan.steps.map(materialize), members);
      const procedure = await store.findProcedureByTask(db, ws, task.id);
      const versions = procedure ? await store.listVersions(db, ws, procedure.id) : [];
      const draft = openDraft(versions);
      if (draft) {
        throw new AppError(
          'DRAFT_EXISTS',
          `"${task.name}" already has a draft (version ${draft.number}); approve or delete it before making another. Nothing was changed.`,
          { versionId: draft.id },
        );
      }
      const now = nowIso(deps);
      const version: ProcedureVersion = {
        id: deps.newId(),
        procedureId: '',
        number: versions.length ? Math.max(...versions.map((v) => v.number)) + 1 : 1,
        status: 'draft',
        purpose: latestApproved(versions)?.purpose ?? task.description,
        turnaroundHours: latestApproved(versions)?.turnaroundHours ?? task.turnaroundHours,
        changeNote: plan.changeNote,
        sourceVariantIds: chosen.map((v) => v.id),
        basedOnVersionId: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        approvedBy: null,
        approvedAt: null,
        steps,
      };
      let retired = 0;
      await db.transaction().execute(async (trx) => {
        const p = await ensureProcedure(trx, actor, task.id, now);
        version.procedureId = p.id;
        await store.insertVersion(trx, ws, version);
        retired = await store.retireActiveVariants(trx, ws, task.id, now);
        await audit(trx, actor, 'procedure.standard', 'procedure_version', version.id, {
          task: task.id,
          variants: chosen.length,
          retired,
        });
      });
      if (task.knownVariants !== 1) await inventory.setKnownVariants(actor, task.id, 1);
      return version;
    },

    /** A new draft: a copy of a version (default: the latest approved) whose steps keep their keys. */
    async newDraft(actor: ProceduresActor, taskRef: string, input: unknown = {}): Promise<ProcedureVersion> {
      const task = await inventory.resolveTask(actor, taskRef);
      const data = parseWith(NewDraftInput, input ?? {}, 'New draft');
      const ws = actor.workspace.id;
      const procedure = await store.findProcedureByTask(db, ws, task.id);
      const versions = procedure ? await store.listVersions(db, ws, procedure.id) : [];
      const draft = openDraft(versions);
      if (draft) {
        throw new AppError(
          'DRAFT_EXISTS',
          `"${task.name}" already has a draft (version ${draft.number}); edit that one. Nothing was changed.`,
          { versionId: draft.id },
        );
      }
      const base = data.fromVersionId
        ? versions.find((v) => v.id === data.fromVersionId)
        : (latestApproved(versions) ?? versions[versions.length - 1]);
      if (data.fromVersionId && !base) {
        throw new AppError('VERSION_NOT_FOUND', `No version ${data.fromVersionId} of "${task.name}"`);
      }
      const now = nowIso(deps);
      const version: ProcedureVersion = {
        id: deps.newId(),
        procedureId: procedure?.id ?? '',
        number: versions.length ? Math.max(...versions.map((v) => v.number)) + 1 : 1,
        status: 'draft',
        purpose: base?.purpose ?? task.description,
        turnaroundHours: base?.turnaroundHours ?? task.turnaroundHours,
        changeNote: base ? `Started from version ${base.number}.` : 'Written from scratch.',
        sourceVariantIds: [],
        basedOnVersionId: base?.id ?? null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        approvedBy: null,
        approvedAt: null,
        steps: (base?.steps ?? []).map((s) => ({ ...s, id: deps.newId() })),
      };
      await db.transaction().execute(async (trx) => {
        const p = await ensureProcedure(trx, actor, task.id, now);
        version.procedureId = p.id;
        await store.insertVersion(trx, ws, version);
        await audit(trx, actor, 'procedure.draft', 'procedure_version', version.id, {
          from: base?.number ?? null,
        });
      });
      return version;
    },

    async getVersion(actor: ProceduresActor, versionId: string) {
      const { version, procedure, task } = await requireVersion(actor, versionId);
      const economics = procedureEconomics(version.steps, await costContext(actor, task));
      return { version, procedureId: procedure.id, task: { id: task.id, name: task.name }, economics };
    },

    async economics(actor: ProceduresActor, versionId: string): Promise<ProcedureEconomics> {
      const { version, task } = await requireVersion(actor, versionId);
      return procedureEconomics(version.steps, await costContext(actor, task));
    },

    async updateVersion(
      actor: ProceduresActor,
      versionId: string,
      patch: unknown,
    ): Promise<ProcedureVersion> {
      const data = parseWith(VersionPatch, patch, 'Version');
      const { version, task } = await requireVersion(actor, versionId);
      if (version.status === 'approved') throw versionApprovedError(version, task.name);
      const next: ProcedureVersion = {
        ...version,
        purpose: data.purpose?.trim() ?? version.purpose,
        turnaroundHours: data.turnaroundHours ?? version.turnaroundHours,
        changeNote: data.changeNote?.trim() ?? version.changeNote,
        updatedAt: nowIso(deps),
      };
      await db.transaction().execute(async (trx) => {
        if ((await store.updateDraft(trx, actor.workspace.id, next)) === 0) {
          throw versionApprovedError(version, task.name);
        }
        await audit(trx, actor, 'procedure.version.update', 'procedure_version', version.id);
      });
      return next;
    },

    /** Saves a whole step list (the editor's save): listed keys keep their identity. */
    async replaceSteps(actor: ProceduresActor, versionId: string, input: unknown) {
      const data = parseWith(StepsInput, input, 'Steps', 'STEP_INVALID');
      return editDraft(actor, versionId, 'procedure.steps.save', (current) => {
        const known = new Map(current.map((s) => [s.key, s]));
        const used = new Set<string>();
        return data.steps.map(({ key, ...s }) => {
          const prev = key && !used.has(key) ? known.get(key) : undefined;
          if (prev) used.add(prev.key);
          return prev ? { ...prev, ...s, id: prev.id, key: prev.key } : materialize({ ...s, waste: s.waste });
        });
      });
    },

    async addStep(actor: ProceduresActor, versionId: string, input: unknown) {
      const { position, key: _key, ...data } = parseWith(AddStepInput, input, 'Step', 'STEP_INVALID');
      return editDraft(actor, versionId, 'procedure.step.add', (steps) => {
        const out = [...steps];
        out.splice(position ?? out.length, 0, materialize(data));
        return out;
      });
    },

    async updateStep(actor: ProceduresActor, versionId: string, stepId: string, patch: unknown) {
      const data = parseWith(StepPatch, patch, 'Step', 'STEP_INVALID');
      return editDraft(actor, versionId, 'procedure.step.update', (steps) => {
        const target = findStep(steps, stepId);
        return steps.map((s) => (s.id === target.id ? { ...s, ...data } : s));
      });
    },

    async deleteStep(actor: ProceduresActor, versionId: string, stepId: string) {
      return editDraft(actor, versionId, 'procedure.step.delete', (steps) => removeStep(steps, stepId));
    },

    async reorderSteps(actor: ProceduresActor, versionId: string, input: unknown) {
      const data = parseWith(ReorderInput, input, 'New order', 'STEP_INVALID');
      return editDraft(actor, versionId, 'procedure.steps.reorder', (steps) =>
        reorderSteps(steps, data.stepIds),
      );
    },

    async moveStep(actor: ProceduresActor, versionId: string, stepId: string, to: number) {
      return editDraft(actor, versionId, 'procedure.steps.reorder', (steps) => moveStep(steps, stepId, to));
    },

    async mergeSteps(actor: ProceduresActor, versionId: string, input: unknown) {
      const data = parseWith(MergeInput, input, 'Merge', 'STEP_INVALID');
      return editDraft(actor, versionId, 'procedure.steps.merge', (steps) =>
        mergeSteps(steps, data.stepIds, data.name),
      );
    },

    async markWaste(actor: ProceduresActor, versionId: string, stepId: string, input: unknown) {
      const data = parseWith(WasteInput, input, 'Waste', 'STEP_INVALID');
      return editDraft(actor, versionId, 'procedure.step.waste', (steps) =>
        markWaste(steps, stepId, data.reason),
      );
    },

    async clearWaste(actor: ProceduresActor, versionId: string, stepId: string) {
      return editDraft(actor, versionId, 'procedure.step.unwaste', (steps) => clearWaste(steps, stepId));
    },

    /** draft → approved. An approved version never changes again. */
    async approve(actor: ProceduresActor, versionId: string): Promise<ProcedureVersion> {
      const { version, task } = await requireVersion(actor, versionId);
      if (version.status === 'approved') throw versionApprovedError(version, task.name);
      if (version.steps.filter((s) => !s.waste).length === 0) {
        throw new AppError(
          'STEP_INVALID',
          `Version ${version.number} of "${task.name}" has no steps to work by (all are missing or waste); add steps before approving.`,
        );
      }
      checkSteps(version.steps, await inventory.listMembers(actor));
      const now = nowIso(deps);
      await db.transaction().execute(async (trx) => {
        if ((await store.approve(trx, actor.workspace.id, version.id, actor.userId, now)) === 0) {
          throw versionApprovedError(version, task.name);
        }
        await store.touchProcedure(trx, actor.workspace.id, version.procedureId, now);
        await audit(trx, actor, 'procedure.approve', 'procedure_version', version.id, {
          number: version.number,
        });
      });
      return { ...version, status: 'approved', approvedAt: now, approvedBy: actor.userId, updatedAt: now };
    },

    async deleteDraft(actor: ProceduresActor, versionId: string): Promise<void> {
      const { version, task } = await requireVersion(actor, versionId);
      if (version.status === 'approved') throw versionApprovedError(version, task.name);
      await db.transaction().execute(async (trx) => {
        await store.deleteDraft(trx, actor.workspace.id, version.id);
        await audit(trx, actor, 'procedure.draft.delete', 'procedure_version', version.id);
      });
    },

    async diff(
      actor: ProceduresActor,
      fromId: string,
      toId: string,
    ): Promise<VersionDiff & { from: VersionSummary; to: VersionSummary }> {
      const a = await requireVersion(actor, fromId);
      const b = await requireVersion(actor, toId);
      if (a.procedure.id !== b.procedure.id) {
        throw new AppError(
          'VERSIONS_UNRELATED',
          `Versions ${fromId} and ${toId} belong to different procedures ("${a.task.name}", "${b.task.name}")`,
        );
      }
      return {
        ...diffVersions(a.version.steps, b.version.steps),
        from: summarize(a.version),
        to: summarize(b.version),
      };
    },

    async processMap(actor: ProceduresActor, versionId: string): Promise<{ svg: string; fileName: string }> {
      const { version, task } = await requireVersion(actor, versionId);
      const svg = renderProcessMap({
        title: task.name,
        subtitle: `Version ${version.number} (${version.status})${version.approvedAt ? `, approved ${version.approvedAt.slice(0, 10)}` : ''}`,
        steps: version.steps,
      });
      return { svg, fileName: `${slug(task.name)}-v${version.number}-map.svg` };
    },

    brief: briefFor,

    /** The brief of a task's procedure: the given version number, else the latest approved, else the draft. */
    async briefForTask(
      actor: ProceduresActor,
      taskRef: string,
      opts: { format: 'docx' | 'md'; version?: number },
    ): Promise<BriefFile> {
      const overview = await service.taskOverview(actor, taskRef);
      const versions = overview.versions;
      const chosen =
        opts.version !== undefined
          ? versions.find((v) => v.number === opts.version)
          : currentVersion(versions);
      if (!chosen) {
        throw new AppError(
          opts.version !== undefined ? 'VERSION_NOT_FOUND' : 'PROCEDURE_NOT_FOUND',
          opts.version !== undefined
            ? `"${overview.task.name}" has no version ${opts.version}`
            : `"${overview.task.name}" has no standard procedure yet: record its variants and make one first`,
        );
      }
      return briefFor(actor, chosen.id, opts.format);
    },

    // ——— Overview, list, progress ———
    async taskOverview(actor: ProceduresActor, taskRef: string) {
      const task = await inventory.resolveTask(actor, taskRef);
      const ws = actor.workspace.id;
      const [variants, procedure, processes, members] = await Promise.all([
        store.listVariants(db, ws, task.id),
        store.findProcedureByTask(db, ws, task.id),
        inventory.listProcesses(actor),
        inventory.listMembers(actor),
      ]);
      const versions = procedure ? await store.listVersions(db, ws, procedure.id) : [];
      const forms = procedure
        ? (await formSummaries(actor)).filter((f) => f.procedureId === procedure.id)
        : [];
      const progress = taskProgress({
        taskId: task.id,
        activeVariants: variants.filter((v) => v.status === 'active').length,
        retiredVariants: variants.filter((v) => v.status === 'retired').length,
        versions,
      });
      const current = currentVersion(versions);
      return {
        task,
        process: processes.find((p) => p.id === task.processId)?.name ?? '',
        performer: members.find((m) => m.id === task.performerId)?.name ?? null,
        variants,
        procedureId: procedure?.id ?? null,
        versions: versions.map((v) => ({ ...summarize(v), id: v.id, steps: v.steps })),
        currentVersionId: current?.id ?? null,
        draftVersionId: openDraft(versions)?.id ?? null,
        forms,
        progress,
      };
    },

    async list(actor: ProceduresActor): Promise<ProcedureListRow[]> {
      const ws = actor.workspace.id;
      const economicsOf = (v: ProcedureVersion, task: Task, members: readonly Member[]) => {
        const e = procedureEconomics(v.steps, contextFor(actor, task, members));
        return { before: e.before, after: e.after, saving: e.saving, version: summarize(v) };
      };
      const [members, tasks, processes, variants, procedures, versions, forms, progress] = await Promise.all([
        inventory.listMembers(actor),
        inventory.listTasks(actor),
        inventory.listProcesses(actor),
        store.listVariants(db, ws),
        store.listProcedures(db, ws),
        store.listVersions(db, ws),
        store.listForms(db, ws),
        progressAll(actor),
      ]);
      const rows: ProcedureListRow[] = [];
      for (const t of tasks) {
        const own = variants.filter((v) => v.taskId === t.id);
        const p = procedures.find((x) => x.taskId === t.id);
        if (!p && own.length === 0) continue;
        const vs = p ? versions.filter((v) => v.procedureId === p.id) : [];
        const current = currentVersion(vs);
        const draft = openDraft(vs);
        const approved = latestApproved(vs);
        rows.push({
          taskId: t.id,
          task: t.name,
          process: processes.find((x) => x.id === t.processId)?.name ?? '',
          stage: progress.find((x) => x.taskId === t.id)!.stage,
          activeVariants: own.filter((v) => v.status === 'active').length,
          retiredVariants: own.filter((v) => v.status === 'retired').length,
          procedureId: p?.id ?? null,
          current: current ? summarize(current) : null,
          draft: draft ? summarize(draft) : null,
          versions: vs.length,
          forms: p ? forms.filter((f) => f.procedureId === p.id).length : 0,
          economics:
            (draft ?? current)
              ? {
                  ...economicsOf(draft ?? current!, t, members),
                  approvedPerYear: approved ? economicsOf(approved, t, members).after.perYear : null,
                }
              : null,
        });
      }
      return rows;
    },

    /** Every task's step in the method, and how many tasks sit at each step. */
    async progress(actor: ProceduresActor) {
      const all = await progressAll(actor);
      return {
        stages: STAGES,
        counts: countByStage(all),
        byTask: Object.fromEntries(all.map((p) => [p.taskId, p.stage])) as Record<string, Stage>,
        tasks: all,
      };
    },

    // ——— Forms ———
    listForms: formSummaries,

    async getForm(actor: ProceduresActor, ref: string) {
      const form = await requireForm(actor, ref);
      const versions = await store.listFormVersions(db, actor.workspace.id, form.id);
      return { ...form, history: versions };
    },

    /** Imports a form from YAML: a new form, or the next version of the form of that name. */
    async importFormYaml(
      actor: ProceduresActor,
      input: { text: string; file?: string; name?: string; taskRef?: string | null },
    ) {
      const content = parseForm(input.text, input.file);
      const taskId =
        input.taskRef === undefined || input.taskRef === null
          ? input.taskRef
          : (await inventory.resolveTask(actor, input.taskRef)).id;
      return saveFormVersion(actor, {
        content,
        ...(input.name ? { name: input.name } : {}),
        ...(taskId !== undefined ? { taskId } : {}),
        ...(input.file ? { sourceFile: input.file } : {}),
      });
    },

    /** Saves a form edited as data (the web editor) as a new form or the next version of one. */
    async saveForm(actor: ProceduresActor, formId: string | null, input: unknown, taskRef?: string | null) {
      const data = parseWith(FormJsonInput, input, 'Form', 'FORM_INVALID');
      const content = checkFormContent(data);
      const taskId =
        taskRef === undefined || taskRef === null
          ? taskRef
          : (await inventory.resolveTask(actor, taskRef)).id;
      return saveFormVersion(actor, {
        content,
        ...(data.name ? { name: data.name } : {}),
        ...(formId ? { formId } : {}),
        ...(taskId !== undefined ? { taskId } : {}),
      });
    },

    async attachForm(actor: ProceduresActor, ref: string, taskRef: string | null) {
      const form = await requireForm(actor, ref);
      const now = nowIso(deps);
      const taskId = taskRef === null ? null : (await inventory.resolveTask(actor, taskRef)).id;
      await db.transaction().execute(async (trx) => {
        const procedureId = taskId === null ? null : (await ensureProcedure(trx, actor, taskId, now)).id;
        await store.updateForm(trx, actor.workspace.id, { ...form, procedureId, updatedAt: now });
        await audit(trx, actor, 'form.attach', 'form', form.id, { task: taskId });
      });
      return requireForm(actor, form.id);
    },

    /** The form as YAML (the latest version, or the given number), ready for `outtask deck --form`. */
    async exportFormYaml(actor: ProceduresActor, ref: string, version?: number) {
      const form = await requireForm(actor, ref);
      const versions = await store.listFormVersions(db, actor.workspace.id, form.id);
      const v = version === undefined ? form.latest : versions.find((x) => x.number === version);
      if (!v) throw new AppError('FORM_NOT_FOUND', `Form "${form.name}" has no version ${version}`);
      return {
        fileName: `${slug(form.name)}-v${v.number}.yaml`,
        yaml: formToYaml({ title: v.title, questions: v.questions }),
        version: v,
      };
    },
  };

  async function personOf(
    actor: ProceduresActor,
    memberId: string | null,
    personName: string,
  ): Promise<{ memberId: string | null; personName: string }> {
    if (memberId) {
      const m = (await inventory.listMembers(actor)).find((x) => x.id === memberId);
      if (!m) {
        throw new AppError(
          'MEMBER_NOT_FOUND',
          `No member with id ${memberId}; give the person's name instead`,
          {
            field: 'memberId',
          },
        );
      }
      return { memberId: m.id, personName: m.name };
    }
    const name = personName.trim();
    if (!name) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Say whose way this is: a member (memberId) or a name (personName)',
        {
          field: 'personName',
        },
      );
    }
    // A name that is a member's is linked to that member, so their rate can cost the variant.
    const m = (await inventory.listMembers(actor)).find((x) => x.name.toLowerCase() === name.toLowerCase());
    return { memberId: m?.id ?? null, personName: m?.name ?? name };
  }

  return service;
}

export type ProceduresService = ReturnType<typeof createProceduresService>;
