/**
 * Do the transcripts discuss what the question asks? A question is covered when one passage
 * neighborhood (a few consecutive sentences of one transcript) holds most of the question's
 * information: each topic term weighs what it tells in general English (its self-information under
 * a Zipf law fitted to the rank of the word in the word-vector vocabulary, which is ordered by
 * frequency in a news corpus), so "pension" counts for more than "company", and a term the
 * transcripts never use counts as missing. No threshold is fitted to one corpus: the neighborhood
 * must hold at least half of the question's information and the question's most specific term.
 */

import { loadWordVectors } from '../embeddings/index.ts';
import { lemma, stem } from '../text/index.ts';
import type { QueryAnalysis } from './query.ts';
import type { AskIndex } from './units.ts';

export interface CoverageTuning {
  /** Sentences either side of a centre that make its neighborhood. */
  window: number;
  /** Share of the question's information the neighborhood must hold. */
  share: number;
  /** Whether the most specific term of the question must be in the neighborhood. */
  requireHead: boolean;
  /** Words at least this frequent (by rank) carry no information; 1 keeps plain self-information. */
  floorRank: number;
}

export const DEFAULT_COVERAGE: CoverageTuning = { window: 9, share: 0.5, requireHead: false, floorRank: 1 };

/**
 * Words that say what kind of talk the question wants (agreeing, deciding, recommending…), not what
 * it is about: the passage need not contain them. Retrieval still uses them.
 */
const SPEECH_ACTS = new Set(
  `agree agreed agreement agreements disagree disagreed disagreement disagreements recommend recommended
  recommendation recommendations suggest suggested suggestion suggestions propose proposed proposal proposals
  conclude concluded conclusion conclusions decide decided decision decisions elaborate elaborated
  introduce introduced present presented presenting argue argued
  argument arguments debate debated mention consider considered reflect reflected reflecting reflection
  perspective perspectives raise raised express expressed react reacted reaction reactions mainly
  specifically especially overall`
    .split(/\s+/)
    .filter(Boolean)
    .map(stem),
);

export interface Coverage {
  covered: boolean;
  /** Share of the question's information in the best neighborhood (0..1); 1 for general questions. */
  share: number;
  /** The best neighborhood as a [first, end) range of units, or null when no term is found. */
  region: [number, number] | null;
  /** Topic terms found in that neighborhood and missing from it, as the question words them. */
  found: string[];
  missing: string[];
}

/** A term's self-information in nats under Zipf's law: ln(rank × H), rank 1-based; unknown words rank past the list. */
export function termInformation(word: string, floorRank = 1): number {
  const wv = loadWordVectors();
  const size = wv.words.length;
  const h = Math.log(size) + 0.5772;
  const w = word.toLowerCase().replace(/['’]s$/, '');
  let row = wv.index.get(w);
  if (row === undefined) {
    const l = lemma(w);
    row = wv.index.get(l);
  }
  const rank = row === undefined ? 2 * size : row + 1;
  return Math.max(0.05, Math.log(rank * h) - Math.log(floorRank * h));
}

/** Whether the transcripts discuss the question's topic, and where they come closest. */
export function coverage(
  index: AskIndex,
  q: QueryAnalysis,
  tuning: CoverageTuning = DEFAULT_COVERAGE,
): Coverage {
  const everything = { covered: true, share: 1, region: null, found: [], missing: [] };
  if (q.kind === 'general') return everything;
  // Words of the speakers' labels that nobody says ("Professor") name who spoke, not the topic.
  const labelWords = speakerLabelStems(index);
  const terms = [...q.terms]
    .filter(([s]) => !SPEECH_ACTS.has(s) && !(labelWords.has(s) && !index.vocab.has(s)))
    .map(([s, weight]) => {
      const word = q.surface.get(s) ?? s;
      return {
        stem: s,
        word,
        id: termId(index, s, word),
        info: weight * termInformation(word, tuning.floorRank),
      };
    });
  const total = terms.reduce((s, t) => s + t.info, 0);
  if (terms.length === 0 || total <= 0) return everything;
  const head = terms.reduce((a, b) => (b.info > a.info ? b : a), terms[0]!);
  // Sliding window over each transcript: how many of each term's occurrences are in [i-w, i+w].
  const slot = new Map<number, number>();
  terms.forEach((t, k) => {
    if (t.id !== undefined) slot.set(t.id, k);
  });
  let best = { share: 0, region: null as [number, number] | null, present: [] as boolean[] };
  if (slot.size > 0) {
    const w = tuning.window;
    for (const [first, end] of index.docRanges) {
      const counts = new Int32Array(terms.length);
      const add = (i: number, d: number) => {
        for (const id of index.units[i]!.terms) {
          const k = slot.get(id);
          if (k !== undefined) counts[k]! += d;
        }
      };
      for (let i = first; i < Math.min(end, first + w); i++) add(i, 1);
      for (let i = first; i < end; i++) {
        if (i + w < end) add(i + w, 1);
        if (i - w - 1 >= first) add(i - w - 1, -1);
        let s = 0;
        for (let k = 0; k < terms.length; k++) if (counts[k]! > 0) s += terms[k]!.info;
        const share = total > 0 ? s / total : 0;
        if (share > best.share) {
          best = {
            share,
            region: [Math.max(first, i - w), Math.min(end, i + w + 1)],
            present: terms.map((_, k) => counts[k]! > 0),
          };
        }
      }
    }
  }
  // A name the transcripts never use ("Europe", "ESG") is not paraphrased: its topic is not there.
  const unnamed = terms.some((t) => t.id === undefined && q.names.has(t.stem));
  const found = terms.filter((_, k) => best.present[k]).map((t) => t.word);
  const missing = terms.filter((_, k) => !best.present[k]).map((t) => t.word);
  const headFound = best.present[terms.indexOf(head)] === true;
  return {
    covered: !unnamed && best.share >= tuning.share && (!tuning.requireHead || headFound),
    share: best.share,
    region: best.region,
    found,
    missing,
  };
}

/**
 * The question's terms that say the most about its topic: those at least as informative as its
 * median term (speech-act words aside). The nearest passages to an uncovered question must hold
 * one of them — "company" alone does not bring a passage near "the company's pension fund".
 */
export function informativeTerms(q: QueryAnalysis): Map<string, number> {
  const scored = [...q.terms]
    .filter(([s]) => !SPEECH_ACTS.has(s))
    .map(([s, w]) => ({ s, w, info: termInformation(q.surface.get(s) ?? s) }));
  if (scored.length === 0) return q.terms;
  const sorted = scored.map((x) => x.info).sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return new Map(scored.filter((x) => x.info >= median).map((x) => [x.s, x.w]));
}

/** The question's topic words that no transcript uses (speech-act words and unspoken speaker-label words aside), as written. */
export function missingEverywhere(index: AskIndex, q: QueryAnalysis): string[] {
  const labelWords = speakerLabelStems(index);
  return [...q.terms.keys()]
    .filter((s) => !SPEECH_ACTS.has(s) && !labelWords.has(s))
    .filter((s) => termId(index, s, q.surface.get(s) ?? s) === undefined)
    .map((s) => q.surface.get(s) ?? s);
}

const labelCache = new WeakMap<AskIndex, Set<string>>();
function speakerLabelStems(index: AskIndex): Set<string> {
  let out = labelCache.get(index);
  if (!out) {
    out = new Set();
    for (const t of index.transcripts) {
      for (const turn of t.turns) {
        if (turn.speaker)
          for (const w of turn.speaker.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w) out.add(stem(w));
      }
    }
    labelCache.set(index, out);
  }
  return out;
}

/** The index's id for a question term, trying the other side of the Atlantic ("color"/"colour") when it has none. */
function termId(index: AskIndex, s: string, word: string): number | undefined {
  const id = index.vocab.get(s);
  if (id !== undefined) return id;
  for (const v of spellingVariants(word)) {
    const alt = index.vocab.get(stem(v));
    if (alt !== undefined) return alt;
  }
  return undefined;
}

/** American and British spellings of a word: -or/-our, -ize/-ise, -yze/-yse, -er/-re, -og/-ogue. */
export function spellingVariants(word: string): string[] {
  const out: string[] = [];
  const swap = (re: RegExp, to: string) => {
    if (re.test(word)) out.push(word.replace(re, to));
  };
  swap(/our(s|ed|ing|ful)?$/, 'or$1');
  swap(/([^aeiou])or(s|ed|ing|ful)?$/, '$1our$2');
  swap(/iz(e|es|ed|ing|ation|ations)$/, 'is$1');
  swap(/is(e|es|ed|ing|ation|ations)$/, 'iz$1');
  swap(/yz(e|es|ed|ing)$/, 'ys$1');
  swap(/ys(e|es|ed|ing)$/, 'yz$1');
  swap(/([^aeiou])er(s)?$/, '$1re$2');
  swap(/([^aeiou])re(s)?$/, '$1er$2');
  swap(/og$/, 'ogue');
  swap(/ogue$/, 'og');
  return out;
}
