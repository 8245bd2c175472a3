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

/** "v" for "v.loud Jane", "/v" for "/v", "c" for "c.yellow": the tag name before any class or annotation. */
function tagName(tag: string): string {
  let end = 0;
  while (end < tag.length) {
    const c = tag[end];
    if (c === '.' || c === ' ' || c === '\t') break;
    end++;
  }
  return tag.slice(0, end).toLowerCase();
}

const INVISIBLE = /[\u200e\u200f\u00a0]/g;

function cleanLine(text: string): string {
  const decoded = text.includes('&') ? decodeHTML(text) : text;
  const visible =
    decoded.includes('\u200e') || decoded.includes('\u200f') || decoded.includes('\u00a0')
      ? decoded.replace(INVISIBLE, ' ')
      : decoded;
  return visible.trim();
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
  let copyFrom = 0; // start of the text not yet copied into buffer
  const n = payload.length;
  // Next "<" and "{" positions, recomputed only once passed, so a payload full of them stays linear.
  let nextLt = payload.indexOf('<');
  let nextBrace = payload.indexOf('{');
  let nextGt = payload.indexOf('>');
  let nextCloseBrace = payload.indexOf('}');
  let nextNewline = payload.indexOf('\n');
  /** Position of the next `char` after `i` on the same line and within `limit`, else -1; each cache only moves forward. */
  const closing = (which: '>' | '}', limit: number): number => {
    if (nextNewline >= 0 && nextNewline <= i) nextNewline = payload.indexOf('\n', i + 1);
    let pos: number;
    if (which === '>') {
      if (nextGt >= 0 && nextGt <= i) nextGt = payload.indexOf('>', i + 1);
      pos = nextGt;
    } else {
      if (nextCloseBrace >= 0 && nextCloseBrace <= i) nextCloseBrace = payload.indexOf('}', i + 1);
      pos = nextCloseBrace;
    }
    if (pos < 0 || pos - i > limit || (nextNewline >= 0 && nextNewline < pos)) return -1;
    return pos;
  };
  while (i < n) {
    if (nextLt >= 0 && nextLt < i) nextLt = payload.indexOf('<', i);
    if (nextBrace >= 0 && nextBrace < i) nextBrace = payload.indexOf('{', i);
    const next = nextLt < 0 ? nextBrace : nextBrace < 0 ? nextLt : Math.min(nextLt, nextBrace);
    if (next < 0) break;
    i = next;
    const c = payload[i]!;
    if (c === '<' && isTagStart(payload[i + 1])) {
      const close = closing('>', 200);
      if (close > 0) {
        buffer += payload.slice(copyFrom, i);
        copyFrom = close + 1;
        const tag = payload.slice(i + 1, close);
        const name = tagName(tag);
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
      const close = closing('}', 40);
      if (close > 0) {
        buffer += payload.slice(copyFrom, i);
        copyFrom = close + 1;
        i = close + 1;
        continue;
      }
    }
    i++; // a "<" or "{" that starts no markup is text: it is copied with the slice around it
  }
  buffer += payload.slice(copyFrom);
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
