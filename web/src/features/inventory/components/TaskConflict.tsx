/**
 * Someone saved this task while you were editing it: the server refused your save (412 STALE_WRITE)
 * and sent the task as it is now. This shows which fields they changed, from what to what, and lets you
 * load their version (your edits are dropped) or keep your edits and save them over theirs.
 */
import type { Member, Process, TaskDetail } from '../../../api/types.ts';
import { fmtMoney, fmtNumber, humanize } from '../../../ui/format.ts';

type Task = TaskDetail['task'];

const LABELS: Partial<Record<keyof Task, string>> = {
  name: 'Task name',
  processId: 'Process',
  description: 'Description',
  performerId: 'Done by',
  frequency: 'How often',
  minutesPerOccurrence: 'Minutes each time',
  deliverableUnit: 'Deliverable unit',
  unitsPerOccurrence: 'Units each time',
  marketPricePerUnit: 'Market price per unit',
  reviewMinutesPerOccurrence: 'Review minutes each time',
  skillLevel: 'Skill level',
  confidentiality: 'Confidentiality',
  needsClientContact: 'Client contact',
  knownVariants: 'Known variants',
  turnaroundHours: 'Turnaround (hours)',
};

function show(
  field: keyof Task,
  t: Task,
  refs: { members: readonly Member[]; processes: readonly Process[] },
): string {
  const v = t[field];
  if (v === null || v === undefined || v === '') return '—';
  if (field === 'performerId') return refs.members.find((m) => m.id === v)?.name ?? String(v);
  if (field === 'processId') return refs.processes.find((p) => p.id === v)?.name ?? String(v);
  if (field === 'marketPricePerUnit') return fmtMoney(t.marketPricePerUnit, { cents: true });
  if (field === 'frequency') {
    const f = t.frequency;
    return f.kind === 'per_year'
      ? `${fmtNumber(f.occurrencesPerYear)} a year`
      : `${fmtNumber(f.perProject)} per project, ${fmtNumber(f.projectsPerYear)} projects a year`;
  }
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return fmtNumber(v, 2);
  return field === 'skillLevel' || field === 'confidentiality' ? humanize(String(v)) : String(v);
}

/** The fields whose stored value differs between two versions of a task, in the form's order. */
export function changedFields(before: Task, after: Task): (keyof Task)[] {
  return (Object.keys(LABELS) as (keyof Task)[]).filter(
    (k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null),
  );
}

export function TaskConflict({
  loaded,
  current,
  members,
  processes,
  onLoadTheirs,
  onKeepMine,
}: {
  /** The task as it was when the form was filled. */
  loaded: Task;
  /** The task as someone else saved it. */
  current: Task;
  members: readonly Member[];
  processes: readonly Process[];
  onLoadTheirs(): void;
  onKeepMine(): void;
}) {
  const fields = changedFields(loaded, current);
  const refs = { members, processes };
  return (
    <div className="banner banner-warning task-conflict" role="alert" aria-labelledby="conflict-title">
      <div>
        <strong id="conflict-title">Someone else saved this task while you were editing it.</strong> Your
        changes are not saved yet.
        {fields.length > 0 ? (
          <ul className="task-conflict-fields">
            {fields.map((f) => (
              <li key={f}>
                {LABELS[f]}: <s>{show(f, loaded, refs)}</s> → <strong>{show(f, current, refs)}</strong>
              </li>
            ))}
          </ul>
        ) : (
          <p>Their save changed none of the fields shown here.</p>
        )}
      </div>
      <div className="form-actions">
        <button type="button" className="btn btn-small btn-primary" onClick={onLoadTheirs}>
          Load their version
        </button>
        <button type="button" className="btn btn-small" onClick={onKeepMine}>
          Keep my edits, then save over theirs
        </button>
      </div>
    </div>
  );
}
