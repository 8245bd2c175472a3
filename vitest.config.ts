import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // fast-check: one fixed seed in CI, a new one locally and in `npm run test:fuzz`.
    setupFiles: ['test/setup/fast-check.ts'],
    // Browser and server steps poll; 1 s (the default) is too short when CI shares two cores.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
