/**
 * Every field of a task, for adding one and for editing one on its page. Enter submits; errors appear
 * next to the field they concern (from the browser-side checks first, then from the server).
 */
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../../api/client.ts';
import type { Confidentiality, Member, Process, SkillLevel } from '../../../api/types.ts';
import { Field, MoneyInput } from '../../../ui/Field.tsx';
import { humanize } from '../../../ui/format.ts';
import { offeredMembers } from '../../team/offered.ts';
import {
  CONFIDENTIALITY_HINTS,
  type FormErrors,
  formToTask,
  NEW_PROCESS,
  SKILL_HINTS,
  serverFieldToForm,
  type TaskFormState,
} from '../taskForm.ts';

export type TaskFormValue = Extract<ReturnType<typeof formToTask>, { ok: true }>['task'] & {
  /** Set when the user asked for a new process: create it first. */
  newProcessName?: string;
};

export function TaskForm({
  initial,
  members,
  processes,
  currency,
  submitLabel,
  onSubmit,
  onCancel,
  allowNewProcess,
  extraActions,
}: {
  initial: TaskFormState;
  members: Member[];
  processes: Process[];
  currency: string;
  submitLabel: string;
  onSubmit(value: TaskFormValue): Promise<void>;
  onCancel?: () => void;
  allowNewProcess?: boolean;
  extraActions?: React.ReactNode;
}) {
  const [f, setF] = useState<TaskFormState>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);

  const set = <K extends keyof TaskFormState>(key: K, value: TaskFormState[K]) => {
    setF((old) => ({ ...old, [key]: value }));
    setDirty(true);
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = formToTask(f, currency);
    if (!r.ok) {
      setErrors(r.errors);
      // Focus the first field that needs attention.
      const first = Object.keys(r.errors)[0];
      requestAnimationFrame(() =>
        (document.querySelector(`[data-field="${first}"]`) as HTMLElement | null)?.focus(),
      );
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await onSubmit(
        f.processId === NEW_PROCESS ? { ...r.task, newProcessName: f.newProcessName.trim() } : r.task,
      );
      setDirty(false);
    } catch (err) {
      const next: FormErrors = {};
      if (err instanceof ApiError) {
        for (const [field, message] of Object.entries(err.fieldErrors())) {
          next[serverFieldToForm(field)] ??= message;
        }
      }
      next.form = errorMessage(err);
      setErrors(next);
    } finally {
      setBusy(false);
    }
  }

  const text =
    (key: keyof TaskFormState, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) =>
    ({ id, describedBy, invalid }: { id: string; describedBy: string | undefined; invalid: boolean }) => (
      <input
        id={id}
        data-field={key}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        value={f[key] as string}
        onChange={(e) => set(key, e.target.value as never)}
        {...extra}
      />
    );
  const num = (key: keyof TaskFormState) => text(key, { inputMode: 'decimal', autoComplete: 'off' });

  return (
    <form onSubmit={submit} noValidate className="task-form">
      <div className="form-grid">
        <Field label="Task name" error={errors.name} className="span-2">
          {text('name', { autoFocus: !initial.name, maxLength: 300 })}
        </Field>
        <Field label="Process" error={errors.processId} className="span-2">
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              data-field="processId"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              value={f.processId}
              onChange={(e) => set('processId', e.target.value)}
            >
              <option value="" disabled>
                Choose a process…
              </option>
              {processes.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
              {allowNewProcess ? <option value={NEW_PROCESS}>+ New process…</option> : null}
            </select>
          )}
        </Field>
        {f.processId === NEW_PROCESS ? (
          <Field label="New process name" error={errors.newProcessName}>
            {text('newProcessName', { autoFocus: true, maxLength: 200 })}
          </Field>
        ) : null}
        <Field label="Description" error={errors.description} className="span-all">
          {({ id, describedBy }) => (
            <textarea
              id={id}
              data-field="description"
              aria-describedby={describedBy}
              rows={2}
              value={f.description}
              onChange={(e) => set('description', e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Done by"
          error={errors.performerId}
          hint="Their hourly cost prices the in-house estimate."
        >
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              data-field="performerId"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              value={f.performerId}
              onChange={(e) => set('performerId', e.target.value)}
            >
              <option value="">Nobody assigned</option>
              {offeredMembers(members, f.performerId).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>

        <Field
          label="How often"
          hint={f.frequencyKind === 'per_year' ? 'A yearly count.' : 'Per project × projects a year.'}
        >
          {({ id, describedBy }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              value={f.frequencyKind}
              onChange={(e) => set('frequencyKind', e.target.value as TaskFormState['frequencyKind'])}
            >
              <option value="per_year">Times a year</option>
              <option value="per_project">Times per project</option>
            </select>
          )}
        </Field>
        {f.frequencyKind === 'per_year' ? (
          <Field label="Occurrences a year" error={errors.occurrencesPerYear}>
            {num('occurrencesPerYear')}
          </Field>
        ) : (
          <>
            <Field label="Per project" error={errors.perProject}>
              {num('perProject')}
            </Field>
            <Field label="Projects a year" error={errors.projectsPerYear}>
              {num('projectsPerYear')}
            </Field>
          </>
        )}
        <Field label="Minutes each time" error={errors.minutesPerOccurrence}>
          {num('minutesPerOccurrence')}
        </Field>

        <Field label="Deliverable unit" error={errors.deliverableUnit} hint="slide, page, item, hour…">
          {text('deliverableUnit', { maxLength: 50 })}
        </Field>
        <Field label="Units each time" error={errors.unitsPerOccurrence}>
          {num('unitsPerOccurrence')}
        </Field>
        <Field
          label={`Market price per ${f.deliverableUnit.trim() || 'unit'}`}
          error={errors.marketPrice}
          hint="What marketplaces charge. Empty: not priced yet."
        >
          {({ id, describedBy, invalid }) => (
            <MoneyInput
              currency={currency}
              id={id}
              data-field="marketPrice"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              value={f.marketPrice}
              onChange={(e) => set('marketPrice', e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Review minutes each time"
          error={errors.reviewMinutes}
          hint="Empty: the workspace's default share."
        >
          {num('reviewMinutes')}
        </Field>

        <Field label="Skill level" hint={SKILL_HINTS[f.skillLevel]}>
          {({ id, describedBy }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              value={f.skillLevel}
              onChange={(e) => set('skillLevel', e.target.value as SkillLevel)}
            >
              {(Object.keys(SKILL_HINTS) as SkillLevel[]).map((k) => (
                <option key={k} value={k}>
                  {humanize(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Confidentiality" hint={CONFIDENTIALITY_HINTS[f.confidentiality]}>
          {({ id, describedBy }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              value={f.confidentiality}
              onChange={(e) => set('confidentiality', e.target.value as Confidentiality)}
            >
              {(Object.keys(CONFIDENTIALITY_HINTS) as Confidentiality[]).map((k) => (
                <option key={k} value={k}>
                  {humanize(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Known variants"
          error={errors.knownVariants}
          hint="Ways it is done today (1 = standard)."
        >
          {num('knownVariants')}
        </Field>
        <Field label="Turnaround (hours)" error={errors.turnaroundHours} hint="How long the firm can wait.">
          {num('turnaroundHours')}
        </Field>
        <div className="field field-check">
          <input
            id="task-client-contact"
            type="checkbox"
            checked={f.needsClientContact}
            onChange={(e) => set('needsClientContact', e.target.checked)}
          />
          <label htmlFor="task-client-contact">Needs contact with the client</label>
        </div>
      </div>
      {errors.form ? (
        <div className="banner banner-error" role="alert">
          {errors.form}
        </div>
      ) : null}
      <div className="form-actions">
        {extraActions}
        <span className="spacer" />
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button
          type="submit"
          className="btn btn-primary"
          disabled={busy || (!dirty && Boolean(initial.name))}
        >
          {busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
