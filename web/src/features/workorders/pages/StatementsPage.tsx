/** Statements per out-tasker for a period (this month by default), with CSV and XLSX downloads. */
import { useState } from 'react';
import { useApi } from '../../../api/useApi.ts';
import { useMe } from '../../../app/session.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtMoney } from '../../../ui/format.ts';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { fiscalStartMonthOf, fiscalYearOf, localToday } from '../../team/fiscalYear.ts';
import type { Statement } from '../types.ts';

function thisMonth(): { from: string; to: string } {
  const now = new Date();
  const y = now.getFullYear();
  const m = now.getMonth() + 1;
  const last = new Date(y, m, 0).getDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}

/** `forOuttasker`: the portal's page (the server answers the out-tasker's own statement only). */
export function StatementsPage({ forOuttasker = false }: { forOuttasker?: boolean }) {
  usePageTitle(forOuttasker ? 'Your statements' : 'Statements');
  const [period, setPeriod] = useState(thisMonth);
  // The firm's fiscal year (its first month is set on the team screen).
  const fiscal = fiscalYearOf(localToday(), fiscalStartMonthOf(useMe().workspace.settings));
  const q = `from=${period.from}&to=${period.to}`;
  const list = useApi<Statement[]>(`/work-orders/statements?${q}`);
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{forOuttasker ? 'Your statements' : 'Statements'}</h1>
          <p className="lede">
            {forOuttasker
              ? 'What the firm owes you: approved units × your unit price, for orders approved in the period.'
              : 'What each out-tasker is owed: approved units × unit price, for orders approved in the period.'}
          </p>
        </div>
      </div>
      <div className="wo-period">
        <label>
          From{' '}
          <input
            type="date"
            value={period.from}
            onChange={(e) => setPeriod({ ...period, from: e.target.value })}
          />
        </label>
        <label>
          To{' '}
          <input
            type="date"
            value={period.to}
            onChange={(e) => setPeriod({ ...period, to: e.target.value })}
          />
        </label>
        <button type="button" className="btn" onClick={() => setPeriod(thisMonth())}>
          This month
        </button>
        <button type="button" className="btn" onClick={() => setPeriod({ from: fiscal.from, to: fiscal.to })}>
          Fiscal year {fiscal.label}
        </button>
        <a className="btn" href={`/api/work-orders/statements/export?${q}&format=csv`}>
          Download CSV
        </a>
        <a className="btn" href={`/api/work-orders/statements/export?${q}&format=xlsx`}>
          Download Excel
        </a>
      </div>
      {list.error ? <ErrorBanner error={list.error} onRetry={() => void list.reload()} /> : null}
      {!list.data && list.loading ? <Loading /> : null}
      {list.data && list.data.length === 0 ? (
        <EmptyState title="No approved work in this period">Approved work orders appear here.</EmptyState>
      ) : null}
      {(list.data ?? []).map((s) => (
        <section
          key={`${s.outtaskerId}-${s.currency}`}
          className="wo-section"
          aria-labelledby={`st-${s.outtaskerId}`}
        >
          <h2 id={`st-${s.outtaskerId}`}>
            {s.outtaskerName}: {fmtMoney(s.total, { cents: true })}
          </h2>
          <DataTable>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Approved on</th>
                <th scope="col" className="num">
                  Units
                </th>
                <th scope="col" className="num">
                  Unit price
                </th>
                <th scope="col" className="num">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {s.lines.map((l) => (
                <tr key={l.workOrderId}>
                  <td>
                    {l.ref} · {l.title}
                  </td>
                  <td>{l.approvedOn}</td>
                  <td className="num">
                    {l.units} {l.unit}
                    {l.units === 1 ? '' : 's'}
                  </td>
                  <td className="num">{fmtMoney(l.unitPrice, { cents: true })}</td>
                  <td className="num">{fmtMoney(l.amount, { cents: true })}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">Total</th>
                <td />
                <td className="num">{s.units}</td>
                <td />
                <td className="num">{fmtMoney(s.total, { cents: true })}</td>
              </tr>
            </tbody>
          </DataTable>
        </section>
      ))}
    </div>
  );
}
