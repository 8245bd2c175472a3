/**
 * Out-task → Bids: for a job post (compiled from the task's approved procedure), open a call for bids
 * to the portal's out-taskers, enter a bid from a marketplace by hand, compare the bids side by side —
 * the price in the firm's currency at its dated rates, the turnaround against the SLA, the cost a year
 * at the task's volume and the saving against doing it in-house (step 1) — and award one: that makes
 * the contract (once per post; the server refuses a second award).
 */
import { type FormEvent, useState } from 'react';
import { ApiError, api, errorMessage } from '../../../api/client.ts';
import { useApi } from '../../../api/useApi.ts';
import { Link, setQuery, useLocation } from '../../../app/router.tsx';
import { useCurrency } from '../../../app/session.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { Dialog } from '../../../ui/Dialog.tsx';
import { Field, MoneyInput } from '../../../ui/Field.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtDate, fmtMoney, fmtNumber, fmtPercent, parseMoneyInput, pluralUnit } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import type { JobPost } from '../../posts/types.ts';
import type { Award, BidCall, Comparison, ComparisonRow, Outtasker } from '../types.ts';

interface PostRow {
  id: string;
  taskId: string;
  taskName: string;
  title: string;
}

const STATUS: Record<string, string> = {
  open: 'Open',
  awarded: 'Awarded',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

function CallPanel({
  post,
  call,
  onChanged,
}: {
  post: JobPost;
  call: BidCall | undefined;
  onChanged: () => Promise<void>;
}) {
  const toast = useToast();
  const c = post.content;
  const [brief, setBrief] = useState(
    [c.summary, ...c.deliverables.map((d) => `• ${d}`)].filter(Boolean).join('\n'),
  );
  const [sla, setSla] = useState(String(c.turnaroundHours || ''));
  const [busy, setBusy] = useState(false);

  const open = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await api.post('/bid-calls', {
        taskId: post.taskId,
        postId: post.id,
        title: c.title || post.taskName,
        brief,
        ...(Number(sla) > 0 ? { slaHours: Number(sla) } : {}),
      });
      toast('Open for bids in the portal');
      await onChanged();
    } catch (err) {
      toast(errorMessage(err), 'error');
    } finally {
      setBusy(false);
    }
  };
  const close = async () => {
    if (!call) return;
    setBusy(true);
    try {
      await api.post(`/bid-calls/${encodeURIComponent(call.id)}/close`);
      toast('The call for bids is closed');
      await onChanged();
    } catch (err) {
      toast(errorMessage(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  if (call?.status === 'open') {
    return (
      <p>
        <span className="badge badge-positive">Open in the portal</span> since {fmtDate(call.openedAt)}:
        invited out-taskers see it and bid on it (turnaround {call.slaHours} hours).{' '}
        <button type="button" className="btn btn-small" disabled={busy} onClick={() => void close()}>
          Close the call
        </button>
      </p>
    );
  }
  return (
    <form className="bids-form" onSubmit={open} noValidate aria-label="Open for bids in the portal">
      <Field
        label="What bidders see"
        className="field-wide"
        hint="No client names: out-taskers read it in the portal."
      >
        {({ id, describedBy }) => (
          <textarea
            id={id}
            rows={4}
            aria-describedby={describedBy}
            value={brief}
            onChange={(e) => setBrief(e.target.value)}
          />
        )}
      </Field>
      <Field label="Turnaround asked (hours)">
        {({ id }) => (
          <input id={id} type="number" min={1} value={sla} onChange={(e) => setSla(e.target.value)} />
        )}
      </Field>
      <div className="bids-form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Open for bids in the portal
        </button>
      </div>
    </form>
  );
}

function EnterBid({ post, onEntered }: { post: JobPost; onEntered: () => Promise<void> }) {
  const firmCurrency = useCurrency();
  const toast = useToast();
  const people = useApi<Outtasker[]>('/outtaskers');
  const [outtaskerId, setOuttaskerId] = useState('');
  const [marketplace, setMarketplace] = useState('upwork');
  const [price, setPrice] = useState('');
  const [currency, setCurrency] = useState(firmCurrency);
  const [hours, setHours] = useState(String(post.content.turnaroundHours || 24));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const minor = parseMoneyInput(price, currency);
    const problems: Record<string, string> = {};
    if (!outtaskerId) problems.outtaskerId = 'Choose who bid (add them under Out-taskers first)';
    if (minor === null || Number.isNaN(minor))
      problems.unitPriceMinor = 'Give the price per unit, e.g. 11.00';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      await api.post('/bids', {
        taskId: post.taskId,
        postId: post.id,
        outtaskerId,
        marketplace,
        unitPriceMinor: minor,
        currency,
        turnaroundHours: Number(hours),
      });
      toast('Bid entered');
      setPrice('');
      await onEntered();
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fieldErrors()).length) setErrors(err.fieldErrors());
      else toast(errorMessage(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="bids-form" onSubmit={submit} noValidate aria-label="Enter a bid by hand">
      <Field label="Out-tasker" error={errors.outtaskerId}>
        {({ id, describedBy }) => (
          <select
            id={id}
            aria-describedby={describedBy}
            value={outtaskerId}
            onChange={(e) => setOuttaskerId(e.target.value)}
          >
            <option value="">Choose…</option>
            {(people.data ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Marketplace">
        {({ id }) => (
          <select id={id} value={marketplace} onChange={(e) => setMarketplace(e.target.value)}>
            <option value="upwork">Upwork</option>
            <option value="freelancer">Freelancer.com</option>
            <option value="peopleperhour">PeoplePerHour</option>
            <option value="truelancer">Truelancer</option>
            <option value="direct">Direct</option>
          </select>
        )}
      </Field>
      <Field label={`Price per ${post.content.pricing.unit || 'unit'}`} error={errors.unitPriceMinor}>
        {({ id, describedBy }) => (
          <MoneyInput
            id={id}
            currency={currency}
            aria-describedby={describedBy}
            value={price}
            onChange={(e) => setPrice(e.target.value)}
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
      <Field label="Turnaround (hours)" error={errors.turnaroundHours}>
        {({ id, describedBy }) => (
          <input
            id={id}
            type="number"
            min={1}
            aria-describedby={describedBy}
            value={hours}
            onChange={(e) => setHours(e.target.value)}
          />
        )}
      </Field>
      <div className="bids-form-actions">
        <button type="submit" className="btn" disabled={busy}>
          Enter the bid
        </button>
      </div>
    </form>
  );
}

function recordText(r: ComparisonRow['record']): string {
  if (!r || r.orders === 0) return 'No orders with you yet';
  const parts = [`${r.orders} ${r.orders === 1 ? 'order' : 'orders'}`];
  if (r.onTimeShare !== null) parts.push(`${fmtPercent(r.onTimeShare)} on time`);
  if (r.revisionsPerOrder !== null) parts.push(`${fmtNumber(r.revisionsPerOrder)} revisions an order`);
  return parts.join(' · ');
}

function AwardDialog({
  row,
  post,
  slaHours,
  onClose,
  onAwarded,
}: {
  row: ComparisonRow;
  post: JobPost;
  slaHours: number;
  onClose: () => void;
  onAwarded: (a: Award) => Promise<void>;
}) {
  // The out-tasker's own turnaround when it is within the SLA asked: what they promised.
  const [sla, setSla] = useState(String(row.withinSla ? row.bid.turnaroundHours : slaHours));
  const [criteria, setCriteria] = useState(post.content.acceptanceCriteria.join('\n'));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const award = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const a = await api.post<Award>(`/bids/${encodeURIComponent(row.bid.id)}/award`, {
        ...(Number(sla) > 0 ? { slaHours: Number(sla) } : {}),
        acceptanceCriteria: criteria
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      });
      await onAwarded(a);
    } catch (err) {
      setProblem(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} title={`Award the work to ${row.bid.outtaskerName}`}>
      <form onSubmit={award} noValidate>
        <p>
          A contract at {fmtMoney(row.bid.unitPrice, { cents: true })} a {row.bid.unit}
          {row.expectedAnnualCost ? `, about ${fmtMoney(row.expectedAnnualCost)} a year` : ''}. No fixed
          commitment: pause or end it at any time. The other open bids are declined.
        </p>
        <div className="field">
          <label htmlFor="award-sla">Turnaround (hours)</label>
          <input id="award-sla" type="number" min={1} value={sla} onChange={(e) => setSla(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="award-criteria">Acceptance criteria, one a line</label>
          <textarea
            id="award-criteria"
            rows={5}
            value={criteria}
            onChange={(e) => setCriteria(e.target.value)}
          />
        </div>
        {problem ? (
          <div className="banner banner-error" role="alert">
            {problem}
          </div>
        ) : null}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Award and make the contract
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function ComparisonTable({
  cmp,
  onAward,
  awarded,
}: {
  cmp: Comparison;
  onAward: (r: ComparisonRow) => void;
  awarded: boolean;
}) {
  if (cmp.rows.length === 0) {
    return (
      <EmptyState title="No bids yet">
        Bids from the portal, or entered below, appear here side by side.
      </EmptyState>
    );
  }
  return (
    <DataTable>
      <caption className="visually-hidden">Bids compared</caption>
      <thead>
        <tr>
          <th scope="col">Rank</th>
          <th scope="col">Out-tasker</th>
          <th scope="col" className="num">
            Bid
          </th>
          <th scope="col" className="num">
            In {cmp.currency}
          </th>
          <th scope="col">Turnaround</th>
          <th scope="col" className="num">
            Cost a year
          </th>
          <th scope="col" className="num">
            Saving a year
          </th>
          <th scope="col">Record with you</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {cmp.rows.map((r) => (
          <tr key={r.bid.id}>
            <td>{r.rank ?? '—'}</td>
            <td>
              {r.bid.outtaskerName}
              <div className="faint">
                {r.bid.marketplace} · {fmtDate(r.bid.submittedAt)}
              </div>
            </td>
            <td className="num">
              {fmtMoney(r.bid.unitPrice, { cents: true })} a {r.bid.unit}
            </td>
            <td className="num">
              {r.unitPriceFirm ? fmtMoney(r.unitPriceFirm, { cents: true }) : '—'}
              {r.fx && r.fx.currency !== r.fx.baseCurrency ? (
                <div className="faint">
                  at {r.fx.rate} from {r.fx.effectiveOn}
                </div>
              ) : null}
            </td>
            <td>
              {r.bid.turnaroundHours} hours{' '}
              {r.withinSla ? (
                <span className="badge badge-positive">within SLA</span>
              ) : (
                <span className="badge badge-warning">{r.hoursOverSla} h over SLA</span>
              )}
            </td>
            <td className="num">{r.expectedAnnualCost ? fmtMoney(r.expectedAnnualCost) : '—'}</td>
            <td className="num">
              {r.annualSaving ? fmtMoney(r.annualSaving) : '—'}
              {r.problem ? <div className="bids-problem">{r.problem}</div> : null}
            </td>
            <td>{recordText(r.record)}</td>
            <td>
              {STATUS[r.bid.status] ?? r.bid.status}
              {r.bid.status === 'open' && !awarded ? (
                <div>
                  <button
                    type="button"
                    className="btn btn-small btn-primary"
                    aria-label={`Award to ${r.bid.outtaskerName}`}
                    onClick={() => onAward(r)}
                  >
                    Award
                  </button>
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

export function BidsPage() {
  usePageTitle('Bids');
  const toast = useToast();
  const { search } = useLocation();
  const postId = search.get('post') ?? '';
  const posts = useApi<PostRow[]>('/posts');
  const chosen = posts.data?.find((p) => p.id === postId);
  const post = useApi<JobPost>(chosen ? `/posts/${encodeURIComponent(chosen.id)}` : null);
  const cmp = useApi<Comparison>(
    chosen
      ? `/bids/compare/${encodeURIComponent(chosen.taskId)}?postId=${encodeURIComponent(chosen.id)}`
      : null,
  );
  const calls = useApi<BidCall[]>('/bid-calls');
  const [awarding, setAwarding] = useState<ComparisonRow | null>(null);
  const [award, setAward] = useState<Award | null>(null);
  const call =
    calls.data?.find((c) => c.postId === postId && c.status === 'open') ??
    calls.data?.find((c) => c.postId === postId);
  const awarded = Boolean(cmp.data?.rows.some((r) => r.bid.status === 'awarded'));
  const reload = async () => {
    await Promise.all([cmp.reload(), calls.reload()]);
  };
  const c = cmp.data;

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <div className="breadcrumb">Out-task / Bids</div>
          <h1>Bids</h1>
          <p className="lede">
            Open a job post to the portal’s out-taskers, or enter the bids it got on a marketplace; compare
            them side by side against what the task costs in-house, and award one. The award makes the
            contract.
          </p>
        </div>
      </div>
      {posts.error ? <ErrorBanner error={posts.error} onRetry={() => void posts.reload()} /> : null}
      {posts.data && posts.data.length === 0 ? (
        <EmptyState title="No job posts yet">
          Bids are taken on a job post:{' '}
          <Link to="/outtask/posts">compile one from a task’s approved procedure</Link>.
        </EmptyState>
      ) : null}
      {posts.data && posts.data.length > 0 ? (
        <Field label="Job post">
          {({ id }) => (
            <select
              id={id}
              value={postId}
              onChange={(e) => {
                setAward(null);
                setQuery({ post: e.target.value });
              }}
            >
              <option value="">Choose a post…</option>
              {posts.data!.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title && p.title !== p.taskName ? `${p.taskName}: ${p.title}` : p.taskName}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {!posts.data && posts.loading ? <Loading /> : null}

      {award ? (
        <div className="banner banner-success" role="status">
          <div>
            <strong>
              Awarded to {award.contract.outtaskerName}: {fmtMoney(award.contract.unitPrice, { cents: true })}{' '}
              a {award.contract.unit}, {award.contract.slaHours} hours.
            </strong>{' '}
            {award.declined > 0
              ? `${award.declined} other ${award.declined === 1 ? 'bid' : 'bids'} declined. `
              : ''}
            <Link to={`/work-orders/new?contract=${encodeURIComponent(award.contract.id)}`}>
              Send the first work order under this contract
            </Link>
          </div>
        </div>
      ) : null}

      {chosen && post.data ? (
        <>
          <section className="wo-section" aria-labelledby="bids-compare">
            <h2 id="bids-compare">Bids compared</h2>
            {cmp.error ? <ErrorBanner error={cmp.error} onRetry={() => void cmp.reload()} /> : null}
            {c ? (
              <>
                <p className="bids-basis">
                  In-house today: <strong>{fmtMoney(c.inHouseAnnualCost)} a year</strong> for{' '}
                  {fmtNumber(c.annualUnits, 0)} {pluralUnit(c.unit, c.annualUnits)} ({c.inHouseExplanation}).
                  Asked turnaround: {c.slaHours} hours.
                </p>
                <ComparisonTable cmp={c} awarded={awarded} onAward={setAwarding} />
                {c.rows[0]?.costExplanation ? (
                  <p className="faint bids-basis">
                    How a cost a year is counted (first row): {c.rows[0].costExplanation}
                  </p>
                ) : null}
              </>
            ) : (
              <Loading />
            )}
          </section>
          <section className="wo-section" aria-labelledby="bids-call">
            <h2 id="bids-call">Call for bids in the portal</h2>
            {calls.data ? (
              <CallPanel key={call?.id ?? 'none'} post={post.data} call={call} onChanged={reload} />
            ) : (
              <Loading />
            )}
          </section>
          {!awarded ? (
            <section className="wo-section" aria-labelledby="bids-enter">
              <h2 id="bids-enter">Enter a bid from a marketplace</h2>
              <EnterBid post={post.data} onEntered={reload} />
            </section>
          ) : null}
        </>
      ) : null}
      {chosen && post.error ? <ErrorBanner error={post.error} /> : null}

      {awarding && post.data && c ? (
        <AwardDialog
          row={awarding}
          post={post.data}
          slaHours={c.slaHours}
          onClose={() => setAwarding(null)}
          onAwarded={async (a) => {
            setAwarding(null);
            setAward(a);
            toast(`Awarded to ${a.contract.outtaskerName}`);
            await reload();
          }}
        />
      ) : null}
    </div>
  );
}
