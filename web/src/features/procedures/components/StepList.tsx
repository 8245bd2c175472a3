/**
 * A version's steps in order: number, name, who does it, minutes, tool, cost and outputs, the waste
 * struck through. In a draft, each step can be dragged by its handle or moved with ▲ ▼, ticked for a
 * merge, edited, marked as waste or removed; the caller says what each action does.
 */
import { type DragEvent, useState } from 'react';
import type { Money } from '../../../api/types.ts';
import { fmtMoney } from '../../../ui/format.ts';
import { fmtDuration } from '../format.ts';
import { KIND_LABEL, type Step } from '../types.ts';

export function StepList({
  steps,
  costs,
  draft,
  selected,
  onToggleSelected,
  onReorder,
  onMove,
  onEdit,
  onWaste,
  onKeep,
  onRemove,
}: {
  steps: Step[];
  /** Each step's cost per occurrence, by position; undefined without a rate. */
  costs: (Money | null | undefined)[];
  draft: boolean;
  selected: ReadonlySet<string>;
  onToggleSelected(step: Step): void;
  /** The step ids in their new order, after a drag. */
  onReorder(stepIds: string[]): void;
  onMove(step: Step, to: number): void;
  onEdit(step: Step): void;
  onWaste(step: Step): void;
  /** The step is not waste after all. */
  onKeep(step: Step): void;
  onRemove(step: Step): void;
}) {
  const [dragging, setDragging] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);

  const drop = (e: DragEvent, to: number) => {
    e.preventDefault();
    const from = dragging;
    setDragging(null);
    setDropAt(null);
    if (from === null || from === to) return;
    const ids = steps.map((s) => s.id);
    const [moved] = ids.splice(from, 1);
    ids.splice(to > from ? to - 1 : to, 0, moved!);
    onReorder(ids);
  };

  return (
    <>
      <ol className="pr-steps">
        {steps.map((s, i) => {
          const cost = costs[i];
          return (
            <li
              key={s.id}
              className={`pr-step${s.waste ? ' waste' : ''}${dragging === i ? ' dragging' : ''}${dropAt === i ? ' drop-target' : ''}`}
              data-kind={s.performer.kind}
              aria-label={`Step ${i + 1}: ${s.name}${s.waste ? ' (waste)' : ''}`}
              {...(draft
                ? {
                    onDragOver: (e: DragEvent) => {
                      e.preventDefault();
                      setDropAt(i);
                    },
                    onDrop: (e: DragEvent) => drop(e, i),
                  }
                : {})}
            >
              {draft ? (
                <span
                  className="pr-handle"
                  draggable
                  aria-hidden="true"
                  title="Drag to move"
                  onDragStart={(e) => {
                    e.dataTransfer.effectAllowed = 'move';
                    e.dataTransfer.setData('text/plain', s.id);
                    setDragging(i);
                  }}
                  onDragEnd={() => {
                    setDragging(null);
                    setDropAt(null);
                  }}
                >
                  ⠿
                </span>
              ) : (
                <span />
              )}
              {draft ? (
                <span className="pr-move">
                  <button
                    type="button"
                    aria-label={`Move “${s.name}” up`}
                    disabled={i === 0}
                    onClick={() => onMove(s, i - 1)}
                  >
                    ▲
                  </button>
                  <button
                    type="button"
                    aria-label={`Move “${s.name}” down`}
                    disabled={i === steps.length - 1}
                    onClick={() => onMove(s, i + 1)}
                  >
                    ▼
                  </button>
                </span>
              ) : (
                <span />
              )}
              <span className="pr-num">{i + 1}</span>
              <div>
                <div className="pr-step-name">
                  {draft ? (
                    <label>
                      <input
                        type="checkbox"
                        aria-label={`Select “${s.name}” to merge`}
                        checked={selected.has(s.id)}
                        onChange={() => onToggleSelected(s)}
                        style={{ marginRight: 8 }}
                      />
                      {s.name}
                    </label>
                  ) : (
                    s.name
                  )}
                </div>
                <div className="pr-step-meta">
                  {KIND_LABEL[s.performer.kind]}: {s.performer.name || '—'} · {fmtDuration(s.minutes)}
                  {s.tool ? ` · ${s.tool}` : ''}
                  {cost ? ` · ${fmtMoney(cost, { cents: true })}` : ''}
                  {s.outputs.length ? ` · → ${s.outputs.join(', ')}` : ''}
                </div>
                {s.waste ? <div className="pr-waste-reason">Waste: {s.waste.reason}</div> : null}
              </div>
              {draft ? (
                <div className="pr-step-actions">
                  <button type="button" className="btn btn-quiet btn-small" onClick={() => onEdit(s)}>
                    Edit
                  </button>
                  {s.waste ? (
                    <button type="button" className="btn btn-quiet btn-small" onClick={() => onKeep(s)}>
                      Not waste
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-quiet btn-small btn-danger"
                      onClick={() => onWaste(s)}
                    >
                      Mark as waste
                    </button>
                  )}
                  <button
                    type="button"
                    className="btn btn-quiet btn-small"
                    aria-label={`Remove “${s.name}”`}
                    onClick={() => onRemove(s)}
                  >
                    Remove
                  </button>
                </div>
              ) : (
                <span />
              )}
            </li>
          );
        })}
      </ol>
      {steps.length === 0 ? <p className="muted">No steps yet.</p> : null}
      {draft && dragging !== null ? (
        // biome-ignore lint/a11y/noStaticElementInteractions: a drop zone after the last step, for dragging only
        <div
          className={dropAt === steps.length ? 'pr-step drop-target' : 'pr-step'}
          style={{ minHeight: 20, opacity: 0.5 }}
          onDragOver={(e) => {
            e.preventDefault();
            setDropAt(steps.length);
          }}
          onDrop={(e) => drop(e, steps.length)}
        >
          <span />
          <span />
          <span />
          <span className="muted small">Drop here to put it last</span>
          <span />
        </div>
      ) : null}
    </>
  );
}
