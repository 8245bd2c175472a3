/**
 * Someone saved what you were editing first: the server refused your save (412 STALE_WRITE) and sent
 * it as it is now. Shows what they changed, from what to what, and lets you load their version (your
 * edits are dropped) or keep your edits and save them over theirs. Tasks have their own
 * (TaskConflict); members, settings, drafts and forms use this one.
 */
import './ConflictBanner.css';

export interface ConflictChange {
  label: string;
  before: string;
  after: string;
}

/** The changes between two versions of a record, field by field, as the user reads them. */
export function changesBetween<T>(
  before: T,
  after: T,
  fields: readonly { label: string; show(v: T): string }[],
): ConflictChange[] {
  return fields
    .map((f) => ({ label: f.label, before: f.show(before), after: f.show(after) }))
    .filter((c) => c.before !== c.after);
}

export function ConflictBanner({
  what,
  changes,
  onLoadTheirs,
  onKeepMine,
}: {
  /** What was saved, as in "Someone else saved {what} …": "this member", "this draft". */
  what: string;
  changes: readonly ConflictChange[];
  onLoadTheirs(): void;
  onKeepMine(): void;
}) {
  return (
    <div className="banner banner-warning conflict-banner" role="alert" aria-label="Edit conflict">
      <div>
        <strong>Someone else saved {what} while you were editing it.</strong> Your changes are not saved yet.
        {changes.length > 0 ? (
          <ul className="conflict-banner-fields">
            {changes.map((c) => (
              <li key={c.label}>
                {c.label}: <s>{c.before || '—'}</s> → <strong>{c.after || '—'}</strong>
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
