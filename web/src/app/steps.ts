/**
 * The six steps of the out-tasking method: the spine of the navigation, and the stage a task has
 * reached in them (derived by the server from its data).
 */
import type { Stage } from '../features/procedures/types.ts';

export const METHOD_STEPS = [
  { id: 'consolidate', number: 1, name: 'Consolidate', hint: 'List every task and what it costs' },
  { id: 'standardize', number: 2, name: 'Standardize', hint: 'One way of doing each task' },
  { id: 'deconstruct', number: 3, name: 'Deconstruct', hint: 'The procedure as ordered steps' },
  { id: 'edit', number: 4, name: 'Edit', hint: 'Remove the steps done out of habit' },
  { id: 'automate', number: 5, name: 'Automate', hint: 'Let software prepare the hand-off' },
  { id: 'outtask', number: 6, name: 'Out-task', hint: 'Hire out-taskers and run the work' },
] as const;

export type MethodStepId = (typeof METHOD_STEPS)[number]['id'];

/** The stages in the method's order: the n-th is reached at step n. */
export const STAGE_ORDER: Stage[] = [
  'consolidated',
  'homogenized',
  'deconstructed',
  'edited',
  'automated',
  'outtasked',
];

export const STAGE_LABEL: Record<Stage, string> = {
  consolidated: 'Consolidated',
  homogenized: 'Homogenized',
  deconstructed: 'Deconstructed',
  edited: 'Edited',
  automated: 'Automated',
  outtasked: 'Out-tasked',
};
