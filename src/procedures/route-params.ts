/** What the procedures' route files share: their policy and tags, path parameters and query pieces. */
import { z } from 'zod';
import { FIRM } from '../platform/http/policy.ts';

/** Owner and staff only: out-taskers see nothing of the procedures. */
export const config = { policy: FIRM };
export const tags = ['procedures'];

export const TaskParams = z.object({ taskId: z.string().min(1).max(300) });
export const IdParams = z.object({ id: z.string().min(1).max(100) });
export const StepParams = z.object({ id: z.string().min(1).max(100), stepId: z.string().min(1).max(100) });

export const BRIEF_TYPES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/markdown',
];

/** A yes/no query flag (`?includeRetired=true`); absent is no. */
export const bool = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');
