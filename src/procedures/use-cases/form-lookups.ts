/** The forms of a workspace with their latest version and task, and finding one by id, name or title. */
import { AppError } from '../../platform/errors.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import type { Form, FormVersion } from '../procedures.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';

export interface FormSummary extends Form {
  taskId: string | null;
  taskName: string | null;
  latest: FormVersion;
  versions: number;
}

export async function listForms(ctx: ProceduresContext, actor: ProceduresActor): Promise<FormSummary[]> {
  const ws = actor.workspace.id;
  const [forms, versions, procedures, tasks] = await Promise.all([
    store.listForms(ctx.db, ws),
    store.listFormVersions(ctx.db, ws),
    store.listProcedures(ctx.db, ws),
    ctx.inventory.listTasks(actor),
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

/** A form by id, name or title (case aside); FORM_NOT_FOUND lists the forms there are. */
export async function requireForm(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  ref: string,
): Promise<FormSummary> {
  const all = await listForms(ctx, actor);
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
