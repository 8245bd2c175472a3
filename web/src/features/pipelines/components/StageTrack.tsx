/** A run's stages as a row of steps, each colored by its state (done, running, waiting, failed, skipped). */
import { STAGE_NAMES, type Stage } from '../types.ts';

const STATE_WORD: Record<Stage['state'], string> = {
  pending: 'not yet',
  running: 'running',
  succeeded: 'done',
  failed: 'failed',
  skipped: 'skipped',
  waiting: 'waiting for review',
};

export function StageTrack({ stages, compact = false }: { stages: Stage[]; compact?: boolean }) {
  return (
    <ol className={compact ? 'stage-track compact' : 'stage-track'}>
      {stages.map((s) => (
        <li
          key={s.stage}
          className={`stage-step is-${s.state}`}
          title={`${STAGE_NAMES[s.stage]}: ${STATE_WORD[s.state]}${s.error ? ` — ${s.error.message}` : ''}`}
        >
          <span className="stage-dot" aria-hidden="true" />
          <span className={compact ? 'visually-hidden' : 'stage-label'}>
            {STAGE_NAMES[s.stage]}
            <span className="visually-hidden">: {STATE_WORD[s.state]}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}

export function StatusBadge({
  status,
}: {
  status: 'queued' | 'running' | 'review' | 'succeeded' | 'failed';
}) {
  const cls =
    status === 'succeeded'
      ? 'badge badge-positive'
      : status === 'failed'
        ? 'badge badge-negative'
        : status === 'review'
          ? 'badge badge-warning'
          : 'badge badge-accent';
  const word = {
    queued: 'Queued',
    running: 'Running',
    review: 'Waiting for review',
    succeeded: 'Handed off',
    failed: 'Failed',
  }[status];
  return <span className={cls}>{word}</span>;
}
