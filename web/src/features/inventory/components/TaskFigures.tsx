/**
 * A task's figures, each with how it is made: what it costs a year in-house and out-tasked (with the
 * formulas filled in), and whose hours it takes and frees.
 */
import type { TaskDetail } from '../../../api/types.ts';
import { Link } from '../../../app/router.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { fmtDate, fmtHours, fmtMoney, fmtNumber } from '../../../ui/format.ts';
import '../task.css';

const BASIS_BADGE = {
  procedure: <span className="badge badge-accent">Approved procedure</span>,
  measured: <span className="badge badge-accent">Measured</span>,
  estimate: <span className="badge">Estimate</span>,
  unknown: <span className="badge badge-warning">Unknown</span>,
} as const;

function Figure({
  name,
  amount,
  formula,
  total,
}: {
  name: string;
  amount: string;
  formula?: string;
  total?: boolean;
}) {
  return (
    <div className={total ? 'figure figure-total' : 'figure'}>
      <div>
        <div className="figure-name">{name}</div>
        {formula ? <span className="formula">{formula}</span> : null}
      </div>
      <div className="figure-amount">{amount}</div>
    </div>
  );
}

export function CostBreakdown({ d }: { d: TaskDetail }) {
  const e = d.opportunity.economics;
  const ih = e.inHouse;
  return (
    <section className="card" aria-labelledby="cost-title">
      <div className="card-head">
        <h2 id="cost-title">What it costs a year</h2>
      </div>
      <h3 className="subhead">In-house {BASIS_BADGE[ih.basis]}</h3>
      <p className="muted small">{e.occurrencesFormula}</p>
      {ih.standard ? (
        <Figure
          name={`Approved procedure, version ${ih.standard.versionNumber}`}
          amount={fmtMoney(ih.standard.annualCost)}
          formula={ih.standard.formula}
        />
      ) : null}
      {ih.measured ? (
        <Figure
          name={ih.standard ? 'Measured time (for comparison)' : 'Measured time'}
          amount={fmtMoney(ih.measured.amount)}
          formula={ih.measured.formula}
        />
      ) : null}
      {ih.estimate ? (
        <Figure
          name={ih.measured || ih.standard ? 'Estimate (for comparison)' : 'Estimate'}
          amount={fmtMoney(ih.estimate.amount)}
          formula={ih.estimate.formula}
        />
      ) : null}
      {ih.basis === 'unknown' ? <p className="explain">{ih.explanation}</p> : null}
      <Figure
        name={
          ih.basis === 'procedure'
            ? `Current cost, ${fmtHours(ih.annualHours)} of the firm's time a year`
            : `In-house, ${fmtHours(ih.annualHours)} a year`
        }
        amount={fmtMoney(ih.annualCost)}
        total
      />

      <h3 className="subhead">Out-tasked</h3>
      {e.outTasked ? (
        <>
          <Figure
            name="Marketplace"
            amount={fmtMoney(e.outTasked.marketplaceSpend.amount)}
            formula={e.outTasked.marketplaceSpend.formula}
          />
          <Figure
            name="Platform fee"
            amount={fmtMoney(e.outTasked.platformFee.amount)}
            formula={e.outTasked.platformFee.formula}
          />
          <Figure
            name={e.outTasked.review.reviewerName ? `Review by ${e.outTasked.review.reviewerName}` : 'Review'}
            amount={fmtMoney(e.outTasked.review.amount)}
            formula={e.outTasked.review.formula}
          />
          <Figure name="Out-tasked" amount={fmtMoney(e.outTasked.annualCost)} total />
        </>
      ) : (
        <p className="explain">{e.notOutTaskableReason}</p>
      )}

      <h3 className="subhead">Saving</h3>
      <p className={e.annualSaving && e.annualSaving.amountMinor < 0 ? 'explain negative' : 'explain'}>
        {e.savingExplanation}
      </p>
    </section>
  );
}

export function PeopleCard({ d }: { d: TaskDetail }) {
  const e = d.opportunity.economics;
  return (
    <section className="card" aria-labelledby="people-title">
      <div className="card-head">
        <h2 id="people-title">Whose hours</h2>
      </div>
      <h3 className="subhead">Measured time per person</h3>
      {d.measurements.length === 0 ? (
        <p className="muted">
          No time entries imported for this task yet. <Link to="/inventory/import">Import</Link> a Harvest,
          Toggl Track or Clockify report to replace the estimate with the hours people really spend.
        </p>
      ) : (
        <DataTable flat>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col" className="num">
                Hours
              </th>
              <th scope="col" className="num">
                Entries
              </th>
              <th scope="col" className="num">
                Cost
              </th>
              <th scope="col" className="hide-md">
                Period
              </th>
            </tr>
          </thead>
          <tbody>
            {d.measurements.map((m) => (
              <tr key={`${m.memberId ?? ''}:${m.memberName}`}>
                <td>{m.memberName}</td>
                <td className="num">{fmtHours(m.minutes / 60)}</td>
                <td className="num">{fmtNumber(m.entries)}</td>
                <td className="num">{fmtMoney(m.cost)}</td>
                <td className="hide-md nowrap">
                  {fmtDate(m.firstDate)} – {fmtDate(m.lastDate)}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <h3 className="subhead">Hours freed a year if out-tasked</h3>
      {e.hoursFreed.length === 0 ? (
        <p className="muted">
          {e.outTaskable
            ? 'Nobody’s time is counted on this task yet.'
            : 'Out-tasking is not possible yet, so no hours are freed.'}
        </p>
      ) : (
        <DataTable flat>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col" className="num">
                In-house
              </th>
              <th scope="col" className="num">
                Reviewing
              </th>
              <th scope="col" className="num">
                Freed
              </th>
            </tr>
          </thead>
          <tbody>
            {e.hoursFreed.map((h) => (
              <tr key={`${h.memberId ?? ''}:${h.memberName}`}>
                <td>
                  {h.memberName}
                  {h.role === 'founder' ? (
                    <span className="badge badge-accent" style={{ marginLeft: 8 }}>
                      Founder
                    </span>
                  ) : null}
                </td>
                <td className="num">{fmtHours(h.inHouseHours)}</td>
                <td className="num">{fmtHours(h.reviewHours)}</td>
                <td className={h.hoursFreed >= 0 ? 'num positive' : 'num negative'}>
                  {fmtHours(h.hoursFreed)}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}
