/**
 * Shortening text to a marketplace's limit without ever cutting a word in two. Pure.
 *
 * Lengths are counted in Unicode code points (what a person calls characters; an emoji is one, not
 * two UTF-16 units). A shortened text is a prefix of the original that ends at a word boundary, with
 * trailing spaces and joining punctuation dropped, followed by an ellipsis. A description prefers to
 * end at a paragraph or a sentence when that keeps most of the room.
 */

export const ELLIPSIS = '…';

export interface Shortened {
  text: string;
  /** true when the text had to be shortened to fit. */
  shortened: boolean;
  /** Code points of the original and of the result. */
  from: number;
  to: number;
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;

/** Length in code points. */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** True when the boundary between `a`'s last character and `b`'s first splits a word. */
export function splitsWord(a: string, b: string): boolean {
  const last = [...a].at(-1);
  const next = [...b][0];
  return last !== undefined && next !== undefined && WORD.test(last) && WORD.test(next);
}

/**
 * `text` within `max` code points. Unchanged when it fits; otherwise whole words up to the limit and
 * an ellipsis (empty when not even the first word fits). `prefer: 'paragraph'` ends at the last
 * paragraph or sentence break when that keeps at least 60% of the room.
 */
export function shorten(text: string, max: number, opts: { prefer?: 'word' | 'paragraph' } = {}): Shortened {
  const chars = [...text];
  if (chars.length <= max) return { text, shortened: false, from: chars.length, to: chars.length };
  const room = Math.max(0, max - 1); // one for the ellipsis
  // The longest prefix of at most `room` characters that does not end inside a word.
  let cut = room;
  while (cut > 0 && WORD.test(chars[cut - 1]!) && WORD.test(chars[cut] ?? ' ')) cut--;
  if (opts.prefer === 'paragraph' && cut > 0) {
    const head = chars.slice(0, cut).join('');
    const para = head.lastIndexOf('\n\n');
    const sentence = Math.max(head.lastIndexOf('. '), head.lastIndexOf('.\n'));
    const at = para >= 0 ? para : sentence >= 0 ? sentence + 1 : -1;
    if (at >= 0 && charLength(head.slice(0, at)) >= room * 0.6) cut = charLength(head.slice(0, at));
  }
  let kept = chars.slice(0, cut).join('');
  // No dangling separators before the ellipsis: "Slides, charts," → "Slides, charts…".
  kept = kept.replace(/[\s,;:\-–—(/]+$/u, '');
  const out = kept ? `${kept}${ELLIPSIS}` : '';
  return { text: out, shortened: true, from: chars.length, to: charLength(out) };
}
