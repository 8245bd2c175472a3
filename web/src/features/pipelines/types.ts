/** The pipelines API's JSON shapes, from the API contract (../../api/contract.ts). */
import type { Answer } from '../../api/contract.ts';

export type Pipeline = Answer<'/api/pipelines/{id}'>;
export type PipelineListItem = Answer<'/api/pipelines'>[number];
export type RunDetail = Answer<'/api/pipeline-runs/{id}'>;
export type Run = RunDetail['run'];
export type RunWithStages = Answer<'/api/pipelines/{id}/runs'>[number];
export type Stage = RunDetail['stages'][number];
export type Intake = Answer<'/api/pipelines/{id}/files', 'post'>;
export type Review = Answer<'/api/pipeline-runs/{id}/review'>;
export type Finding = Review['findings'][number];
export type Decision = Review['decisions'][number];
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
