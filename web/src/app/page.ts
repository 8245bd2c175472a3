/**
 * What a feature's page is, for the registry (app/routes.tsx) and the shell's navigation. Apart from the
 * registry, so that the features' page lists and the registry do not import each other.
 */
import type { ReactNode } from 'react';
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

/** Where "/" leads once signed in. */
export const HOME_PATH = '/opportunities';
