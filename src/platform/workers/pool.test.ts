import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { createWorkerPool } from './pool.ts';

const TASKS = 'src/platform/workers/pool.test-worker.ts';

describe('worker pool', () => {
  const pool = createWorkerPool({ size: 2 });
  afterAll(() => pool.close());

  it('runs a TypeScript module’s function in a thread and returns its result', async () => {
    expect(await pool.run<number>(TASKS, 'double', 21)).toBe(42);
    const many = await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run<number>(TASKS, 'double', n)));
    expect(many).toEqual([2, 4, 6, 8, 10]);
  });

  it('gives back an AppError with its code, message and details', async () => {
    const err = await pool.run(TASKS, 'refuse', 'tasks.csv').catch((e: unknown) => e);
    expect(isAppError(err)).toBe(true);
    expect(err).toMatchObject({
      code: 'IMPORT_MALFORMED',
      message: 'tasks.csv: line 3 is not a row',
      details: { file: 'tasks.csv', line: 3 },
    });
    await expect(pool.run(TASKS, 'nothing', 1)).rejects.toThrow(/exports no function nothing/);
  });

  it('keeps the main thread free while a worker is busy', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    await pool.run(TASKS, 'spin', 400);
    clearInterval(timer);
    // Blocked, the interval could not have fired at all before the task ended.
    expect(ticks).toBeGreaterThan(5);
  });

  it('ends a task on abort, and the next task gets a fresh thread', async () => {
    const ac = new AbortController();
    const running = pool.run(TASKS, 'spin', 60_000, { signal: ac.signal });
    setTimeout(() => ac.abort(new Error('stop')), 50);
    await expect(running).rejects.toThrow('stop');
    expect(await pool.run<number>(TASKS, 'double', 4)).toBe(8);
  });
});
