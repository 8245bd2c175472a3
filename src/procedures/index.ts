/** Steps 2–4: variants, standard procedures, versions, steps, waste, forms, process map, brief, progress. */
export { type Brief, buildBrief } from './brief.ts';
export { briefToMarkdown } from './brief-markdown.ts';
export { type Comparison, compareVariants, median } from './compare.ts';
export { diffVersions, type VersionDiff } from './diff.ts';
export { proceduresRoutes } from './procedures.routes.ts';
export {
  AddStepInput,
  FormAttachInput,
  FormJsonInput,
  MergeInput,
  MoveInput,
  NewDraftInput,
  ReorderInput,
  StandardInput,
  StepInput,
  type StepInputT,
  StepPatch,
  StepsInput,
  VariantInput,
  type VariantInputT,
  VariantPatch,
  VersionPatch,
  WasteInput,
} from './procedures.schemas.ts';
export {
  createProceduresService,
  type ProcedureListRow,
  type ProceduresActor,
  type ProceduresService,
} from './procedures.service.ts';
export type {
  Form,
  FormVersion,
  Performer,
  PerformerKind,
  ProcedureVersion,
  Step,
  Variant,
  VariantStep,
} from './procedures.ts';
export { renderProcessMap } from './process-map.ts';
export { STAGE_LABELS, STAGES, type Stage, type TaskProgress } from './progress.ts';
export { defaultColumns, planStandard } from './standardize.ts';
