/** Out-task → Posts: job posts compiled from approved procedures, rendered per marketplace. */
import type { AppPage } from '../../app/page.ts';
import { PostsPage } from './pages/PostsPage.tsx';
import './posts.css';

export const postPages: AppPage[] = [
  {
    path: '/outtask/posts',
    title: 'Job posts',
    render: () => <PostsPage />,
    nav: { step: 'outtask', label: 'Job posts', order: 1 },
  },
];
