/**
 * The page registry. Each feature exports its pages (path, title, what to render, and where it sits in
 * the navigation) and is added here in one line; the shell builds the navigation from this list, so a
 * step shows links only for pages that exist.
 */
import type { ReactNode } from 'react';
import { interviewPages } from '../features/interviews/pages.tsx';
import { procedurePages } from '../features/procedures/pages.tsx';
import { inventoryPages } from '../inventory/pages.tsx';
import type { Params } from './router.tsx';
import type { MethodStepId } from './steps.ts';

export interface AppPage {
  /** Path pattern, e.g. "/inventory/tasks/:id". Ids belong in the URL, never on screen. */
  path: string;
  /** Document title until the page sets a better one (usePageTitle). */
  title: string;
  render(params: Params): ReactNode;
  /** Present for pages that get a link in the navigation, under their method step. */
  nav?: {
    step: MethodStepId;
    label: string;
    /** Order within the step (ascending). */
    order: number;
  };
}

export const PAGES: AppPage[] = [...inventoryPages, ...procedurePages, ...interviewPages];

/** Where "/" leads once signed in. */
export const HOME_PATH = '/opportunities';
