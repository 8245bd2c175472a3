/**
 * Recognising speaker labels in text: "Jane Doe: text" lines, "Jane Doe  0:35" heading lines
 * (meeting-recorder exports), "Jane Doe (00:01:02):" (Rev style), "[00:01:02] Jane: text".
 * Everything is scanned by hand over short prefixes, so cost stays linear in the line length.
 */
import { parseClock } from './timecode.ts';

const MAX_LABEL = 60;
const MAX_HEADING_LINE = 100;

/** Lower-case words that may sit inside a name or role ("Ana de la Cruz", "Head of Sales"). */
const PARTICLES = new Set([
  'al',
  'bin',
  'da',
  'das',
  'de',
  'del',
  'della',
  'den',
  'der',
  'di',
  'do',
  'dos',
  'du',
  'la',
  'le',
  'of',
  'ten',
  'ter',
  'van',
  'von',
  'y',
]);

/** Role words sometimes written in lower case as the whole label ("interviewer: ..."). */
const LOWERCASE_ROLES = new Set([
  'interviewer',
  'interviewee',
  'moderator',
  'respondent',
  'participant',
  'host',
  'guest',
]);

/** Prefixes before a colon that introduce prose, not a speaker. */
const NOT_SPEAKERS = new Set([
  'note',
  'notes',
  'example',
  'tip',
  'warning',
  'caution',
  'important',
  'update',
  'source',
  'http',
  'https',
  'edit',
  'ps',
  'p.s',
  'nb',
  'n.b',
  're',
  'subject',
  'date',
  'time',
  'location',
  'duration',
  'title',
  'agenda',
  'attendees',
  'recorded',
  'transcribed by',
  'interview',
  'meeting',
  'topic',
  'project',
  'client',
  'company',
  'participants',
  'speakers',
  'recording',
  'language',
  'summary',
]);

/** Abbreviations that end in a dot inside names. */
const HONORIFICS = new Set([
  'dr.',
  'mr.',
  'mrs.',
  'ms.',
  'mx.',
  'prof.',
  'sr.',
  'jr.',
  'st.',
  'rev.',
  'hon.',
]);

const TOKEN_CHARS = /^[\p{L}\p{M}\p{N}'’\-_.&]+$/u;
const UPPER_START = /^[\p{Lu}\p{Lt}\p{N}]/u;

function isNameToken(token: string, first: boolean, last: boolean): boolean {
  if (!TOKEN_CHARS.test(token)) return false;
  if (token.includes('.')) {
    const lower = token.toLowerCase();
    const initial = token.length === 2 && token.endsWith('.');
    if (!HONORIFICS.has(lower) && !initial) return false;
    if (last && !initial) return false;
  }
  if (UPPER_START.test(token)) return true;
  return !first && PARTICLES.has(token);
}

/**
 * The label with whitespace collapsed when `raw` reads as a speaker (1–6 name words, each capitalised
 * or a digit, particles allowed inside, an optional "(role)" or "[role]" after), else null.
 */
export function cleanSpeakerLabel(raw: string): string | null {
  // Transcripts repeat the same few labels thousands of times: remember the verdicts.
  const known = labelCache.get(raw);
  if (known !== undefined) return known;
  const verdict = judgeSpeakerLabel(raw);
  if (labelCache.size >= 2000) labelCache.clear();
  labelCache.set(raw, verdict);
  return verdict;
}

const labelCache = new Map<string, string | null>();

function judgeSpeakerLabel(raw: string): string | null {
  const label = raw.trim().replace(/\s+/g, ' ');
  if (label.length === 0 || label.length > MAX_LABEL) return null;
  let base = label;
  const close = label.at(-1);
  if (close === ')' || close === ']') {
    const open = label.lastIndexOf(close === ')' ? '(' : '[');
    if (open <= 0) return null;
    const inner = label.slice(open + 1, -1);
    if (inner.length === 0 || /[()[\]:]/.test(inner)) return null;
    base = label.slice(0, open).trim();
  }
  const lower = base.toLowerCase();
  if (NOT_SPEAKERS.has(lower)) return null;
  if (LOWERCASE_ROLES.has(lower)) return label;
  const tokens = base.split(' ');
  if (tokens.length === 0 || tokens.length > 6) return null;
  let hasLetter = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isNameToken(t, i === 0, i === tokens.length - 1)) return null;
    if (/\p{L}/u.test(t)) hasLetter = true;
  }
  return hasLetter ? label : null;
}

export interface LabelledLine {
  speaker: string;
  text: string;
  /** A time written with the label ("[00:01:02] Jane: ...", "Jane (00:01):"), in seconds. */
  start: number | null;
}

/** Index of the first ":" outside brackets that is followed by whitespace or ends the line, within the label span. */
function labelColon(line: string): number {
  let depth = 0;
  const limit = Math.min(line.length, MAX_LABEL + 24);
  for (let i = 0; i < limit; i++) {
    const c = line[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if (c === ':' && depth === 0) {
      const next = line[i + 1];
      return next === undefined || next === ' ' || next === '\t' ? i : -1;
    }
  }
  return -1;
}

/** A leading "[00:01:02]", "(00:01)" or "00:01:02" followed by a space: [seconds, rest] or null. */
export function leadingTime(line: string): [number, string] | null {
  const open = line[0];
  if (open === '[' || open === '(') {
    const close = line.indexOf(open === '[' ? ']' : ')');
    if (close < 2 || close > 16) return null;
    const t = parseClock(line.slice(1, close));
    return t === null ? null : [t, line.slice(close + 1).trimStart()];
  }
  const space = line.indexOf(' ');
  if (space < 3 || space > 13) return null;
  const t = parseClock(line.slice(0, space));
  return t === null ? null : [t, line.slice(space + 1).trimStart()];
}

/** A time in brackets ending a label: "Jane Doe (00:01)" -> [name, seconds]. */
function trailingBracketTime(label: string): [string, number] | null {
  const close = label.at(-1);
  if (close !== ')' && close !== ']') return null;
  const open = label.lastIndexOf(close === ')' ? '(' : '[');
  if (open < 0) return null;
  const t = parseClock(label.slice(open + 1, -1));
  return t === null ? null : [label.slice(0, open).trim(), t];
}

/** "Jane Doe: text" (also with a time before or after the name) or null. */
export function splitLabelledLine(rawLine: string): LabelledLine | null {
  let line = rawLine.trim();
  let start: number | null = null;
  const lead = leadingTime(line);
  if (lead) [start, line] = lead;
  const colon = labelColon(line);
  if (colon <= 0) return null;
  let label = line.slice(0, colon);
  const trail = trailingBracketTime(label.trim());
  if (trail) [label, start] = [trail[0], start ?? trail[1]];
  const speaker = cleanSpeakerLabel(label);
  if (speaker === null) return null;
  return { speaker, text: line.slice(colon + 1).trim(), start };
}

export interface HeadingLine {
  /** null for a time-only heading ("0:35"). */
  speaker: string | null;
  start: number;
}

const SEPARATORS = new Set(['-', '–', '—', '|', '·', ',', '•']);

function headingName(raw: string): string | null | undefined {
  let name = raw.trim();
  while (name.length > 0 && SEPARATORS.has(name.at(-1)!)) name = name.slice(0, -1).trimEnd();
  if (name.endsWith(':')) name = name.slice(0, -1).trimEnd();
  if (name.length === 0) return null;
  return cleanSpeakerLabel(name) ?? undefined;
}

/**
 * A line that holds only a speaker and a time, as meeting recorders print before each turn:
 * "Jane Doe  0:35", "Jane Doe  1:02:03", "Jane Doe (00:01:02)", "Jane Doe [00:01]:",
 * "00:01:02 Jane Doe", or a bare "0:35". Null for anything else.
 */
export function parseHeadingLine(rawLine: string): HeadingLine | null {
  let line = rawLine.trim();
  if (line.length === 0 || line.length > MAX_HEADING_LINE) return null;
  if (line.endsWith(':')) line = line.slice(0, -1).trimEnd();
  const bracketed = trailingBracketTime(line);
  if (bracketed) {
    const name = headingName(bracketed[0]);
    return name === undefined ? null : { speaker: name, start: bracketed[1] };
  }
  const lastSpace = Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t'));
  const tail = parseClock(line.slice(lastSpace + 1));
  if (tail !== null) {
    const name = headingName(line.slice(0, Math.max(0, lastSpace)));
    return name === undefined ? null : { speaker: name, start: tail };
  }
  const lead = leadingTime(line);
  if (lead) {
    const name = headingName(lead[1]);
    return name === undefined || name === null ? null : { speaker: name, start: lead[0] };
  }
  return null;
}
