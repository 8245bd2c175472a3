/** Automate → Pipelines: the intake pipelines' pages, registered in app/routes.tsx. */
import type { AppPage } from '../../app/page.ts';
import { PipelinePage } from './pages/PipelinePage.tsx';
import { PipelinesPage } from './pages/PipelinesPage.tsx';
import { ReviewPage } from './pages/ReviewPage.tsx';
import { RunPage } from './pages/RunPage.tsx';
import './pipelines.css';

export const pipelinePages: AppPage[] = [
  {
    path: '/automate/pipelines',
    title: 'Pipelines',
    render: () => <PipelinesPage />,
    nav: { step: 'automate', label: 'Intake pipelines', order: 2 },
  },
  { path: '/automate/pipelines/:id', title: 'Pipeline', render: (p) => <PipelinePage id={p.id!} /> },
  { path: '/automate/runs/:id', title: 'Run', render: (p) => <RunPage id={p.id!} /> },
  { path: '/automate/runs/:id/review', title: 'Redaction review', render: (p) => <ReviewPage id={p.id!} /> },
];
