import { describe, expect, it } from 'vitest';
import { wordErrorRate } from './wer.ts';

describe('word error rate', () => {
  it('ignores case and punctuation', () => {
    expect(wordErrorRate('Mostly staffing. We can’t hire!', 'mostly staffing we cant hire')).toBe(0);
  });
  it('counts substitutions, deletions and insertions over the reference length', () => {
    expect(wordErrorRate('a b c d', 'a x c')).toBe(0.5); // one substitution, one deletion
    expect(wordErrorRate('a b', 'a b c d')).toBe(1); // two insertions
    expect(wordErrorRate('', '')).toBe(0);
  });
});
