/** A version with its steps and its before/after minutes and cost. */
import { type ProcedureEconomics, procedureEconomics } from '../costing.ts';
import type { ProcedureVersion } from '../procedures.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { costContext, requireVersion } from './lookups.ts';

export async function getVersion(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  versionId: string,
): Promise<{
  version: ProcedureVersion;
  procedureId: string;
  task: { id: string; name: string };
  economics: ProcedureEconomics;
}> {
  const { version, procedure, task } = await requireVersion(ctx, actor, versionId);
  const economics = procedureEconomics(version.steps, await costContext(ctx, actor, task));
  return { version, procedureId: procedure.id, task: { id: task.id, name: task.name }, economics };
}

/** The version's before/after figures alone. */
export async function versionEconomics(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  versionId: string,
): Promise<ProcedureEconomics> {
  const { version, task } = await requireVersion(ctx, actor, versionId);
  return procedureEconomics(version.steps, await costContext(ctx, actor, task));
}
