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
  /** The saved synthesis a synthesis job became (its answer's `synthesisId`), once it succeeded. */
  onSaved?: (synthesisId: string | null) => void,
): Promise<R> {
  for (;;) {
    const answer = await api.get<{ job: JobState; result: R | null; synthesisId?: string | null }>(path);
    const { job, result } = answer;
    onState(job);
    if (job.status === 'succeeded' && result !== null) {
      onSaved?.(answer.synthesisId ?? null);
      return result;
    }
    if (job.status === 'dead' || job.status === 'cancelled') throw new JobFailedError(job);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    signal?.throwIfAborted();
  }
}
