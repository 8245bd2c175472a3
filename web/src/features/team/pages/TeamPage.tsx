/**
 * The team and the settings every figure depends on: the firm's members with their loaded hourly cost
 * and capacity (the founder marked), the people who can sign in and their roles, the economics
 * defaults (platform fee, review share), and your own password. Settings are the owner's to change; the
 * server refuses anyone else, and every change is in the audit trail.
 *
 * Kept in one file: the page's sections (members, sign-ins, economics settings, password) are short
 * forms sharing the owner check and the page's loading state.
 */
import { type FormEvent, useState } from 'react';
import { api, errorMessage, staleWrite, versionOf } from '../../../api/client.ts';
import type { EconomicsSettings, Member, MemberRole } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { useMe } from '../../../app/session.tsx';
import { ConflictBanner, changesBetween } from '../../../ui/ConflictBanner.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { Field, MoneyInput } from '../../../ui/Field.tsx';
import { ErrorBanner } from '../../../ui/feedback.tsx';
import { fmtMoney, fmtNumber } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';

const ROLES: MemberRole[] = ['founder', 'partner', 'manager', 'consultant', 'analyst', 'support'];
const ROLE_LABEL: Record<MemberRole, string> = {
  founder: 'Founder',
  partner: 'Partner',
  manager: 'Manager',
  consultant: 'Consultant',
  analyst: 'Analyst',
  support: 'Support',
};
const ACCESS_LABEL: Record<string, string> = { owner: 'Owner', staff: 'Staff', outtasker: 'Out-tasker' };

interface Draft {
  id: string | null;
  name: string;
  title: string;
  role: MemberRole;
  cost: string;
  capacity: string;
  /** The member as loaded for editing: its version is sent as If-Match, its fields show a conflict. */
  loaded?: Member;
}

function draftOf(m: Member): Draft {
  return {
    id: m.id,
    name: m.name,
    title: m.title,
    role: m.role,
    cost: String(m.hourlyCost.amountMinor / 100),
    capacity: String(m.yearlyCapacityHours),
    loaded: m,
  };
}

const MEMBER_FIELDS = [
  { label: 'Name', show: (m: Member) => m.name },
  { label: 'Title', show: (m: Member) => m.title },
  { label: 'Role', show: (m: Member) => ROLE_LABEL[m.role] },
  { label: 'Loaded hourly cost', show: (m: Member) => fmtMoney(m.hourlyCost) },
  { label: 'Capacity (hours a year)', show: (m: Member) => fmtNumber(m.yearlyCapacityHours) },
] as const;
const EMPTY: Draft = { id: null, name: '', title: '', role: 'consultant', cost: '', capacity: '1600' };

function MemberForm({
  draft,
  currency,
  onChange,
  onSaved,
}: {
  draft: Draft;
  currency: string;
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
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const body = {
      name: draft.name.trim(),
      title: draft.title.trim(),
      role: draft.role,
      hourlyCost: { amountMinor: Math.round(cost * 100), currency },
      yearlyCapacityHours: capacity,
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
        <Field label="Role" hint="The founder’s freed hours are counted apart">
          {({ id, describedBy }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              value={draft.role}
              onChange={(e) => set({ role: e.target.value as MemberRole })}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABEL[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Loaded hourly cost"
          error={errors.cost}
          hint="Salary, taxes, benefits and overhead, per hour"
        >
          {({ id, describedBy, invalid }) => (
            <MoneyInput
              id={id}
              currency={currency}
              aria-describedby={describedBy}
              aria-invalid={invalid}
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

const SETTINGS_FIELDS = [
  {
    label: 'Marketplace platform fee',
    show: (s: Required<EconomicsSettings>) => `${fmtNumber(s.platformFeeBps / 100, 2)}%`,
  },
  {
    label: 'Review share',
    show: (s: Required<EconomicsSettings>) => `${fmtNumber(s.defaultReviewShare * 100, 1)}%`,
  },
] as const;

function SettingsCard({
  settings,
  owner,
  onSaved,
}: {
  settings: Required<EconomicsSettings>;
  owner: boolean;
  onSaved: () => void;
}) {
  const toast = useToast();
  const [fee, setFee] = useState(String(settings.platformFeeBps / 100));
  const [review, setReview] = useState(String(Math.round(settings.defaultReviewShare * 1000) / 10));
  const [error, setError] = useState<string | null>(null);
  /** Someone saved the settings since they were loaded: the settings as they saved them. */
  const [conflict, setConflict] = useState<{ current: Required<EconomicsSettings>; version: number } | null>(
    null,
  );
  /** The version a save is based on, when the owner chose to save over a newer one. */
  const [saveOver, setSaveOver] = useState<number | undefined>(undefined);
  async function save(e: FormEvent) {
    e.preventDefault();
    const feePct = Number(fee);
    const reviewPct = Number(review);
    if (!Number.isFinite(feePct) || feePct < 0 || feePct > 100)
      return setError('Platform fee needs a percentage from 0 to 100');
    if (!Number.isFinite(reviewPct) || reviewPct < 0 || reviewPct > 100)
      return setError('Review share needs a percentage from 0 to 100');
    setError(null);
    try {
      await api.patch(
        '/settings/economics',
        { platformFeeBps: Math.round(feePct * 100), defaultReviewShare: reviewPct / 100 },
        { ifMatch: saveOver ?? versionOf(settings) },
      );
      setConflict(null);
      setSaveOver(undefined);
      toast('Settings saved');
      onSaved();
    } catch (err) {
      const stale = staleWrite<Required<EconomicsSettings>>(err);
      if (stale) setConflict({ current: stale.current, version: stale.currentVersion });
      else setError(errorMessage(err));
    }
  }
  return (
    <form className="card" onSubmit={save} noValidate aria-labelledby="settings-title">
      <h2 id="settings-title">Workspace settings</h2>
      <p className="muted">
        Currency {settings.currency}. These assumptions drive every saving in the ranking.
        {owner ? '' : ' Only the owner can change them.'}
      </p>
      {error ? (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      ) : null}
      {conflict ? (
        <ConflictBanner
          what="the settings"
          changes={changesBetween(settings, conflict.current, SETTINGS_FIELDS)}
          onLoadTheirs={() => {
            setFee(String(conflict.current.platformFeeBps / 100));
            setReview(String(Math.round(conflict.current.defaultReviewShare * 1000) / 10));
            setConflict(null);
            setSaveOver(undefined);
            onSaved();
          }}
          onKeepMine={() => {
            setSaveOver(conflict.version);
            setConflict(null);
          }}
        />
      ) : null}
      <Field label="Marketplace platform fee (%)" hint="Charged on what the firm spends on a marketplace">
        {({ id, describedBy }) => (
          <input
            id={id}
            aria-describedby={describedBy}
            disabled={!owner}
            value={fee}
            onChange={(e) => setFee(e.target.value)}
          />
        )}
      </Field>
      <Field label="Review share (%)" hint="Of the in-house time, spent reviewing an out-tasked delivery">
        {({ id, describedBy }) => (
          <input
            id={id}
            aria-describedby={describedBy}
            disabled={!owner}
            value={review}
            onChange={(e) => setReview(e.target.value)}
          />
        )}
      </Field>
      {owner ? (
        <button type="submit" className="btn btn-primary">
          Save settings
        </button>
      ) : null}
    </form>
  );
}

function PasswordCard() {
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      await api.post('/auth/password', { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setError(null);
      toast('Password changed');
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <form className="card" onSubmit={save} aria-labelledby="password-title">
      <h2 id="password-title">Your password</h2>
      {error ? (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      ) : null}
      <Field label="Current password">
        {({ id }) => (
          <input
            id={id}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        )}
      </Field>
      <Field label="New password">
        {({ id }) => (
          <input
            id={id}
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="btn" disabled={!current || !next}>
        Change password
      </button>
    </form>
  );
}

export function TeamPage() {
  usePageTitle('Team and settings');
  const me = useMe();
  const owner = me.role === 'owner';
  const members = useApi<Member[]>('/members');
  const users = useApi<{ id: string; name: string; email: string; role: string }[]>('/workspace/users');
  const settings = useApi<Required<EconomicsSettings>>('/settings/economics');
  const [draft, setDraft] = useState<Draft | null>(null);
  const currency = me.workspace.currency;
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Team and settings</h1>
          <p className="lede">
            Who does the work and what an hour of each person costs: every in-house cost and saving starts
            here.
          </p>
        </div>
      </div>

      <section className="card section" aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        {members.error ? <ErrorBanner error={members.error} /> : null}
        <DataTable className="members-table">
          <caption className="visually-hidden">The firm’s members</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Title</th>
              <th scope="col">Role</th>
              <th scope="col" className="num">
                Loaded cost / h
              </th>
              <th scope="col" className="num">
                Capacity h / yr
              </th>
              <th scope="col">
                <span className="visually-hidden">Change</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(members.data ?? []).map((m) => (
              <tr key={m.id}>
                <th scope="row" className="task-name">
                  {m.name}
                  {m.role === 'founder' ? (
                    <span className="badge badge-accent founder-flag">Founder</span>
                  ) : null}
                </th>
                <td>{m.title || <span className="faint">—</span>}</td>
                <td>{ROLE_LABEL[m.role]}</td>
                <td className="num">{fmtMoney(m.hourlyCost)}</td>
                <td className="num">{fmtNumber(m.yearlyCapacityHours)}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Change ${m.name}`}
                    onClick={() => setDraft(draftOf(m))}
                  >
                    Change
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        <MemberForm
          key={draft?.id ?? 'new'}
          draft={draft ?? EMPTY}
          currency={currency}
          onChange={setDraft}
          onSaved={() => void members.reload()}
        />
      </section>

      <div className="grid-2 section">
        {settings.data ? (
          <SettingsCard settings={settings.data} owner={owner} onSaved={() => void settings.reload()} />
        ) : settings.error ? (
          <ErrorBanner error={settings.error} />
        ) : null}
        <PasswordCard />
      </div>

      <section className="card section" aria-labelledby="users-title">
        <h2 id="users-title">People who can sign in</h2>
        <p className="muted">
          Owners change settings; staff keep the inventory; out-taskers see only their work orders.
        </p>
        {users.error ? <ErrorBanner error={users.error} /> : null}
        <DataTable>
          <caption className="visually-hidden">People who can sign in</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Access</th>
            </tr>
          </thead>
          <tbody>
            {(users.data ?? []).map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.name}</th>
                <td>{u.email}</td>
                <td>{ACCESS_LABEL[u.role] ?? u.role}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>
    </div>
  );
}
