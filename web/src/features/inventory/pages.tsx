/** Step 1's pages, registered in app/routes.tsx. */
import type { AppPage } from '../../app/page.ts';
import { ImportPage } from './pages/ImportPage.tsx';
import { InventoryPage } from './pages/InventoryPage.tsx';
import { OpportunitiesPage } from './pages/OpportunitiesPage.tsx';
import { TaskPage } from './pages/TaskPage.tsx';
import './inventory.css';

export const inventoryPages: AppPage[] = [
  {
    path: '/inventory',
    title: 'Inventory',
    render: () => <InventoryPage />,
    nav: { step: 'consolidate', label: 'Inventory', order: 1 },
  },
  {
    path: '/inventory/import',
    title: 'Import',
    render: () => <ImportPage />,
    nav: { step: 'consolidate', label: 'Import', order: 2 },
  },
  {
    path: '/opportunities',
    title: 'Opportunities',
    render: () => <OpportunitiesPage />,
    nav: { step: 'consolidate', label: 'Opportunities', order: 3 },
  },
  { path: '/inventory/tasks/:id', title: 'Task', render: (p) => <TaskPage id={p.id!} /> },
];
