/**
 * What WebVTT and SRT share: the text of a cue (markup stripped, entities decoded, voices and
 * "Name:" labels found) and turning a list of timed cues into speaker turns.
 */
import { decodeHTML } from 'entities';
import type { Turn } from '../types.ts';
import { splitLabelledLine } from './labels.ts';
import { type Chunk, mergeChunks } from './turns.ts';

/** Text spoken by one voice inside a cue, one entry per payload line. */
export interface CuePart {
  /** From a WebVTT `<v Name>` tag; null when the cue has none. */
  voice: string | null;
  lines: string[];
}

export interface Cue {
  start: number;
  end: number;
  /** 1-based line of the cue's timing line. */
  line: number;
  parts: CuePart[];
}

function isTagStart(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return c === '/' || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Index of `char` within `limit` characters from `from` on the same line, else -1 (keeps scanning linear). */
function boundedIndexOf(text: string, char: string, from: number, limit: number): number {
  const end = Math.min(text.length, from + limit);
  for (let k = from; k < end; k++) {
    const c = text[k];
    if (c === char) return k;
    if (c === '\n') return -1;
  }
  return -1;
}

function cleanLine(text: string): string {
  return decodeHTML(text)
    .replace(/[\u200e\u200f\u00a0]/g, ' ')
    .trim();
}

/**
 * Splits a cue payload into voice parts and strips markup: `<v Name>`/`<v.loud Name>` open a voice,
 * `</v>` closes it, every other tag (`<c.x>`, `<i>`, `<b>`, `<font ...>`, `<00:00:01.000>`) and
 * `{\an8}`-style codes are dropped; entities are decoded after tags are gone so "&lt;" stays text.
 */
export function parseCuePayload(payload: string): CuePart[] {
  const parts: CuePart[] = [];
  let voice: string | null = null;
  let buffer = '';
  const flush = () => {
    const lines = buffer
      .split('\n')
      .map(cleanLine)
      .filter((l) => l.length > 0);
    if (lines.length > 0) parts.push({ voice, lines });
    buffer = '';
  };
  let i = 0;
  const n = payload.length;
  while (i < n) {
    // Copy plain text up to the next possible markup in one slice.
    let next = payload.indexOf('<', i);
    const brace = payload.indexOf('{', i);
    if (next < 0 || (brace >= 0 && brace < next)) next = brace;
    if (next < 0) next = n;
    buffer += payload.slice(i, next);
    i = next;
    if (i >= n) break;
    const c = payload[i]!;
    if (c === '<' && isTagStart(payload[i + 1])) {
      const close = boundedIndexOf(payload, '>', i + 1, 200);
      if (close > 0) {
        const tag = payload.slice(i + 1, close);
        const name = tag.split(/[\s.]/, 1)[0]!.toLowerCase();
        if (name === 'v') {
          flush();
          const space = tag.search(/\s/);
          const label = space < 0 ? '' : cleanLine(tag.slice(space + 1)).replace(/\s+/g, ' ');
          voice = label.length > 0 ? label : null;
        } else if (name === '/v') {
          flush();
          voice = null;
        }
        i = close + 1;
        continue;
      }
    }
    if (c === '{' && payload[i + 1] === '\\') {
      const close = boundedIndexOf(payload, '}', i + 2, 40);
      if (close > 0) {
        i = close + 1;
        continue;
      }
    }
    buffer += c;
    i++;
  }
  flush();
  return parts;
}

/** Subtitle dialogue dashes ("- Yes.") mark a turn but name nobody; the dash is not speech. */
function stripDialogueDash(line: string): string {
  return line.startsWith('- ') || line.startsWith('– ') ? line.slice(2).trimStart() : line;
}

/**
 * Whether "Name:" prefixes in these cues are speaker labels: yes when a label repeats or when at
 * least half the cues carry one; a lone "Remember: ..." in a lecture's subtitles stays text.
 */
function acceptColonLabels(cues: readonly Cue[]): boolean {
  const counts = new Map<string, number>();
  let labelledCues = 0;
  for (const cue of cues) {
    let labelled = false;
    for (const part of cue.parts) {
      if (part.voice !== null) continue;
      for (const line of part.lines) {
        const l = splitLabelledLine(stripDialogueDash(line));
        if (l === null) continue;
        labelled = true;
        const n = (counts.get(l.speaker) ?? 0) + 1;
        if (n >= 2) return true;
        counts.set(l.speaker, n);
      }
    }
    if (labelled) labelledCues++;
  }
  return labelledCues > 0 && labelledCues * 2 >= cues.length;
}

/** Speaker turns from timed cues: voices first, then "Name:" labels, then the merge rules of turns.ts. */
export function cuesToTurns(cues: readonly Cue[]): Turn[] {
  const colonLabels = acceptColonLabels(cues);
  const chunks: Chunk[] = [];
  for (const cue of cues) {
    for (const part of cue.parts) {
      if (part.voice !== null) {
        chunks.push({ speaker: part.voice, start: cue.start, end: cue.end, text: part.lines.join(' ') });
        continue;
      }
      let current: Chunk | undefined;
      for (const rawLine of part.lines) {
        const line = stripDialogueDash(rawLine);
        const labelled = colonLabels ? splitLabelledLine(line) : null;
        if (labelled !== null || current === undefined || line !== rawLine) {
          current = {
            speaker: labelled?.speaker ?? null,
            start: cue.start,
            end: cue.end,
            text: labelled?.text ?? line,
          };
          chunks.push(current);
        } else {
          current.text += ` ${line}`;
        }
      }
    }
  }
  return mergeChunks(chunks);
}
