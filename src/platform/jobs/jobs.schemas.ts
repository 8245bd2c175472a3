/** The jobs API's contract: what a caller sends and gets back (the OpenAPI document, so the web's types). */
import { z } from 'zod';
import { JOB_STATUSES } from './job.ts';

export const JobProgressOut = z.object({
  done: z.number(),
  total: z.number(),
  message: z.string().optional(),
});

export const JobOut = z.object({
  id: z.string(),
  kind: z.string(),
  /** What the job does, in words ("Interview synthesis"); the kind when nothing better is known. */
  label: z.string(),
  status: z.enum(JOB_STATUSES),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  progress: JobProgressOut.nullable(),
  /** The last attempt's error (its first line: the message). */
  lastError: z.string().nullable(),
  cancelRequested: z.boolean(),
  /** Which worker holds it while it runs. */
  lockedBy: z.string().nullable(),
  createdBy: z.string().nullable(),
  runAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** What the retry and cancel buttons may do now. */
  canRetry: z.boolean(),
  canCancel: z.boolean(),
});
export type JobOutT = z.infer<typeof JobOut>;

export const JobDetailOut = JobOut.extend({
  /** The whole last error, stack frames included. */
  lastErrorFull: z.string().nullable(),
  result: z.unknown(),
  steps: z.array(z.object({ key: z.string(), at: z.string() })),
});
export type JobDetailOutT = z.infer<typeof JobDetailOut>;

export const JobListOut = z.object({
  jobs: z.array(JobOut),
  /** Pass as `before` for the next page; null on the last. */
  next: z.string().nullable(),
});
export type JobListOutT = z.infer<typeof JobListOut>;

export const JobListQuery = z.object({
  status: z.enum(JOB_STATUSES).optional(),
  kind: z.string().max(100).optional(),
  before: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const JobIdParams = z.object({ id: z.string().min(1).max(64) });
