/**
 * Step 2, homogenization: the ways people do the task today, recorded and compared side by side
 * (steps aligned across people, minutes, steps only some do, the spread), then merged into one
 * standard procedure.
 */
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../../api/client.ts';
import type { Member } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { setQuery } from '../../../app/router.tsx';
import { Field } from '../../../ui/Field.tsx';
import { ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtMoney } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import { fmtDuration } from '../format.ts';
import type { ComparisonResponse, TaskOverview, Variant } from '../types.ts';

const firstName = (name: string) => name.split(/\s+/)[0] ?? name;

function heat(minutes: number, min: number, max: number): number {
  if (max <= min) return 1;
  return Math.min(3, Math.floor(((minutes - min) / (max - min)) * 4));
}

function ComparisonTable({
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
    <div className="pr-compare">
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
                  <small>{v.stepCount} steps</small>
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
    </div>
  );
}

interface StepRow {
  name: string;
  minutes: string;
  tool: string;
  outputs: string;
}
const emptyRow = (): StepRow => ({ name: '', minutes: '', tool: '', outputs: '' });

function RecordWay({ overview, onSaved }: { overview: TaskOverview; onSaved(): Promise<void> }) {
  const members = useApi<Member[]>('/members');
  const toast = useToast();
  const [who, setWho] = useState('');
  const [otherName, setOtherName] = useState('');
  const [label, setLabel] = useState('');
  const [notes, setNotes] = useState('');
  const [rows, setRows] = useState<StepRow[]>([emptyRow(), emptyRow(), emptyRow()]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const set = (i: number, patch: Partial<StepRow>) =>
    setRows((r) => r.map((x, k) => (k === i ? { ...x, ...patch } : x)));

  return (
    <form
      className="card"
      aria-labelledby="record-way-title"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          const steps = rows
            .filter((r) => r.name.trim())
            .map((r) => ({
              name: r.name,
              minutes: r.minutes.trim() === '' ? 0 : Number(r.minutes),
              tool: r.tool,
              outputs: r.outputs
                .split(/[;,]/)
                .map((x) => x.trim())
                .filter(Boolean),
            }));
          await api.post(`/procedures/tasks/${encodeURIComponent(overview.task.id)}/variants`, {
            ...(who && who !== 'other' ? { memberId: who } : { personName: otherName }),
            label,
            notes,
            steps,
          });
          toast('Way of working recorded');
          setWho('');
          setOtherName('');
          setLabel('');
          setNotes('');
          setRows([emptyRow(), emptyRow(), emptyRow()]);
          await onSaved();
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <div className="card-head">
        <h2 id="record-way-title">Record how someone does it</h2>
        <span className="muted small">One row per step, in the order they do them.</span>
      </div>
      <div className="form-grid">
        <Field label="Whose way">
          {({ id }) => (
            <select id={id} value={who} onChange={(e) => setWho(e.target.value)} required>
              <option value="">Choose…</option>
              {(members.data ?? []).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} ({m.title})
                </option>
              ))}
              <option value="other">Someone else (by name)</option>
            </select>
          )}
        </Field>
        {who === 'other' ? (
          <Field label="Their name">
            {({ id }) => (
              <input id={id} value={otherName} onChange={(e) => setOtherName(e.target.value)} required />
            )}
          </Field>
        ) : null}
        <Field label="A short name for this way" hint="e.g. “Legal pad, typed up the same evening”">
          {({ id }) => <input id={id} value={label} onChange={(e) => setLabel(e.target.value)} />}
        </Field>
        <Field label="Notes">
          {({ id }) => <input id={id} value={notes} onChange={(e) => setNotes(e.target.value)} />}
        </Field>
      </div>
      <div className="pr-rows-editor" style={{ marginTop: 12 }}>
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <div className="pr-row" key={i}>
            <Field label={`Step ${i + 1}`}>
              {({ id }) => (
                <input
                  id={id}
                  value={r.name}
                  placeholder="What they do"
                  onChange={(e) => set(i, { name: e.target.value })}
                />
              )}
            </Field>
            <Field label="Minutes">
              {({ id }) => (
                <input
                  id={id}
                  type="number"
                  min={0}
                  value={r.minutes}
                  onChange={(e) => set(i, { minutes: e.target.value })}
                />
              )}
            </Field>
            <Field label="Tool">
              {({ id }) => (
                <input id={id} value={r.tool} onChange={(e) => set(i, { tool: e.target.value })} />
              )}
            </Field>
            <Field label="Outputs">
              {({ id }) => (
                <input
                  id={id}
                  value={r.outputs}
                  placeholder="e.g. Draft deck; Notes"
                  onChange={(e) => set(i, { outputs: e.target.value })}
                />
              )}
            </Field>
            <button
              type="button"
              className="btn btn-quiet btn-small"
              aria-label={`Remove step ${i + 1}`}
              onClick={() => setRows((x) => x.filter((_, k) => k !== i))}
              disabled={rows.length === 1}
            >
              Remove
            </button>
          </div>
        ))}
      </div>
      {error ? <ErrorBanner error={error} /> : null}
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => setRows((x) => [...x, emptyRow()])}>
          Add a step
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save this way'}
        </button>
      </div>
    </form>
  );
}

function VariantCard({ v, onDelete }: { v: Variant; onDelete?: () => void }) {
  const total = v.steps.reduce((a, s) => a + s.minutes, 0);
  return (
    <article className={v.status === 'retired' ? 'pr-variant retired' : 'pr-variant'}>
      <div className="card-head" style={{ marginBottom: 4 }}>
        <h3>{v.personName}</h3>
        {v.status === 'retired' ? <span className="badge">retired</span> : null}
      </div>
      {v.label ? <div className="small">{v.label}</div> : null}
      <div className="muted small">
        {v.steps.length} steps · {fmtDuration(total)}
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

export function WaysTab({ overview, reload }: { overview: TaskOverview; reload(): Promise<void> }) {
  const toast = useToast();
  const active = overview.variants.filter((v) => v.status === 'active');
  const retired = overview.variants.filter((v) => v.status === 'retired');
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(active.map((v) => v.id)));
  const activeKey = active.map((v) => v.id).join(',');
  useEffect(() => setChosen(new Set(activeKey ? activeKey.split(',') : [])), [activeKey]);

  const readOnly = active.length === 0;
  const query = readOnly ? 'includeRetired=true' : `variantIds=${encodeURIComponent([...chosen].join(','))}`;
  const base = `/procedures/tasks/${encodeURIComponent(overview.task.id)}`;
  const comparison = useApi<ComparisonResponse>(
    overview.variants.length && (readOnly || chosen.size) ? `${base}/comparison?${query}` : null,
  );
  const [included, setIncluded] = useState<Set<number>>(new Set());
  const data = comparison.data;
  useEffect(() => {
    if (!data) return;
    setIncluded(new Set(data.columns.filter((c) => c.count * 2 >= data.variants.length).map((c) => c.index)));
  }, [data]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const draftOpen = Boolean(overview.draftVersionId);

  const summary = useMemo(() => {
    if (!data?.spread) return null;
    return `${data.variants.length} ways · ${data.columns.length} distinct steps, ${data.sharedSteps} done by everyone · ${fmtDuration(data.spread.min)} to ${fmtDuration(data.spread.max)} (median ${fmtDuration(data.spread.median)})`;
  }, [data]);

  return (
    <>
      {overview.variants.length === 0 ? (
        <section className="card">
          <p>
            No ways of working recorded yet. Ask each person who does “{overview.task.name}” how they do it,
            step by step, and record it below; the comparison lines their steps up.
          </p>
        </section>
      ) : (
        <section className="card" aria-labelledby="compare-title">
          <div className="card-head">
            <div>
              <h2 id="compare-title">
                {readOnly ? 'The ways the standard replaced' : 'The ways side by side'}
              </h2>
              {summary ? <p className="muted small">{summary}</p> : null}
            </div>
          </div>
          {!readOnly ? (
            <fieldset className="toolbar" style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
              <legend className="small muted">Compare and merge these ways:</legend>
              {active.map((v) => (
                <label key={v.id} className="field-check">
                  <input
                    type="checkbox"
                    checked={chosen.has(v.id)}
                    onChange={() =>
                      setChosen((c) => {
                        const n = new Set(c);
                        if (n.has(v.id)) n.delete(v.id);
                        else n.add(v.id);
                        return n;
                      })
                    }
                  />{' '}
                  {v.personName}
                </label>
              ))}
            </fieldset>
          ) : null}
          {comparison.error ? <ErrorBanner error={comparison.error} /> : null}
          {data ? (
            <ComparisonTable
              data={data}
              included={included}
              readOnly={readOnly}
              onToggle={(i) =>
                setIncluded((s) => {
                  const n = new Set(s);
                  if (n.has(i)) n.delete(i);
                  else n.add(i);
                  return n;
                })
              }
            />
          ) : chosen.size || readOnly ? (
            <Loading label="Lining the steps up…" />
          ) : (
            <p className="muted">Choose at least one way.</p>
          )}
          {!readOnly && data ? (
            <>
              <p className="muted small" style={{ marginTop: 10 }}>
                Ticked steps go into the standard (at first, those at least half of the people do), each with
                the median of their minutes. ↺ marks a step someone does at another point of their sequence.
              </p>
              {error ? <ErrorBanner error={error} /> : null}
              {draftOpen ? (
                <p className="banner banner-info">
                  A draft of the procedure is open; approve or delete it before making another standard.
                </p>
              ) : null}
              <div className="form-actions">
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={busy || included.size === 0 || draftOpen}
                  onClick={async () => {
                    setBusy(true);
                    setError(null);
                    try {
                      const v = await api.post<{ number: number }>(`${base}/standard`, {
                        variantIds: data.variants.map((x) => x.id),
                        columns: [...included].sort((a, b) => a - b),
                      });
                      toast(
                        `Standard procedure drafted (version ${v.number}); the ${data.variants.length} ways are retired`,
                      );
                      await reload();
                      setQuery({ tab: 'procedure' });
                    } catch (err) {
                      setError(err);
                    } finally {
                      setBusy(false);
                    }
                  }}
                >
                  {data.variants.length === 1
                    ? `Make ${data.variants[0]!.personName}’s way the standard`
                    : `Merge ${data.variants.length} ways into the standard (${included.size} steps)`}
                </button>
              </div>
            </>
          ) : null}
        </section>
      )}

      <div className="section">
        <RecordWay
          overview={overview}
          onSaved={async () => {
            await reload();
            await comparison.reload();
          }}
        />
      </div>

      {overview.variants.length ? (
        <section className="section" aria-labelledby="ways-title">
          <h2 id="ways-title" style={{ marginBottom: 12 }}>
            Recorded ways{' '}
            {retired.length ? (
              <span className="muted small">({retired.length} retired, kept as the record)</span>
            ) : null}
          </h2>
          <div className="pr-variants">
            {[...active, ...retired].map((v) => (
              <VariantCard
                key={v.id}
                v={v}
                {...(v.status === 'active'
                  ? {
                      onDelete: async () => {
                        try {
                          await api.del(`/procedures/variants/${encodeURIComponent(v.id)}`);
                          toast(`Deleted ${v.personName}’s way`);
                          await reload();
                        } catch (err) {
                          setError(err);
                        }
                      },
                    }
                  : {})}
              />
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}
