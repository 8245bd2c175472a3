/**
 * The inline editor of a task row: the fields people change most. Enter saves, Esc cancels; the row shows
 * the change at once (optimistic) and the parent rolls it back if the server refuses it.
 */
import { type FormEvent, type KeyboardEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../../api/client.ts';
import type { Member, TaskListItem, TaskPatch } from '../../../api/types.ts';
import { Link } from '../../../app/router.tsx';
import { Field, MoneyInput } from '../../../ui/Field.tsx';
import { fmtNumber, humanize, moneyInputValue, pluralUnit } from '../../../ui/format.ts';
import { offeredMembers } from '../../team/offered.ts';
import { checkMoney, checkNumber, type FormErrors, serverFieldToForm } from '../taskForm.ts';

export interface QuickEditDraft {
  minutesPerOccurrence: string;
  /** Occurrences a year, or per project for per-project tasks. */
  occurrences: string;
  performerId: string;
  marketPrice: string;
  unitsPerOccurrence: string;
  knownVariants: string;
}

export interface QuickEditResult {
  patch: TaskPatch;
  /** The row's fields as they will be once saved, shown before the server answers. */
  optimistic: Partial<TaskListItem>;
  draft: QuickEditDraft;
}

function draftOf(t: TaskListItem): QuickEditDraft {
  return {
    minutesPerOccurrence: String(t.minutesPerOccurrence),
    occurrences: String(
      t.frequency.kind === 'per_year' ? t.frequency.occurrencesPerYear : t.frequency.perProject,
    ),
    performerId: t.performerId ?? '',
    marketPrice: moneyInputValue(t.marketPricePerUnit),
    unitsPerOccurrence: String(t.unitsPerOccurrence),
    knownVariants: String(t.knownVariants),
  };
}

type DraftErrors = Partial<Record<keyof QuickEditDraft | 'form', string>>;

/** Validates the draft and builds the patch of what changed; null patch = nothing changed. */
export function quickEditChange(
  t: TaskListItem,
  d: QuickEditDraft,
  members: readonly Member[],
  currency: string,
): { ok: true; result: QuickEditResult | null } | { ok: false; errors: DraftErrors } {
  const e: FormErrors = {};
  const minutes = checkNumber(
    d.minutesPerOccurrence,
    'minutesPerOccurrence',
    { label: 'minutes each time', min: 0, max: 100_000, required: true },
    e,
  );
  const perProject = t.frequency.kind === 'per_project';
  const occ = checkNumber(
    d.occurrences,
    'occurrencesPerYear',
    {
      label: perProject ? 'occurrences per project' : 'occurrences a year',
      min: 0,
      max: perProject ? 100_000 : 1_000_000,
      required: true,
    },
    e,
  );
  const units = checkNumber(
    d.unitsPerOccurrence,
    'unitsPerOccurrence',
    { label: 'units each time', min: 0, max: 100_000, required: true },
    e,
  );
  const variants = checkNumber(
    d.knownVariants,
    'knownVariants',
    { label: 'number of known variants', min: 1, max: 1000, integer: true, required: true },
    e,
  );
  const price = checkMoney(d.marketPrice, 'marketPrice', 'market price', currency, e);
  const errors: DraftErrors = {
    ...(e.minutesPerOccurrence ? { minutesPerOccurrence: e.minutesPerOccurrence } : {}),
    ...(e.occurrencesPerYear ? { occurrences: e.occurrencesPerYear } : {}),
    ...(e.unitsPerOccurrence ? { unitsPerOccurrence: e.unitsPerOccurrence } : {}),
    ...(e.knownVariants ? { knownVariants: e.knownVariants } : {}),
    ...(e.marketPrice ? { marketPrice: e.marketPrice } : {}),
  };
  if (
    Object.keys(errors).length > 0 ||
    minutes === null ||
    occ === null ||
    units === null ||
    variants === null
  ) {
    return { ok: false, errors };
  }

  const patch: TaskPatch = {};
  const optimistic: Partial<TaskListItem> = {};
  if (minutes !== t.minutesPerOccurrence)
    patch.minutesPerOccurrence = optimistic.minutesPerOccurrence = minutes;
  const f = t.frequency;
  if (f.kind === 'per_year' && occ !== f.occurrencesPerYear) {
    patch.frequency = optimistic.frequency = { kind: 'per_year', occurrencesPerYear: occ };
    optimistic.occurrencesPerYear = occ;
  } else if (f.kind === 'per_project' && occ !== f.perProject) {
    patch.frequency = optimistic.frequency = { ...f, perProject: occ };
    optimistic.occurrencesPerYear = occ * f.projectsPerYear;
  }
  const performerId = d.performerId || null;
  if (performerId !== t.performerId) {
    patch.performerId = optimistic.performerId = performerId;
    optimistic.performer = members.find((m) => m.id === performerId)?.name ?? null;
  }
  const oldPrice = t.marketPricePerUnit?.amountMinor ?? null;
  if ((price?.amountMinor ?? null) !== oldPrice)
    patch.marketPricePerUnit = optimistic.marketPricePerUnit = price;
  if (units !== t.unitsPerOccurrence) patch.unitsPerOccurrence = optimistic.unitsPerOccurrence = units;
  if (variants !== t.knownVariants) patch.knownVariants = optimistic.knownVariants = variants;
  return { ok: true, result: Object.keys(patch).length ? { patch, optimistic, draft: d } : null };
}

const serverToDraft = (field: string): keyof QuickEditDraft | 'form' => {
  const f = serverFieldToForm(field);
  if (f === 'occurrencesPerYear' || field === 'frequency') return 'occurrences';
  return f === 'minutesPerOccurrence' ||
    f === 'performerId' ||
    f === 'marketPrice' ||
    f === 'unitsPerOccurrence' ||
    f === 'knownVariants'
    ? f
    : 'form';
};

export function QuickEdit({
  task: t,
  members,
  currency,
  onSave,
  onCancel,
  initialDraft,
  initialError,
}: {
  task: TaskListItem;
  members: readonly Member[];
  currency: string;
  onSave: (change: QuickEditResult) => Promise<void>;
  onCancel: () => void;
  initialDraft?: QuickEditDraft;
  initialError?: unknown;
}) {
  const [d, setD] = useState<QuickEditDraft>(() => initialDraft ?? draftOf(t));
  const [errors, setErrors] = useState<DraftErrors>(() => {
    if (initialError === undefined) return {};
    const out: DraftErrors = { form: errorMessage(initialError) };
    if (initialError instanceof ApiError) {
      for (const [field, msg] of Object.entries(initialError.fieldErrors()))
        out[serverToDraft(field)] ??= msg;
    }
    return out;
  });
  const set = (k: keyof QuickEditDraft, v: string) => {
    setD((o) => ({ ...o, [k]: v }));
    if (errors[k]) setErrors((e) => ({ ...e, [k]: undefined }));
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    const r = quickEditChange(t, d, members, currency);
    if (!r.ok) {
      setErrors(r.errors);
      return;
    }
    if (r.result === null) {
      onCancel();
      return;
    }
    // The parent closes this editor at once and reopens it with the error if the save fails.
    onSave(r.result).catch(() => {});
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  }

  const perProject = t.frequency.kind === 'per_project';
  const unit = t.deliverableUnit || 'unit';
  const input =
    (k: keyof QuickEditDraft, autoFocus = false) =>
    ({ id, describedBy, invalid }: { id: string; describedBy: string | undefined; invalid: boolean }) => (
      <input
        id={id}
        inputMode="decimal"
        autoComplete="off"
        // biome-ignore lint/a11y/noAutofocus: the user opened this editor; focus goes to its first field
        autoFocus={autoFocus}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        value={d[k]}
        onChange={(e) => set(k, e.target.value)}
      />
    );

  return (
    <form
      className="quick-edit"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
      aria-label={`Edit ${t.name}`}
    >
      <div className="quick-grid">
        <Field label="Minutes each time" error={errors.minutesPerOccurrence}>
          {input('minutesPerOccurrence', true)}
        </Field>
        <Field
          label={perProject ? 'Times per project' : 'Times a year'}
          error={errors.occurrences}
          {...(perProject && t.frequency.kind === 'per_project'
            ? { hint: `× ${fmtNumber(t.frequency.projectsPerYear)} projects a year` }
            : {})}
        >
          {input('occurrences')}
        </Field>
        <Field label="Done by" error={errors.performerId}>
          {({ id, describedBy }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              value={d.performerId}
              onChange={(e) => set('performerId', e.target.value)}
            >
              <option value="">Nobody assigned</option>
              {offeredMembers(members, d.performerId).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={`Market price per ${unit}`} error={errors.marketPrice}>
          {({ id, describedBy, invalid }) => (
            <MoneyInput
              currency={currency}
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              value={d.marketPrice}
              placeholder="not priced"
              onChange={(e) => set('marketPrice', e.target.value)}
            />
          )}
        </Field>
        <Field label={humanize(`${pluralUnit(unit)} each time`)} error={errors.unitsPerOccurrence}>
          {input('unitsPerOccurrence')}
        </Field>
        <Field label="Known variants" error={errors.knownVariants}>
          {input('knownVariants')}
        </Field>
      </div>
      {errors.form ? (
        <div className="banner banner-error" role="alert">
          Not saved: {errors.form}
        </div>
      ) : null}
      <div className="form-actions">
        <Link to={`/inventory/tasks/${encodeURIComponent(t.id)}`} className="btn btn-quiet btn-small">
          All fields and the cost breakdown →
        </Link>
        <span className="spacer" />
        <span className="faint nowrap" style={{ fontSize: '0.82rem' }}>
          Enter saves · Esc cancels
        </span>
        <button type="button" className="btn btn-small" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary btn-small">
          Save
        </button>
      </div>
    </form>
  );
}
