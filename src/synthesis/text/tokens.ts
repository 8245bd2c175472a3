/**
 * Word tokenisation for transcripts: lower-cased words with their inner apostrophes kept
 * ("don't", "we're"), numbers kept whole ("3.5", "2,000"), punctuation dropped.
 */

// A word: letters/digits, optionally joined by an inner apostrophe, hyphen, or a decimal/thousands mark.
const WORD_RE = /[\p{L}\p{N}]+(?:(?:['’]|[-.,](?=\p{N})|-(?=\p{L}))[\p{L}\p{N}]+)*/gu;

/** Lower-cased word tokens of `text` ("We're at 3.5%" -> ["we're", "at", "3.5"]). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD_RE)) out.push(m[0].replace(/’/g, "'"));
  return out;
}

/** Word tokens with their character offsets in `text` (original case), for highlighting and cutting. */
export function wordSpans(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Number of words in `text` (as `words` counts them), without building the array. */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD_RE)) n++;
  return n;
}

/** First `max` words of `text`, cut at a word end and keeping the original punctuation up to there. */
export function truncateWords(text: string, max: number): string {
  if (max <= 0) return '';
  let n = 0;
  for (const m of text.matchAll(WORD_RE)) {
    n++;
    if (n === max) {
      const end = m.index + m[0].length;
      // keep a closing punctuation mark glued to the last word ("done." / "why?")
      const tail = /^[.?!,;:)"'’]*/.exec(text.slice(end))?.[0] ?? '';
      return text.slice(0, end + tail.length).trim();
    }
  }
  return text.trim();
}
