import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CI_SEED, fastCheckSettings } from './fast-check-settings.ts';

describe('fast-check settings', () => {
  it('fixes the seed in CI, draws a new one locally and when fuzzing', () => {
    expect(fastCheckSettings({ CI: 'true' })).toEqual({ seed: CI_SEED });
    expect(fastCheckSettings({})).toEqual({});
    expect(fastCheckSettings({ CI: 'true', OUTTASK_FUZZ: '1' })).toEqual({ numRuns: 1_000 });
    expect(fastCheckSettings({ FC_SEED: '1143888585', FC_PATH: '3:1' })).toEqual({
      seed: 1143888585,
      path: '3:1',
    });
    expect(() => fastCheckSettings({ FC_SEED: 'abc' })).toThrow(/FC_SEED must be an integer/);
  });

  it('is what this run uses (the setup file applied it)', () => {
    const expected = fastCheckSettings(process.env);
    expect(fc.readConfigureGlobal()).toMatchObject(expected);
  });

  it('puts the seed of a failure in the error, so it can be replayed', () => {
    let message = '';
    try {
      fc.assert(fc.property(fc.integer(), (n) => n < 10));
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/seed: -?\d+, path: "[\d:]+"/);
  });
});
