import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCandidate, isSettled, isTemporaryName, observe } from './settle.ts';

describe('temporary names', () => {
  it('ignores what sync clients and editors write before the real file', () => {
    for (const n of [
      '.interview.m4a',
      '.dropbox.cache',
      '.syncthing.interview.m4a.tmp',
      'interview.m4a.part',
      'interview.m4a.crdownload',
      'interview.m4a.tmp',
      '~$notes.docx',
      'notes.docx~',
      'interview.m4a.partial',
    ])
      expect(isTemporaryName(n), n).toBe(true);
    for (const n of ['interview.m4a', 'notes.docx', '10_joanne.vtt'])
      expect(isTemporaryName(n), n).toBe(false);
  });

  it('takes only the kinds of file a pipeline reads', () => {
    expect(isCandidate('interview.m4a')).toBe(true);
    expect(isCandidate('notes.vtt')).toBe(true);
    expect(isCandidate('budget.xlsx')).toBe(false);
    expect(isCandidate('interview.m4a.part')).toBe(false);
  });
});

describe('settling', () => {
  const f = (size: number, mtimeMs: number) => ({ path: '/in/a.m4a', size, mtimeMs });

  it('waits until size and mtime stay the same for the settle time', () => {
    let obs = observe(new Map(), [f(100, 1000)], 1000);
    expect(isSettled(obs.get('/in/a.m4a')!, 1000, 5000)).toBe(false);
    obs = observe(obs, [f(200, 3000)], 3000); // still growing: starts again
    expect(obs.get('/in/a.m4a')!.since).toBe(3000);
    expect(isSettled(obs.get('/in/a.m4a')!, 7999, 5000)).toBe(false);
    obs = observe(obs, [f(200, 3000)], 8000);
    expect(isSettled(obs.get('/in/a.m4a')!, 8000, 5000)).toBe(true);
  });

  it('never calls an empty file settled, and forgets files that went away', () => {
    const obs = observe(new Map(), [f(0, 0)], 0);
    expect(isSettled(obs.get('/in/a.m4a')!, 60_000, 5000)).toBe(false);
    expect(observe(obs, [], 1).size).toBe(0);
  });

  it('settles a file only after a quiet period as long as the settle time, however its writes arrive', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ gap: fc.integer({ min: 1, max: 4000 }), grow: fc.integer({ min: 0, max: 3 }) }),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        (steps) => {
          let obs = new Map<string, ReturnType<typeof observe> extends Map<string, infer O> ? O : never>();
          let now = 0;
          let size = 1;
          let mtime = 0;
          let lastChange = 0;
          for (const s of steps) {
            now += s.gap;
            if (s.grow > 0) {
              size += s.grow;
              mtime = now;
              lastChange = now;
            }
            obs = observe(obs, [f(size, mtime)], now);
            const settled = isSettled(obs.get('/in/a.m4a')!, now, 5000);
            if (settled) expect(now - lastChange).toBeGreaterThanOrEqual(5000);
          }
        },
      ),
      { seed: 20261207 },
    );
  });
});
