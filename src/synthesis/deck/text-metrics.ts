/**
 * Estimates how much room text takes on a slide, so the deck writer can move content onto a
 * continuation slide instead of letting it run off the page. PowerPoint does not tell us how it
 * will wrap text, so we wrap it ourselves with Helvetica/Arial advance widths (Liberation Sans,
 * which LibreOffice substitutes for Arial, has the same metrics), scaled for wider or narrower
 * fonts, and err on the generous side.
 */

// Advance widths in 1/1000 em for ASCII 32..126 (Helvetica regular AFM).
const REGULAR: readonly number[] = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
  500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
  556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

// Helvetica bold AFM for the same range.
const BOLD: readonly number[] = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278,
  556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584,
  556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556,
  333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/** Width of a font relative to Arial at the same size; unknown fonts get a cautious factor. */
const FONT_WIDTH: Record<string, number> = {
  arial: 1,
  helvetica: 1,
  'liberation sans': 1,
  'nimbus sans': 1,
  'helvetica neue': 1.02,
  calibri: 0.9,
  carlito: 0.9,
  'calibri light': 0.9,
  'arial narrow': 0.82,
  'liberation sans narrow': 0.82,
  'segoe ui': 1.02,
  'open sans': 1.06,
  roboto: 0.98,
  lato: 0.97,
  'source sans pro': 0.93,
  'gill sans': 0.95,
  'gill sans mt': 0.95,
  tahoma: 1.03,
  verdana: 1.17,
  'dejavu sans': 1.15,
  georgia: 1.06,
  'times new roman': 0.9,
  'liberation serif': 0.9,
  cambria: 0.97,
  garamond: 0.88,
  'trebuchet ms': 1.0,
  'century gothic': 1.15,
  futura: 1.05,
};
const UNKNOWN_FONT_WIDTH = 1.12;

export function fontWidthFactor(fontFace: string): number {
  return FONT_WIDTH[fontFace.trim().toLowerCase()] ?? UNKNOWN_FONT_WIDTH;
}

function charWidth(ch: string, bold: boolean): number {
  const code = ch.codePointAt(0) ?? 32;
  const table = bold ? BOLD : REGULAR;
  if (code >= 32 && code <= 126) return table[code - 32] ?? 556;
  if (code === 0x2014 || code === 0x2026 || code === 0x2122) return 1000; // em dash, ellipsis, ™
  if (code === 0x2013) return 556; // en dash
  if (code >= 0x2018 && code <= 0x201f) return 333; // curly quotes
  if (code === 0x00a0) return 278;
  if (code >= 0x2e80) return 1000; // CJK and other full-width scripts
  return bold ? 640 : 600; // accented Latin and the rest: a little wider than a typical letter
}

/** One stretch of text with one style; a paragraph is a list of runs. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

export interface ParagraphStyle {
  fontFace: string;
  /** Points. */
  fontSize: number;
  /** Points of space above the paragraph (ignored for the first paragraph of a box). */
  spaceBefore?: number;
  /** Inches of indent (for bullets or hanging quotes). */
  indent?: number;
  align?: 'left' | 'center' | 'right';
  /** Extra letter spacing in points (small-caps labels); widens the text. */
  charSpacing?: number;
}

export interface Paragraph extends ParagraphStyle {
  runs: Run[];
}

/** Line height as a multiple of the font size: Arial's ascent + descent plus leading, rounded up. */
export const LINE_HEIGHT = 1.2;
/** Wrap a little earlier than the exact width: renderers differ by a few per cent. */
const WIDTH_SAFETY = 0.95;

interface Word {
  width: number; // inches, without the trailing space
  space: number; // inches of the space after it (0 at the end of a run without one)
}

function splitWords(runs: Run[], fontFace: string, fontSize: number, charSpacing = 0): Word[] {
  const emToInch = (fontSize / 72 / 1000) * fontWidthFactor(fontFace);
  const spacing = charSpacing / 72;
  const words: Word[] = [];
  for (const run of runs) {
    const bold = run.bold === true;
    const spaceW = charWidth(' ', bold) * emToInch;
    for (const piece of run.text.split(/(\s+)/)) {
      if (piece === '') continue;
      if (/^\s+$/.test(piece)) {
        const last = words[words.length - 1];
        if (last) last.space += spaceW;
        continue;
      }
      let w = 0;
      let n = 0;
      for (const ch of piece) {
        w += charWidth(ch, bold);
        n += 1;
      }
      // Italic glyphs in Arial share the regular advance widths.
      words.push({ width: w * emToInch + n * spacing, space: 0 });
    }
  }
  return words;
}

/** Number of lines a paragraph wraps to in a box `width` inches wide (inner width, no insets). */
export function countLines(paragraph: Paragraph, width: number): number {
  const avail = Math.max(0.1, (width - (paragraph.indent ?? 0)) * WIDTH_SAFETY);
  const words = splitWords(paragraph.runs, paragraph.fontFace, paragraph.fontSize, paragraph.charSpacing);
  if (words.length === 0) return 1;
  let lines = 1;
  let x = 0;
  for (const word of words) {
    if (word.width > avail) {
      // A word wider than the line is broken by the renderer across lines.
      if (x > 0) lines += 1;
      const extra = Math.ceil(word.width / avail) - 1;
      lines += extra;
      x = word.width - extra * avail + word.space;
      continue;
    }
    if (x > 0 && x + word.width > avail) {
      lines += 1;
      x = 0;
    }
    x += word.width + word.space;
  }
  return lines;
}

/** Height in inches of a paragraph, including its space before unless it opens the box. */
export function paragraphHeight(paragraph: Paragraph, width: number, first: boolean): number {
  const lines = countLines(paragraph, width);
  const before = first ? 0 : (paragraph.spaceBefore ?? 0) / 72;
  return before + (lines * paragraph.fontSize * LINE_HEIGHT) / 72;
}

/** Height in inches of a text box holding these paragraphs at this inner width. */
export function textHeight(paragraphs: Paragraph[], width: number): number {
  let h = 0;
  paragraphs.forEach((p, i) => {
    h += paragraphHeight(p, width, i === 0);
  });
  return h;
}

/**
 * Shorten a paragraph from its end, word by word (ending in "…"), until it fits in `maxLines`.
 * Used only for text that cannot move to another slide (a title, one huge quote).
 */
export function truncateToLines(paragraph: Paragraph, width: number, maxLines: number): Paragraph {
  if (countLines(paragraph, width) <= maxLines) return paragraph;
  // Words across runs, so the cut can fall in any run; binary search for the longest prefix that fits.
  const words: { run: number; word: string }[] = [];
  paragraph.runs.forEach((r, run) => {
    for (const word of r.text.split(/\s+/).filter(Boolean)) words.push({ run, word });
  });
  const build = (n: number): Paragraph => {
    const kept = new Map<number, string[]>();
    for (const { run, word } of words.slice(0, n)) kept.set(run, [...(kept.get(run) ?? []), word]);
    const runs: Run[] = paragraph.runs.flatMap((r, i) => {
      const w = kept.get(i);
      return w ? [{ ...r, text: (i > 0 && kept.size > 1 ? ' ' : '') + w.join(' ') }] : [];
    });
    const tail = runs[runs.length - 1];
    if (tail) tail.text = `${tail.text.replace(/[\s,;:.–—-]+$/, '')}…`;
    else runs.push({ ...paragraph.runs[0], text: '…' });
    return { ...paragraph, runs };
  };
  let lo = 0;
  let hi = words.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (countLines(build(mid), width) <= maxLines) lo = mid;
    else hi = mid - 1;
  }
  return build(lo);
}
