/**
 * The procedures API's JSON shapes, taken from the server's own types (type-only imports: no server
 * code reaches the browser bundle).
 */
import type { Comparison } from '../../../../src/procedures/compare.ts';
import type { ProcedureEconomics } from '../../../../src/procedures/costing.ts';
import type { VersionDiff } from '../../../../src/procedures/diff.ts';
import type {
  FormSummary,
  ProcedureListRow,
  ProceduresService,
  VersionSummary,
} from '../../../../src/procedures/procedures.service.ts';
import type {
  FormVersion,
  Performer,
  PerformerKind,
  ProcedureVersion,
  Step,
  Variant,
  VariantStep,
} from '../../../../src/procedures/procedures.ts';
import type { Stage, TaskProgress } from '../../../../src/procedures/progress.ts';

export type {
  Comparison,
  FormSummary,
  FormVersion,
  Performer,
  PerformerKind,
  ProcedureEconomics,
  ProcedureListRow,
  ProcedureVersion,
  Stage,
  Step,
  TaskProgress,
  Variant,
  VariantStep,
  VersionDiff,
  VersionSummary,
};

/** GET /api/procedures/tasks/:taskId */
export type TaskOverview = Awaited<ReturnType<ProceduresService['taskOverview']>>;
/** GET /api/procedures/tasks/:taskId/comparison */
export type ComparisonResponse = Awaited<ReturnType<ProceduresService['compare']>>;
/** GET /api/procedures/versions/:id */
export type VersionView = Awaited<ReturnType<ProceduresService['getVersion']>>;
/** GET /api/procedures/progress */
export type ProgressResponse = Awaited<ReturnType<ProceduresService['progress']>>;
/** GET /api/procedures/versions/:id/diff */
export type DiffResponse = Awaited<ReturnType<ProceduresService['diff']>>;
/** GET /api/forms/:id */
export type FormDetail = Awaited<ReturnType<ProceduresService['getForm']>>;
/** POST /api/forms/import */
export type FormSaveResult = Awaited<ReturnType<ProceduresService['importFormYaml']>>;

export const KIND_LABEL: Record<PerformerKind, string> = {
  member: 'Firm member',
  role: 'Firm role',
  outtasker: 'Out-tasker',
  automation: 'Automation',
};
