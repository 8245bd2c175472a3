/**
 * The API's JSON shapes, taken from the server's own contract types (type-only imports: no server code
 * reaches the browser bundle).
 */
import type { z } from 'zod';
import type { MeOut } from '../../../src/accounts/accounts.schemas.ts';
import type {
  EconomicsSettings,
  Opportunity,
  OutsourcingOffer,
  OutTaskVsOutsource,
  ScoreFactor,
  VolumeScenario,
} from '../../../src/inventory/economics/index.ts';
import type { InventoryOverview } from '../../../src/inventory/economics.service.ts';
import type { ImportFormat, RowError } from '../../../src/inventory/imports/types.ts';
import type { ImportPreviewOut, TaskInputT } from '../../../src/inventory/inventory.schemas.ts';
import type { ImportReport } from '../../../src/inventory/inventory.service.ts';
import type {
  Confidentiality,
  Frequency,
  ImportBatch as ImportBatchView,
  Measurement,
  Member,
  MemberRole,
  Process,
  SkillLevel,
  Task,
} from '../../../src/inventory/inventory.ts';
import type { opportunitiesJson, TaskListItem } from '../../../src/inventory/inventory.views.ts';
import type { Money } from '../../../src/platform/money.ts';

export type {
  Confidentiality,
  EconomicsSettings,
  Frequency,
  ImportFormat,
  ImportReport,
  Measurement,
  Member,
  MemberRole,
  Money,
  Opportunity,
  OutsourcingOffer,
  OutTaskVsOutsource,
  Process,
  RowError,
  ScoreFactor,
  SkillLevel,
  Task,
  TaskListItem,
  VolumeScenario,
};

/** POST /api/imports/preview */
export type ImportPreview = z.infer<typeof ImportPreviewOut>;

/** GET /api/auth/me and POST /api/auth/login. */
export type Me = z.infer<typeof MeOut>;

/** GET /api/opportunities */
export type OpportunitiesResponse = ReturnType<typeof opportunitiesJson>;
export type OpportunityItem = OpportunitiesResponse['opportunities'][number];

/** GET /api/tasks/:id */
export type TaskDetail = InventoryOverview['rows'][number] & {
  opportunity: Opportunity;
  measurements: Measurement[];
  settings: Required<EconomicsSettings>;
};

/** POST /api/tasks body (the server fills defaults for what is left out). */
export type NewTask = Partial<TaskInputT> &
  Pick<TaskInputT, 'processId' | 'name' | 'frequency' | 'minutesPerOccurrence'>;

/** PATCH /api/tasks/:id body. */
export type TaskPatch = Partial<TaskInputT>;

/** One row of GET /api/imports (the stored import batch, as the database keeps it). */
export type ImportBatch = ImportBatchView;

/** The error body every API failure answers with. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
