/**
 * One work order: its terms and due time, materials and deliveries (with the counted units), what can
 * happen next, and — while a delivery waits — the review against the acceptance checklist with
 * quality and timeliness rated apart.
 */
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../../api/client.ts';
import { useApi } from '../../../api/useApi.ts';
import { Link } from '../../../app/router.tsx';
import { ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtDateTime, fmtMoney } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { EVENT_LABEL, FLAG_LABEL, minutesText, STATE_LABEL } from '../format.ts';
import type { WorkOrderDetail } from '../types.ts';

export function WorkOrderPage({ id }: { id: string }) {
  const detail = useApi<WorkOrderDetail>(`/work-orders/${encodeURIComponent(id)}`);
  const d = detail.data;
  usePageTitle(d ? `${d.order.ref} · ${d.order.title}` : 'Work order');
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [ticks, setTicks] = useState<Record<string, boolean>>({});
  const [comment, setComment] = useState('');
  const [quality, setQuality] = useState('');
  const [timeliness, setTimeliness] = useState('');
  const waiting = d?.order.state === 'delivered';
  useEffect(() => {
    if (d) setTicks(Object.fromEntries(d.order.acceptance.map((a) => [a, false])));
  }, [d]);

  const move = async (event: string) => {
    setBusy(true);
    try {
      await api.post(`/work-orders/${encodeURIComponent(id)}/transitions`, { event });
      toast(`${EVENT_LABEL[event] ?? event}: done`);
      await detail.reload();
    } catch (err) {
      toast(errorMessage(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  const review = async (outcome: 'approve' | 'request_changes') => {
    setBusy(true);
    try {
      await api.post(`/work-orders/${encodeURIComponent(id)}/review`, {
        outcome,
        checklist: Object.entries(ticks).map(([item, checked]) => ({ item, checked })),
        comment,
        ...(quality ? { qualityRating: Number(quality) } : {}),
        ...(timeliness ? { timelinessRating: Number(timeliness) } : {}),
      });
      toast(outcome === 'approve' ? 'Delivery approved' : 'Changes requested');
      setComment('');
      await detail.reload();
    } catch (err) {
      toast(errorMessage(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  if (detail.error) return <ErrorBanner error={detail.error} onRetry={() => void detail.reload()} />;
  if (!d) return <Loading />;
  const o = d.order;
  const flag = FLAG_LABEL[d.sla.flag];
  const price = { amountMinor: o.unitPriceMinor, currency: o.currency };
  const firmEvents = d.allowedEvents.filter((e) => e in EVENT_LABEL);
  return (
    <div className="page">
      <p>
        <Link to="/work-orders">← Work orders</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>
            {o.ref} · {o.title}
          </h1>
          <p className="lede">
            {STATE_LABEL[o.state]} · {o.outtaskerName} · {o.taskName}{' '}
            {flag ? <span className={`badge ${flag.tone}`}>{flag.text}</span> : null}
          </p>
        </div>
      </div>
      <dl className="wo-facts">
        <dt>Price</dt>
        <dd>
          {fmtMoney(price, { cents: true })} a {o.unit}; {o.unitsExpected} expected
        </dd>
        <dt>Due</dt>
        <dd>
          {d.dueText ?? `${o.slaHours} hours after it is sent`}
          {d.dueTextOuttasker ? <div className="faint">for the out-tasker: {d.dueTextOuttasker}</div> : null}
          {d.sla.minutesLeft !== null && d.sla.minutesLeft >= 0 ? (
            <div className="faint">{minutesText(d.sla.minutesLeft)} left</div>
          ) : null}
          {d.sla.latenessMinutes ? <div>{minutesText(d.sla.latenessMinutes)} late</div> : null}
        </dd>
        <dt>Revision rounds</dt>
        <dd>{o.revisionRounds}</dd>
        {o.approvedUnits !== null ? (
          <>
            <dt>Billed</dt>
            <dd>
              {o.approvedUnits} × {fmtMoney(price, { cents: true })} ={' '}
              {fmtMoney(
                { amountMinor: o.approvedUnits * o.unitPriceMinor, currency: o.currency },
                { cents: true },
              )}
            </dd>
          </>
        ) : null}
        {d.autoApprovalAt ? (
          <>
            <dt>Approved automatically</dt>
            <dd>{fmtDateTime(d.autoApprovalAt)} if not reviewed before</dd>
          </>
        ) : null}
      </dl>

      {firmEvents.length > 0 ? (
        <div className="wo-actions">
          {firmEvents.map((e) => (
            <button
              key={e}
              type="button"
              className={e === 'cancel' || e === 'decline' ? 'btn' : 'btn btn-primary'}
              disabled={busy}
              onClick={() => void move(e)}
            >
              {EVENT_LABEL[e]}
            </button>
          ))}
        </div>
      ) : null}

      {waiting ? (
        <section className="wo-section" aria-labelledby="wo-review">
          <h2 id="wo-review">Review the delivery</h2>
          <fieldset>
            <legend>Acceptance checklist</legend>
            <ul className="wo-checklist">
              {o.acceptance.map((item, n) => (
                <li key={item}>
                  <label>
                    <input
                      type="checkbox"
                      id={`wo-check-${n}`}
                      checked={ticks[item] === true}
                      onChange={(ev) => setTicks({ ...ticks, [item]: ev.target.checked })}
                    />{' '}
                    {item}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="wo-period">
            <label>
              Quality (1–5){' '}
              <select value={quality} onChange={(e) => setQuality(e.target.value)}>
                <option value="">not rated</option>
                {[5, 4, 3, 2, 1].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Timeliness (1–5){' '}
              <select value={timeliness} onChange={(e) => setTimeliness(e.target.value)}>
                <option value="">not rated</option>
                {[5, 4, 3, 2, 1].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label htmlFor="wo-comment">Comment for the out-tasker</label>
          <textarea id="wo-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
          <div className="wo-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() => void review('approve')}
            >
              Approve
            </button>
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() => void review('request_changes')}
            >
              Request changes
            </button>
          </div>
        </section>
      ) : null}

      <section className="wo-section" aria-labelledby="wo-deliveries">
        <h2 id="wo-deliveries">Deliveries</h2>
        {d.deliveries.length === 0 ? <p className="faint">Nothing delivered yet.</p> : null}
        {d.deliveries.map((dl) => (
          <div key={dl.id} className="wo-delivery">
            <h3>
              Round {dl.round} · {fmtDateTime(dl.deliveredAt)}
            </h3>
            {dl.units !== null ? (
              <p>
                {dl.units} {dl.unitsUnit}
                {dl.units === 1 ? '' : 's'} counted
                {dl.hiddenSlides.length > 0
                  ? ` (hidden slides not counted: ${dl.hiddenSlides.join(', ')})`
                  : ''}
              </p>
            ) : null}
            {dl.note ? <p>{dl.note}</p> : null}
            <ul>
              {d.files
                .filter((f) => f.deliveryId === dl.id)
                .map((f) => (
                  <li key={f.id}>
                    <a href={`/api/work-orders/${encodeURIComponent(id)}/files/${encodeURIComponent(f.id)}`}>
                      {f.name}
                    </a>
                  </li>
                ))}
            </ul>
            {dl.outcome ? (
              <p>
                <strong>
                  {dl.outcome === 'changes_requested'
                    ? 'Changes requested'
                    : dl.outcome === 'auto_approved'
                      ? 'Approved automatically'
                      : 'Approved'}
                </strong>
                {dl.reviewComment ? `: ${dl.reviewComment}` : ''}
              </p>
            ) : null}
          </div>
        ))}
      </section>

      <section className="wo-section" aria-labelledby="wo-materials">
        <h2 id="wo-materials">Materials</h2>
        <ul>
          {d.files
            .filter((f) => f.role === 'material')
            .map((f) => (
              <li key={f.id}>
                <a href={`/api/work-orders/${encodeURIComponent(id)}/files/${encodeURIComponent(f.id)}`}>
                  {f.name}
                </a>
                {f.redacted ? ' (redacted)' : ''}
              </li>
            ))}
        </ul>
      </section>

      <section className="wo-section" aria-labelledby="wo-history">
        <h2 id="wo-history">History</h2>
        <ol>
          {d.events.map((e) => (
            <li key={`${e.at}-${e.event}`}>
              {fmtDateTime(e.at)}: {STATE_LABEL[e.from]} → {STATE_LABEL[e.to]} (
              {e.actor === 'system' ? 'automatically' : e.actor === 'outtasker' ? 'out-tasker' : 'firm'})
              {e.note ? ` — ${e.note}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
