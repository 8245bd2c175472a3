/** Ids are made in the app: UUIDv7, time-ordered so that indexes stay compact. */
import { uuidv7 } from 'uuidv7';

export type IdGenerator = () => string;

export const newId: IdGenerator = () => uuidv7();

/** Deterministic ids for tests: prefix-0001, prefix-0002… */
export function sequentialIds(prefix = 'id'): IdGenerator {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(4, '0')}`;
}
