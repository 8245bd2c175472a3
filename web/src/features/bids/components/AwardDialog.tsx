/**
 * The award: the contract's turnaround (the bid's own when within the SLA asked) and its acceptance
 * criteria (the post's), then the server makes the contract once per post and declines the other bids.
 */
import { type FormEvent, useState } from 'react';
import { api, errorMessage } from '../../../api/client.ts';
import { Dialog } from '../../../ui/Dialog.tsx';
import { fmtMoney } from '../../../ui/format.ts';
import type { JobPost } from '../../posts/types.ts';
import type { Award, ComparisonRow } from '../types.ts';

export function AwardDialog({
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
