/** The six steps of the out-tasking method: the spine of the navigation. */
export const METHOD_STEPS = [
  { id: 'consolidate', number: 1, name: 'Consolidate', hint: 'List every task and what it costs' },
  { id: 'standardise', number: 2, name: 'Standardise', hint: 'One way of doing each task' },
  { id: 'deconstruct', number: 3, name: 'Deconstruct', hint: 'The procedure as ordered steps' },
  { id: 'edit', number: 4, name: 'Edit', hint: 'Remove the steps done out of habit' },
  { id: 'automate', number: 5, name: 'Automate', hint: 'Let software prepare the hand-off' },
  { id: 'outtask', number: 6, name: 'Out-task', hint: 'Hire out-taskers and run the work' },
] as const;

export type MethodStepId = (typeof METHOD_STEPS)[number]['id'];
