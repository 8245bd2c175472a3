/** The brief an out-tasker receives (DOCX or Markdown) of a version, or of a task's current version. */
import { nowIso } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { type Brief, buildBrief } from '../brief.ts';
import { briefToMarkdown } from '../brief-markdown.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import { currentVersion } from '../procedures.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { listForms } from './form-lookups.ts';
import { requireVersion } from './lookups.ts';
import { fileSlug } from './summaries.ts';

export interface BriefFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
  brief: Brief;
}

export async function writeBrief(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  versionId: string,
  format: 'docx' | 'md',
): Promise<BriefFile> {
  const { version, procedure, task } = await requireVersion(ctx, actor, versionId);
  const processes = await ctx.inventory.listProcesses(actor);
  const forms = (await listForms(ctx, actor)).filter((f) => f.procedureId === procedure.id);
  const brief = buildBrief({
    firm: actor.workspace.name,
    taskName: task.name,
    taskDescription: task.description,
    process: processes.find((p) => p.id === task.processId)?.name ?? '',
    version,
    deliverableUnit: task.deliverableUnit,
    unitsPerOccurrence: task.unitsPerOccurrence,
    marketPricePerUnit: task.marketPricePerUnit,
    confidentiality: task.confidentiality,
    forms: forms.map((f) => ({ name: f.name, version: f.latest })),
    generatedAt: nowIso(ctx.deps),
  });
  const base = `${fileSlug(task.name)}-v${version.number}${version.status === 'draft' ? '-draft' : ''}`;
  if (format === 'md') {
    return {
      fileName: `${base}.md`,
      contentType: 'text/markdown; charset=utf-8',
      bytes: Buffer.from(briefToMarkdown(brief), 'utf8'),
      brief,
    };
  }
  return {
    fileName: `${base}.docx`,
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    // The docx library is loaded only when a brief is written as DOCX.
    bytes: await (await import('../brief-docx.ts')).briefToDocx(brief),
    brief,
  };
}

/** The brief of a task's procedure: the given version number, else the latest approved, else the draft. */
export async function writeTaskBrief(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  taskRef: string,
  opts: { format: 'docx' | 'md'; version?: number },
): Promise<BriefFile> {
  const task = await ctx.inventory.resolveTask(actor, taskRef);
  const procedure = await store.findProcedureByTask(ctx.db, actor.workspace.id, task.id);
  const versions = procedure ? await store.listVersions(ctx.db, actor.workspace.id, procedure.id) : [];
  const chosen =
    opts.version !== undefined ? versions.find((v) => v.number === opts.version) : currentVersion(versions);
  if (!chosen) {
    throw new AppError(
      opts.version !== undefined ? 'VERSION_NOT_FOUND' : 'PROCEDURE_NOT_FOUND',
      opts.version !== undefined
        ? `"${task.name}" has no version ${opts.version}`
        : `"${task.name}" has no standard procedure yet: record its variants and make one first`,
    );
  }
  return writeBrief(ctx, actor, chosen.id, opts.format);
}
