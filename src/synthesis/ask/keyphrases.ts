/**
 * What a whole set of transcripts is about, as a few short phrases: the most repeated two-word
 * content phrases ("remote control", "voice recognition"), topped up with the most repeated
 * content words. Used to open the answer to "summarise everything" questions.
 */

import { isStopword, stem, words } from '../text/index.ts';
import type { AskIndex } from './units.ts';

const VAGUE = new Set([
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

function contentToken(w: string): boolean {
  return w.length >= 3 && !isStopword(w) && !VAGUE.has(w) && !/\d/.test(w) && !w.includes("'");
}

/** Up to `max` key phrases of the transcripts, most salient first (surface forms as spoken). */
export function keyPhrases(index: AskIndex, max = 3): string[] {
  const bigrams = new Map<string, { n: number; forms: Map<string, number> }>();
  const unigrams = new Map<string, { n: number; forms: Map<string, number> }>();
  const bump = (m: typeof bigrams, key: string, form: string) => {
    let e = m.get(key);
    if (!e) {
      e = { n: 0, forms: new Map() };
      m.set(key, e);
    }
    e.n++;
    e.forms.set(form, (e.forms.get(form) ?? 0) + 1);
  };
  for (const u of index.units) {
    const ws = words(u.text);
    for (let i = 0; i < ws.length; i++) {
      const a = ws[i]!;
      if (!contentToken(a)) continue;
      bump(unigrams, stem(a), a);
      const b = ws[i + 1];
      if (b !== undefined && contentToken(b)) bump(bigrams, `${stem(a)} ${stem(b)}`, `${a} ${b}`);
    }
  }
  const surface = (e: { forms: Map<string, number> }) => [...e.forms].sort((x, y) => y[1] - x[1])[0]![0];
  const out: string[] = [];
  const covered = new Set<string>();
  for (const [key, e] of [...bigrams].filter(([, e]) => e.n >= 3).sort((x, y) => y[1].n - x[1].n)) {
    if (out.length >= max) break;
    const [a, b] = key.split(' ') as [string, string];
    if (covered.has(a) && covered.has(b)) continue;
    out.push(surface(e));
    covered.add(a);
    covered.add(b);
  }
  for (const [key, e] of [...unigrams].sort((x, y) => y[1].n - x[1].n)) {
    if (out.length >= max) break;
    if (covered.has(key) || e.n < 3) continue;
    out.push(surface(e));
    covered.add(key);
  }
  return out;
}

/** "a, b and c". */
export function listPhrase(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
