/**
 * Themes out of answer units: average-linkage agglomerative clustering. Single pairs of
 * paraphrases are barely more similar than unrelated sentences (lexical methods see "we can't hire
 * fast enough" and "people burn out and leave" as strangers), but the *average* similarity between
 * groups separates much better, and with sum vectors it is one dot product:
 * avg(A, B) = dot(ΣA, ΣB) / (|A|·|B|). Clusters grow until no pair of groups is close enough; the
 * groups raised by enough interviewees become themes; every other unit then joins the theme it
 * sits closest to, if close enough (so prevalence counts everyone who said it, not just the core).
 */
import { dot } from './space.ts';

export interface ClusterOptions {
  /** Stop merging when the best average similarity between two groups falls below this (default 0.1). */
  link?: number;
  /** A unit joins a theme when its average similarity to the theme's units reaches this (default 0.15). */
  join?: number;
  /** Least number of interviews for a theme (default 2). */
  minSupport?: number;
  /** Most themes kept (default 8). */
  maxThemes?: number;
  /** Most units clustered pairwise (the rest only join); bounds time on long interviews (default 700). */
  sample?: number;
  /** Groups failing this (e.g. made of discourse remarks) are dropped before other units join. */
  keep?: (units: readonly number[]) => boolean;
}

export interface Cluster {
  units: number[];
  interviews: number[];
  /** Sum of the member unit vectors (centroid direction; avg similarity = dot(v, sum) / n). */
  sum: Float32Array;
}

export function clusterUnits(
  vectors: readonly Float32Array[],
  interviewOf: readonly number[],
  opts: ClusterOptions = {},
): Cluster[] {
  const link = opts.link ?? 0.1;
  const join = opts.join ?? 0.15;
  const minSupport = Math.max(2, opts.minSupport ?? 2);
  const maxThemes = opts.maxThemes ?? 8;
  const cap = opts.sample ?? 700;
  const n = vectors.length;
  if (n === 0) return [];
  const dims = vectors[0]!.length;

  // Deterministic, evenly spread sample when there are too many units.
  const sample: number[] = [];
  if (n <= cap) for (let i = 0; i < n; i++) sample.push(i);
  else for (let k = 0; k < cap; k++) sample.push(Math.floor((k * n) / cap));

  const groups = agglomerate(
    sample.map((i) => vectors[i]!),
    link,
  ).map((g) => g.map((k) => sample[k]!));
  let themes = groups
    .map((units) => makeCluster(units, vectors, interviewOf, dims))
    .filter((c) => c.interviews.length >= minSupport && (!opts.keep || opts.keep(c.units)));

  // Every unit joins the theme it is closest to on average, when close enough.
  const assigned: number[][] = themes.map(() => []);
  for (let u = 0; u < n; u++) {
    let best = -1;
    let bestSim = join;
    themes.forEach((t, ti) => {
      const inside = t.units.includes(u);
      const size = t.units.length - (inside ? 1 : 0);
      if (size <= 0) return;
      const s = (dot(vectors[u]!, t.sum) - (inside ? dot(vectors[u]!, vectors[u]!) : 0)) / size;
      if (s >= bestSim) {
        bestSim = s;
        best = ti;
      }
    });
    if (best >= 0) assigned[best]!.push(u);
  }
  themes = assigned
    .map((units) => makeCluster(units, vectors, interviewOf, dims))
    .filter((c) => c.interviews.length >= minSupport && (!opts.keep || opts.keep(c.units)))
    .sort((a, b) => b.interviews.length - a.interviews.length || b.units.length - a.units.length)
    .slice(0, maxThemes);
  return themes;
}

function makeCluster(
  units: number[],
  vectors: readonly Float32Array[],
  interviewOf: readonly number[],
  dims: number,
): Cluster {
  const sum = new Float32Array(dims);
  for (const u of units) {
    const v = vectors[u]!;
    for (let i = 0; i < dims; i++) sum[i]! += v[i]!;
  }
  return { units, interviews: [...new Set(units.map((u) => interviewOf[u]!))].sort((a, b) => a - b), sum };
}

/**
 * Average-linkage agglomeration (Lance–Williams update on a similarity matrix). Returns groups of
 * indices into `vectors`. O(n²) memory and roughly O(n²) per merge in the worst case; n is capped.
 */
export function agglomerate(vectors: readonly Float32Array[], threshold: number): number[][] {
  const n = vectors.length;
  const sim = new Float32Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const s = dot(vectors[a]!, vectors[b]!);
      sim[a * n + b] = s;
      sim[b * n + a] = s;
    }
  }
  const size = new Int32Array(n).fill(1);
  const alive = new Uint8Array(n).fill(1);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  // Best partner per row, refreshed lazily.
  const bestOf = new Int32Array(n).fill(-1);
  const bestSim = new Float32Array(n).fill(Number.NEGATIVE_INFINITY);
  const refresh = (a: number) => {
    let bb = -1;
    let bs = Number.NEGATIVE_INFINITY;
    const row = a * n;
    for (let b = 0; b < n; b++) {
      if (b === a || !alive[b]) continue;
      const s = sim[row + b]!;
      if (s > bs) {
        bs = s;
        bb = b;
      }
    }
    bestOf[a] = bb;
    bestSim[a] = bs;
  };
  for (let a = 0; a < n; a++) refresh(a);
  for (;;) {
    let a = -1;
    let s = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      if (alive[i] && bestOf[i]! >= 0 && bestSim[i]! > s) {
        s = bestSim[i]!;
        a = i;
      }
    }
    if (a < 0 || s < threshold) break;
    const b = bestOf[a]!;
    // Merge b into a.
    const na = size[a]!;
    const nb = size[b]!;
    for (let c = 0; c < n; c++) {
      if (!alive[c] || c === a || c === b) continue;
      const v = (na * sim[a * n + c]! + nb * sim[b * n + c]!) / (na + nb);
      sim[a * n + c] = v;
      sim[c * n + a] = v;
    }
    alive[b] = 0;
    size[a] = na + nb;
    members[a]!.push(...members[b]!);
    members[b] = [];
    refresh(a);
    for (let c = 0; c < n; c++) {
      if (!alive[c] || c === a) continue;
      // Rows whose best partner was a or b, or that now prefer a, need a new best.
      if (bestOf[c] === a || bestOf[c] === b) refresh(c);
      else if (sim[c * n + a]! > bestSim[c]!) {
        bestSim[c] = sim[c * n + a]!;
        bestOf[c] = a;
      }
    }
  }
  const out: number[][] = [];
  for (let i = 0; i < n; i++) if (alive[i]) out.push(members[i]!);
  return out;
}
