/** Saves a form edited as data (the web editor) as a new form or the next version of one. */
import type { WriteCondition } from '../../platform/versioning.ts';
import { checkFormContent } from '../forms.ts';
import type { FormJsonInputT } from '../procedures.schemas.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { type SavedForm, saveFormVersion } from './save-form-version.ts';

export async function saveForm(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  formId: string | null,
  input: FormJsonInputT,
  taskRef?: string | null,
  condition: WriteCondition = {},
): Promise<SavedForm> {
  const content = checkFormContent(input);
  const taskId =
    taskRef === undefined || taskRef === null
      ? taskRef
      : (await ctx.inventory.resolveTask(actor, taskRef)).id;
  return saveFormVersion(
    ctx,
    actor,
    {
      content,
      ...(input.name ? { name: input.name } : {}),
      ...(formId ? { formId } : {}),
      ...(taskId !== undefined ? { taskId } : {}),
    },
    condition,
  );
}
