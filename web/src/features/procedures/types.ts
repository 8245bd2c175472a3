/** The procedures API's JSON shapes, from the API contract (../../api/contract.ts). */
import type { Schema } from '../../api/contract.ts';

export type Performer = Schema<'Performer'>;
export type PerformerKind = Performer['kind'];
export type Step = Schema<'Step'>;
export type Variant = Schema<'Variant'>;
export type VariantStep = Schema<'VariantStep'>;
export type ProcedureVersion = Schema<'ProcedureVersion'>;
export type VersionSummary = Schema<'VersionSummary'>;
export type Stage = Schema<'Stage'>;
export type TaskProgress = Schema<'TaskProgress'>;
export type ProcedureEconomics = Schema<'ProcedureEconomics'>;
export type ProcedureListRow = Schema<'ProcedureListRow'>;
export type FormVersion = Schema<'FormVersion'>;
export type FormSummary = Schema<'FormSummary'>;

/** GET /api/procedures/tasks/:taskId */
export type TaskOverview = Schema<'TaskOverview'>;
/** GET /api/procedures/tasks/:taskId/comparison */
export type ComparisonResponse = Schema<'TaskComparison'>;
/** GET /api/procedures/versions/:id */
export type VersionView = Schema<'VersionDetail'>;
/** GET /api/procedures/progress */
export type ProgressResponse = Schema<'MethodProgress'>;
/** GET /api/procedures/versions/:id/diff */
export type DiffResponse = Schema<'VersionDiff'>;
/** GET /api/forms/:id */
export type FormDetail = Schema<'FormDetail'>;
/** POST /api/forms/import */
export type FormSaveResult = Schema<'SavedForm'>;

export const KIND_LABEL: Record<PerformerKind, string> = {
  member: 'Firm member',
  role: 'Firm role',
  outtasker: 'Out-tasker',
  automation: 'Automation',
};
