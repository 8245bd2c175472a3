/**
 * Adding or changing one member: name, title, role, loaded hourly cost, capacity, and the day they
 * left. The cost and the role are the owner's to set (the server refuses anyone else), so staff see
 * them but cannot change them, and a staff save never sends them.
 */
import { type FormEvent, useState } from 'react';
import { api, errorMessage, staleWrite, versionOf } from '../../../api/client.ts';
import type { Member, MemberRole } from '../../../api/types.ts';
import { ConflictBanner, changesBetween } from '../../../ui/ConflictBanner.tsx';
import { Field, MoneyInput } from '../../../ui/Field.tsx';
import { fmtDate, fmtMoney, fmtNumber } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';

export const MEMBER_ROLES: MemberRole[] = [
  'founder',
  'partner',
  'manager',
  'consultant',
  'analyst',
  'support',
];
export const MEMBER_ROLE_LABEL: Record<MemberRole, string> = {
  founder: 'Founder',
  partner: 'Partner',
  manager: 'Manager',
  consultant: 'Consultant',
  analyst: 'Analyst',
  support: 'Support',
};

export interface Draft {
  id: string | null;
  name: string;
  title: string;
  role: MemberRole;
  cost: string;
  capacity: string;
  /** yyyy-mm-dd, or '' while they are with the firm. */
  leftOn: string;
  /** The member as loaded for editing: its version is sent as If-Match, its fields show a conflict. */
  loaded?: Member;
}

export function draftOf(m: Member): Draft {
  return {
    id: m.id,
    name: m.name,
    title: m.title,
    role: m.role,
    cost: String(m.hourlyCost.amountMinor / 100),
    capacity: String(m.yearlyCapacityHours),
    leftOn: m.leftOn ?? '',
    loaded: m,
  };
}

export const EMPTY_DRAFT: Draft = {
  id: null,
  name: '',
  title: '',
  role: 'consultant',
  cost: '',
  capacity: '1600',
  leftOn: '',
};

const MEMBER_FIELDS = [
  { label: 'Name', show: (m: Member) => m.name },
  { label: 'Title', show: (m: Member) => m.title },
  { label: 'Role', show: (m: Member) => MEMBER_ROLE_LABEL[m.role] },
  { label: 'Loaded hourly cost', show: (m: Member) => fmtMoney(m.hourlyCost) },
  { label: 'Capacity (hours a year)', show: (m: Member) => fmtNumber(m.yearlyCapacityHours) },
  { label: 'Left the firm on', show: (m: Member) => (m.leftOn ? fmtDate(m.leftOn) : 'still with the firm') },
] as const;

export function MemberForm({
  draft,
  currency,
  owner,
  onChange,
  onSaved,
}: {
  draft: Draft;
  currency: string;
  /** Only an owner sets a loaded cost or a role (and so adds a member). */
  owner: boolean;
  onChange: (d: Draft | null) => void;
  onSaved: () => void;
}) {
  const toast = useToast();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  /** Someone saved this member while it was being edited: the member as they saved it. */
  const [conflict, setConflict] = useState<Member | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    const cost = Number(draft.cost.replace(/,/g, ''));
    const capacity = Number(draft.capacity);
    if (!draft.name.trim()) found.name = 'Name needs text';
    if (!draft.cost.trim() || !Number.isFinite(cost) || cost < 0)
      found.cost = 'Loaded hourly cost needs an amount, like 120';
    if (!Number.isFinite(capacity) || capacity < 0 || capacity > 8784)
      found.capacity = 'Capacity needs hours a year from 0 to 8,784';
    if (draft.leftOn && !/^\d{4}-\d{2}-\d{2}$/.test(draft.leftOn))
      found.leftOn = 'Left the firm on needs a date';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const body = {
      name: draft.name.trim(),
      title: draft.title.trim(),
      yearlyCapacityHours: capacity,
      leftOn: draft.leftOn || null,
      ...(owner ? { role: draft.role, hourlyCost: { amountMinor: Math.round(cost * 100), currency } } : {}),
    };
    setBusy(true);
    try {
      if (draft.id)
        await api.patch(`/members/${encodeURIComponent(draft.id)}`, body, {
          ifMatch: versionOf(draft.loaded),
        });
      else await api.post('/members', body);
      toast(draft.id ? `Saved ${body.name}` : `Added ${body.name}`);
      setConflict(null);
      onChange(null);
      onSaved();
    } catch (err) {
      const stale = staleWrite<Member>(err);
      if (stale) {
        setConflict(stale.current);
        setErrors({});
        onSaved();
      } else setErrors({ form: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }
  const set = (patch: Partial<Draft>) => onChange({ ...draft, ...patch });
  if (!owner && !draft.id) return null;
  return (
    <form className="member-form" onSubmit={submit} noValidate>
      <h3>{draft.id ? `Change ${draft.name || 'the member'}` : 'Add a member'}</h3>
      {errors.form ? (
        <div className="banner banner-error" role="alert">
          {errors.form}
        </div>
      ) : null}
      {conflict && draft.loaded ? (
        <ConflictBanner
          what="this member"
          changes={changesBetween(draft.loaded, conflict, MEMBER_FIELDS)}
          onLoadTheirs={() => {
            setConflict(null);
            onChange(draftOf(conflict));
          }}
          onKeepMine={() => {
            setConflict(null);
            onChange({ ...draft, loaded: conflict });
          }}
        />
      ) : null}
      <div className="member-fields">
        <Field label="Name" error={errors.name}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              value={draft.name}
              onChange={(e) => set({ name: e.target.value })}
            />
          )}
        </Field>
        <Field label="Title">
          {({ id }) => <input id={id} value={draft.title} onChange={(e) => set({ title: e.target.value })} />}
        </Field>
        <Field
          label="Role"
          hint={owner ? 'The founder’s freed hours are counted apart' : 'The owner’s to change'}
        >
          {({ id, describedBy }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              disabled={!owner}
              value={draft.role}
              onChange={(e) => set({ role: e.target.value as MemberRole })}
            >
              {MEMBER_ROLES.map((r) => (
                <option key={r} value={r}>
                  {MEMBER_ROLE_LABEL[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Loaded hourly cost"
          error={errors.cost}
          hint={owner ? 'Salary, taxes, benefits and overhead, per hour' : 'The owner’s to change'}
        >
          {({ id, describedBy, invalid }) => (
            <MoneyInput
              id={id}
              currency={currency}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              disabled={!owner}
              value={draft.cost}
              onChange={(e) => set({ cost: e.target.value })}
            />
          )}
        </Field>
        <Field label="Capacity (hours a year)" error={errors.capacity}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              inputMode="numeric"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              value={draft.capacity}
              onChange={(e) => set({ capacity: e.target.value })}
            />
          )}
        </Field>
        {draft.id ? (
          <Field
            label="Left the firm on"
            error={errors.leftOn}
            hint="Kept in past figures; no longer offered for new work"
          >
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                type="date"
                aria-describedby={describedBy}
                aria-invalid={invalid}
                value={draft.leftOn}
                onChange={(e) => set({ leftOn: e.target.value })}
              />
            )}
          </Field>
        ) : null}
      </div>
      <div className="page-actions">
        {draft.id ? (
          <button type="button" className="btn" onClick={() => onChange(null)}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {draft.id ? 'Save' : 'Add member'}
        </button>
      </div>
    </form>
  );
}
