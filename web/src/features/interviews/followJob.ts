/**
 * Follows a background job of the interviews API until it ends: its state and progress are passed on
 * as they change, its result returned when it succeeds, its last error thrown when it fails.
 */
import { api } from '../../api/client.ts';
import type { JobState } from './types.ts';

const POLL_MS = 600;

export class JobFailedError extends Error {
  constructor(readonly job: JobState) {
    super(
      job.status === 'cancelled'
        ? 'The job was cancelled.'
        : (job.lastError ?? 'The job failed; the Background jobs page has its error.'),
    );
  }
}

export async function followJob<R>(
  path: string,
  onState: (job: JobState) => void,
  signal?: AbortSignal,
): Promise<R> {
  for (;;) {
    const { job, result } = await api.get<{ job: JobState; result: R | null }>(path);
    onState(job);
    if (job.status === 'succeeded' && result !== null) return result;
    if (job.status === 'dead' || job.status === 'cancelled') throw new JobFailedError(job);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    signal?.throwIfAborted();
  }
}
