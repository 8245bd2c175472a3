/** The work-order board: a column per state, open orders by due time, each with its SLA flag. */
import { useApi } from '../../../api/useApi.ts';
import { Link } from '../../../app/router.tsx';
import { EmptyState, ErrorBanner, Loading } from '../../../ui/feedback.tsx';
import { usePageTitle } from '../../../ui/usePageTitle.ts';
import { FLAG_LABEL, STATE_COLUMNS } from '../format.ts';
import type { BoardItem } from '../types.ts';

export function WorkOrderBoardPage() {
  usePageTitle('Work orders');
  const board = useApi<BoardItem[]>('/work-orders');
  const items = board.data ?? [];
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Work orders</h1>
          <p className="lede">
            Every order sent to an out-tasker, by state; the open ones by due time. The due time is counted
            from the contract’s turnaround in the order’s time zone.
          </p>
        </div>
        <div className="page-actions">
          <Link to="/work-orders/new" className="btn btn-primary">
            New work order
          </Link>
        </div>
      </div>
      {board.error ? <ErrorBanner error={board.error} onRetry={() => void board.reload()} /> : null}
      {!board.data && board.loading ? <Loading /> : null}
      {board.data && items.length === 0 ? (
        <EmptyState title="No work orders yet">
          Work orders are made under a contract, once a bid is awarded.
        </EmptyState>
      ) : null}
      {items.length > 0 ? (
        <div className="wo-board">
          {STATE_COLUMNS.map(([state, label]) => {
            const inState = items.filter((i) => i.order.state === state);
            if (inState.length === 0 && (state === 'cancelled' || state === 'draft')) return null;
            return (
              <section key={state} className="wo-column" aria-labelledby={`wo-col-${state}`}>
                <h2 id={`wo-col-${state}`}>
                  {label} <span className="faint">({inState.length})</span>
                </h2>
                {inState.map((i) => {
                  const flag = FLAG_LABEL[i.sla.flag];
                  return (
                    <Link key={i.order.id} className="wo-card" to={`/work-orders/${i.order.id}`}>
                      <div className="wo-ref">
                        {i.order.ref} · {i.order.title}
                      </div>
                      <div>{i.order.outtaskerName}</div>
                      {i.dueText ? <div className="wo-due faint">due {i.dueText}</div> : null}
                      {flag ? <span className={`badge ${flag.tone}`}>{flag.text}</span> : null}
                    </Link>
                  );
                })}
              </section>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
