/**
 * Reading interview transcripts into one normalised shape (src/synthesis/types.ts `Transcript`).
 *
 * Formats, detected from the content first and the file extension second:
 * - plain text: "Jane Doe  0:35" heading lines (Otter, Teams, Rev text), "Jane Doe: text" lines,
 *   or no speakers at all;
 * - WebVTT: `<v Name>` voices or "Name: text" cues (Teams, Zoom), any cue ids, entities decoded;
 * - SRT, with or without "Name:" prefixes;
 * - DOCX: paragraphs alternating "Jane Doe  00:01:02" / "Jane Doe (00:01)" and text;
 * - speech-to-text JSON: Whisper, Rev, AssemblyAI; Whisper's .tsv.
 * Failures are AppErrors: TRANSCRIPT_FORMAT_UNKNOWN, TRANSCRIPT_MALFORMED, TRANSCRIPT_EMPTY, each
 * naming the file and line. Pure: the caller reads the bytes.
 */
import type { Transcript, TranscriptFormat, Turn } from '../types.ts';
import { decodeText, splitLines } from './decode.ts';
import { isZip, readDocxLines, zipHasWordDocument } from './docx.ts';
import {
  type JsonFormat,
  jsonFormatOf,
  readJsonTranscript,
  readWhisperTsv,
  unknownJson,
  WHISPER_TSV_HEADER,
} from './json.ts';
import { JsonSyntaxError, parseJsonWithLines } from './json-syntax.ts';
import { malformed, readProblem } from './problems.ts';
import { readSrt } from './srt.ts';
import { classifyText, readTextLines } from './text.ts';
import { speakersOf } from './turns.ts';
import { readVtt } from './vtt.ts';

export { formatClock, formatShortClock, parseClock } from './timecode.ts';

export interface TranscriptInput {
  /** The file name or path as the user gave it: named in every error, and the default id. */
  file: string;
  bytes: Uint8Array;
  /** Interview id; defaults to the file name without directory and extension. */
  id?: string;
}

const TRIED = 'tried plain text, WebVTT, SRT, DOCX, Whisper/Rev/AssemblyAI JSON and Whisper TSV';

function baseName(file: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return file.slice(slash + 1);
}

/** "interviews/ceo-acme.vtt" -> "ceo-acme". */
export function interviewIdFromFile(file: string): string {
  const base = baseName(file);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

function extensionOf(file: string): string {
  const base = baseName(file);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

type Sniffed =
  | { format: 'docx' }
  | { format: JsonFormat; value: unknown }
  | { format: 'vtt' | 'srt'; lines: string[] }
  | { format: 'whisper-tsv'; lines: string[] }
  | { format: 'text-headings' | 'text-colon' | 'text-plain'; lines: string[] };

function startsWithAscii(bytes: Uint8Array, text: string): boolean {
  for (let k = 0; k < text.length; k++) if (bytes[k] !== text.charCodeAt(k)) return false;
  return true;
}

/** Known non-transcript files, refused with a hint instead of being read as text. */
function refuseKnownBinary(file: string, bytes: Uint8Array): void {
  const known: [string | number[], string, string][] = [
    ['%PDF', 'a PDF document', 'Export the transcript from its source as .docx, .txt, .vtt or .srt.'],
    [
      [0xd0, 0xcf, 0x11, 0xe0],
      'a legacy Word .doc (or password-protected) file',
      'Save it as .docx without a password.',
    ],
    ['{\\rtf', 'an RTF document', 'Save it as .docx or .txt.'],
  ];
  for (const [magic, what, todo] of known) {
    const match =
      typeof magic === 'string' ? startsWithAscii(bytes, magic) : magic.every((b, k) => bytes[k] === b);
    if (match) {
      throw readProblem(
        'TRANSCRIPT_FORMAT_UNKNOWN',
        { file, line: 1 },
        `this is ${what}, not a transcript; ${TRIED}`,
        todo,
        {
          reason: 'unsupported-document',
        },
      );
    }
  }
}

function firstContentLine(lines: readonly string[]): number {
  const k = lines.findIndex((l) => l.trim().length > 0);
  return Math.max(k, 0);
}

/** Whether a subtitle timing line ("... --> ...") appears among the first lines with text. */
function hasCueTiming(lines: readonly string[]): boolean {
  let seen = 0;
  for (const line of lines) {
    if (line.trim().length === 0) continue;
    if (line.includes('-->')) return true;
    if (++seen >= 12) return false;
  }
  return false;
}

function empty(file: string, what: string): never {
  throw readProblem(
    'TRANSCRIPT_EMPTY',
    { file, line: 1 },
    what,
    'Check that this is the finished transcript (not a placeholder) and export it again.',
  );
}

function sniff(file: string, bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) empty(file, 'the file is empty (0 bytes)');
  if (isZip(bytes)) {
    if (zipHasWordDocument(bytes) || extensionOf(file) === 'docx') return { format: 'docx' };
    throw readProblem(
      'TRANSCRIPT_FORMAT_UNKNOWN',
      { file, line: 1 },
      `a zip archive but not a Word document; ${TRIED}`,
      'Unzip it and read the transcripts inside, or save the transcript as .docx, .txt, .vtt or .srt.',
      { reason: 'zip-not-docx' },
    );
  }
  refuseKnownBinary(file, bytes);
  const text = decodeText(file, bytes);
  if (text.trim().length === 0) empty(file, 'the file has no text (only whitespace)');
  const ext = extensionOf(file);
  const trimmed = text.trimStart();
  const first = trimmed[0];
  const afterBracket = first === '[' ? trimmed.slice(1).trimStart()[0] : undefined;
  if (first === '{' || (first === '[' && (ext === 'json' || afterBracket === '{' || afterBracket === ']'))) {
    let value: unknown;
    try {
      value = parseJsonWithLines(text);
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      throw malformed(
        { file, line: error.line, column: error.column },
        `not valid JSON: ${error.message}`,
        'The file is damaged or was cut off while saving; export it again from the speech-to-text tool.',
        { format: 'json' },
        error,
      );
    }
    const format = jsonFormatOf(value);
    if (format === null) unknownJson(file, value);
    return { format, value };
  }
  const lines = splitLines(text);
  const head = lines[firstContentLine(lines)]!.trim();
  if (head.startsWith('WEBVTT')) return { format: 'vtt', lines: lines.slice(firstContentLine(lines)) };
  if (head === WHISPER_TSV_HEADER)
    return { format: 'whisper-tsv', lines: lines.slice(firstContentLine(lines)) };
  if (ext === 'json') {
    throw malformed(
      { file, line: firstContentLine(lines) + 1 },
      `a .json file that does not start with "{" (found "${head.slice(0, 40)}")`,
      'Export the transcript again from the speech-to-text tool, or rename the file if it is not JSON.',
      { format: 'json' },
    );
  }
  if (head.startsWith('<')) {
    throw readProblem(
      'TRANSCRIPT_FORMAT_UNKNOWN',
      { file, line: firstContentLine(lines) + 1 },
      `this looks like HTML or XML ("${head.slice(0, 40)}"), not a transcript; ${TRIED}`,
      'Export the transcript as .txt, .vtt, .srt, .docx or speech-to-text JSON.',
      { reason: 'markup' },
    );
  }
  if (hasCueTiming(lines)) return { format: ext === 'vtt' ? 'vtt' : 'srt', lines };
  const shape = classifyText(lines);
  // A .vtt/.srt whose text shows no transcript structure is a damaged subtitle file, not prose.
  if ((ext === 'vtt' || ext === 'srt') && shape === 'text-plain') {
    const timeLike = lines.findIndex((l) => /^\s*\d{1,2}:\d/.test(l));
    throw malformed(
      { file, line: (timeLike >= 0 ? timeLike : firstContentLine(lines)) + 1 },
      `a .${ext} file without any cue timing line (expected "${ext === 'vtt' ? '00:00:01.000 --> 00:00:04.000' : '00:00:01,000 --> 00:00:04,000'}" near the top)`,
      'The file is damaged or cut off: export the subtitles again, or rename the file if it is plain text.',
      { format: ext },
    );
  }
  return { format: shape, lines };
}

/** Maps the internal Whisper TSV reading onto the public format names. */
function publicFormat(format: Sniffed['format']): TranscriptFormat {
  return format === 'whisper-tsv' ? 'whisper-json' : format;
}

/**
 * The transcript format of these bytes (content first, extension second). Throws the same
 * AppErrors as readTranscript for files that are none of them, empty, or broken JSON.
 */
export function detectTranscriptFormat(file: string, bytes: Uint8Array): TranscriptFormat {
  return publicFormat(sniff(file, bytes).format);
}

async function readTurns(file: string, bytes: Uint8Array, sniffed: Sniffed): Promise<Turn[]> {
  switch (sniffed.format) {
    case 'docx':
      return readTextLines(await readDocxLines(file, bytes)).turns;
    case 'vtt':
      return readVtt(file, sniffed.lines);
    case 'srt':
      return readSrt(file, sniffed.lines);
    case 'whisper-tsv':
      return readWhisperTsv(file, sniffed.lines);
    case 'text-headings':
    case 'text-colon':
    case 'text-plain':
      return readTextLines(sniffed.lines, sniffed.format).turns;
    default:
      return readJsonTranscript(file, sniffed.format, sniffed.value);
  }
}

/** Reads one transcript file's bytes into a Transcript (see the module comment). */
export async function readTranscript(input: TranscriptInput): Promise<Transcript> {
  const { file, bytes } = input;
  const sniffed = sniff(file, bytes);
  const turns = (await readTurns(file, bytes, sniffed)).filter((t) => t.text.length > 0);
  if (turns.length === 0) empty(file, `no spoken text found (read as ${publicFormat(sniffed.format)})`);
  const id = input.id?.trim() || interviewIdFromFile(file);
  return { id, file, format: publicFormat(sniffed.format), speakers: speakersOf(turns), turns };
}
