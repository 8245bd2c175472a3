import { describe, expect, it } from 'vitest';
import { offeredMembers } from './offered.ts';

describe('members offered for new work', () => {
  const people = [{ id: 'a', leftOn: null }, { id: 'b', leftOn: '2026-10-31' }, { id: 'c' }];
  it('leaves out who left, unless they are the one chosen now', () => {
    expect(offeredMembers(people).map((m) => m.id)).toEqual(['a', 'c']);
    expect(offeredMembers(people, 'b').map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });
});
