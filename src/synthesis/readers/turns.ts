/**
 * From the pieces a file is cut into (subtitle cues, speech-to-text segments, paragraphs) to
 * speaker turns: one utterance split over several cues becomes one turn, and cues without a
 * label are attached to the right speaker where the file makes that clear.
 */
import type { Turn } from '../types.ts';

export interface Chunk {
  speaker: string | null;
  start: number | null;
  end: number | null;
  text: string;
}

/** Unlabelled pieces stop being glued together past this many characters (a long paragraph). */
const MAX_UNLABELLED_TURN_CHARS = 1200;

const SENTENCE_END = new Set(['.', '?', '!', '…', '。', '？', '！']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);

/** True when `text` ends a sentence ("done.", "why?\"", "right…"). */
export function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n')) i--;
  while (i >= 0 && CLOSERS.has(text[i]!)) i--;
  return i >= 0 && SENTENCE_END.has(text[i]!);
}

/** True when `text` reads as the rest of a sentence: it starts in lower case or with a comma, dash, ellipsis. */
export function continuesSentence(text: string): boolean {
  const first = text.trimStart();
  const c = first[0];
  if (c === undefined) return false;
  if (c === ',' || c === ';' || c === '…' || c === '—' || c === '–' || first.startsWith('...')) return true;
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

/** Collapses runs of whitespace to one space and trims. */
export function normalizeSpace(text: string): string {
  // Most text is already clean; testing first avoids rebuilding long strings (and the GC work).
  return IRREGULAR_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

const IRREGULAR_SPACE = /[^\S ]| {2}/;

function append(turn: Turn, chunk: Chunk): void {
  turn.text = turn.text.length === 0 ? chunk.text : `${turn.text} ${chunk.text}`;
  if (turn.start === null) turn.start = chunk.start;
  if (chunk.end !== null && (turn.end === null || chunk.end > turn.end)) turn.end = chunk.end;
}

/**
 * Whether the labels in this file are written only when the speaker changes (subtitle style):
 * then an unlabelled cue belongs to the last named speaker. When labels are on every cue
 * (Zoom, Teams), an unlabelled cue is a speaker the recorder could not name.
 */
function labelsOnlyOnChange(chunks: readonly Chunk[]): boolean {
  let previous: string | null | undefined;
  let unlabelled = 0;
  for (const c of chunks) {
    if (c.speaker === null) unlabelled++;
    else if (previous === c.speaker) return false;
    previous = c.speaker;
  }
  return unlabelled > 0;
}

/** Merges consecutive chunks into turns (see the module comment for the rules). */
export function mergeChunks(chunks: readonly Chunk[]): Turn[] {
  const anyLabel = chunks.some((c) => c.speaker !== null);
  const inherit = anyLabel && labelsOnlyOnChange(chunks);
  const turns: Turn[] = [];
  let current: Turn | undefined;
  for (const raw of chunks) {
    const text = normalizeSpace(raw.text);
    if (text.length === 0) continue;
    const chunk: Chunk = { ...raw, text };
    let join = false;
    if (current !== undefined) {
      if (chunk.speaker !== null) {
        join = chunk.speaker === current.speaker;
      } else if (inherit) {
        join = true;
      } else if (current.speaker === null) {
        join = !endsSentence(current.text) && current.text.length < MAX_UNLABELLED_TURN_CHARS;
      } else {
        join = !endsSentence(current.text) && continuesSentence(chunk.text);
      }
    }
    if (join && current !== undefined) {
      append(current, chunk);
    } else {
      current = { speaker: chunk.speaker, start: chunk.start, end: chunk.end, text: chunk.text };
      turns.push(current);
    }
  }
  return turns;
}

/** Distinct speakers in order of first appearance. */
export function speakersOf(turns: readonly Turn[]): string[] {
  const seen = new Set<string>();
  for (const t of turns) if (t.speaker !== null) seen.add(t.speaker);
  return [...seen];
}
