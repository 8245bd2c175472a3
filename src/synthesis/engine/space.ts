/**
 * One dense vector per text unit, so similarity is a dot product: a hashed TF-IDF part (exact
 * words matter most: "spreadsheets", "sign-off") and a word-vector part (different words, same
 * meaning: "approval" ~ "sign-off"). Word vectors are IDF-weighted, averaged, then centred on the
 * batch mean — plain averages make every pair look alike (they share the "business talk" direction).
 *
 * Kept in one file: the vector layout (hashed part, word-vector part, the sparse positions carried on
 * each vector, the reusable buffer) and every function that reads it, so a change of layout is made
 * in one place.
 */
import type { WordVectors } from '../embeddings/index.ts';
import { lookupForms, type Vocabulary } from './corpus.ts';

export interface SpaceOptions {
  /** Buckets of the hashed TF-IDF part (default 256). */
  hashDims?: number;
  /** Share of the TF-IDF part in the cosine, 0..1 (default 0.5); the rest is word vectors. */
  lexicalWeight?: number;
  /** Centre the word-vector part on the batch mean (default true; off only for experiments). */
  centre?: boolean;
}

export class VectorSpace {
  readonly hashDims: number;
  readonly embDims: number;
  readonly dims: number;
  private readonly lexical: number;
  private rows: Int32Array = new Int32Array(0);
  /**
   * Close word-vector neighbours of terms (see `linkNeighbours`), for soft lexical matching, in flat
   * arrays: the neighbours of term t are nbTerm/nbSim[nbStart[t] .. nbStart[t + 1]).
   */
  neighbours: { nbStart: Int32Array; nbTerm: Int32Array; nbSim: Float32Array } | null = null;
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
    return this.assemble(bags, this.embed(bags), opts);
  }

  /**
   * The word-vector part alone, before centring: the normalised IDF-weighted sum of each bag's
   * word vectors (an empty array when no word is known). The costly step; `assemble` reuses it.
   */
  embed(bags: readonly (readonly number[])[]): Float32Array[] {
    this.ensureRows();
    const wv = this.wv;
    const E = this.embDims;
    if (!wv) return bags.map(() => EMPTY);
    const idf = this.idfTable();
    const rows = this.rows;
    const acc = new Float64Array(E);
    const seen = this.scratch();
    let stamp = 0;
    const slab = new Float32Array(bags.length * E);
    return bags.map((bag, k) => {
      stamp++;
      acc.fill(0);
      let any = false;
      for (const t of bag) {
        if (seen[t] === stamp) continue;
        seen[t] = stamp;
        const row = rows[t]!;
        if (row < 0) continue;
        let c = 0;
        for (const u of bag) if (u === t) c++;
        any = true;
        const s = wv.scales[row]! * idf[t]! * (c === 1 ? 1 : 1 + Math.log(c));
        const off = row * E;
        for (let d = 0; d < E; d++) acc[d]! += wv.vectors[off + d]! * s;
      }
      if (!any) return EMPTY;
      let n2 = 0;
      for (let d = 0; d < E; d++) n2 += acc[d]! * acc[d]!;
      const out = slab.subarray(k * E, (k + 1) * E);
      const f = n2 > 0 ? 1 / Math.sqrt(n2) : 0;
      for (let d = 0; d < E; d++) out[d] = acc[d]! * f;
      return out;
    });
  }

  /**
   * Final vectors from bags and their `embed` parts: the hashed TF-IDF part (with soft matching
   * when neighbours are linked) next to the word-vector part centred on the batch mean (fit) or on
   * the last fitted mean.
   */
  assemble(
    bags: readonly (readonly number[])[],
    embs: readonly Float32Array[],
    opts: {
      fit?: boolean;
      /**
       * Write into the space's one reusable buffer: the vectors are valid until the next scratch
       * call (or `releaseScratch`). For batches used and dropped in turn — each interview during
       * alignment, each question while finding themes — where a fresh slab per batch (1,000 slabs at
       * 500 interviews) left the allocator's freed memory counted in the process's peak.
       */
      scratch?: boolean;
    } = {},
  ): Float32Array[] {
    const fit = opts.fit ?? true;
    const H = this.hashDims;
    const E = this.embDims;
    const lexW = Math.sqrt(this.lexical);
    const embW = Math.sqrt(1 - this.lexical);
    const idf = this.idfTable();
    const { bucket, sign } = this.bucketTable();
    if (E > 0 && (fit || !this.mean)) this.fitMean(embs);
    const mean = this.mean;
    const seen = this.scratch();
    let stamp = 0;
    const bucketMark = new Int32Array(H);
    const touched = new Int32Array(H);
    const nb = this.neighbours;
    const expansion = this.expansion;
    // One slab for the batch: a view per vector is far cheaper than a typed array each. The non-zero
    // positions go in shared chunks too: 300k small Int32Arrays (one backing store each) made
    // garbage collection a third of the run at 200 interviews.
    const size = bags.length * this.dims;
    let slab: Float32Array;
    if (opts.scratch) {
      if (this.scratchSlab.length < size) this.scratchSlab = new Float32Array(size);
      slab = this.scratchSlab.subarray(0, size);
      slab.fill(0);
    } else slab = new Float32Array(size);
    let nzChunk = opts.scratch ? this.scratchNz : new Int32Array(0);
    let nzAt = 0;
    const nzView = (n: number): Int32Array => {
      if (nzAt + n > nzChunk.length) {
        // Sized to the batch: assemble also runs once per interview, where 1 MB a call was churn.
        nzChunk = new Int32Array(Math.max(n, Math.min(1 << 18, 64 * bags.length)));
        if (opts.scratch) this.scratchNz = nzChunk;
        nzAt = 0;
      }
      nzAt += n;
      return nzChunk.subarray(nzAt - n, nzAt);
    };
    return bags.map((bag, k) => {
      const v = slab.subarray(k * this.dims, (k + 1) * this.dims);
      stamp++;
      let nTouched = 0;
      for (const t of bag) {
        if (seen[t] === stamp) continue;
        seen[t] = stamp;
        let c = 0;
        for (const u of bag) if (u === t) c++;
        const w = (c === 1 ? 1 : 1 + Math.log(c)) * idf[t]!;
        const b = bucket[t]!;
        v[b]! += sign[t]! * w;
        if (bucketMark[b] !== stamp) {
          bucketMark[b] = stamp;
          touched[nTouched++] = b;
        }
        // Soft matching: a term also counts, partly, as its close neighbours in word-vector space.
        if (nb && t + 1 < nb.nbStart.length) {
          for (let x = nb.nbStart[t]!; x < nb.nbStart[t + 1]!; x++) {
            const u = nb.nbTerm[x]!;
            const bu = bucket[u]!;
            v[bu]! += sign[u]! * w * nb.nbSim[x]! * expansion;
            if (bucketMark[bu] !== stamp) {
              bucketMark[bu] = stamp;
              touched[nTouched++] = bu;
            }
          }
        }
      }
      let n2 = 0;
      let nzCount = 0;
      for (let x = 0; x < nTouched; x++) if (v[touched[x]!] !== 0) nzCount++;
      const nzSet = nzView(nzCount);
      for (let x = 0, y = 0; x < nTouched; x++) if (v[touched[x]!] !== 0) nzSet[y++] = touched[x]!;
      for (const i of nzSet) n2 += v[i]! * v[i]!;
      const lexN = n2 > 0 ? lexW / Math.sqrt(n2) : 0;
      for (const i of nzSet) v[i] = v[i]! * lexN;
      const e = embs[k]!;
      let hasEmb = false;
      if (e.length === E && E > 0 && mean) {
        let e2 = 0;
        for (let d = 0; d < E; d++) {
          const x = e[d]! - mean[d]!;
          v[H + d] = x;
          e2 += x * x;
        }
        // No known words: the word-vector part stays empty rather than "minus the mean".
        const f = e2 > 0 ? embW / Math.sqrt(e2) : 0;
        for (let d = 0; d < E; d++) v[H + d] = v[H + d]! * f;
        hasEmb = e2 > 0;
      }
      // Renormalise: a unit with words but no known vectors (or the reverse) still has length 1.
      let total = 0;
      for (const i of nzSet) total += v[i]! * v[i]!;
      if (hasEmb) total += 1 - this.lexical;
      if (total > 0 && Math.abs(total - 1) > 1e-6) {
        const f = 1 / Math.sqrt(total);
        for (const i of nzSet) v[i] = v[i]! * f;
        if (hasEmb) for (let d = 0; d < E; d++) v[H + d] = v[H + d]! * f;
      }
      (v as SparseVector).sparse = { nz: nzSet, from: H };
      return v;
    });
  }

  private scratchSlab = new Float32Array(0);
  private scratchNz = new Int32Array(0);

  /** Frees the buffer scratch `assemble` calls write into (their vectors must no longer be used). */
  releaseScratch(): void {
    this.scratchSlab = new Float32Array(0);
    this.scratchNz = new Int32Array(0);
  }

  /**
   * Fits the centre of the word-vector part on `embs` (what `assemble` does with fit), so that a
   * population can then be assembled in parts with fit: false — one interview at a time, say, and
   * bit for bit as if in one batch.
   */
  fitMean(embs: readonly Float32Array[]): void {
    const E = this.embDims;
    const mean = new Float64Array(E);
    let n = 0;
    for (const e of embs) {
      if (e.length === 0) continue;
      n++;
      for (let d = 0; d < E; d++) mean[d]! += e[d]!;
    }
    if (n > 0 && this.opts.centre !== false) for (let d = 0; d < E; d++) mean[d] = mean[d]! / n;
    else mean.fill(0);
    this.mean = mean;
  }

  private scratchMarks: Int32Array = new Int32Array(0);

  /** A per-term mark array (fresh, all zero) for de-duplicating the terms of a bag. */
  private scratch(): Int32Array {
    const n = this.vocab.stems.length;
    if (this.scratchMarks.length < n) this.scratchMarks = new Int32Array(n);
    else this.scratchMarks.fill(0);
    return this.scratchMarks;
  }

  private idfCache: { docs: number; table: Float64Array } | null = null;

  /** IDF of every term; kept while the vocabulary is unchanged (assemble runs once per interview). */
  private idfTable(): Float64Array {
    const n = this.vocab.stems.length;
    const c = this.idfCache;
    if (c && c.docs === this.vocab.docs && c.table.length === n) return c.table;
    const t = new Float64Array(n);
    for (let i = 0; i < n; i++) t[i] = this.vocab.idf(i);
    this.idfCache = { docs: this.vocab.docs, table: t };
    return t;
  }

  private buckets: { bucket: Int32Array; sign: Float32Array } = {
    bucket: new Int32Array(0),
    sign: new Float32Array(0),
  };

  private bucketTable(): { bucket: Int32Array; sign: Float32Array } {
    const n = this.vocab.stems.length;
    if (this.buckets.bucket.length >= n) return this.buckets;
    const bucket = new Int32Array(n);
    const sign = new Float32Array(n);
    for (let t = 0; t < n; t++) {
      const b = hashBucket(t, this.hashDims);
      bucket[t] = b.index;
      sign[t] = b.sign;
    }
    this.buckets = { bucket, sign };
    return this.buckets;
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
    this.expansion = weight;
    const vocabSize = this.vocab.stems.length;
    const lists: [number, number][][] = Array.from({ length: vocabSize }, () => []);
    usable.forEach((t, a) => {
      lists[t] = best[a]!.sort((x, y) => y[1] - x[1]).slice(0, k);
    });
    const nbStart = new Int32Array(vocabSize + 1);
    for (let t = 0; t < vocabSize; t++) nbStart[t + 1] = nbStart[t]! + lists[t]!.length;
    const nbTerm = new Int32Array(nbStart[vocabSize]!);
    const nbSim = new Float32Array(nbStart[vocabSize]!);
    lists.forEach((list, t) => {
      list.forEach(([u, sim], x) => {
        nbTerm[nbStart[t]! + x] = u;
        nbSim[nbStart[t]! + x] = sim;
      });
    });
    this.neighbours = { nbStart, nbTerm, nbSim };
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

/**
 * Non-zero positions of the hashed part of vectors made by `encode` (a sentence touches ~20 of its
 * 256 buckets), so dot products cost ~120 multiplications instead of ~356.
 */
export type SparseMeta = { nz: Int32Array; from: number };
/** A vector from `assemble`, carrying where its hashed part is non-zero (a plain property: a
 * WeakMap over ~100k vectors made garbage collection the bottleneck). */
type SparseVector = Float32Array & { sparse?: SparseMeta };
const EMPTY = new Float32Array(0);

/** A copy of a vector that keeps its sparse layout (so dot products add up in the same order). */
export function copyVector(v: Float32Array): Float32Array {
  const out = Float32Array.from(v) as SparseVector;
  const meta = (v as SparseVector).sparse;
  if (meta) out.sparse = { nz: Int32Array.from(meta.nz), from: meta.from };
  return out;
}

/** Dot product; fast when `a` came from `encode` (sparse hashed part + dense word-vector part). */
export function dot(a: Float32Array, b: Float32Array): number {
  const meta = (a as SparseVector).sparse;
  return meta ? dotSparse(a, meta, b) : denseDot(a, b);
}

/** The sparse layout of a vector from `encode` (undefined for other vectors). */
export function sparseMeta(v: Float32Array): SparseMeta | undefined {
  return (v as SparseVector).sparse;
}

/** Dot product with `a`'s layout looked up once by the caller (hot loops). */
export function dotSparse(a: Float32Array, meta: SparseMeta | undefined, b: Float32Array): number {
  if (!meta) return denseDot(a, b);
  const nz = meta.nz;
  let s = 0;
  for (let k = 0; k < nz.length; k++) {
    const i = nz[k]!;
    s += a[i]! * b[i]!;
  }
  for (let i = meta.from; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function denseDot(a: Float32Array, b: Float32Array): number {
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

/** Deterministic bucket and sign of a term id (integer hash), the "hashing trick". */
function hashBucket(term: number, buckets: number): { index: number; sign: number } {
  let h = Math.imul(term ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return { index: (h >>> 1) % buckets, sign: h & 1 ? 1 : -1 };
}
