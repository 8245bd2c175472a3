/** The background jobs page, registered in app/routes.tsx. */
import type { AppPage } from '../../app/page.ts';
import { JobsPage } from './pages/JobsPage.tsx';
import './jobs.css';

export const jobPages: AppPage[] = [
  {
    path: '/jobs',
    title: 'Background jobs',
    render: () => <JobsPage />,
    nav: { step: 'automate', label: 'Background jobs', order: 9 },
  },
];
