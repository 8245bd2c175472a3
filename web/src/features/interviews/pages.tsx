/** Interview synthesis's page, registered in app/routes.tsx. */
import type { AppPage } from '../../app/page.ts';
import { SavedSynthesesPage } from './pages/SavedSynthesesPage.tsx';
import { SavedSynthesisPage } from './pages/SavedSynthesisPage.tsx';
import { SynthesisPage } from './pages/SynthesisPage.tsx';
import './interviews.css';

export const interviewPages: AppPage[] = [
  {
    path: '/interviews/synthesis',
    title: 'Interview synthesis',
    render: () => <SynthesisPage />,
    nav: { step: 'automate', label: 'Interview synthesis', order: 1 },
  },
  {
    path: '/interviews/syntheses',
    title: 'Saved syntheses',
    render: () => <SavedSynthesesPage />,
    nav: { step: 'automate', label: 'Saved syntheses', order: 1.5 },
  },
  {
    path: '/interviews/syntheses/:id',
    title: 'Saved synthesis',
    render: (p) => <SavedSynthesisPage id={p.id!} />,
  },
];
