/**
 * Sentence splitting tuned for spoken transcripts: abbreviations ("Dr.", "e.g.", "a.m."), numbers
 * ("3.5", "No. 4"), ellipses, initials, blank lines, and run-ons with little or no punctuation
 * (ASR output), which are cut at clause openers ("and so", "but", "so") or commas once too long.
 */

import { isStopword } from './stopwords.ts';
import { countWords } from './tokens.ts';

export interface SentenceOptions {
  /** A sentence longer than this many words is cut at a soft boundary (default 40). */
  maxWords?: number;
}

// Lower-case abbreviations (without the final dot) after which a dot does not end the sentence.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'cf',
  'al',
  'inc',
  'ltd',
  'co',
  'corp',
  'approx',
  'dept',
  'est',
  'fig',
  'no',
  'nos',
  'vol',
  'pp',
  'p',
  'ca',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
  'a.m',
  'p.m',
  'u.s',
  'u.k',
  'e.u',
  'ph.d',
  'gov',
  'govt',
  'min',
  'max',
  'avg',
  'ref',
]);
// Abbreviations that usually end a sentence when they come last: only a lower-case next word keeps going.
const CAN_END = new Set(['etc', 'a.m', 'p.m', 'u.s', 'u.k', 'e.u', 'inc', 'ltd', 'co', 'corp', 'al']);

// A candidate end: terminal punctuation, optional closing quotes/brackets, then space.
const END_RE = /([.?!…]+)(["'”’)\]]*)(\s+)/g;

/** Split `text` into sentences (trimmed, non-empty), keeping their original wording and punctuation. */
export function splitSentences(text: string, opts: SentenceOptions = {}): string[] {
  const maxWords = opts.maxWords ?? 40;
  const out: string[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    for (const s of splitBlock(block.replace(/\s+/g, ' ').trim())) {
      // a sentence of more than maxWords words has at least 2 * maxWords characters: count only then
      if (s.length > 2 * maxWords && countWords(s) > maxWords) out.push(...splitRunOn(s, maxWords));
      else out.push(s);
    }
  }
  return out.filter((s) => /[\p{L}\p{N}]/u.test(s));
}

function splitBlock(s: string): string[] {
  if (!s) return [];
  const out: string[] = [];
  let from = 0;
  for (const m of s.matchAll(END_RE)) {
    const punct = m[1]!;
    const cut = m.index + punct.length + m[2]!.length;
    const next = s.slice(cut + m[3]!.length);
    if (!isBoundary(s.slice(from, m.index), punct, next)) continue;
    out.push(s.slice(from, cut).trim());
    from = cut + m[3]!.length;
  }
  if (from < s.length) out.push(s.slice(from).trim());
  return out;
}

function isBoundary(before: string, punct: string, next: string): boolean {
  const nextChar = next.charAt(0);
  if (!nextChar) return true;
  if (punct.includes('?') || punct.includes('!')) return true;
  const nextIsLower = /\p{Ll}/u.test(nextChar);
  // "..." / "…" trailing off mid-sentence: only a capital starts a new one.
  if (punct.length > 1 || punct === '…') return !nextIsLower;
  const last = /(\S+)$/.exec(before)?.[1] ?? '';
  const word = last.toLowerCase().replace(/^["'“‘(]+/, '');
  if (ABBREVIATIONS.has(word)) {
    if (word === 'no' || word === 'nos') return !/^\d/.test(next);
    return CAN_END.has(word) ? !nextIsLower && !/^\d/.test(next) : false;
  }
  // An initial inside a name ("John F. Kennedy"): a capital letter between two capitalised words,
  // unless the next word is a usual sentence opener ("Plan B. Then we…").
  const nextWord = /^[\p{L}']+/u.exec(next)?.[0] ?? '';
  if (
    /^\p{Lu}$/u.test(last) &&
    /\p{Lu}\p{Ll}+\s+\S$/u.test(before) &&
    /^\p{Lu}\p{Ll}/u.test(next) &&
    !isStopword(nextWord)
  ) {
    return false;
  }
  // Dotted acronyms mid-sentence ("the U.N. said").
  if (/^(?:\p{L}\.)+\p{L}$/u.test(last) && nextIsLower) return false;
  return true;
}

// Places where a spoken run-on can be cut, best first: a clause opener after a comma, a semicolon or dash,
// a bare clause opener, any comma.
const SOFT_CUTS: RegExp[] = [
  /[,;]\s+(?=(?:and so|and then|but|so|because|which means|whereas|although|however|then)\b)/gi,
  /\s*(?:;|\s-{1,2}\s|\s—\s)\s*/g,
  /\s+(?=(?:and so|and then|but|so|because|whereas|although|however)\s)/gi,
  /,\s+/g,
];

/** Cut an over-long sentence into pieces of at most `maxWords` words, preferring clause boundaries. */
function splitRunOn(s: string, maxWords: number): string[] {
  const minWords = Math.max(4, Math.floor(maxWords / 4));
  for (const re of SOFT_CUTS) {
    let best = -1;
    let bestLen = 0;
    let bestDist = Number.POSITIVE_INFINITY;
    for (const m of s.matchAll(re)) {
      const left = countWords(s.slice(0, m.index));
      const right = countWords(s.slice(m.index + m[0].length));
      if (left < minWords || right < minWords) continue;
      // prefer the cut nearest the middle, so both halves shrink
      const dist = Math.abs(left - right);
      if (dist < bestDist) {
        bestDist = dist;
        best = m.index;
        bestLen = m[0].length;
      }
    }
    if (best >= 0) {
      // The cut's punctuation stays with the words before it ("so," stays "so,"): the pieces keep the
      // original wording and punctuation, only the spaces between them go.
      const head = s.slice(0, best + bestLen).trimEnd();
      const tail = s.slice(best + bestLen).trim();
      return [...splitLong(head, maxWords), ...splitLong(tail, maxWords)];
    }
  }
  return hardSplit(s, maxWords);
}

function splitLong(s: string, maxWords: number): string[] {
  return countWords(s) > maxWords ? splitRunOn(s, maxWords) : [s];
}

function hardSplit(s: string, maxWords: number): string[] {
  const parts = s.split(/\s+/);
  const out: string[] = [];
  const size = Math.ceil(parts.length / Math.ceil(countWords(s) / maxWords));
  for (let i = 0; i < parts.length; i += size) out.push(parts.slice(i, i + size).join(' '));
  return out;
}
