/** A small seeded RNG (mulberry32) so every corpus is the same on every run and machine. */
export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  chance(p: number): boolean;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  /** k distinct items, in random order */
  sample<T>(items: readonly T[], k: number): T[];
  shuffle<T>(items: readonly T[]): T[];
}

export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return {
    next,
    chance: (p) => next() < p,
    int,
    pick: (items) => items[int(items.length)]!,
    sample: (items, k) => shuffle(items).slice(0, k),
    shuffle,
  };
}
