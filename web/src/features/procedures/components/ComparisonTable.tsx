/**
 * The ways of working side by side: one row per aligned step, one column per person with their minutes
 * (shaded by how long), steps only some do, and the spread; the steps can be ticked for the standard.
 */
import { fmtCount, fmtMoney } from '../../../ui/format.ts';
import type { ComparisonResponse } from '../types.ts';
import './ComparisonTable.css';

const firstName = (name: string) => name.split(/\s+/)[0] ?? name;

function heat(minutes: number, min: number, max: number): number {
  if (max <= min) return 1;
  return Math.min(3, Math.floor(((minutes - min) / (max - min)) * 4));
}

export function ComparisonTable({
  data,
  included,
  onToggle,
  readOnly,
}: {
  data: ComparisonResponse;
  included: Set<number>;
  onToggle(i: number): void;
  readOnly: boolean;
}) {
  return (
    // A region the keyboard can reach and scroll: the table is wider than the page with many ways.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll by keys (WCAG 2.1.1)
    <section className="pr-compare" tabIndex={0} aria-label="Ways of working side by side">
      <table>
        <caption className="visually-hidden">
          Steps aligned across the ways of working, with the minutes each person spends on each step
        </caption>
        <thead>
          <tr>
            <th scope="col" className="pr-step-col">
              Step (as most people call it)
            </th>
            {data.variants.map((v) => (
              <th scope="col" key={v.id} title={`${v.personName}${v.label ? ` — ${v.label}` : ''}`}>
                <span className="pr-person">
                  {firstName(v.personName)}
                  <small>{fmtCount(v.stepCount, 'step')}</small>
                </span>
              </th>
            ))}
            <th scope="col">Who does it</th>
            <th scope="col">Minutes (min · median · max)</th>
          </tr>
        </thead>
        <tbody>
          {data.columns.map((col) => (
            <tr key={col.index} className={col.onlySome ? 'pr-row-partial' : undefined}>
              <th scope="row" className="pr-step-col">
                {readOnly ? (
                  col.label
                ) : (
                  <label className="field-check" style={{ margin: 0 }}>
                    <input
                      type="checkbox"
                      checked={included.has(col.index)}
                      onChange={() => onToggle(col.index)}
                    />{' '}
                    {col.label}
                  </label>
                )}
                {col.onlySome ? (
                  <span className="badge badge-warning" style={{ marginLeft: 6 }}>
                    only some
                  </span>
                ) : null}
              </th>
              {col.cells.map((cell, vi) =>
                cell ? (
                  <td key={data.variants[vi]!.id}>
                    <span
                      className={`pr-cell heat-${heat(cell.step.minutes, col.minutes.min, col.minutes.max)}${cell.outOfOrder ? ' moved' : ''}`}
                      title={`${data.variants[vi]!.personName}: “${cell.step.name}”, ${cell.step.minutes} min${cell.step.tool ? ` in ${cell.step.tool}` : ''}${cell.outOfOrder ? ' (done at another point of their sequence)' : ''}`}
                    >
                      {cell.step.minutes}
                    </span>
                  </td>
                ) : (
                  <td key={data.variants[vi]!.id} className="pr-missing" aria-label="not done">
                    —
                  </td>
                ),
              )}
              <td>
                {col.count} of {data.variants.length}
              </td>
              <td className="pr-spread">
                {col.minutes.min} · {col.minutes.median} · {col.minutes.max}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="pr-step-col">
              Minutes in all
            </th>
            {data.variants.map((v) => (
              <td
                key={v.id}
                title={data.costs[v.id] ? `${fmtMoney(data.costs[v.id]!)} per occurrence` : 'no rate'}
              >
                {v.totalMinutes}
              </td>
            ))}
            <td colSpan={2} className="pr-spread">
              {data.spread ? `${data.spread.min} · ${data.spread.median} · ${data.spread.max}` : ''}
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
