/**
 * Speech-to-text JSON: OpenAI Whisper (`segments`, no speakers; WhisperX adds `speaker`),
 * Rev.ai (`monologues[].elements[]`), AssemblyAI (`utterances`, times in milliseconds; `words`
 * when speaker labels were off). Also Whisper's .tsv (start, end, text in milliseconds).
 */
import type { TranscriptFormat, Turn } from '../types.ts';
import { malformed, readProblem } from './problems.ts';
import { type Chunk, endsSentence, mergeChunks } from './turns.ts';

export type JsonFormat = Extract<TranscriptFormat, 'whisper-json' | 'rev-json' | 'assemblyai-json'>;

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Which speech-to-text JSON this is, or null. */
export function jsonFormatOf(value: unknown): JsonFormat | null {
  if (!isObject(value)) return null;
  if (Array.isArray(value.monologues)) return 'rev-json';
  if (Array.isArray(value.utterances)) return 'assemblyai-json';
  if ('utterances' in value && (Array.isArray(value.words) || typeof value.text === 'string')) {
    return 'assemblyai-json'; // speaker labels were off: utterances is null
  }
  if (Array.isArray(value.segments)) return 'whisper-json';
  return null;
}

export function unknownJson(file: string, value: unknown): never {
  const keys = isObject(value)
    ? Object.keys(value).slice(0, 8).join(', ')
    : Array.isArray(value)
      ? 'an array'
      : typeof value;
  throw readProblem(
    'TRANSCRIPT_FORMAT_UNKNOWN',
    { file, line: 1 },
    `JSON, but not a transcript this reader knows (found ${keys || 'nothing'}); tried Whisper (segments), Rev (monologues) and AssemblyAI (utterances)`,
    'Export the transcript from the speech-to-text tool in its standard JSON, or as .vtt/.srt/.txt.',
    { reason: 'json-shape' },
  );
}

function numberOrNull(v: unknown, scale = 1): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.round((v / scale) * 1000) / 1000 : null;
}

function requireText(file: string, v: unknown, field: string): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  throw malformed(
    { file, field },
    `${field} should be text but is ${Array.isArray(v) ? 'an array' : typeof v}`,
    'The speech-to-text JSON was altered or is damaged; export it again from the tool.',
  );
}

function requireArray(file: string, v: unknown, field: string): unknown[] {
  if (Array.isArray(v)) return v;
  throw malformed(
    { file, field },
    `${field} should be a list`,
    'Export the speech-to-text JSON again from the tool.',
  );
}

function requireObject(file: string, v: unknown, field: string): Obj {
  if (isObject(v)) return v;
  throw malformed(
    { file, field },
    `${field} should be an object`,
    'Export the speech-to-text JSON again from the tool.',
  );
}

function nameLabel(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim().length > 0 ? v.trim().replace(/\s+/g, ' ') : undefined;
}

/** A speaker label from an id the tool assigns: 0 and "A" become "Speaker 0", "Speaker A"; "SPEAKER_00" stays. */
function speakerLabel(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return `Speaker ${v}`;
  if (typeof v === 'string' && v.trim().length > 0) {
    const s = v.trim().replace(/\s+/g, ' ');
    return s.length <= 2 ? `Speaker ${s}` : s;
  }
  return null;
}

function readWhisper(file: string, value: Obj): Turn[] {
  const segments = requireArray(file, value.segments, 'segments');
  const chunks: Chunk[] = segments.map((raw, k) => {
    const seg = requireObject(file, raw, `segments[${k}]`);
    return {
      speaker: speakerLabel(seg.speaker),
      start: numberOrNull(seg.start),
      end: numberOrNull(seg.end),
      text: requireText(file, seg.text, `segments[${k}].text`),
    };
  });
  if (chunks.length === 0 && typeof value.text === 'string') {
    chunks.push({ speaker: null, start: null, end: null, text: value.text });
  }
  return mergeChunks(chunks);
}

function readRev(file: string, value: Obj): Turn[] {
  const monologues = requireArray(file, value.monologues, 'monologues');
  const chunks: Chunk[] = monologues.map((raw, k) => {
    const mono = requireObject(file, raw, `monologues[${k}]`);
    const elements = requireArray(file, mono.elements ?? [], `monologues[${k}].elements`);
    const name = nameLabel(mono.speaker_name);
    let text = '';
    let start: number | null = null;
    let end: number | null = null;
    for (let e = 0; e < elements.length; e++) {
      const el = requireObject(file, elements[e], `monologues[${k}].elements[${e}]`);
      text += requireText(file, el.value, `monologues[${k}].elements[${e}].value`);
      if (el.type === 'text') {
        start ??= numberOrNull(el.ts);
        end = numberOrNull(el.end_ts) ?? end;
      }
    }
    return { speaker: name ?? speakerLabel(mono.speaker), start, end, text };
  });
  return mergeChunks(chunks);
}

function readAssemblyAi(file: string, value: Obj): Turn[] {
  if (Array.isArray(value.utterances)) {
    const chunks: Chunk[] = value.utterances.map((raw, k) => {
      const u = requireObject(file, raw, `utterances[${k}]`);
      return {
        speaker: speakerLabel(u.speaker),
        start: numberOrNull(u.start, 1000),
        end: numberOrNull(u.end, 1000),
        text: requireText(file, u.text, `utterances[${k}].text`),
      };
    });
    return mergeChunks(chunks);
  }
  if (Array.isArray(value.words) && value.words.length > 0) {
    // No utterances: cut the words into sentences (or speaker changes when words carry speakers).
    const chunks: Chunk[] = [];
    let current: Chunk | undefined;
    for (let k = 0; k < value.words.length; k++) {
      const w = requireObject(file, value.words[k], `words[${k}]`);
      const word = requireText(file, w.text, `words[${k}].text`);
      const speaker = speakerLabel(w.speaker);
      if (current === undefined || current.speaker !== speaker || endsSentence(current.text)) {
        current = { speaker, start: numberOrNull(w.start, 1000), end: numberOrNull(w.end, 1000), text: word };
        chunks.push(current);
      } else {
        current.text += ` ${word}`;
        current.end = numberOrNull(w.end, 1000) ?? current.end;
      }
    }
    return mergeChunks(chunks);
  }
  return mergeChunks([
    { speaker: null, start: null, end: null, text: requireText(file, value.text, 'text') },
  ]);
}

export function readJsonTranscript(file: string, format: JsonFormat, value: unknown): Turn[] {
  const obj = value as Obj;
  if (format === 'rev-json') return readRev(file, obj);
  if (format === 'assemblyai-json') return readAssemblyAi(file, obj);
  return readWhisper(file, obj);
}

export const WHISPER_TSV_HEADER = 'start\tend\ttext';

/** Whisper's .tsv: a "start\tend\ttext" header, then one segment per line with times in milliseconds. */
export function readWhisperTsv(file: string, lines: readonly string[]): Turn[] {
  const chunks: Chunk[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim().length === 0) continue;
    const first = line.indexOf('\t');
    const second = first < 0 ? -1 : line.indexOf('\t', first + 1);
    const start = first < 0 ? Number.NaN : Number(line.slice(0, first));
    const end = second < 0 ? Number.NaN : Number(line.slice(first + 1, second));
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < 0) {
      throw malformed(
        { file, line: i + 1 },
        `expected "start<TAB>end<TAB>text" with times in milliseconds, found "${line.slice(0, 60)}"`,
      );
    }
    chunks.push({ speaker: null, start: start / 1000, end: end / 1000, text: line.slice(second + 1) });
  }
  return mergeChunks(chunks);
}
