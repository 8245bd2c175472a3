/**
 * The out-tasker's home: their work orders (open ones first, due in their own time zone), the firm's
 * calls for bids with their own bid on each, their contracts and their bids. Only their own: the
 * server scopes every list to the signed-in out-tasker.
 */
import { type FormEvent, useState } from 'react';
import { api, errorMessage } from '../../../api/client.ts';
import { useApi } from '../../../api/useApi.ts';
import { Link } from '../../../app/router.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { Field, MoneyInput } from '../../../ui/Field.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import {
  fmtDate,
  fmtMoney,
  fmtNumber,
  moneyInputValue,
  parseMoneyInput,
  pluralUnit,
} from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { FLAG_LABEL, STATE_LABEL } from '../../workorders/format.ts';
import type { BoardItem } from '../../workorders/types.ts';
import type { PortalCall, PortalHome } from '../types.ts';

const OPEN_STATES = new Set(['sent', 'accepted', 'delivered', 'changes_requested']);
const BID_STATUS: Record<string, string> = {
  open: 'Open',
  awarded: 'Awarded',
  declined: 'Not chosen',
  withdrawn: 'Withdrawn',
};

function CallCard({
  call,
  currency,
  onChanged,
}: {
  call: PortalCall;
  currency: string;
  onChanged: () => Promise<void>;
}) {
  const toast = useToast();
  const mine = call.myBid;
  const [price, setPrice] = useState(mine ? moneyInputValue(mine.unitPrice) : '');
  const [hours, setHours] = useState(String(mine?.turnaroundHours ?? call.slaHours));
  const [message, setMessage] = useState(mine?.message ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const bidCurrency = mine?.unitPrice.currency ?? currency;
  const unit = call.unit;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const minor = parseMoneyInput(price, bidCurrency);
    const turnaround = Number(hours);
    const problems: Record<string, string> = {};
    if (minor === null || Number.isNaN(minor) || minor < 0)
      problems.price = `Give your price for one ${unit}, e.g. 11.00`;
    if (!(turnaround > 0)) problems.hours = 'Give the hours you need for one order, e.g. 24';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      await api.post('/portal/bids', {
        callId: call.id,
        unitPriceMinor: minor,
        currency: bidCurrency,
        turnaroundHours: turnaround,
        message,
      });
      toast(mine ? 'Your bid is updated' : 'Your bid is sent');
      await onChanged();
    } catch (err) {
      toast(errorMessage(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async () => {
    if (!mine) return;
    setBusy(true);
    try {
      await api.post(`/portal/bids/${encodeURIComponent(mine.id)}/withdraw`);
      toast('Your bid is withdrawn');
      await onChanged();
    } catch (err) {
      toast(errorMessage(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  const headingId = `call-${call.id}`;
  return (
    <article className="portal-call" aria-labelledby={headingId}>
      <h3 id={headingId}>{call.title}</h3>
      <p className="muted">
        Paid per {unit} · about {fmtNumber(call.unitsPerYear, 0)} {pluralUnit(unit, call.unitsPerYear)} a year
        · turnaround {call.slaHours} hours · open since {fmtDate(call.openedAt)}
      </p>
      {call.brief ? <p className="portal-call-brief">{call.brief}</p> : null}
      {mine ? (
        <p>
          <span className="badge badge-accent">Your bid</span> {fmtMoney(mine.unitPrice, { cents: true })} a{' '}
          {unit}, {mine.turnaroundHours} hours
        </p>
      ) : null}
      <form className="portal-bid-form" onSubmit={submit} noValidate aria-label={`Your bid on ${call.title}`}>
        <Field label={`Your price per ${unit} (${bidCurrency})`} error={errors.price}>
          {({ id, describedBy, invalid }) => (
            <MoneyInput
              id={id}
              currency={bidCurrency}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={price}
              onChange={(e) => setPrice(e.target.value)}
            />
          )}
        </Field>
        <Field label="Turnaround (hours)" error={errors.hours}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="number"
              min={1}
              step="any"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={hours}
              onChange={(e) => setHours(e.target.value)}
            />
          )}
        </Field>
        <Field label="Message to the firm" className="field-wide">
          {({ id }) => (
            <textarea id={id} rows={2} value={message} onChange={(e) => setMessage(e.target.value)} />
          )}
        </Field>
        <div className="portal-actions field-wide">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {mine ? 'Update your bid' : 'Send your bid'}
          </button>
          {mine ? (
            <button type="button" className="btn" disabled={busy} onClick={() => void withdraw()}>
              Withdraw your bid
            </button>
          ) : null}
        </div>
      </form>
    </article>
  );
}

export function PortalHomePage() {
  usePageTitle('Your work');
  const home = useApi<PortalHome>('/portal');
  const orders = useApi<BoardItem[]>('/work-orders');
  const h = home.data;
  const reload = async () => {
    await Promise.all([home.reload(), orders.reload()]);
  };
  const items = orders.data ?? [];
  const open = items.filter((i) => OPEN_STATES.has(i.order.state));
  const done = items.filter((i) => !OPEN_STATES.has(i.order.state));
  // A bid names its task by id only: the call or the contract it belongs to has the name.
  const taskName = new Map<string, string>();
  for (const c of h?.calls ?? []) taskName.set(c.taskId, c.title);
  for (const c of h?.contracts ?? []) taskName.set(c.taskId, c.taskName);

  return (
    <div className="page">
      <h1>{h ? `Welcome, ${h.outtasker.name}` : 'Your work'}</h1>
      <p className="lede">
        Work orders sent to you, the firm’s calls for bids, and your contracts. Times are in your time zone
        {h ? ` (${h.outtasker.timeZone})` : ''}.
      </p>
      {home.error ? <ErrorBanner error={home.error} onRetry={() => void home.reload()} /> : null}
      {orders.error ? <ErrorBanner error={orders.error} onRetry={() => void orders.reload()} /> : null}

      <section className="portal-section" aria-labelledby="portal-orders">
        <h2 id="portal-orders">Your work orders</h2>
        {!orders.data && orders.loading ? <Loading /> : null}
        {orders.data && items.length === 0 ? (
          <p className="faint">No work orders yet: they come under a contract, once a bid is awarded.</p>
        ) : null}
        {items.length > 0 ? (
          <DataTable>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">State</th>
                <th scope="col">Due (your time)</th>
                <th scope="col" className="num">
                  Expected
                </th>
              </tr>
            </thead>
            <tbody>
              {[...open, ...done].map((i) => {
                const flag = FLAG_LABEL[i.sla.flag];
                return (
                  <tr key={i.order.id}>
                    <td>
                      <Link to={`/portal/work-orders/${i.order.id}`}>
                        {i.order.ref} · {i.order.title}
                      </Link>
                      <div className="faint">{i.order.taskName}</div>
                    </td>
                    <td>
                      {i.order.state === 'sent' ? 'Waiting for you to accept' : STATE_LABEL[i.order.state]}
                      {flag ? (
                        <>
                          {' '}
                          <span className={`badge ${flag.tone}`}>{flag.text}</span>
                        </>
                      ) : null}
                    </td>
                    <td>{i.dueTextOuttasker ?? '—'}</td>
                    <td className="num">
                      {i.order.unitsExpected} {pluralUnit(i.order.unit, i.order.unitsExpected)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        ) : null}
      </section>

      <section className="portal-section" aria-labelledby="portal-calls">
        <h2 id="portal-calls">Open for bids</h2>
        {!h && home.loading ? <Loading /> : null}
        {h && h.calls.length === 0 ? (
          <EmptyState title="No open calls for bids">The firm’s calls for bids appear here.</EmptyState>
        ) : null}
        <div className="portal-calls">
          {h?.calls.map((c) => (
            <CallCard
              key={`${c.id}-${c.myBid?.id ?? 'new'}`}
              call={c}
              currency={h.outtasker.currency}
              onChanged={reload}
            />
          ))}
        </div>
      </section>

      {h && h.contracts.length > 0 ? (
        <section className="portal-section" aria-labelledby="portal-contracts">
          <h2 id="portal-contracts">Your contracts</h2>
          <p className="faint">
            No fixed commitment on either side: the firm sends orders under a contract, and may pause or end
            it.
          </p>
          <DataTable>
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col" className="num">
                  Price
                </th>
                <th scope="col">Turnaround</th>
                <th scope="col">Acceptance criteria</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {h.contracts.map((c) => (
                <tr key={c.id}>
                  <td>
                    {c.taskName}
                    <div className="faint">since {fmtDate(c.startedAt)}</div>
                  </td>
                  <td className="num">
                    {fmtMoney(c.unitPrice, { cents: true })} a {c.unit}
                  </td>
                  <td>{c.slaHours} hours</td>
                  <td>
                    {c.acceptanceCriteria.length ? (
                      <ul>
                        {c.acceptanceCriteria.map((a) => (
                          <li key={a}>{a}</li>
                        ))}
                      </ul>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{c.status === 'active' ? 'Active' : c.status === 'paused' ? 'Paused' : 'Ended'}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}

      {h && h.bids.length > 0 ? (
        <section className="portal-section" aria-labelledby="portal-bids">
          <h2 id="portal-bids">Your bids</h2>
          <DataTable>
            <thead>
              <tr>
                <th scope="col">For</th>
                <th scope="col">Sent</th>
                <th scope="col" className="num">
                  Price
                </th>
                <th scope="col">Turnaround</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {h.bids.map((b) => (
                <tr key={b.id}>
                  <td>{taskName.get(b.taskId) ?? '—'}</td>
                  <td>{fmtDate(b.submittedAt)}</td>
                  <td className="num">
                    {fmtMoney(b.unitPrice, { cents: true })} a {b.unit}
                  </td>
                  <td>{b.turnaroundHours} hours</td>
                  <td>{BID_STATUS[b.status] ?? b.status}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}
    </div>
  );
}
