/**
 * The pipelines API's JSON shapes, from the routes' response schemas (type-only imports: no server
 * code reaches the browser bundle).
 */
import type { z } from 'zod';
import type {
  DecisionOut,
  FindingOut,
  IntakeOut,
  PipelineListOut,
  PipelineOut,
  ReviewOut,
  RunDetailOut,
  RunOut,
  RunWithStagesOut,
  StageOut,
} from '../../../../src/automation/pipelines/pipelines.schemas.ts';

export type Pipeline = z.infer<typeof PipelineOut>;
export type PipelineListItem = z.infer<typeof PipelineListOut>[number];
export type Run = z.infer<typeof RunOut>;
export type RunWithStages = z.infer<typeof RunWithStagesOut>;
export type RunDetail = z.infer<typeof RunDetailOut>;
export type Stage = z.infer<typeof StageOut>;
export type Intake = z.infer<typeof IntakeOut>;
export type Review = z.infer<typeof ReviewOut>;
export type Finding = z.infer<typeof FindingOut>;
export type Decision = z.infer<typeof DecisionOut>;
export type RunFile = 'input' | 'transcript' | 'redacted' | 'deck' | 'package';

export const STAGE_NAMES: Record<Stage['stage'], string> = {
  probe: 'Probe',
  convert: 'Convert',
  transcribe: 'Transcribe',
  store: 'Store',
  redact: 'Redact',
  synthesise: 'Synthesize',
  handoff: 'Hand-off',
};

export const STATUS_NAMES: Record<Run['status'], string> = {
  queued: 'Queued',
  running: 'Running',
  review: 'Waiting for review',
  succeeded: 'Handed off',
  failed: 'Failed',
};

/** Runs still moving: the pages poll while any is. */
export const isMoving = (r: Pick<Run, 'status'>) => r.status === 'queued' || r.status === 'running';

export const fileUrl = (runId: string, which: RunFile) => `/api/pipeline-runs/${runId}/files/${which}`;
export const runPath = (runId: string) => `/automate/runs/${runId}`;
export const reviewPath = (runId: string) => `/automate/runs/${runId}/review`;
export const pipelinePath = (id: string) => `/automate/pipelines/${id}`;
