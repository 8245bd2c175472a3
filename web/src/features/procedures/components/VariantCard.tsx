/** One recorded way of working: whose, its steps and minutes; deletable while active. */

import { fmtCount } from '../../../ui/format.ts';
import { fmtDuration } from '../format.ts';
import type { Variant } from '../types.ts';

export function VariantCard({ v, onDelete }: { v: Variant; onDelete?: () => void }) {
  const total = v.steps.reduce((a, s) => a + s.minutes, 0);
  return (
    <article className={v.status === 'retired' ? 'pr-variant retired' : 'pr-variant'}>
      <div className="card-head" style={{ marginBottom: 4 }}>
        <h3>{v.personName}</h3>
        {v.status === 'retired' ? <span className="badge">retired</span> : null}
      </div>
      {v.label ? <div className="small">{v.label}</div> : null}
      <div className="muted small">
        {fmtCount(v.steps.length, 'step')} · {fmtDuration(total)}
      </div>
      <details>
        <summary className="small">Steps</summary>
        <ol>
          {v.steps.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a variant's steps are identified by their place
            <li key={i}>
              {s.name} — {s.minutes} min{s.tool ? `, ${s.tool}` : ''}
            </li>
          ))}
        </ol>
        {v.notes ? <p className="muted small">{v.notes}</p> : null}
      </details>
      {onDelete ? (
        <button type="button" className="btn btn-quiet btn-small btn-danger" onClick={onDelete}>
          Delete
        </button>
      ) : null}
    </article>
  );
}
