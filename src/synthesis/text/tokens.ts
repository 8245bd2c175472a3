/**
 * Word tokenisation for transcripts: lower-cased words with their inner apostrophes kept
 * ("don't", "we're"), numbers kept whole ("3.5", "2,000"), hyphenated words whole, punctuation
 * dropped. A hand-written scanner (no regex) because it runs over every word of every transcript.
 */

// Letters and digits: ASCII, Latin-1 and beyond, minus the general punctuation block (’ “ ” — …).
function isAlnum(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c === 0xd7 || c === 0xf7) return false;
  return !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xfe30 && c <= 0xfe4f);
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Calls `emit(start, end)` for every word of `text`. */
function scan(text: string, emit: (start: number, end: number) => void): void {
  const n = text.length;
  let start = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isAlnum(c)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i + 1 < n) {
      const next = text.charCodeAt(i + 1);
      // inner apostrophe or hyphen before a letter/digit; "." or "," inside a number
      if ((c === 39 || c === 0x2019 || c === 45) && isAlnum(next)) continue;
      if ((c === 46 || c === 44) && isDigit(next)) continue;
    }
    if (start >= 0) {
      emit(start, i);
      start = -1;
    }
  }
  if (start >= 0) emit(start, n);
}

/** Lower-cased word tokens of `text` ("We're at 3.5%" -> ["we're", "at", "3.5"]). */
export function words(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  scan(lower, (s, e) => {
    const w = lower.slice(s, e);
    out.push(w.includes('’') ? w.replace(/’/g, "'") : w);
  });
  return out;
}

/** Word tokens with their character offsets in `text` (original case), for highlighting and cutting. */
export function wordSpans(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  scan(text, (start, end) => out.push({ word: text.slice(start, end), start, end }));
  return out;
}

/** Number of words in `text` (as `words` counts them), without building the array. */
export function countWords(text: string): number {
  let n = 0;
  scan(text, () => {
    n++;
  });
  return n;
}

/** First `max` words of `text`, cut at a word end and keeping the original punctuation up to there. */
export function truncateWords(text: string, max: number): string {
  if (max <= 0) return '';
  let n = 0;
  let cut = -1;
  scan(text, (_s, e) => {
    n++;
    if (n === max) cut = e;
  });
  if (cut < 0) return text.trim();
  // keep a closing punctuation mark glued to the last word ("done." / "why?")
  const tail = /^[.?!,;:)"'’]*/.exec(text.slice(cut))?.[0] ?? '';
  return text.slice(0, cut + tail.length).trim();
}
