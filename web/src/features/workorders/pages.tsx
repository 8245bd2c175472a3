/** Out-task → work orders: the board, one order with its review, statements, the savings ledger. */
import type { AppPage } from '../../app/page.ts';
import '../bids/bids.css';
import { LedgerPage } from './pages/LedgerPage.tsx';
import { NewWorkOrderPage } from './pages/NewWorkOrderPage.tsx';
import { StatementsPage } from './pages/StatementsPage.tsx';
import { WorkOrderBoardPage } from './pages/WorkOrderBoardPage.tsx';
import { WorkOrderPage } from './pages/WorkOrderPage.tsx';
import './workorders.css';

export const workOrderPages: AppPage[] = [
  {
    path: '/work-orders',
    title: 'Work orders',
    render: () => <WorkOrderBoardPage />,
    nav: { step: 'outtask', label: 'Work orders', order: 5 },
  },
  // Before '/work-orders/:id', which would take "new" for an id.
  { path: '/work-orders/new', title: 'New work order', render: () => <NewWorkOrderPage /> },
  { path: '/work-orders/:id', title: 'Work order', render: (p) => <WorkOrderPage id={p.id!} /> },
  {
    path: '/statements',
    title: 'Statements',
    render: () => <StatementsPage />,
    nav: { step: 'outtask', label: 'Statements', order: 6 },
  },
  {
    path: '/savings-ledger',
    title: 'Savings ledger',
    render: () => <LedgerPage />,
    nav: { step: 'outtask', label: 'Savings ledger', order: 7 },
  },
];
