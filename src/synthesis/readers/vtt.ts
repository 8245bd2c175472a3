/**
 * WebVTT (Teams, Zoom, YouTube, Whisper): cues with `<v Name>` voices or "Name: text" payloads,
 * NOTE/STYLE/REGION blocks skipped, cue ids of any shape (numbers, GUIDs like "6f1b…/12-0").
 * Lenient where players are (a missing blank line, a blank line inside a payload), strict on
 * timestamps: a broken one is reported with its line.
 */
import type { Turn } from '../types.ts';
import { type Cue, cuesToTurns, parseCuePayload } from './cues.ts';
import { malformed } from './problems.ts';
import { parseCueTime, parseCueTiming } from './timecode.ts';

const BLOCK_KEYWORDS = ['NOTE', 'STYLE', 'REGION'];

function isBlockKeyword(line: string): boolean {
  for (const k of BLOCK_KEYWORDS) {
    if (
      line.startsWith(k) &&
      (line.length === k.length || line[k.length] === ' ' || line[k.length] === '\t')
    ) {
      return true;
    }
  }
  return false;
}

/** A first token that is a cue time ("00:01:02.500") on a line without an arrow: a timing cut short. */
function looksLikeCutTiming(line: string): boolean {
  const c = line.charCodeAt(0);
  if (!(c >= 48 && c <= 57) && c !== 32 && c !== 9) return false;
  const t = line.trimStart();
  if (!(t.charCodeAt(0) >= 48 && t.charCodeAt(0) <= 57) || !(t[1] === ':' || t[2] === ':' || t[3] === ':'))
    return false;
  const space = t.search(/\s/);
  return parseCueTime(space < 0 ? t : t.slice(0, space)) !== null;
}

/** A cue id as tools write them: a number, or a GUID optionally followed by "/12-0" (Teams). */
function isCueId(line: string): boolean {
  const t = line.trim();
  return /^\d+$/.test(t) || /^[0-9a-f]{8}-[0-9a-f-]{4,}(?:\/[0-9-]+)?$/i.test(t);
}

function isBlank(line: string): boolean {
  return line.trim().length === 0;
}

export interface CueBlocksOptions {
  file: string;
  format: 'WebVTT' | 'SRT';
  example: string;
}

/**
 * Cues from subtitle lines (shared by WebVTT after its header and SRT): a block is an optional id
 * line, a timing line, then payload lines up to a blank line.
 */
export function readCueBlocks(lines: readonly string[], from: number, options: CueBlocksOptions): Cue[] {
  const cues: Cue[] = [];
  let payload: string[] | undefined; // payload lines of the cue being read
  let current: Omit<Cue, 'parts'> | undefined;
  let pending: { text: string; line: number }[] = []; // lines of a block not (yet) known to be a cue
  let skipping = false; // inside a NOTE/STYLE/REGION block

  const finishCue = () => {
    if (current !== undefined && payload !== undefined) {
      cues.push({ ...current, parts: parseCuePayload(payload.join('\n')) });
    }
    current = undefined;
    payload = undefined;
  };
  let lastContent = lines.length - 1;
  while (lastContent >= from && isBlank(lines[lastContent]!)) lastContent--;
  const flushPending = () => {
    if (pending.length === 0) return;
    // A lone cue number or id as the last thing in the file: the cue after it was cut off.
    const only = pending[0]!;
    if (pending.length === 1 && only.line - 1 === lastContent && isCueId(only.text)) {
      throw malformed(
        { file: options.file, line: only.line },
        `the file ends with "${only.text.trim().slice(0, 40)}" and no cue timing after it: it seems cut off`,
        'Export the transcript again in full.',
        { format: options.format },
      );
    }
    // Text between cues with no timing: a payload split by a blank line. Give it to the previous cue.
    const last = cues.at(-1);
    if (last !== undefined) {
      const extra = parseCuePayload(pending.map((p) => p.text).join('\n'));
      last.parts.push(...extra);
    }
    pending = [];
  };

  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) {
      finishCue();
      flushPending();
      skipping = false;
      continue;
    }
    if (skipping) continue;
    if (line.includes('-->')) {
      const timing = parseCueTiming(line);
      if (timing === null) {
        throw malformed(
          { file: options.file, line: i + 1 },
          `${options.format} cue timing "${line.trim().slice(0, 80)}" is not valid (expected "${options.example}")`,
          'Fix the timestamp on that line or export the transcript again; a file cut off mid-line must be re-exported.',
          { format: options.format },
        );
      }
      // An SRT index glued to the previous cue (no blank line before it) is not speech.
      if (payload !== undefined && payload.length > 0 && /^\d+$/.test(payload.at(-1)!.trim())) payload.pop();
      finishCue();
      pending = []; // an id line before the timing
      current = { start: timing.start, end: timing.end, line: i + 1 };
      payload = [];
      continue;
    }
    if (looksLikeCutTiming(line)) {
      throw malformed(
        { file: options.file, line: i + 1 },
        `"${line.trim().slice(0, 80)}" starts like a cue timing but has no "-->" (expected "${options.example}")`,
        'Fix that line or export the transcript again; a file cut off mid-line must be re-exported.',
        { format: options.format },
      );
    }
    if (payload !== undefined) {
      payload.push(line);
      continue;
    }
    if (pending.length === 0 && isBlockKeyword(line)) {
      skipping = true;
      continue;
    }
    pending.push({ text: line, line: i + 1 });
  }
  finishCue();
  flushPending();
  return cues;
}

/** Turns of a WebVTT document (the "WEBVTT" header is optional so a header-less .vtt still reads). */
export function readVtt(file: string, lines: readonly string[]): Turn[] {
  let i = 0;
  if (lines[0]?.startsWith('WEBVTT')) {
    // The header block runs to the first blank line (or, in careless files, to the first cue).
    i = 1;
    while (i < lines.length && !isBlank(lines[i]!) && !lines[i]!.includes('-->')) i++;
  }
  const cues = readCueBlocks(lines, i, { file, format: 'WebVTT', example: '00:01:02.500 --> 00:01:05.000' });
  return cuesToTurns(cues);
}
