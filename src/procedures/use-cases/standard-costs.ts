/**
 * The approved procedures, costed, for the inventory's economics: one current cost per task
 * wherever it shows (inventory, ranking, task page, procedure pages).
 */
import type { Member, StandardCost, StandardCostSource, Task } from '../../inventory/index.ts';
import { standardCostOf } from '../costing.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import { latestApproved } from '../procedures.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { costContextOf } from './lookups.ts';

type Workspace = ProceduresActor['workspace'];

export async function standardCosts(
  ctx: ProceduresContext,
  workspace: Workspace,
  tasks: readonly Task[],
  members: readonly Member[],
): Promise<ReadonlyMap<string, StandardCost>> {
  const [procedures, versions] = await Promise.all([
    store.listProcedures(ctx.db, workspace.id),
    store.listVersions(ctx.db, workspace.id),
  ]);
  const byTask = new Map(tasks.map((t) => [t.id, t]));
  const out = new Map<string, StandardCost>();
  for (const p of procedures) {
    const task = byTask.get(p.taskId);
    if (!task) continue;
    const approved = latestApproved(versions.filter((v) => v.procedureId === p.id));
    if (!approved) continue;
    out.set(task.id, standardCostOf(approved, costContextOf({ workspace }, task, members)));
  }
  return out;
}

/** What the economics service reads (see StandardCostSource). */
export function standardCostSource(ctx: ProceduresContext): StandardCostSource {
  return {
    fingerprint: async (workspace) => (await store.approvedVersionIds(ctx.db, workspace.id)).join(','),
    costs: (workspace, tasks, members) => standardCosts(ctx, workspace, tasks, members),
  };
}
