/**
 * Out-task → Out-taskers: the people the firm hires, one record across marketplaces; add one, and
 * invite them to the portal by a one-time link (shown once: the server keeps only its hash).
 */
import { type FormEvent, useState } from 'react';
import { ApiError, api, errorMessage } from '../../../api/client.ts';
import { useApi } from '../../../api/useApi.ts';
import { useCurrency } from '../../../app/session.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { Field } from '../../../ui/Field.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtDateTime } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import type { Invitation, Outtasker } from '../types.ts';

function AddOuttasker({ onAdded }: { onAdded: () => Promise<void> }) {
  const firmCurrency = useCurrency();
  const toast = useToast();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [currency, setCurrency] = useState(firmCurrency);
  const [timeZone, setTimeZone] = useState('UTC');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      await api.post('/outtaskers', { name, email: email.trim() || null, currency, timeZone });
      toast(`${name} added`);
      setName('');
      setEmail('');
      await onAdded();
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fieldErrors()).length) setErrors(err.fieldErrors());
      else toast(errorMessage(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="bids-form" onSubmit={submit} noValidate aria-label="Add an out-tasker">
      <Field label="Name" error={errors.name}>
        {({ id, describedBy }) => (
          <input
            id={id}
            aria-describedby={describedBy}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <Field label="Email" error={errors.email} hint="The portal invitation goes to it.">
        {({ id, describedBy }) => (
          <input
            id={id}
            type="email"
            aria-describedby={describedBy}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </Field>
      <Field label="Currency" error={errors.currency}>
        {({ id, describedBy }) => (
          <input
            id={id}
            aria-describedby={describedBy}
            maxLength={3}
            value={currency}
            onChange={(e) => setCurrency(e.target.value.toUpperCase())}
          />
        )}
      </Field>
      <Field label="Time zone" error={errors.timeZone} hint="An IANA name: Asia/Kolkata, Europe/Lisbon.">
        {({ id, describedBy }) => (
          <input
            id={id}
            aria-describedby={describedBy}
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
          />
        )}
      </Field>
      <div className="bids-form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || !name.trim()}>
          Add the out-tasker
        </button>
      </div>
    </form>
  );
}

export function OuttaskersPage() {
  usePageTitle('Out-taskers');
  const list = useApi<Outtasker[]>('/outtaskers');
  const toast = useToast();
  const [link, setLink] = useState<(Invitation & { name: string }) | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const invite = async (o: Outtasker) => {
    setBusy(o.id);
    try {
      const inv = await api.post<Invitation>(`/outtaskers/${encodeURIComponent(o.id)}/invitation`, {});
      setLink({ ...inv, name: o.name });
    } catch (err) {
      toast(errorMessage(err), 'error');
    } finally {
      setBusy(null);
    }
  };

  const url = link ? `${window.location.origin}${link.path}` : '';
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <div className="breadcrumb">Out-task / Out-taskers</div>
          <h1>Out-taskers</h1>
          <p className="lede">
            The people you hire, one record each whatever marketplace they came from. Invite one to the portal
            to let them bid on your calls, take work orders, deliver and see their statements.
          </p>
        </div>
      </div>
      {list.error ? <ErrorBanner error={list.error} onRetry={() => void list.reload()} /> : null}
      {link ? (
        <div className="banner bids-link" role="status">
          <div>
            <strong>Portal link for {link.name}</strong> ({link.email}), usable once until{' '}
            {fmtDateTime(link.expiresAt)}. Send it to them now: it is not shown again.
            <div>
              <input
                aria-label={`Portal link for ${link.name}`}
                className="bids-link-input"
                readOnly
                value={url}
                onFocus={(e) => e.target.select()}
              />{' '}
              <button
                type="button"
                className="btn btn-small"
                onClick={() => void navigator.clipboard?.writeText(url).then(() => toast('Link copied'))}
              >
                Copy
              </button>
            </div>
          </div>
        </div>
      ) : null}
      {!list.data && list.loading ? <Loading /> : null}
      {list.data && list.data.length === 0 ? (
        <EmptyState title="No out-taskers yet">
          Add one below, or import their bids: each bidder gets a record.
        </EmptyState>
      ) : null}
      {list.data && list.data.length > 0 ? (
        <DataTable>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Currency</th>
              <th scope="col">Time zone</th>
              <th scope="col">Portal</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((o) => (
              <tr key={o.id}>
                <td>
                  {o.name}
                  {o.status !== 'active' ? <span className="badge"> {o.status}</span> : null}
                </td>
                <td>{o.email ?? '—'}</td>
                <td>{o.currency}</td>
                <td>{o.timeZone}</td>
                <td>
                  {o.portalAccount ? (
                    <span className="badge badge-positive">Joined</span>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={busy === o.id || !o.email || o.status === 'blocked'}
                      aria-label={`Invite to the portal: ${o.name}`}
                      onClick={() => void invite(o)}
                    >
                      Invite to the portal
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      <section className="wo-section" aria-labelledby="ot-add">
        <h2 id="ot-add">Add an out-tasker</h2>
        <AddOuttasker onAdded={list.reload} />
      </section>
    </div>
  );
}
