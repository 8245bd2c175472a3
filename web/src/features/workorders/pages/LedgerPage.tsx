/** The savings ledger: what was paid for approved work against what the same units cost in-house. */
import { useApi } from '../../../api/useApi.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { fmtMoney } from '../../../ui/format.ts';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import type { Ledger } from '../types.ts';

type Row = Ledger['total'];

function Rows({ caption, rows, total }: { caption: string; rows: Row[]; total: Row }) {
  return (
    <DataTable>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption === 'By task' ? 'Task' : 'Month'}</th>
          <th scope="col" className="num">
            Orders
          </th>
          <th scope="col" className="num">
            Units
          </th>
          <th scope="col" className="num">
            Paid
          </th>
          <th scope="col" className="num">
            In-house cost
          </th>
          <th scope="col" className="num">
            Saved
          </th>
        </tr>
      </thead>
      <tbody>
        {[...rows, total].map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num">{r.orders}</td>
            <td className="num">{r.units}</td>
            <td className="num">{fmtMoney(r.paid)}</td>
            <td className="num">
              {fmtMoney(r.inHouse)}
              {r.uncosted > 0 ? (
                <span className="faint"> ({r.uncosted} without an in-house cost)</span>
              ) : null}
            </td>
            <td className="num">{fmtMoney(r.saving)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

export function LedgerPage() {
  usePageTitle('Savings ledger');
  const ledger = useApi<Ledger>('/work-orders/ledger');
  const l = ledger.data;
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Savings ledger</h1>
          <p className="lede">
            Approved work: what was paid against what the same units cost in-house (step 1: the task’s
            in-house cost a year over the units it makes a year).
          </p>
        </div>
      </div>
      {ledger.error ? <ErrorBanner error={ledger.error} onRetry={() => void ledger.reload()} /> : null}
      {!l && ledger.loading ? <Loading /> : null}
      {l && l.total.orders === 0 ? (
        <EmptyState title="Nothing approved yet">Approved work orders appear here.</EmptyState>
      ) : null}
      {l && l.total.orders > 0 ? (
        <>
          <p>
            Saved so far: <strong>{fmtMoney(l.total.saving)}</strong> on {fmtMoney(l.total.paid)} paid.
          </p>
          <Rows caption="By task" rows={l.byTask} total={l.total} />
          <Rows caption="By month" rows={l.byMonth} total={l.total} />
        </>
      ) : null}
    </div>
  );
}
