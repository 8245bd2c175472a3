/** The crash test's job type, shared by the test (which enqueues) and its worker processes. */
import { z } from 'zod';
import { defineJob } from '../../src/platform/jobs/index.ts';

export const crashJob = defineJob({
  kind: 'test.crash',
  version: 1,
  payload: z.object({ steps: z.number().int().min(1) }),
  // A killed worker counts as an attempt: enough that no job runs out while the test kills workers.
  maxAttempts: 1000,
  backoff: { baseMs: 20, maxMs: 100 },
});
