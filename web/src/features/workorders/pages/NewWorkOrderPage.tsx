/**
 * A new work order under a contract: what to make, how many units to expect, the checklist the review
 * ticks (the contract's acceptance criteria unless changed), the time zone the due time is counted in,
 * the materials (redacted before upload, step 5), and — unless kept as a draft — sent at once.
 */
import { type FormEvent, useMemo, useState } from 'react';
import { ApiError, api, errorMessage } from '../../../api/client.ts';
import { toUploads } from '../../../api/files.ts';
import { useApi } from '../../../api/useApi.ts';
import { Link, navigate, useLocation } from '../../../app/router.tsx';
import { Field } from '../../../ui/Field.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtMoney } from '../../../ui/format.ts';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import type { Contract } from '../../bids/types.ts';
import type { WorkOrder } from '../types.ts';

function OrderForm({ contracts, initial }: { contracts: Contract[]; initial: string }) {
  const [contractId, setContractId] = useState(initial);
  const contract = contracts.find((c) => c.id === contractId);
  const [title, setTitle] = useState('');
  const [units, setUnits] = useState('');
  const [instructions, setInstructions] = useState('');
  const [acceptance, setAcceptance] = useState(contract?.acceptanceCriteria.join('\n') ?? '');
  const [timeZone, setTimeZone] = useState('');
  const [calendar, setCalendar] = useState<'calendar' | 'weekdays'>('calendar');
  const [files, setFiles] = useState<File[]>([]);
  const [redacted, setRedacted] = useState(true);
  const [send, setSend] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!contractId) local.contractId = 'Choose the contract the order is sent under';
    if (!title.trim()) local.title = 'Title needs text';
    if (!/^\d+$/.test(units.trim())) local.unitsExpected = 'A whole number of units, e.g. 12';
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    setProblem(null);
    let created: WorkOrder | null = null;
    try {
      created = await api.post<WorkOrder>('/work-orders', {
        contractId,
        title: title.trim(),
        unitsExpected: Number(units),
        ...(instructions.trim() ? { instructions } : {}),
        acceptance: acceptance
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        ...(timeZone.trim() ? { timeZone: timeZone.trim() } : {}),
        slaCalendar: calendar,
      });
      const path = `/work-orders/${encodeURIComponent(created.id)}`;
      if (files.length) await api.post(`${path}/materials`, { files: await toUploads(files), redacted });
      if (send) await api.post(`${path}/transitions`, { event: 'send' });
      navigate(`/work-orders/${created.id}`);
    } catch (err) {
      if (!created && err instanceof ApiError && Object.keys(err.fieldErrors()).length) {
        setErrors(err.fieldErrors());
      } else {
        // Made but not finished (a material refused, say): open it, the message says what is left.
        setProblem(
          created ? `${created.ref} was saved as a draft, but: ${errorMessage(err)}` : errorMessage(err),
        );
      }
      setBusy(false);
    }
  };

  return (
    <form className="bids-form" onSubmit={submit} noValidate aria-label="New work order">
      <Field label="Contract" className="field-wide" error={errors.contractId}>
        {({ id, describedBy }) => (
          <select
            id={id}
            aria-describedby={describedBy}
            value={contractId}
            onChange={(e) => {
              setContractId(e.target.value);
              const c = contracts.find((x) => x.id === e.target.value);
              setAcceptance(c?.acceptanceCriteria.join('\n') ?? '');
            }}
          >
            <option value="">Choose a contract…</option>
            {contracts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.outtaskerName} · {c.taskName} · {fmtMoney(c.unitPrice, { cents: true })} a {c.unit},{' '}
                {c.slaHours} h
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Title"
        className="field-wide"
        error={errors.title}
        hint="The out-tasker sees it: no client names."
      >
        {({ id, describedBy }) => (
          <input
            id={id}
            aria-describedby={describedBy}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        )}
      </Field>
      <Field
        label={`${contract ? contract.unit[0]!.toUpperCase() + contract.unit.slice(1) : 'Unit'}s expected`}
        error={errors.unitsExpected}
      >
        {({ id, describedBy }) => (
          <input
            id={id}
            type="number"
            min={0}
            aria-describedby={describedBy}
            value={units}
            onChange={(e) => setUnits(e.target.value)}
          />
        )}
      </Field>
      <Field label="Due time counted in" error={errors.timeZone} hint="An IANA zone; empty: the firm’s.">
        {({ id, describedBy }) => (
          <input
            id={id}
            aria-describedby={describedBy}
            placeholder="Europe/London"
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
          />
        )}
      </Field>
      <Field label="Turnaround counts">
        {({ id }) => (
          <select
            id={id}
            value={calendar}
            onChange={(e) => setCalendar(e.target.value as 'calendar' | 'weekdays')}
          >
            <option value="calendar">every hour</option>
            <option value="weekdays">weekday hours only</option>
          </select>
        )}
      </Field>
      <Field label="Instructions" className="field-wide" error={errors.instructions}>
        {({ id, describedBy }) => (
          <textarea
            id={id}
            rows={3}
            aria-describedby={describedBy}
            value={instructions}
            onChange={(e) => setInstructions(e.target.value)}
          />
        )}
      </Field>
      <Field label="Acceptance checklist, one item a line" className="field-wide" error={errors.acceptance}>
        {({ id, describedBy }) => (
          <textarea
            id={id}
            rows={4}
            aria-describedby={describedBy}
            value={acceptance}
            onChange={(e) => setAcceptance(e.target.value)}
          />
        )}
      </Field>
      <Field
        label="Materials"
        className="field-wide"
        hint="Transcripts, recordings, a draft: what the out-tasker works from."
      >
        {({ id, describedBy }) => (
          <input
            id={id}
            type="file"
            multiple
            aria-describedby={describedBy}
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
          />
        )}
      </Field>
      <div className="field-wide">
        <label>
          <input type="checkbox" checked={redacted} onChange={(e) => setRedacted(e.target.checked)} /> The
          materials are redacted (names and identifiers taken out)
        </label>
      </div>
      <div className="field-wide">
        <label>
          <input type="checkbox" checked={send} onChange={(e) => setSend(e.target.checked)} /> Send it to the
          out-tasker now (else it stays a draft)
        </label>
      </div>
      {problem ? (
        <div className="banner banner-error field-wide" role="alert">
          {problem}
        </div>
      ) : null}
      <div className="bids-form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {send ? 'Create and send' : 'Save as a draft'}
        </button>
        <Link to="/work-orders" className="btn">
          Cancel
        </Link>
      </div>
    </form>
  );
}

export function NewWorkOrderPage() {
  usePageTitle('New work order');
  const { search } = useLocation();
  const contracts = useApi<Contract[]>('/contracts?status=active');
  const initial = search.get('contract') ?? '';
  const list = useMemo(() => contracts.data ?? [], [contracts.data]);
  return (
    <div className="page">
      <p>
        <Link to="/work-orders">← Work orders</Link>
      </p>
      <h1>New work order</h1>
      <p className="lede">
        Sent under a contract: its price per unit and turnaround are copied onto the order, with the task’s
        brief. The due time is counted from when it is sent.
      </p>
      {contracts.error ? (
        <ErrorBanner error={contracts.error} onRetry={() => void contracts.reload()} />
      ) : null}
      {!contracts.data && contracts.loading ? <Loading /> : null}
      {contracts.data && list.length === 0 ? (
        <EmptyState title="No active contracts">
          A work order is sent under a contract: <Link to="/outtask/bids">award a bid</Link> first.
        </EmptyState>
      ) : null}
      {list.length > 0 ? (
        <OrderForm contracts={list} initial={list.some((c) => c.id === initial) ? initial : ''} />
      ) : null}
    </div>
  );
}
