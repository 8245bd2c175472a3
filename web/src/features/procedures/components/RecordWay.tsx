/** Records one person's way of doing the task: who, a short name, notes, and the steps in their order. */
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import type { Member } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { Field } from '../../../ui/Field.tsx';
import { ErrorBanner } from '../../../ui/feedback.tsx';
import { useToast } from '../../../ui/toast.tsx';
import type { TaskOverview } from '../types.ts';

interface StepRow {
  name: string;
  minutes: string;
  tool: string;
  outputs: string;
}
const emptyRow = (): StepRow => ({ name: '', minutes: '', tool: '', outputs: '' });

export function RecordWay({ overview, onSaved }: { overview: TaskOverview; onSaved(): Promise<void> }) {
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
