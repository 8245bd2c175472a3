/** The synthesis job's progress under the build button: its state in words and a bar. */
import type { JobState } from '../types.ts';

export function JobProgressLine({ job }: { job: JobState }) {
  const p = job.progress;
  const pct = p && p.total > 0 ? Math.round((100 * p.done) / p.total) : 0;
  const words =
    job.status === 'queued'
      ? 'Waiting for a worker…'
      : job.status === 'running'
        ? `${p?.message ?? 'Working'}…${job.attempts > 1 ? ` (attempt ${job.attempts})` : ''}`
        : (p?.message ?? job.status);
  return (
    <div className="syn-job" role="status" data-job-status={job.status}>
      <progress max={100} value={pct} aria-label="Progress of the synthesis" />
      <span className="muted">{words}</span>
    </div>
  );
}
