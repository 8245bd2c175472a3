/**
 * How property tests pick their random inputs. In CI (CI=true) every fast-check property runs with one
 * fixed seed, so CI goes red only when the code changed, and the same run reproduces anywhere. Locally,
 * and in `npm run test:fuzz` (OUTTASK_FUZZ=1, also in CI), each run draws a new seed and explores new
 * inputs. FC_SEED=<n> (and FC_PATH from a failure report) replays one run. fast-check puts the seed and
 * path of a failure in the error message, so a failing run always says how to replay it.
 */
import type { Parameters } from 'fast-check';

/** The seed CI runs every property with (any fixed number; changing it is a deliberate act). */
export const CI_SEED = 20_261_207;

export function fastCheckSettings(env: Record<string, string | undefined>): Parameters<unknown> {
  const fuzz = env.OUTTASK_FUZZ === '1';
  const replay = env.FC_SEED !== undefined && env.FC_SEED !== '' ? Number(env.FC_SEED) : undefined;
  if (replay !== undefined && !Number.isInteger(replay))
    throw new Error(`FC_SEED must be an integer, got ${env.FC_SEED}`);
  const seed = replay ?? (env.CI === 'true' && !fuzz ? CI_SEED : undefined);
  return {
    ...(seed !== undefined ? { seed } : {}),
    ...(replay !== undefined && env.FC_PATH ? { path: env.FC_PATH } : {}),
    // Fuzzing is for finding new failures: ten times the runs of a usual property.
    ...(fuzz ? { numRuns: 1_000 } : {}),
  };
}
