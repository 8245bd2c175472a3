/**
 * Zod contracts of the pipelines' HTTP edge: requests and responses (the OpenAPI document, so the web
 * app's generated types, come from these).
 */
import { z } from 'zod';
import { RUN_SOURCES, RUN_STATUSES, STAGE_STATES, STAGES } from './pipeline.ts';

const Engine = z.enum(['pocketsphinx', 'whisper']);

export const PipelineCreate = z.object({
  name: z.string().trim().min(1).max(120),
  taskId: z.string().min(1).max(300),
  formId: z.string().min(1).max(300).nullable().optional(),
  engine: Engine.nullable().optional(),
  watchDir: z.string().max(1000).nullable().optional(),
  terms: z.string().max(200_000).optional(),
  reviewRequired: z.boolean().optional(),
});

export const PipelinePatch = PipelineCreate.partial();

export const PipelineOut = z.object({
  id: z.string(),
  taskId: z.string(),
  name: z.string(),
  formId: z.string().nullable(),
  engine: Engine.nullable(),
  watchDir: z.string().nullable(),
  terms: z.string(),
  reviewRequired: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const RunCounts = z.object({
  queued: z.number(),
  running: z.number(),
  review: z.number(),
  succeeded: z.number(),
  failed: z.number(),
});

export const PipelineListOut = z.array(PipelineOut.extend({ runs: RunCounts }));

const FileRef = z.object({ sha256: z.string(), name: z.string(), bytes: z.number() });
const Problem = z.object({ code: z.string(), message: z.string() });

export const RunOutputsOut = z.object({
  audio: FileRef.optional(),
  transcript: FileRef.extend({
    engine: Engine.optional(),
    quality: z.enum(['draft', 'standard']).optional(),
  }).optional(),
  redacted: FileRef.extend({ redactions: z.number(), revision: z.number() }).optional(),
  deck: FileRef.extend({
    interviews: z.number(),
    revision: z.number(),
    synthesisId: z.string().optional(),
  }).optional(),
  package: FileRef.extend({ revision: z.number() }).optional(),
  review: z.object({ approvedRevision: z.number(), by: z.string().nullable(), at: z.string() }).optional(),
  reviewDirty: z.boolean().optional(),
});

export const StageOut = z.object({
  stage: z.enum(STAGES),
  position: z.number(),
  state: z.enum(STAGE_STATES),
  attempts: z.number(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  log: z.string(),
  error: Problem.nullable(),
  output: z.unknown(),
});

export const RunOut = z.object({
  id: z.string(),
  pipelineId: z.string(),
  source: z.enum(RUN_SOURCES),
  fileName: z.string(),
  sourcePath: z.string().nullable(),
  inputSha256: z.string(),
  inputBytes: z.number(),
  inputKind: z.enum(['audio', 'transcript']),
  status: z.enum(RUN_STATUSES),
  stage: z.enum(STAGES).nullable(),
  error: Problem.nullable(),
  jobId: z.string().nullable(),
  revision: z.number(),
  outputs: RunOutputsOut,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const RunWithStagesOut = RunOut.extend({ stages: z.array(StageOut) });

export const RunDetailOut = z.object({ run: RunOut, stages: z.array(StageOut), pipeline: PipelineOut });

export const IntakeOut = z.object({
  file: z.string(),
  run: RunOut.optional(),
  created: z.boolean(),
  error: Problem.optional(),
});

export const FindingOut = z.object({
  id: z.string(),
  revision: z.number(),
  seq: z.number(),
  kind: z.string(),
  recognizer: z.string(),
  score: z.number(),
  decision: z.string(),
  text: z.string(),
  start: z.number(),
  end: z.number(),
  where: z.string(),
  label: z.string().nullable(),
});

export const DecisionIn = z.object({
  text: z.string().trim().min(1).max(200),
  kind: z.string().max(20).optional(),
  action: z.enum(['redact', 'keep']),
});

export const DecisionOut = z.object({
  id: z.string(),
  text: z.string(),
  kind: z.string(),
  action: z.enum(['redact', 'keep']),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const ReviewOut = z.object({
  run: RunOut,
  findings: z.array(FindingOut),
  decisions: z.array(DecisionOut),
  unapplied: z.boolean(),
  redactedText: z.string().nullable(),
});

export const RUN_FILES = ['input', 'transcript', 'redacted', 'deck', 'package'] as const;

export type PipelineOutT = z.infer<typeof PipelineOut>;
export type RunOutT = z.infer<typeof RunOut>;
export type RunDetailOutT = z.infer<typeof RunDetailOut>;
export type ReviewOutT = z.infer<typeof ReviewOut>;
