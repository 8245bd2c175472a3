/** The procedures list: every task with recorded ways or a procedure, its stage, versions and before/after cost. */
import type { Member, Task } from '../../inventory/index.ts';
import type { Money } from '../../platform/money.ts';
import { type ProcedureEconomics, procedureEconomics } from '../costing.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import { currentVersion, latestApproved, openDraft, type ProcedureVersion } from '../procedures.ts';
import type { Stage } from '../progress.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { costContextOf } from './lookups.ts';
import { progressOfTasks } from './method-progress.ts';
import { summarize, type VersionSummary } from './summaries.ts';

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

export async function listProcedures(
  ctx: ProceduresContext,
  actor: ProceduresActor,
): Promise<ProcedureListRow[]> {
  const ws = actor.workspace.id;
  const economicsOf = (v: ProcedureVersion, task: Task, members: readonly Member[]) => {
    const e = procedureEconomics(v.steps, costContextOf(actor, task, members));
    return { before: e.before, after: e.after, saving: e.saving, version: summarize(v) };
  };
  const [members, tasks, processes, variants, procedures, versions, forms, progress] = await Promise.all([
    ctx.inventory.listMembers(actor),
    ctx.inventory.listTasks(actor),
    ctx.inventory.listProcesses(actor),
    store.listVariants(ctx.db, ws),
    store.listProcedures(ctx.db, ws),
    store.listVersions(ctx.db, ws),
    store.listForms(ctx.db, ws),
    progressOfTasks(ctx, actor),
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
}
