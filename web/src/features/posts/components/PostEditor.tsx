/** The post's fields, as staff edit them; saving makes a new version (refused if someone saved first). */
import { type FormEvent, useState } from 'react';
import { api, errorMessage } from '../../../api/client.ts';
import { Field, MoneyInput } from '../../../ui/Field.tsx';
import { useToast } from '../../../ui/toast.tsx';
import type { JobPost, PostContent } from '../types.ts';

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

export function PostEditor({ post, onSaved }: { post: JobPost; onSaved(p: JobPost): void }) {
  const c = post.content;
  const digits = c.pricing.amount.currency === 'JPY' ? 0 : 2;
  const [f, setF] = useState({
    title: c.title,
    summary: c.summary,
    deliverables: c.deliverables.join('\n'),
    acceptance: c.acceptanceCriteria.join('\n'),
    kind: c.pricing.kind,
    amount: (c.pricing.amount.amountMinor / 10 ** digits).toFixed(digits),
    unit: c.pricing.unit,
    turnaround: String(c.turnaroundHours),
    orders: String(c.volume.ordersPerYear),
    units: String(c.volume.unitsPerOrder),
    skills: c.skills.join('\n'),
    questions: c.screeningQuestions.join('\n'),
    nda: c.ndaRequired,
    level: c.experienceLevel,
    category: c.category,
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const amount = Number(f.amount);
    if (!Number.isFinite(amount) || amount < 0) return setError('The price needs an amount, 0 or more.');
    const content: PostContent = {
      title: f.title,
      summary: f.summary,
      deliverables: lines(f.deliverables),
      acceptanceCriteria: lines(f.acceptance),
      pricing: {
        kind: f.kind,
        amount: { amountMinor: Math.round(amount * 10 ** digits), currency: c.pricing.amount.currency },
        unit: f.unit,
      },
      turnaroundHours: Number(f.turnaround),
      volume: { ordersPerYear: Number(f.orders), unitsPerOrder: Number(f.units) },
      skills: lines(f.skills),
      screeningQuestions: lines(f.questions),
      ndaRequired: f.nda,
      experienceLevel: f.level,
      category: f.category,
    };
    setBusy(true);
    try {
      const saved = await api.put<JobPost>(`/posts/${post.id}`, { content, version: post.version });
      toast(`Saved as version ${saved.version}.`);
      onSaved(saved);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card post-editor" onSubmit={(e) => void save(e)} aria-labelledby="post-editor-title">
      <h2 id="post-editor-title">The post</h2>
      <div className="form-grid">
        <Field label="Title" className="span-all">
          {({ id }) => <input id={id} type="text" value={f.title} onChange={set('title')} />}
        </Field>
        <Field label="Summary" className="span-all">
          {({ id }) => <textarea id={id} rows={3} value={f.summary} onChange={set('summary')} />}
        </Field>
        <Field label="Deliverables" hint="One a line." className="span-2">
          {({ id, describedBy }) => (
            <textarea
              id={id}
              aria-describedby={describedBy}
              rows={3}
              value={f.deliverables}
              onChange={set('deliverables')}
            />
          )}
        </Field>
        <Field label="Acceptance criteria" hint="One a line." className="span-2">
          {({ id, describedBy }) => (
            <textarea
              id={id}
              aria-describedby={describedBy}
              rows={3}
              value={f.acceptance}
              onChange={set('acceptance')}
            />
          )}
        </Field>
        <Field label="Price">
          {({ id }) => (
            <select
              id={id}
              value={f.kind}
              onChange={(e) => setF({ ...f, kind: e.target.value as typeof f.kind })}
            >
              <option value="per_unit">Per unit</option>
              <option value="fixed">Fixed, per order</option>
              <option value="hourly">Hourly</option>
            </select>
          )}
        </Field>
        <Field label="Amount">
          {({ id }) => (
            <MoneyInput
              id={id}
              currency={c.pricing.amount.currency}
              value={f.amount}
              onChange={set('amount')}
            />
          )}
        </Field>
        <Field label="Unit">
          {({ id }) => <input id={id} type="text" value={f.unit} onChange={set('unit')} />}
        </Field>
        <Field label="Turnaround (hours)">
          {({ id }) => (
            <input id={id} type="number" min={1} value={f.turnaround} onChange={set('turnaround')} />
          )}
        </Field>
        <Field label="Orders a year">
          {({ id }) => (
            <input id={id} type="number" min={0} step="any" value={f.orders} onChange={set('orders')} />
          )}
        </Field>
        <Field label="Units an order">
          {({ id }) => (
            <input id={id} type="number" min={0} step="any" value={f.units} onChange={set('units')} />
          )}
        </Field>
        <Field label="Experience">
          {({ id }) => (
            <select
              id={id}
              value={f.level}
              onChange={(e) => setF({ ...f, level: e.target.value as typeof f.level })}
            >
              <option value="entry">Entry</option>
              <option value="intermediate">Intermediate</option>
              <option value="expert">Expert</option>
            </select>
          )}
        </Field>
        <Field label="Category" hint="As the marketplace names it; may stay empty.">
          {({ id, describedBy }) => (
            <input
              id={id}
              aria-describedby={describedBy}
              type="text"
              value={f.category}
              onChange={set('category')}
            />
          )}
        </Field>
        <Field label="Skills" hint="One a line." className="span-2">
          {({ id, describedBy }) => (
            <textarea
              id={id}
              aria-describedby={describedBy}
              rows={3}
              value={f.skills}
              onChange={set('skills')}
            />
          )}
        </Field>
        <Field label="Screening questions" hint="One a line." className="span-2">
          {({ id, describedBy }) => (
            <textarea
              id={id}
              aria-describedby={describedBy}
              rows={3}
              value={f.questions}
              onChange={set('questions')}
            />
          )}
        </Field>
        <div className="field-check span-all">
          <input
            id="post-nda"
            type="checkbox"
            checked={f.nda}
            onChange={(e) => setF({ ...f, nda: e.target.checked })}
          />
          <label htmlFor="post-nda">A non-disclosure agreement is signed before any material is shared</label>
        </div>
      </div>
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Save as a new version
        </button>
      </div>
    </form>
  );
}
