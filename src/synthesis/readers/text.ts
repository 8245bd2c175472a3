/**
 * Plain-text transcripts in their three shapes:
 * - 'text-headings': "Jane Doe  0:35" (or "Jane Doe (00:00:35):", "[00:35] Jane Doe", "0:35") on a
 *   line of its own, then what was said (Otter, Teams, Rev, Descript text exports);
 * - 'text-colon': "Jane Doe: what was said" lines, unlabelled lines continuing the last speaker;
 * - 'text-plain': paragraphs with no speakers at all (Whisper .txt).
 * DOCX transcripts are read here too once their paragraphs are lines.
 */
import type { Turn } from '../types.ts';
import { leadingTime, parseHeadingLine, splitLabelledLine } from './labels.ts';
import { parseClock } from './timecode.ts';
import { type Chunk, mergeChunks } from './turns.ts';

export type TextShape = 'text-headings' | 'text-colon' | 'text-plain';

/** Recorder footers that are not speech ("Transcribed by https://otter.ai"). */
function isFooter(line: string): boolean {
  return /^transcribed by https?:\/\/\S+$/i.test(line.trim());
}

/**
 * A table row from a DOCX export (cells joined by tabs) whose first two cells are a speaker and a
 * time, in either order: becomes a heading line and the rest of the row.
 */
function splitTableRow(line: string): string[] | null {
  if (!line.includes('\t')) return null;
  const cells = line
    .split('\t')
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
  if (cells.length < 3) return null;
  const [a, b] = cells as [string, string];
  const heading = parseClock(b) !== null ? `${a}  ${b}` : parseClock(a) !== null ? `${b}  ${a}` : null;
  if (heading === null || parseHeadingLine(heading) === null) return null;
  return [heading, cells.slice(2).join(' ')];
}

function prepare(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const row = splitTableRow(line);
    if (row) out.push(...row);
    else out.push(line);
  }
  let end = out.length;
  while (end > 0 && (out[end - 1]!.trim().length === 0 || isFooter(out[end - 1]!))) end--;
  return out.slice(0, end);
}

/** Which of the three shapes `lines` are in. */
export function classifyText(rawLines: readonly string[]): TextShape {
  const lines = prepare(rawLines);
  let headings = 0;
  let firstIsHeading = false;
  let seenText = false;
  let labelled = 0;
  let blockStarts = 0;
  let previousBlank = true;
  for (const line of lines) {
    const blank = line.trim().length === 0;
    if (!blank) {
      const heading = parseHeadingLine(line);
      if (heading !== null) {
        headings++;
        if (!seenText) firstIsHeading = true;
      } else if (previousBlank || splitLabelledLine(line) !== null) {
        blockStarts++;
        if (splitLabelledLine(line) !== null) labelled++;
      }
      seenText = true;
    }
    previousBlank = blank;
  }
  if (headings >= 2 || (headings === 1 && firstIsHeading)) return 'text-headings';
  if (labelled >= 2 && labelled * 4 >= blockStarts) return 'text-colon';
  return 'text-plain';
}

function readHeadings(lines: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  for (const line of lines) {
    const text = line.trim();
    if (text.length === 0) continue;
    const heading = parseHeadingLine(text);
    if (heading !== null) {
      current = { speaker: heading.speaker, start: heading.start, end: null, text: '' };
      chunks.push(current);
    } else if (current === undefined) {
      current = { speaker: null, start: null, end: null, text };
      chunks.push(current);
    } else {
      current.text += current.text.length === 0 ? text : ` ${text}`;
    }
  }
  return chunks;
}

function readColon(lines: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  for (const line of lines) {
    const text = line.trim();
    if (text.length === 0) continue;
    const labelled = splitLabelledLine(text);
    if (labelled !== null) {
      current = { speaker: labelled.speaker, start: labelled.start, end: null, text: labelled.text };
      chunks.push(current);
    } else if (current === undefined) {
      const timed = leadingTime(text);
      current = { speaker: null, start: timed?.[0] ?? null, end: null, text: timed?.[1] ?? text };
      chunks.push(current);
    } else {
      current.text += ` ${text}`;
    }
  }
  return chunks;
}

/** Paragraphs (blank-line separated); a file without blank lines has one segment per line. */
function readPlain(lines: readonly string[]): Chunk[] {
  const hasBlank = lines.some((l) => l.trim().length === 0);
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  for (const line of lines) {
    const text = line.trim();
    if (text.length === 0) {
      current = undefined;
      continue;
    }
    const timed = leadingTime(text);
    if (current === undefined || !hasBlank) {
      current = { speaker: null, start: timed?.[0] ?? null, end: null, text: timed?.[1] ?? text };
      chunks.push(current);
    } else {
      current.text += ` ${text}`;
    }
  }
  return chunks;
}

/** Reads text lines in the given shape (or the one `classifyText` finds) into turns. */
export function readTextLines(
  rawLines: readonly string[],
  shape?: TextShape,
): { shape: TextShape; turns: Turn[] } {
  const lines = prepare(rawLines);
  const found = shape ?? classifyText(lines);
  const chunks =
    found === 'text-headings'
      ? readHeadings(lines)
      : found === 'text-colon'
        ? readColon(lines)
        : readPlain(lines);
  return { shape: found, turns: mergeChunks(chunks) };
}
