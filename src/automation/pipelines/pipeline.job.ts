/** The durable job that carries one run through its stages (see run-pipeline.ts for its handler). */
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/index.ts';

export const pipelineRunJob = defineJob({
  kind: 'automation.pipeline-run',
  version: 1,
  payload: z.object({
    runId: z.string().min(1),
    /** The run's revision this job works on: an applied review starts a job for the next one. */
    revision: z.number().int().min(1),
  }),
  maxAttempts: 3,
  backoff: { baseMs: 5_000, maxMs: 120_000 },
  // An hour-long recording on pocketsphinx takes about 25 min of one core; leave room for a loaded machine.
  timeoutMs: 4 * 60 * 60_000,
});

export type PipelineRunPayload = z.infer<typeof pipelineRunJob.payload>;
