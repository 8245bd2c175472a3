/** Interview synthesis's page, registered in app/routes.tsx. */
import type { AppPage } from '../../app/page.ts';
import { SynthesisPage } from './pages/SynthesisPage.tsx';
import './interviews.css';

export const interviewPages: AppPage[] = [
  {
    path: '/interviews/synthesis',
    title: 'Interview synthesis',
    render: () => <SynthesisPage />,
    nav: { step: 'automate', label: 'Interview synthesis', order: 1 },
  },
];
