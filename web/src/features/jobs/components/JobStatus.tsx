/** A job's state as a badge, and its progress as a bar with words. */
import type { Job } from '../types.ts';

const TONE: Record<Job['status'], string> = {
  queued: 'badge',
  running: 'badge badge-accent',
  succeeded: 'badge badge-positive',
  dead: 'badge badge-negative',
  cancelled: 'badge badge-warning',
};

const WORDS: Record<Job['status'], string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Done',
  dead: 'Failed',
  cancelled: 'Cancelled',
};

export function JobStatusBadge({ job }: { job: Job }) {
  const stopping = job.cancelRequested && job.status === 'running';
  return <span className={TONE[job.status]}>{stopping ? 'Stopping…' : WORDS[job.status]}</span>;
}

export function JobProgress({ job }: { job: Job }) {
  const p = job.progress;
  if (!p || job.status === 'succeeded') return null;
  const pct = p.total > 0 ? Math.min(100, Math.round((100 * p.done) / p.total)) : 0;
  return (
    <div className="job-progress">
      <progress max={100} value={pct} aria-label={`${job.label}: ${pct}% done`} />
      <span className="faint">
        {p.message ? `${p.message} · ` : ''}
        {pct}%
      </span>
    </div>
  );
}
