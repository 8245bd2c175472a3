/** The team and settings page, registered in app/routes.tsx; reached from the user menu. */
import type { AppPage } from '../../app/page.ts';
import { TeamPage } from './pages/TeamPage.tsx';
import './team.css';

export const teamPages: AppPage[] = [
  { path: '/team', title: 'Team and settings', render: () => <TeamPage /> },
];
