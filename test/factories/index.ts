/**
 * Small factories for test data: a test builds the few rows its assertions depend on, so that the
 * demo workspace (src/demo) can change without changing any test but its own.
 */
export * from './accounts.ts';
export * from './ids.ts';
export * from './inventory.ts';
export * from './marketplace.ts';
export * from './procedures.ts';
export * from './scenarios.ts';
export * from './time-entries.ts';
