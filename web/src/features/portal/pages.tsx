/**
 * The out-tasker portal's pages: a registry apart from the firm's (app/routes.tsx), shown in the
 * portal's own frame to a signed-in out-tasker; the join page is public (the one-time link).
 */
import type { AppPage } from '../../app/page.ts';
import { StatementsPage } from '../workorders/pages/StatementsPage.tsx';
import { PortalHomePage } from './pages/PortalHomePage.tsx';
import { PortalWorkOrderPage } from './pages/PortalWorkOrderPage.tsx';
import './portal.css';
import '../workorders/workorders.css';

export { PortalShell } from './PortalShell.tsx';
export { JoinPage } from './pages/JoinPage.tsx';

export const PORTAL_HOME = '/portal';
export const PORTAL_JOIN = '/portal/join';

export const portalPages: AppPage[] = [
  { path: '/portal', title: 'Your work', render: () => <PortalHomePage /> },
  {
    path: '/portal/work-orders/:id',
    title: 'Work order',
    render: (p) => <PortalWorkOrderPage id={p.id!} />,
  },
  { path: '/portal/statements', title: 'Your statements', render: () => <StatementsPage forOuttasker /> },
];
