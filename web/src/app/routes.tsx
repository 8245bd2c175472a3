/**
 * The page registry. Each feature exports its pages (path, title, what to render, and where it sits in
 * the navigation) and is added here in one line; the shell builds the navigation from this list, so a
 * step shows links only for pages that exist.
 */
import { bidPages } from '../features/bids/pages.tsx';
import { interviewPages } from '../features/interviews/pages.tsx';
import { inventoryPages } from '../features/inventory/pages.tsx';
import { jobPages } from '../features/jobs/pages.tsx';
import { pipelinePages } from '../features/pipelines/pages.tsx';
import { postPages } from '../features/posts/pages.tsx';
import { procedurePages } from '../features/procedures/pages.tsx';
import { teamPages } from '../features/team/pages.tsx';
import { workOrderPages } from '../features/workorders/pages.tsx';
import type { AppPage } from './page.ts';

export const PAGES: AppPage[] = [
  ...inventoryPages,
  ...procedurePages,
  ...interviewPages,
  ...pipelinePages,
  ...jobPages,
  ...postPages,
  ...bidPages,
  ...teamPages,
  ...workOrderPages,
];
