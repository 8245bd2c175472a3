/** A form (by id, name or title) with every version. */
import { proceduresStore as store } from '../procedures.store.ts';
import type { FormVersion } from '../procedures.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { type FormSummary, requireForm } from './form-lookups.ts';

export async function getForm(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  ref: string,
): Promise<FormSummary & { history: FormVersion[] }> {
  const form = await requireForm(ctx, actor, ref);
  const versions = await store.listFormVersions(ctx.db, actor.workspace.id, form.id);
  return { ...form, history: versions };
}
