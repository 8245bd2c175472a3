import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rouge, rougeTokens } from './index.ts';
import { porterStem } from './porter.ts';

describe('porterStem (NLTK variant used by rouge-score)', () => {
  it('matches NLTK 3.8 PorterStemmer() on 3,000 words of meeting vocabulary', () => {
    const expected = JSON.parse(
      readFileSync(new URL('./fixtures/nltk-porter.json', import.meta.url), 'utf8'),
    ) as Record<string, string>;
    const wrong = Object.entries(expected).filter(([w, s]) => porterStem(w) !== s);
    expect(wrong).toEqual([]);
    expect(Object.keys(expected).length).toBeGreaterThan(3000);
  });

  it('keeps the NLTK extensions that differ from the 1980 algorithm', () => {
    expect(porterStem('okay')).toBe('okay');
    expect(porterStem('dying')).toBe('die');
    expect(porterStem('news')).toBe('news');
    expect(porterStem('generously')).toBe('gener');
    expect(porterStem('agreed')).toBe('agre');
  });
});

describe('rouge (hand-computed)', () => {
  const ref = 'The quick brown fox jumps over the lazy dog';
  const cand = 'The quick brown dog jumps on the log.';

  it('tokenises like rouge-score: lower case, punctuation out, stems only tokens longer than 3', () => {
    expect(rougeTokens("The dogs' running, e-mail's 3.5!")).toEqual([
      'the',
      'dog',
      'run',
      'e',
      'mail',
      's',
      '3',
      '5',
    ]);
    expect(rougeTokens('Was this')).toEqual(['was', 'thi']);
  });

  it('ROUGE-1: 6 shared unigrams of 8 candidate / 9 reference tokens', () => {
    const s = rouge(ref, cand).rouge1;
    expect(s.precision).toBeCloseTo(6 / 8, 10);
    expect(s.recall).toBeCloseTo(6 / 9, 10);
    expect(s.f1).toBeCloseTo(12 / 17, 10);
  });

  it('ROUGE-2: 2 shared bigrams of 7 / 8', () => {
    const s = rouge(ref, cand).rouge2;
    expect(s.precision).toBeCloseTo(2 / 7, 10);
    expect(s.recall).toBeCloseTo(2 / 8, 10);
    expect(s.f1).toBeCloseTo(4 / 15, 10);
  });

  it('ROUGE-L: LCS "the quick brown jump the" = 5', () => {
    const s = rouge(ref, cand).rougeL;
    expect(s.precision).toBeCloseTo(5 / 8, 10);
    expect(s.recall).toBeCloseTo(5 / 9, 10);
    expect(s.f1).toBeCloseTo(10 / 17, 10);
  });

  it('summary-level ROUGE-L takes the union LCS over candidate lines (Lin 2004, section 3.2)', () => {
    const s = rouge('w1 w2 w3 w4 w5', 'w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5').rougeL;
    // union of LCS(r, c1) = {w1 w2} and LCS(r, c2) = {w1 w3 w5}: 4 hits
    expect(s.recall).toBeCloseTo(4 / 5, 10);
    expect(s.precision).toBeCloseTo(4 / 10, 10);
    // in one line the order matters: "w4 w5" then "w1 w2 w3" has an LCS of 3, its two lines a union of 5
    expect(rouge('w1 w2 w3 w4 w5', 'w4 w5 w6 w1 w2 w3').rougeL.recall).toBeCloseTo(3 / 5, 10);
    expect(rouge('w1 w2 w3 w4 w5', 'w4 w5 w6\nw1 w2 w3').rougeL.recall).toBe(1);
  });

  it('does not count a token more often than it occurs on both sides', () => {
    // two reference lines share one candidate line: its tokens are used up by the first
    const s = rouge('a1 b1\na1 b1', 'a1 b1').rougeL;
    expect(s.recall).toBeCloseTo(2 / 4, 10);
    expect(s.precision).toBe(1);
    expect(rouge('the the the', 'the').rouge1.recall).toBeCloseTo(1 / 3, 10);
  });

  it('scores empty texts as zero', () => {
    expect(rouge('', 'something').rouge1.f1).toBe(0);
    expect(rouge('something', '...').rougeL.f1).toBe(0);
    expect(rouge('same words here', 'same words here').rouge2.f1).toBe(1);
  });
});
