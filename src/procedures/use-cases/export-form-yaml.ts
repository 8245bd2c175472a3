/** A form as YAML (the latest version, or the given number), ready for `outtask deck --form`. */
import { AppError } from '../../platform/errors.ts';
import { formToYaml } from '../forms.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import type { FormVersion } from '../procedures.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { requireForm } from './form-lookups.ts';
import { fileSlug } from './summaries.ts';

export async function exportFormYaml(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  ref: string,
  version?: number,
): Promise<{ fileName: string; yaml: string; version: FormVersion }> {
  const form = await requireForm(ctx, actor, ref);
  const versions = await store.listFormVersions(ctx.db, actor.workspace.id, form.id);
  const v = version === undefined ? form.latest : versions.find((x) => x.number === version);
  if (!v) throw new AppError('FORM_NOT_FOUND', `Form "${form.name}" has no version ${version}`);
  return {
    fileName: `${fileSlug(form.name)}-v${v.number}.yaml`,
    yaml: await formToYaml({ title: v.title, questions: v.questions }),
    version: v,
  };
}
