/**
 * Who can sign in, and invitations to join: an owner changes a role, removes someone's access, invites
 * someone as owner or staff (the one-time link is shown here once, to copy and send), and revokes an
 * open invitation. The server refuses what would leave the workspace without an owner; its words show
 * on the page. Staff see the list only.
 */
import { type FormEvent, useState } from 'react';
import { api, errorMessage } from '../../../api/client.ts';
import { useApi } from '../../../api/useApi.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { Field } from '../../../ui/Field.tsx';
import { ErrorBanner } from '../../../ui/feedback.tsx';
import { fmtDateTime } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import type { AccessRole, CreatedInvitation, Invitation, WorkspaceUser } from '../types.ts';

const ACCESS_LABEL: Record<AccessRole, string> = { owner: 'Owner', staff: 'Staff', outtasker: 'Out-tasker' };

function InviteForm({ onInvited }: { onInvited: (inv: CreatedInvitation) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<'owner' | 'staff'>('staff');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setError('Email needs an address, like noor@yourfirm.com');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const inv = await api.post<CreatedInvitation>('/workspace/invitations', {
        email: email.trim(),
        role,
        ...(name.trim() ? { name: name.trim() } : {}),
      });
      setEmail('');
      setName('');
      onInvited(inv);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="invite-form" onSubmit={submit} noValidate aria-labelledby="invite-title">
      <h3 id="invite-title">Invite someone</h3>
      <div className="member-fields">
        <Field label="Email" error={error ?? undefined}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="email"
              autoComplete="off"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label="Their name">
          {({ id }) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Access" hint="Out-taskers are invited from the Out-taskers page">
          {({ id, describedBy }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              value={role}
              onChange={(e) => setRole(e.target.value as 'owner' | 'staff')}
            >
              <option value="staff">Staff</option>
              <option value="owner">Owner</option>
            </select>
          )}
        </Field>
      </div>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        Create invitation link
      </button>
    </form>
  );
}

/** The link just made: shown this once (only its hash is stored), to copy and send. */
function NewLink({ inv, onDone }: { inv: CreatedInvitation; onDone: () => void }) {
  const url = `${window.location.origin}${inv.path}`;
  const [copied, setCopied] = useState(false);
  return (
    <div className="banner banner-success invite-link" role="status">
      <p>
        Send this link to {inv.email}. It is shown only now, works once, until {fmtDateTime(inv.expiresAt)}.
      </p>
      <div className="invite-link-row">
        <input aria-label="Invitation link" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            void navigator.clipboard?.writeText(url).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? 'Copied' : 'Copy link'}
        </button>
        <button type="button" className="btn btn-small" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

export function AccessCard({ owner, myId }: { owner: boolean; myId: string }) {
  const toast = useToast();
  const users = useApi<WorkspaceUser[]>('/workspace/users');
  const invitations = useApi<Invitation[]>(owner ? '/workspace/invitations' : null);
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<CreatedInvitation | null>(null);

  async function act(what: () => Promise<unknown>, done: string) {
    setError(null);
    try {
      await what();
      toast(done);
    } catch (err) {
      setError(errorMessage(err));
    }
    void users.reload();
    if (owner) void invitations.reload();
  }

  return (
    <section className="card section" aria-labelledby="users-title">
      <h2 id="users-title">People who can sign in</h2>
      <p className="muted">
        Owners change settings, roles, loaded costs and invitations; staff keep the inventory; out-taskers see
        only their own work. The workspace always keeps an owner.
      </p>
      {users.error ? <ErrorBanner error={users.error} /> : null}
      {error ? (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      ) : null}
      <DataTable className="users-table">
        <caption className="visually-hidden">People who can sign in</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Access</th>
            {owner ? (
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {(users.data ?? []).map((u) => (
            <tr key={u.id}>
              <th scope="row">
                {u.name}
                {u.id === myId ? <span className="faint"> (you)</span> : null}
              </th>
              <td>{u.email}</td>
              <td>
                {owner && u.role !== 'outtasker' ? (
                  <select
                    aria-label={`Access of ${u.name}`}
                    value={u.role}
                    onChange={(e) => {
                      const role = e.target.value as 'owner' | 'staff';
                      void act(
                        () => api.patch(`/workspace/users/${encodeURIComponent(u.id)}`, { role }),
                        `${u.name} is now ${ACCESS_LABEL[role].toLowerCase()}`,
                      );
                    }}
                  >
                    <option value="owner">Owner</option>
                    <option value="staff">Staff</option>
                  </select>
                ) : (
                  ACCESS_LABEL[u.role]
                )}
              </td>
              {owner ? (
                <td>
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Remove ${u.name}’s access`}
                    onClick={() => {
                      if (
                        !window.confirm(`Remove ${u.name}’s access to this workspace? Their account stays.`)
                      )
                        return;
                      void act(
                        () => api.del(`/workspace/users/${encodeURIComponent(u.id)}`),
                        `${u.name} can no longer sign in here`,
                      );
                    }}
                  >
                    Remove
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </DataTable>

      {owner ? (
        <>
          {made ? <NewLink inv={made} onDone={() => setMade(null)} /> : null}
          {(invitations.data ?? []).length > 0 ? (
            <DataTable className="invitations-table">
              <caption>Open invitations</caption>
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Access</th>
                  <th scope="col">Until</th>
                  <th scope="col">
                    <span className="visually-hidden">Revoke</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {(invitations.data ?? []).map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{i.name ? `${i.name} · ${i.email}` : i.email}</th>
                    <td>{ACCESS_LABEL[i.role]}</td>
                    <td>{fmtDateTime(i.expiresAt)}</td>
                    <td>
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-label={`Revoke the invitation for ${i.email}`}
                        onClick={() =>
                          void act(
                            () => api.del(`/workspace/invitations/${encodeURIComponent(i.id)}`),
                            `The link for ${i.email} no longer works`,
                          )
                        }
                      >
                        Revoke
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          ) : null}
          <InviteForm
            onInvited={(inv) => {
              setMade(inv);
              void invitations.reload();
            }}
          />
        </>
      ) : null}
    </section>
  );
}
