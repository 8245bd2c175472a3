/**
 * Themes out of answer units: average-linkage agglomerative clustering. Single pairs of
 * paraphrases are barely more similar than unrelated sentences (lexical methods see "we can't hire
 * fast enough" and "people burn out and leave" as strangers), but the *average* similarity between
 * groups separates much better, and with sum vectors it is one dot product:
 * avg(A, B) = dot(ΣA, ΣB) / (|A|·|B|). Clusters grow until no pair of groups is close enough; the
 * groups raised by enough interviewees become themes; every other unit then joins the theme it
 * sits closest to, if close enough (so prevalence counts everyone who said it, not just the core).
 */
import { dotSparse, sparseMeta } from './space.ts';

export interface ClusterOptions {
  /** Stop merging when the best average similarity between two groups falls below this (default 0.1). */
  link?: number;
  /** A unit joins a theme when its average similarity to the theme's units reaches this (default 0.15). */
  join?: number;
  /** Least number of interviews for a theme (default 2). */
  minSupport?: number;
  /**
   * The join bar rises by this × ln(units the interview has under the question): an hour-long answer
   * has many more chances to brush past a theme by accident than a short one (default 0.04).
   */
  lengthPenalty?: number;
  /** Which answer each unit belongs to, for that length (default: its interview). */
  answerOf?: readonly number[];
  /** Most themes kept (default 8). */
  maxThemes?: number;
  /** Most units clustered pairwise (the rest only join); bounds time on long interviews (default 400). */
  sample?: number;
  /** Groups failing this (e.g. made of discourse remarks) are dropped before other units join. */
  keep?: (units: readonly number[]) => boolean;
  /** Called with every group the agglomeration made (unit indices), before any is filtered. */
  onGroups?: (groups: readonly number[][]) => void;
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
  const lengthPenalty = opts.lengthPenalty ?? 0.04;
  const minSupport = Math.max(2, opts.minSupport ?? 2);
  const maxThemes = opts.maxThemes ?? 8;
  const cap = opts.sample ?? 400;
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
  opts.onGroups?.(groups);
  let themes = groups
    .map((units) => makeCluster(units, vectors, interviewOf, dims))
    .filter((c) => c.interviews.length >= minSupport && (!opts.keep || opts.keep(c.units)))
    // Only the strongest groups can end up among the kept themes; the join below costs per group.
    .sort((a, b) => b.interviews.length - a.interviews.length || b.units.length - a.units.length)
    .slice(0, 2 * maxThemes);

  // Every unit joins the theme it is closest to on average, when close enough.
  const inCore = new Int32Array(n).fill(-1);
  themes.forEach((t, ti) => {
    for (const u of t.units) inCore[u] = ti;
  });
  const assigned: number[][] = themes.map(() => []);
  const answerOf = opts.answerOf ?? interviewOf;
  const unitsPerAnswer = new Map<number, number>();
  for (let u = 0; u < n; u++) unitsPerAnswer.set(answerOf[u]!, (unitsPerAnswer.get(answerOf[u]!) ?? 0) + 1);
  for (let u = 0; u < n; u++) {
    const v = vectors[u]!;
    const meta = sparseMeta(v);
    let best = -1;
    let bestSim = join + lengthPenalty * Math.log(unitsPerAnswer.get(answerOf[u]!)!);
    for (let ti = 0; ti < themes.length; ti++) {
      const t = themes[ti]!;
      const inside = inCore[u] === ti;
      const size = t.units.length - (inside ? 1 : 0);
      if (size <= 0) continue;
      const s = (dotSparse(v, meta, t.sum) - (inside ? 1 : 0)) / size;
      if (s >= bestSim) {
        bestSim = s;
        best = ti;
      }
    }
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
 * Average-linkage agglomeration, cut where the linkage falls below `threshold`. Nearest-neighbour
 * chain algorithm (average linkage is reducible, so it builds the same dendrogram as the greedy
 * "merge the closest pair" loop) with a Lance–Williams update on a similarity matrix: O(n²) time
 * and memory. Returns groups of indices into `vectors`.
 */
export function agglomerate(
  vectors: readonly Float32Array[],
  threshold: number,
  /** Optional: pairs in the same group (e.g. the same question) count their similarity × sameGroup. */
  group?: { of: readonly number[]; weight: number },
): number[][] {
  const n = vectors.length;
  if (n === 0) return [];
  const sim = new Float32Array(n * n);
  for (let a = 0; a < n; a++) {
    const va = vectors[a]!;
    const meta = sparseMeta(va);
    for (let b = a + 1; b < n; b++) {
      let s = dotSparse(va, meta, vectors[b]!);
      if (group && group.of[a] === group.of[b]) s *= group.weight;
      sim[a * n + b] = s;
      sim[b * n + a] = s;
    }
  }
  const size = new Int32Array(n).fill(1);
  const alive = new Uint8Array(n).fill(1);
  // Union-find over the original points, joined for every merge at or above the threshold.
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  // Cluster slot -> one original point in it (slots are reused: a merge keeps slot a).
  const rep = Int32Array.from({ length: n }, (_, i) => i);
  let remaining = n;
  const chain: number[] = [];
  while (remaining > 1) {
    if (chain.length === 0) {
      let start = 0;
      while (!alive[start]) start++;
      chain.push(start);
    }
    const a = chain[chain.length - 1]!;
    const prev = chain.length >= 2 ? chain[chain.length - 2]! : -1;
    let b = -1;
    let bs = Number.NEGATIVE_INFINITY;
    const row = a * n;
    for (let c = 0; c < n; c++) {
      if (c === a || !alive[c]) continue;
      const s = sim[row + c]!;
      if (s > bs || (s === bs && c === prev)) {
        bs = s;
        b = c;
      }
    }
    if (b !== prev) {
      chain.push(b);
      continue;
    }
    // a and b are reciprocal nearest neighbours: merge b into a.
    chain.pop();
    chain.pop();
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
    remaining--;
    if (bs >= threshold) parent[find(rep[b]!)] = find(rep[a]!);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  return [...groups.values()];
}
