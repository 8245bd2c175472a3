/** One task's page of steps 2–4: its variants, versions, forms and where it stands in the method. */
import type { Task } from '../../inventory/index.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import { currentVersion, openDraft, type Step, type Variant } from '../procedures.ts';
import { type TaskProgress, taskProgress } from '../progress.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { type FormSummary, listForms } from './form-lookups.ts';
import { summarize, type VersionSummary } from './summaries.ts';

export interface TaskOverview {
  task: Task;
  process: string;
  performer: string | null;
  variants: Variant[];
  procedureId: string | null;
  versions: (VersionSummary & { steps: Step[] })[];
  currentVersionId: string | null;
  draftVersionId: string | null;
  forms: FormSummary[];
  progress: TaskProgress;
}

export async function taskOverview(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  taskRef: string,
): Promise<TaskOverview> {
  const task = await ctx.inventory.resolveTask(actor, taskRef);
  const ws = actor.workspace.id;
  const [variants, procedure, processes, members] = await Promise.all([
    store.listVariants(ctx.db, ws, task.id),
    store.findProcedureByTask(ctx.db, ws, task.id),
    ctx.inventory.listProcesses(actor),
    ctx.inventory.listMembers(actor),
  ]);
  const versions = procedure ? await store.listVersions(ctx.db, ws, procedure.id) : [];
  const forms = procedure ? (await listForms(ctx, actor)).filter((f) => f.procedureId === procedure.id) : [];
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
}
