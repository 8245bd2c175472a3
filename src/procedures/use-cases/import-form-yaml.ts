/** Imports a form from YAML (the format `outtask deck --form` reads): a new form, or the next version of the form of that name. */
import { parseForm } from '../forms.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { type SavedForm, saveFormVersion } from './save-form-version.ts';

export async function importFormYaml(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  input: { text: string; file?: string; name?: string; taskRef?: string | null },
): Promise<SavedForm> {
  const content = await parseForm(input.text, input.file);
  const taskId =
    input.taskRef === undefined || input.taskRef === null
      ? input.taskRef
      : (await ctx.inventory.resolveTask(actor, input.taskRef)).id;
  return saveFormVersion(ctx, actor, {
    content,
    ...(input.name ? { name: input.name } : {}),
    ...(taskId !== undefined ? { taskId } : {}),
    ...(input.file ? { sourceFile: input.file } : {}),
  });
}
