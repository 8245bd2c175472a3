/**
 * One dense vector per text unit, so similarity is a dot product: a hashed TF-IDF part (exact
 * words matter most: "spreadsheets", "sign-off") and a word-vector part (different words, same
 * meaning: "approval" ~ "sign-off"). Word vectors are IDF-weighted, averaged, then centred on the
 * batch mean — plain averages make every pair look alike (they share the "business talk" direction).
 */
import type { WordVectors } from '../embeddings/index.ts';
import { lookupForms, type Vocabulary } from './corpus.ts';

export interface SpaceOptions {
  /** Buckets of the hashed TF-IDF part (default 256). */
  hashDims?: number;
  /** Share of the TF-IDF part in the cosine, 0..1 (default 0.5); the rest is word vectors. */
  lexicalWeight?: number;
  /** Experimental knobs for the word-vector part. */
  embWeight?: 'idf' | 'idf2' | 'sif' | 'sifidf';
  centre?: boolean;
}

export class VectorSpace {
  readonly hashDims: number;
  readonly embDims: number;
  readonly dims: number;
  private readonly lexical: number;
  private rows: Int32Array = new Int32Array(0);
  /**
   * Optional weight per term multiplied into both parts (the engine sets how specific each term is
   * to one question's answers, so "think", "thing", "a lot" stop pulling units together).
   */
  termWeights: Float64Array | null = null;
  /** Close word-vector neighbours of terms (see `linkNeighbours`), used for soft lexical matching. */
  neighbours: Map<number, [number, number][]> | null = null;
  expansion = 0.5;
  /** Mean of the word-vector part over the last fitted batch. */
  private mean: Float64Array | null = null;

  constructor(
    private readonly vocab: Vocabulary,
    private readonly wv: WordVectors | null,
    private readonly opts: SpaceOptions = {},
  ) {
    this.hashDims = opts.hashDims ?? 256;
    this.embDims = wv ? wv.dims : 0;
    this.dims = this.hashDims + this.embDims;
    this.lexical = wv ? (opts.lexicalWeight ?? 0.5) : 1;
  }

  /**
   * Unit vectors for bags of terms (one bag per unit). The word-vector part is centred on the mean
   * of this batch (fit, the default) — pass the whole population being compared at once — or, with
   * fit: false, on the mean of the last fitted batch (to place new texts among the old ones).
   */
  encode(bags: readonly (readonly number[])[], opts: { fit?: boolean } = {}): Float32Array[] {
    const fit = opts.fit ?? true;
    this.ensureRows();
    const H = this.hashDims;
    const E = this.embDims;
    const lexW = Math.sqrt(this.lexical);
    const embW = Math.sqrt(1 - this.lexical);
    const embs: Float64Array[] = [];
    const mean = new Float64Array(E);
    const out = bags.map((bag) => {
      const v = new Float32Array(this.dims);
      const counts = new Map<number, number>();
      for (const t of bag) counts.set(t, (counts.get(t) ?? 0) + 1);
      let n2 = 0;
      const tw = this.termWeights;
      for (const [t, c] of counts) {
        const w = (1 + Math.log(c)) * this.vocab.idf(t) * (tw ? (tw[t] ?? 1) : 1);
        const b = hashBucket(t, H);
        v[b.index]! += b.sign * w;
        // Soft matching: a term also counts, partly, as its close neighbours in word-vector space.
        const nb = this.neighbours?.get(t);
        if (nb) {
          for (const [u, sim] of nb) {
            const bu = hashBucket(u, H);
            v[bu.index]! += bu.sign * w * sim * this.expansion;
          }
        }
      }
      for (let i = 0; i < H; i++) n2 += v[i]! * v[i]!;
      const n = Math.sqrt(n2);
      if (n > 0) for (let i = 0; i < H; i++) v[i] = (v[i]! / n) * lexW;
      const emb = new Float64Array(E);
      if (this.wv) {
        for (const [t, c] of counts) {
          const row = this.rows[t]!;
          if (row < 0) continue;
          addRow(this.wv, row, this.embWeight(t, row) * (1 + Math.log(c)) * (tw ? (tw[t] ?? 1) : 1), emb);
        }
        normalise(emb);
        for (let i = 0; i < E; i++) mean[i]! += emb[i]!;
      }
      embs.push(emb);
      return v;
    });
    if (this.wv && bags.length > 0) {
      const centre = this.opts.centre !== false;
      if (fit || !this.mean) {
        for (let i = 0; i < E; i++) mean[i] = centre ? mean[i]! / bags.length : 0;
        this.mean = mean;
      } else mean.set(this.mean);
      out.forEach((v, k) => {
        const emb = embs[k]!;
        let any = false;
        for (let i = 0; i < E; i++) if (emb[i] !== 0) any = true;
        if (!any) return; // no known words: leave the word-vector part empty rather than "minus the mean"
        for (let i = 0; i < E; i++) emb[i]! -= mean[i]!;
        normalise(emb);
        for (let i = 0; i < E; i++) v[H + i] = emb[i]! * embW;
      });
    }
    // Renormalise: a unit with words but no known vectors (or the reverse) still has length 1.
    for (const v of out) normaliseF32(v);
    return out;
  }

  /**
   * Links each of `terms` to its nearest other terms (cosine >= minSim, at most k) so that
   * "hire" also counts a little as "recruiting". Quadratic in terms.length: pass a bounded set.
   */
  linkNeighbours(terms: readonly number[], minSim = 0.55, k = 4, weight = 0.5): void {
    this.ensureRows();
    const wv = this.wv;
    if (!wv) return;
    const usable = terms.filter((t) => this.rows[t]! >= 0);
    const D = wv.dims;
    const unit = usable.map((t) => {
      const r = this.rows[t]!;
      const v = new Float32Array(D);
      for (let d = 0; d < D; d++) v[d] = wv.vectors[r * D + d]! * wv.scales[r]!;
      return normaliseF32(v);
    });
    const best: [number, number][][] = usable.map(() => []);
    for (let a = 0; a < usable.length; a++) {
      const va = unit[a]!;
      for (let b = a + 1; b < usable.length; b++) {
        const s = dot(va, unit[b]!);
        if (s < minSim) continue;
        best[a]!.push([usable[b]!, s]);
        best[b]!.push([usable[a]!, s]);
      }
    }
    this.neighbours = new Map();
    this.expansion = weight;
    usable.forEach((t, a) => {
      const list = best[a]!.sort((x, y) => y[1] - x[1]).slice(0, k);
      if (list.length > 0) this.neighbours!.set(t, list);
    });
  }

  private embWeight(t: number, row: number): number {
    const mode = this.opts.embWeight ?? 'idf';
    const idf = this.vocab.idf(t);
    // Word frequency from the vectors' own vocabulary rank (Zipf: p ~ 1 / (rank + 10)).
    const sif = () => {
      const p = 0.1 / (row + 10);
      return 1e-4 / (1e-4 + p);
    };
    if (mode === 'idf2') return idf * idf;
    if (mode === 'sif') return sif();
    if (mode === 'sifidf') return sif() * idf;
    return idf;
  }

  /** Word-vector row of each term (its most frequent surface form, then that form's lemma). */
  private ensureRows(): void {
    const n = this.vocab.stems.length;
    if (this.rows.length >= n) return;
    const rows = new Int32Array(n);
    rows.set(this.rows);
    for (let t = this.rows.length; t < n; t++) {
      rows[t] = -1;
      if (!this.wv) continue;
      for (const form of lookupForms(this.vocab.display(t))) {
        const r = this.wv.index.get(form);
        if (r !== undefined) {
          rows[t] = r;
          break;
        }
      }
    }
    this.rows = rows;
  }
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

export function normaliseF32(v: Float32Array): Float32Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i]! * v[i]!;
  n = Math.sqrt(n);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i] = v[i]! / n;
  return v;
}

/** Normalised mean of vectors (a centroid on the unit sphere). */
export function centroid(vectors: readonly Float32Array[], dims: number): Float32Array {
  const c = new Float32Array(dims);
  for (const v of vectors) for (let i = 0; i < dims; i++) c[i]! += v[i]!;
  return normaliseF32(c);
}

function normalise(v: Float64Array): void {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i]! * v[i]!;
  n = Math.sqrt(n);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i]! /= n;
}

function addRow(wv: WordVectors, row: number, weight: number, acc: Float64Array): void {
  const s = wv.scales[row]! * weight;
  const off = row * wv.dims;
  for (let d = 0; d < wv.dims; d++) acc[d]! += wv.vectors[off + d]! * s;
}

/** Deterministic bucket and sign of a term id (integer hash), the "hashing trick". */
function hashBucket(term: number, buckets: number): { index: number; sign: number } {
  let h = Math.imul(term ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return { index: (h >>> 1) % buckets, sign: h & 1 ? 1 : -1 };
}
