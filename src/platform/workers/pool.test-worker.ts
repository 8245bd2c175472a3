/** Tasks for pool.test.ts, run in the pool's worker threads. */
import { AppError } from '../errors.ts';

export function double(n: number): number {
  return n * 2;
}

export function refuse(file: string): never {
  throw new AppError('IMPORT_MALFORMED', `${file}: line 3 is not a row`, { file, line: 3 });
}

/** Busy for `ms` of CPU: the main thread must stay free meanwhile. */
export function spin(ms: number): number {
  const end = performance.now() + ms;
  let n = 0;
  while (performance.now() < end) n++;
  return n;
}
