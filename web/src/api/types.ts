/** The inventory, accounts and settings API's JSON shapes, from the API contract (./contract.ts). */
import type { Answer, Body, Schema } from './contract.ts';

export type Money = Schema<'Money'>;
export type Member = Schema<'Member'>;
export type MemberRole = Member['role'];
export type Process = Schema<'Process'>;
export type Task = Schema<'Task'>;
export type Frequency = Schema<'Frequency'>;
export type SkillLevel = Task['skillLevel'];
export type Confidentiality = Task['confidentiality'];
export type Measurement = Schema<'Measurement'>;
export type EconomicsSettings = Schema<'EconomicsSettings'>;
export type Opportunity = Schema<'Opportunity'>;
export type ScoreFactor = Schema<'ScoreFactor'>;
export type OutTaskVsOutsource = Schema<'OutTaskVsOutsource'>;
export type VolumeScenario = OutTaskVsOutsource['scenarios'][number];
/** POST /api/tasks/:id/compare body: an outsourcing offer to set against out-tasking. */
export type OutsourcingOffer = Body<'/api/tasks/{id}/compare', 'post'>['offer'];
/** GET /api/tasks */
export type TaskListItem = Schema<'TaskListItem'>;

/** POST /api/imports/preview */
export type ImportPreview = Schema<'ImportPreview'>;
/** POST /api/imports and /api/imports/apply */
export type ImportReport = Schema<'ImportReport'>;
export type RowError = ImportReport['errors'][number];
/** The time-tracker layouts an import reads (the format a caller may name). */
export type ImportFormat = NonNullable<Body<'/api/imports/preview', 'post'>['format']>;
/** One row of GET /api/imports (the stored import batch, as the database keeps it). */
export type ImportBatch = Schema<'ImportBatch'>;

/** GET /api/auth/me and POST /api/auth/login. */
export type Me = Schema<'Me'>;

/** GET /api/opportunities */
export type OpportunitiesResponse = Answer<'/api/opportunities'>;
export type OpportunityItem = OpportunitiesResponse['opportunities'][number];

/** GET /api/tasks/:id */
export type TaskDetail = Schema<'TaskDetail'>;

/** POST /api/tasks body (the server fills defaults for what is left out). */
export type NewTask = Body<'/api/tasks', 'post'>;

/** PATCH /api/tasks/:id body. */
export type TaskPatch = Body<'/api/tasks/{id}', 'patch'>;

/** The error body every API failure answers with. */
export type ApiErrorBody = Schema<'ErrorBody'>;
