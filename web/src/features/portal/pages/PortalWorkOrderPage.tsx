/**
 * One of the out-tasker's work orders: the terms and the due time in their zone, accept or decline a
 * sent order, the hand-off package and each material, the firm's review comments, and the delivery —
 * files and a note; for a deck the server counts the slides (hidden ones apart) as the billed units.
 */
import { type FormEvent, useRef, useState } from 'react';
import { api, errorMessage } from '../../../api/client.ts';
import { toUploads } from '../../../api/files.ts';
import { useApi } from '../../../api/useApi.ts';
import { Link } from '../../../app/router.tsx';
import { ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtBytes, fmtDateTime, fmtMoney, pluralUnit } from '../../../ui/format.ts';
import { useToast } from '../../../ui/toast.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { FLAG_LABEL, minutesText, STATE_LABEL } from '../../workorders/format.ts';
import type { Delivery, WorkOrderDetail } from '../../workorders/types.ts';

const DELIVERABLE = new Set(['accepted', 'changes_requested']);

function unitsText(d: Delivery): string | null {
  if (d.units === null) return null;
  const unit = d.unitsUnit ?? 'unit';
  const hidden = d.hiddenSlides.length ? ` (hidden slides not counted: ${d.hiddenSlides.join(', ')})` : '';
  return `${d.units} ${pluralUnit(unit, d.units)} counted${hidden}`;
}

export function PortalWorkOrderPage({ id }: { id: string }) {
  const path = `/work-orders/${encodeURIComponent(id)}`;
  const detail = useApi<WorkOrderDetail>(path);
  const d = detail.data;
  usePageTitle(d ? `${d.order.ref} · ${d.order.title}` : 'Work order');
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  const move = async (event: 'accept' | 'decline') => {
    setBusy(true);
    try {
      await api.post(`${path}/transitions`, { event });
      toast(event === 'accept' ? 'Accepted: the order is yours' : 'Declined');
      await detail.reload();
    } catch (err) {
      toast(errorMessage(err), 'error');
    } finally {
      setBusy(false);
    }
  };

  const deliver = async (e: FormEvent) => {
    e.preventDefault();
    if (files.length === 0) {
      setProblem('Choose the files to deliver (the deck as a .pptx).');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const delivery = await api.post<Delivery>(`${path}/deliveries`, {
        note,
        files: await toUploads(files),
      });
      toast(`Delivered${unitsText(delivery) ? `: ${unitsText(delivery)}` : ''}`);
      setNote('');
      setFiles([]);
      if (picker.current) picker.current.value = '';
      await detail.reload();
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (detail.error) return <ErrorBanner error={detail.error} onRetry={() => void detail.reload()} />;
  if (!d) return <Loading />;
  const o = d.order;
  const flag = FLAG_LABEL[d.sla.flag];
  const price = { amountMinor: o.unitPriceMinor, currency: o.currency };
  const materials = d.files.filter((f) => f.role === 'material');
  const lastReview = [...d.deliveries].reverse().find((x) => x.outcome === 'changes_requested');
  const fileUrl = (fileId: string) => `/api${path}/files/${encodeURIComponent(fileId)}`;

  return (
    <div className="page">
      <p>
        <Link to="/portal">← Your work</Link>
      </p>
      <h1>
        {o.ref} · {o.title}
      </h1>
      <p className="lede">
        {o.state === 'sent' ? 'Waiting for you to accept' : STATE_LABEL[o.state]} · {o.taskName}{' '}
        {flag ? <span className={`badge ${flag.tone}`}>{flag.text}</span> : null}
      </p>

      <dl className="wo-facts">
        <dt>Price</dt>
        <dd>
          {fmtMoney(price, { cents: true })} a {o.unit}; {o.unitsExpected}{' '}
          {pluralUnit(o.unit, o.unitsExpected)} expected
        </dd>
        <dt>Due</dt>
        <dd>
          {d.dueTextOuttasker ?? `${o.slaHours} hours after it is sent`}
          {d.sla.minutesLeft !== null && d.sla.minutesLeft >= 0 ? (
            <div className="faint">{minutesText(d.sla.minutesLeft)} left</div>
          ) : null}
        </dd>
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
      </dl>

      {d.allowedEvents.includes('accept') ? (
        <div className="portal-actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={() => void move('accept')}
          >
            Accept the order
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => void move('decline')}>
            Decline
          </button>
        </div>
      ) : null}

      {o.instructions ? (
        <section className="portal-section" aria-labelledby="po-instructions">
          <h2 id="po-instructions">Instructions</h2>
          <p className="portal-comment">{o.instructions}</p>
        </section>
      ) : null}

      <section className="portal-section" aria-labelledby="po-handoff">
        <h2 id="po-handoff">Hand-off package</h2>
        <p>
          <a className="btn" href={`/api${path}/package`} download>
            Download the hand-off package (ZIP)
          </a>
        </p>
        <p className="faint">
          The brief, the materials, and the acceptance checklist the firm reviews against.
        </p>
        {materials.length > 0 ? (
          <ul>
            {materials.map((f) => (
              <li key={f.id}>
                <a href={fileUrl(f.id)}>{f.name}</a> <span className="faint">({fmtBytes(f.size)})</span>
                {f.redacted ? ' · names taken out' : ''}
              </li>
            ))}
          </ul>
        ) : null}
        {o.acceptance.length ? (
          <>
            <h3>Acceptance checklist</h3>
            <ul>
              {o.acceptance.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {o.state === 'changes_requested' && lastReview ? (
        <section className="portal-section" aria-labelledby="po-changes">
          <h2 id="po-changes">Changes the firm asked for</h2>
          {lastReview.reviewComment ? <p className="portal-comment">{lastReview.reviewComment}</p> : null}
          {lastReview.checklist.some((c) => !c.checked) ? (
            <>
              <h3>Not yet met</h3>
              <ul>
                {lastReview.checklist
                  .filter((c) => !c.checked)
                  .map((c) => (
                    <li key={c.item}>{c.item}</li>
                  ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {DELIVERABLE.has(o.state) ? (
        <section className="portal-section portal-deliver" aria-labelledby="po-deliver">
          <h2 id="po-deliver">{o.state === 'changes_requested' ? 'Deliver again' : 'Deliver'}</h2>
          <form onSubmit={deliver} noValidate>
            <div className="field">
              <label htmlFor="po-files">Files</label>
              <input
                id="po-files"
                ref={picker}
                type="file"
                multiple
                aria-describedby="po-files-hint"
                onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
              />
              <div className="field-hint" id="po-files-hint">
                For a deck, the .pptx: its slides are counted as the billed {pluralUnit(o.unit)} (hidden
                slides are not).
              </div>
            </div>
            <div className="field">
              <label htmlFor="po-note">Note to the firm</label>
              <textarea id="po-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
            </div>
            {problem ? (
              <div className="banner banner-error" role="alert">
                {problem}
              </div>
            ) : null}
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? 'Delivering…' : 'Deliver'}
            </button>
          </form>
        </section>
      ) : null}

      <section className="portal-section" aria-labelledby="po-deliveries">
        <h2 id="po-deliveries">Your deliveries</h2>
        {d.deliveries.length === 0 ? <p className="faint">Nothing delivered yet.</p> : null}
        {d.deliveries.map((dl) => (
          <div key={dl.id} className="wo-delivery">
            <h3>
              Round {dl.round} · {fmtDateTime(dl.deliveredAt)}
            </h3>
            {unitsText(dl) ? <p>{unitsText(dl)}</p> : null}
            <ul>
              {d.files
                .filter((f) => f.deliveryId === dl.id)
                .map((f) => (
                  <li key={f.id}>
                    <a href={fileUrl(f.id)}>{f.name}</a>
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
            ) : (
              <p className="faint">Waiting for the firm’s review.</p>
            )}
          </div>
        ))}
      </section>
    </div>
  );
}
