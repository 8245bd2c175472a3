/**
 * Steps 2–4 as one object for the edges (routes, CLI, demo, other features): each method is a use
 * case of ./use-cases/, one per file beside its test, given the context built here once. The use
 * cases take typed input (the edge has parsed it); this file only binds them, so it stays a table.
 */
import { approveVersion } from './use-cases/approve-version.ts';
import { attachForm } from './use-cases/attach-form.ts';
import { compareTaskVariants } from './use-cases/compare-task-variants.ts';
import { type ProceduresContext, type ProceduresDeps, proceduresContext } from './use-cases/context.ts';
import { createStandard } from './use-cases/create-standard.ts';
import { createVariant } from './use-cases/create-variant.ts';
import { deleteDraft } from './use-cases/delete-draft.ts';
import { deleteVariant } from './use-cases/delete-variant.ts';
import { diffTwoVersions } from './use-cases/diff-versions.ts';
import { drawProcessMap } from './use-cases/draw-process-map.ts';
import {
  addStep,
  clearWaste,
  deleteStep,
  markWaste,
  mergeSteps,
  moveStep,
  reorderSteps,
  updateStep,
} from './use-cases/edit-steps.ts';
import { exportFormYaml } from './use-cases/export-form-yaml.ts';
import { listForms } from './use-cases/form-lookups.ts';
import { getForm } from './use-cases/get-form.ts';
import { getVersion, versionEconomics } from './use-cases/get-version.ts';
import { importFormYaml } from './use-cases/import-form-yaml.ts';
import { listProcedures } from './use-cases/list-procedures.ts';
import { listVariants } from './use-cases/list-variants.ts';
import { requireVariant } from './use-cases/lookups.ts';
import { methodProgress } from './use-cases/method-progress.ts';
import { newDraft } from './use-cases/new-draft.ts';
import { replaceSteps } from './use-cases/replace-steps.ts';
import { saveForm } from './use-cases/save-form.ts';
import { standardCostSource } from './use-cases/standard-costs.ts';
import { taskOverview } from './use-cases/task-overview.ts';
import { updateVariant } from './use-cases/update-variant.ts';
import { updateVersion } from './use-cases/update-version.ts';
import { writeBrief, writeTaskBrief } from './use-cases/write-brief.ts';

export type { ProceduresActor, ProceduresDeps } from './use-cases/context.ts';
export type { FormSummary } from './use-cases/form-lookups.ts';
export type { ProcedureListRow } from './use-cases/list-procedures.ts';
export type { VersionSummary } from './use-cases/summaries.ts';
export type { TaskOverview } from './use-cases/task-overview.ts';
export type { BriefFile } from './use-cases/write-brief.ts';

/** A use case with its context given: `(ctx, ...args) => r` becomes `(...args) => r`. */
function bound<A extends unknown[], R>(
  ctx: ProceduresContext,
  useCase: (ctx: ProceduresContext, ...args: A) => R,
) {
  return (...args: A): R => useCase(ctx, ...args);
}

export function createProceduresService(deps: ProceduresDeps) {
  const ctx = proceduresContext(deps);
  const use = <A extends unknown[], R>(f: (ctx: ProceduresContext, ...args: A) => R) => bound(ctx, f);
  return {
    // Variants (step 2)
    listVariants: use(listVariants),
    getVariant: use(requireVariant),
    createVariant: use(createVariant),
    updateVariant: use(updateVariant),
    deleteVariant: use(deleteVariant),
    compare: use(compareTaskVariants),
    // The standard procedure and its versions (steps 3–4)
    createStandard: use(createStandard),
    newDraft: use(newDraft),
    getVersion: use(getVersion),
    economics: use(versionEconomics),
    updateVersion: use(updateVersion),
    approve: use(approveVersion),
    deleteDraft: use(deleteDraft),
    // A draft's steps
    replaceSteps: use(replaceSteps),
    addStep: use(addStep),
    updateStep: use(updateStep),
    deleteStep: use(deleteStep),
    reorderSteps: use(reorderSteps),
    moveStep: use(moveStep),
    mergeSteps: use(mergeSteps),
    markWaste: use(markWaste),
    clearWaste: use(clearWaste),
    // What a version is shown as
    diff: use(diffTwoVersions),
    processMap: use(drawProcessMap),
    brief: use(writeBrief),
    briefForTask: use(writeTaskBrief),
    // Overview, list, progress
    taskOverview: use(taskOverview),
    list: use(listProcedures),
    /** The approved procedures' costs, read by the inventory's economics (wired in the composition root). */
    standardCosts: () => standardCostSource(ctx),
    progress: use(methodProgress),
    // Forms
    listForms: use(listForms),
    getForm: use(getForm),
    importFormYaml: use(importFormYaml),
    saveForm: use(saveForm),
    attachForm: use(attachForm),
    exportFormYaml: use(exportFormYaml),
  };
}

export type ProceduresService = ReturnType<typeof createProceduresService>;
