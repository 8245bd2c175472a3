/** Every task's step in the method (derived from its data), and how many tasks sit at each step. */

import { proceduresStore as store } from '../procedures.store.ts';
import { countByStage, STAGES, type Stage, type TaskProgress, taskProgress } from '../progress.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';

export async function progressOfTasks(
  ctx: ProceduresContext,
  actor: ProceduresActor,
): Promise<TaskProgress[]> {
  const ws = actor.workspace.id;
  const [tasks, variants, procedures, versions] = await Promise.all([
    ctx.inventory.listTasks(actor),
    store.listVariants(ctx.db, ws),
    store.listProcedures(ctx.db, ws),
    store.listVersions(ctx.db, ws),
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

export async function methodProgress(ctx: ProceduresContext, actor: ProceduresActor) {
  const all = await progressOfTasks(ctx, actor);
  return {
    stages: STAGES,
    counts: countByStage(all),
    byTask: Object.fromEntries(all.map((p) => [p.taskId, p.stage])) as Record<string, Stage>,
    tasks: all,
  };
}
