/** The bids side by side: price in the firm's currency, turnaround against the SLA, cost and saving a year, record. */
import { DataTable } from '../../../ui/DataTable.tsx';
import { EmptyState } from '../../../ui/feedback.tsx';
import { fmtDate, fmtMoney, fmtNumber, fmtPercent } from '../../../ui/format.ts';
import type { Comparison, ComparisonRow } from '../types.ts';

const STATUS: Record<string, string> = {
  open: 'Open',
  awarded: 'Awarded',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

function recordText(r: ComparisonRow['record']): string {
  if (!r || r.orders === 0) return 'No orders with you yet';
  const parts = [`${r.orders} ${r.orders === 1 ? 'order' : 'orders'}`];
  if (r.onTimeShare !== null) parts.push(`${fmtPercent(r.onTimeShare)} on time`);
  if (r.revisionsPerOrder !== null) parts.push(`${fmtNumber(r.revisionsPerOrder)} revisions an order`);
  return parts.join(' · ');
}

export function ComparisonTable({
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
