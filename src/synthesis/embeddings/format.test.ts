import { describe, expect, it } from 'vitest';
import { decodeWordVectors, encodeWordVectors } from './format.ts';
import { loadWordVectors } from './load.ts';

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    s += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return s / Math.sqrt(na * nb);
}

function row(wv: ReturnType<typeof loadWordVectors>, word: string): number[] {
  const r = wv.index.get(word);
  if (r === undefined) throw new Error(`${word} missing`);
  return Array.from(wv.vectors.subarray(r * wv.dims, (r + 1) * wv.dims), (x) => x * wv.scales[r]!);
}

describe('compact word vectors', () => {
  it('round-trips words and keeps each vector direction within quantisation error', () => {
    const words = ['alpha', 'beta', 'gamma'];
    const rows = [
      Float32Array.from([3, 4, 0]),
      Float32Array.from([-1, 0.5, 2]),
      Float32Array.from([0, 0, 9]),
    ];
    const wv = decodeWordVectors(encodeWordVectors(words, rows, 3));
    expect(wv.words).toEqual(words);
    expect(wv.index.get('gamma')).toBe(2);
    rows.forEach((r, i) => {
      const back = Array.from(wv.vectors.subarray(i * 3, i * 3 + 3), (x) => x * wv.scales[i]!);
      expect(cosine(back, r)).toBeGreaterThan(0.999);
    });
  });

  it('rejects a cut-off or foreign file', () => {
    const bytes = encodeWordVectors(['a'], [Float32Array.from([1, 2])], 2);
    expect(() => decodeWordVectors(bytes.subarray(0, bytes.length - 1))).toThrow(/cut off/);
    expect(() => decodeWordVectors(new Uint8Array(32))).toThrow(/magic/);
  });

  // How fast it loads is measured in bench/, not here: a timed test fails on a loaded CI machine
  // (1.5 s against a 1 s limit while other suites ran) without anything being wrong.
  it('loads the shipped 100k-word file and related words sit closer than unrelated ones', () => {
    const wv = loadWordVectors();
    expect(wv.words.length).toBe(100_000);
    expect(cosine(row(wv, 'budget'), row(wv, 'funding'))).toBeGreaterThan(
      cosine(row(wv, 'budget'), row(wv, 'customer')) + 0.2,
    );
  });
});
