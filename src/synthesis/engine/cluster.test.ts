import { describe, expect, it } from 'vitest';
import { seededRng } from '../../../bench/corpus/rng.ts';
import { loadWordVectors } from '../embeddings/index.ts';
import { similarities } from './cluster.ts';
import { Vocabulary } from './corpus.ts';
import { dot, VectorSpace } from './space.ts';

const WORDS =
  'budget hiring staff turnover pilot training data quality reports manual spreadsheets vendor contract approval sign-off deadline clients onboarding audit payroll invoices forecast dashboard meeting manager director rollout delay backlog tooling security compliance customers complaints overtime schedule rota nurses discharge pharmacy transport beds'.split(
    ' ',
  );

/** The straightforward matrix: every pair's `dot`, rounded as the clustering rounds it. */
function reference(vectors: readonly Float32Array[], group?: { of: number[]; weight: number }): Float32Array {
  const n = vectors.length;
  const sim = new Float32Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      let s = Math.round(dot(vectors[a]!, vectors[b]!) * 1e6) / 1e6;
      if (group && group.of[a] === group.of[b]) s *= group.weight;
      sim[a * n + b] = s;
      sim[b * n + a] = s;
    }
  }
  return sim;
}

describe('similarities', () => {
  // The fast way (inverted index over the hashed part, contiguous word-vector parts) must add every
  // pair's products in the same order as dot: the clustering's ties, and so its themes, hang on it.
  for (const soft of [false, true]) {
    it(`is bit for bit the pairwise dot product, rounded (soft matching ${soft ? 'on' : 'off'})`, () => {
      const rng = seededRng(soft ? 11 : 7);
      const vocab = new Vocabulary();
      const bags = Array.from({ length: 150 }, () =>
        Array.from({ length: 1 + rng.int(14) }, () => vocab.internWord(rng.pick(WORDS))),
      );
      bags.push([]);
      for (const bag of bags) vocab.addDocument(bag);
      const space = new VectorSpace(vocab, loadWordVectors());
      if (soft) space.linkNeighbours([...new Set(bags.flat())], 0.3, 4, 0.6);
      const vectors = space.encode(bags);
      const fast = similarities(vectors);
      const slow = reference(vectors);
      let differing = 0;
      for (let i = 0; i < fast.length; i++) if (!Object.is(fast[i], slow[i])) differing++;
      expect(differing).toBe(0);
      // Not all zero: the test compares real similarities.
      expect(fast.filter((x) => x > 0.2).length).toBeGreaterThan(100);
      const group = { of: bags.map((_, i) => i % 3), weight: 0 };
      const fastG = similarities(vectors, group);
      const slowG = reference(vectors, group);
      for (let i = 0; i < fastG.length; i++) if (!Object.is(fastG[i], slowG[i])) differing++;
      expect(differing).toBe(0);
    });
  }

  it('takes plain vectors (no hashed part) the straightforward way', () => {
    const vectors = [Float32Array.of(1, 0, 0), Float32Array.of(0.6, 0.8, 0), Float32Array.of(0, 0, 1)];
    expect(Array.from(similarities(vectors))).toEqual(Array.from(reference(vectors)));
  });
});
