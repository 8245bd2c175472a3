/** Steps 2–4's pages, registered in app/routes.tsx. */
import type { AppPage } from '../../app/page.ts';
import { FormsPage } from './pages/FormsPage.tsx';
import { ProceduresListPage } from './pages/ProceduresListPage.tsx';
import { TaskProcedurePage } from './pages/TaskProcedurePage.tsx';
import './procedures.css';

export const procedurePages: AppPage[] = [
  {
    path: '/procedures',
    title: 'Ways of working',
    render: () => <ProceduresListPage view="ways" />,
    nav: { step: 'standardize', label: 'Ways of working', order: 1 },
  },
  {
    path: '/forms',
    title: 'Forms',
    render: () => <FormsPage />,
    nav: { step: 'standardize', label: 'Forms', order: 2 },
  },
  {
    path: '/procedures/steps',
    title: 'Procedures',
    render: () => <ProceduresListPage view="procedures" />,
    nav: { step: 'deconstruct', label: 'Procedures', order: 1 },
  },
  {
    path: '/procedures/waste',
    title: 'Waste and savings',
    render: () => <ProceduresListPage view="savings" />,
    nav: { step: 'edit', label: 'Waste and savings', order: 1 },
  },
  {
    path: '/procedures/tasks/:taskId',
    title: 'Procedure',
    render: (p) => <TaskProcedurePage taskId={p.taskId!} />,
  },
];
