/**
 * What a whole set of transcripts is about, as a few short phrases: the most repeated two-word
 * content phrases ("remote control", "voice recognition"), topped up with the most repeated
 * content words. Used to open the answer to "summarise everything" questions.
 */

import { isStopword, stem, words } from '../text/index.ts';
import type { AskIndex } from './units.ts';

const VAGUE = new Set([
  ...'one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion first second third half'.split(
    ' ',
  ),
  'lot',
  'thing',
  'things',
  'way',
  'bit',
  'kind',
  'sort',
  'stuff',
  'time',
  'guys',
  'people',
  'yeah',
  'okay',
  'like',
  'mean',
  'know',
  'think',
  'good',
  'sure',
  'need',
  'want',
  'say',
  'said',
  'going',
  'get',
  'got',
  'make',
  'put',
  'see',
  'look',
  'right',
  'point',
  'question',
  'idea',
  'sense',
  'course',
  'percent',
  'minutes',
]);

const cache = new WeakMap<AskIndex, Map<number, string[]>>();

/** Up to `max` key phrases of the transcripts, most salient first (surface forms as spoken); cached per index. */
export function keyPhrases(index: AskIndex, max = 3): string[] {
  let byMax = cache.get(index);
  if (!byMax) {
    byMax = new Map();
    cache.set(index, byMax);
  }
  let phrases = byMax.get(max);
  if (!phrases) {
    phrases = computeKeyPhrases(index, max);
    byMax.set(max, phrases);
  }
  return phrases;
}

// Counted on the index's term ids (no re-tokenising); surface forms looked up only for the winners.
function computeKeyPhrases(index: AskIndex, max: number): string[] {
  const stems: string[] = [];
  for (const [s, id] of index.vocab) stems[id] = s;
  const vague = new Set([...VAGUE].map(stem));
  const ok = stems.map((s) => s.length >= 3 && !vague.has(s) && !/\d|'/.test(s) && !isStopword(s));
  const V = stems.length;
  const uni = new Float64Array(V);
  const bi = new Map<number, number>();
  for (const u of index.units) {
    const t = u.terms;
    for (let i = 0; i < t.length; i++) {
      const a = t[i]!;
      if (!ok[a]) continue;
      uni[a]!++;
      const b = t[i + 1];
      if (b !== undefined && b !== a && ok[b]) bi.set(a * V + b, (bi.get(a * V + b) ?? 0) + 1);
    }
  }
  const out: string[] = [];
  const covered = new Set<number>();
  const topBigrams = [...bi].filter(([, n]) => n >= 3).sort((x, y) => y[1] - x[1]);
  for (const [key] of topBigrams) {
    if (out.length >= max) break;
    const a = Math.floor(key / V);
    const b = key % V;
    if (covered.has(a) && covered.has(b)) continue;
    const form = surfaceForm(index, [a, b], stems);
    if (!form) continue;
    out.push(form);
    covered.add(a);
    covered.add(b);
  }
  const topUnigrams = [...uni.keys()].filter((id) => uni[id]! >= 3).sort((x, y) => uni[y]! - uni[x]!);
  for (const id of topUnigrams) {
    if (out.length >= max) break;
    if (covered.has(id)) continue;
    const form = surfaceForm(index, [id], stems);
    if (!form) continue;
    out.push(form);
    covered.add(id);
  }
  return out;
}

// The most frequent way the stems were said as consecutive words (first occurrences only).
function surfaceForm(index: AskIndex, ids: number[], stems: string[]): string | null {
  const want = ids.map((id) => stems[id]!);
  const forms = new Map<string, number>();
  let seen = 0;
  let looked = 0;
  for (const u of index.units) {
    if (seen >= 12 || looked >= 40) break;
    if (!containsRun(u.terms, ids)) continue;
    looked++;
    const ws = words(u.text);
    for (let i = 0; i + want.length <= ws.length; i++) {
      let match = true;
      for (let j = 0; j < want.length && match; j++) match = stem(ws[i + j]!) === want[j];
      if (!match) continue;
      const form = ws.slice(i, i + want.length).join(' ');
      forms.set(form, (forms.get(form) ?? 0) + 1);
      seen++;
    }
  }
  return [...forms].sort((x, y) => y[1] - x[1])[0]?.[0] ?? null;
}

function containsRun(terms: Int32Array, ids: number[]): boolean {
  for (let i = 0; i + ids.length <= terms.length; i++) {
    let j = 0;
    while (j < ids.length && terms[i + j] === ids[j]) j++;
    if (j === ids.length) return true;
  }
  return false;
}

/** "a, b and c". */
export function listPhrase(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
