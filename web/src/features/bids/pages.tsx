/** Out-task → Out-taskers and Bids: who the firm hires, the bid comparison and the award. */
import type { AppPage } from '../../app/page.ts';
import { BidsPage } from './pages/BidsPage.tsx';
import { OuttaskersPage } from './pages/OuttaskersPage.tsx';
import './bids.css';

export const bidPages: AppPage[] = [
  {
    path: '/outtask/bids',
    title: 'Bids',
    render: () => <BidsPage />,
    nav: { step: 'outtask', label: 'Bids and award', order: 2 },
  },
  {
    path: '/outtask/outtaskers',
    title: 'Out-taskers',
    render: () => <OuttaskersPage />,
    nav: { step: 'outtask', label: 'Out-taskers', order: 3 },
  },
];
