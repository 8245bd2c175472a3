/**
 * Stores content as a form's next version (a new form when none has that name or id); nothing when
 * it is the same as the latest. The shared end of importing YAML and saving the editor's data. With
 * `expectedVersion` (If-Match: the form's version the editor loaded) a save over someone else's newer
 * one is refused with STALE_WRITE.
 */
import { nowIso } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { WriteCondition } from '../../platform/versioning.ts';
import { formNameFrom, sameFormContent } from '../forms.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import type { Form, FormContent, FormVersion } from '../procedures.ts';
import { claimRow } from './claim.ts';
import type { ProceduresActor, ProceduresContext, Trx } from './context.ts';
import { type FormSummary, listForms } from './form-lookups.ts';
import { ensureProcedure } from './lookups.ts';

export interface SavedForm {
  form: FormSummary;
  version: FormVersion;
  created: boolean;
  unchanged: boolean;
}

export async function saveFormVersion(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  input: {
    content: FormContent;
    name?: string;
    formId?: string;
    taskId?: string | null;
    sourceFile?: string;
  },
  condition: WriteCondition = {},
): Promise<SavedForm> {
  const { deps } = ctx;
  const ws = actor.workspace.id;
  const now = nowIso(deps);
  const all = await listForms(ctx, actor);
  const name = formNameFrom(input.name ?? input.content.title);
  const byName = all.find((f) => f.name.toLowerCase() === name.toLowerCase());
  const existing = input.formId ? all.find((f) => f.id === input.formId) : byName;
  if (input.formId && !existing) throw new AppError('FORM_NOT_FOUND', `No form with id ${input.formId}`);
  if (input.formId && input.name && byName && byName.id !== input.formId) {
    throw new AppError('FORM_NAME_TAKEN', `Another form is already named "${name}". Nothing was changed.`, {
      field: 'name',
    });
  }
  let unchanged = false;
  let created = false;
  let version: FormVersion = existing?.latest as FormVersion;
  let formId = existing?.id ?? '';
  await ctx.db.transaction().execute(async (trx) => {
    // An existing form is claimed first (its version moves on; with If-Match only from the one the
    // editor saw), then compared as it now stands: a concurrent save is never overwritten unseen.
    const now_ = existing
      ? await claimRow(
          trx,
          'forms',
          ws,
          existing.id,
          condition,
          'form',
          () => formAsStored(trx, ws, existing.id),
          () => new AppError('FORM_NOT_FOUND', `No form with id ${existing.id}`),
        )
      : undefined;
    if (now_) version = now_.latest;
    unchanged = now_ ? sameFormContent(now_.latest, input.content) : false;
    const procedureId =
      input.taskId === undefined
        ? (existing?.procedureId ?? null)
        : input.taskId === null
          ? null
          : (await ensureProcedure(ctx, trx, actor, input.taskId, now)).id;
    if (!existing) {
      formId = deps.newId();
      created = true;
      await store.insertForm(trx, ws, { id: formId, name, procedureId, createdAt: now, updatedAt: now });
    } else if (procedureId !== existing.procedureId || (input.name && name !== existing.name)) {
      await store.updateForm(trx, ws, {
        ...existing,
        name: input.name ? name : existing.name,
        procedureId,
        updatedAt: now,
      });
    }
    if (!unchanged) {
      version = {
        id: deps.newId(),
        formId,
        number: (now_?.versions ?? 0) + 1,
        title: input.content.title,
        questions: input.content.questions,
        sourceFile: input.sourceFile ?? null,
        createdBy: actor.userId,
        createdAt: now,
      };
      await store.insertFormVersion(trx, ws, version);
      await ctx.audit(trx, actor, created ? 'form.create' : 'form.version', 'form', formId, {
        version: version.number,
        ...(input.sourceFile ? { file: input.sourceFile } : {}),
      });
    }
  });
  const form = (await listForms(ctx, actor)).find((f) => f.id === formId)!;
  return { form, version, created, unchanged };
}

/** A form with its latest version and count, read on the transaction's connection. */
async function formAsStored(
  trx: Trx,
  ws: string,
  id: string,
): Promise<(Form & { latest: FormVersion; versions: number }) | undefined> {
  const form = await store.findForm(trx, ws, id);
  if (!form) return undefined;
  const versions = await store.listFormVersions(trx, ws, id);
  return { ...form, latest: versions[versions.length - 1]!, versions: versions.length };
}
