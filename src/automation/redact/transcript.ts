/**
 * Redaction that keeps a transcript's own format: WebVTT, SRT and text line by line (timings, cue
 * ids and headers untouched; speaker labels in `<v …>`, "Name:" and "Name  0:35" headings
 * redacted like the rest), speech-to-text JSON field by field (Whisper's `text` rebuilt from its
 * segments), DOCX read into turns and written as text. File names are redacted too. Pure.
 */
import { AppError } from '../../platform/errors.ts';
import type { Transcript } from '../../synthesis/index.ts';
import { clock } from '../transcribe/formats.ts';
import type { Finding } from './findings.ts';
import type { Pseudonyms } from './pseudonyms.ts';
import { type RedactionPolicy, redactText } from './redactor.ts';

export type RedactableFormat = 'vtt' | 'srt' | 'text' | 'json';

export interface LocatedFinding extends Finding {
  /** "line 12" or "segments[3].text". */
  where: string;
}

export interface RedactedTranscript {
  text: string;
  findings: LocatedFinding[];
}

/** Lines that are structure, not speech. */
function isStructural(line: string, format: RedactableFormat): boolean {
  const t = line.trim();
  if (t === '' || t.includes('-->')) return true;
  if (format === 'vtt' && (/^WEBVTT\b/.test(t) || /^(NOTE|STYLE|REGION)\b/.test(t))) return true;
  if (format !== 'text' && (/^\d+$/.test(t) || /^[0-9a-f]{8}-[0-9a-f-]{4,}(?:\/[0-9-]+)?$/i.test(t)))
    return true;
  return false;
}

/**
 * Redacts the speech in `content` block by block — the lines between structure lines (a cue's
 * payload, a text paragraph) together, so that a name wrapped onto the next subtitle line ("Tern\n
 * Valley") is still found — and leaves every structure line as it was.
 */
export function redactLines(
  content: string,
  format: Exclude<RedactableFormat, 'json'>,
  policy: RedactionPolicy,
  pseudonyms: Pseudonyms,
): RedactedTranscript {
  const findings: LocatedFinding[] = [];
  const lines = content.split('\n');
  const out: string[] = [];
  for (let k = 0; k < lines.length; ) {
    if (isStructural(lines[k]!, format)) {
      out.push(lines[k]!);
      k++;
      continue;
    }
    const from = k;
    while (k < lines.length && !isStructural(lines[k]!, format)) k++;
    const block = lines.slice(from, k).join('\n');
    const r = redactText(block, policy, pseudonyms);
    for (const f of r.findings) {
      const line = from + 1 + (block.slice(0, f.start).match(/\n/g)?.length ?? 0);
      findings.push({ ...f, where: `line ${line}` });
    }
    out.push(r.text);
  }
  return { text: out.join('\n'), findings };
}

/** Fields of speech-to-text JSON that hold words or names (Whisper, WhisperX, Rev, AssemblyAI). */
const SPOKEN_FIELDS = new Set(['text', 'speaker', 'speaker_name', 'value', 'name', 'label']);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function redactJson(
  file: string,
  content: string,
  policy: RedactionPolicy,
  pseudonyms: Pseudonyms,
): RedactedTranscript {
  let doc: Json;
  try {
    doc = JSON.parse(content) as Json;
  } catch (cause) {
    throw new AppError(
      'TRANSCRIPT_MALFORMED',
      `${file}: not valid JSON, so it cannot be redacted field by field`,
      { file },
      { cause },
    );
  }
  const findings: LocatedFinding[] = [];
  const walk = (v: Json, where: string, key: string | null): Json => {
    if (typeof v === 'string' && key !== null && SPOKEN_FIELDS.has(key)) {
      const r = redactText(v, policy, pseudonyms);
      for (const f of r.findings) findings.push({ ...f, where });
      return r.text;
    }
    if (Array.isArray(v)) return v.map((x, k) => walk(x, `${where}[${k}]`, key));
    if (v && typeof v === 'object') {
      const out: Record<string, Json> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x, where ? `${where}.${k}` : k, k);
      return out;
    }
    return v;
  };
  // Whisper: `text` is the segments' texts joined; keep it so when it was.
  const original = doc as { text?: unknown; segments?: { text?: unknown }[] };
  const joined =
    Array.isArray(original.segments) && typeof original.text === 'string'
      ? original.segments.map((s) => (typeof s?.text === 'string' ? s.text : '')).join('') === original.text
      : false;
  // When `text` is rebuilt from the segments, it is not redacted (nor its findings counted) twice.
  const source = joined ? { ...(doc as Record<string, Json>), text: null } : doc;
  const redacted = walk(source, '', null) as { text?: string | null; segments?: { text?: string }[] };
  if (joined && redacted.segments) redacted.text = redacted.segments.map((s) => s.text ?? '').join('');
  const indent = /^\{\s*\n(\s+)/.exec(content)?.[1]?.length ?? 0;
  return {
    text: `${JSON.stringify(redacted, null, indent || undefined)}${content.endsWith('\n') ? '\n' : ''}`,
    findings,
  };
}

/** A transcript already read into turns (DOCX) as "Speaker  m:ss" text, for redaction line by line. */
export function turnsAsText(t: Transcript): string {
  return `${t.turns
    .map((turn) => {
      const head = turn.speaker ? `${turn.speaker}  ${clock(turn.start ?? 0)}\n` : '';
      return `${head}${turn.text}`;
    })
    .join('\n\n')}\n`;
}

/** How to redact these bytes: by content first, then by extension. */
export function redactableFormat(file: string, content: string): RedactableFormat {
  const head = content.trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (head.startsWith('WEBVTT')) return 'vtt';
  if (/\n?\s*\d+\s*\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{3}\s*-->/.test(head.slice(0, 400))) return 'srt';
  if (/\.vtt$/i.test(file)) return 'vtt';
  if (/\.srt$/i.test(file)) return 'srt';
  return 'text';
}

/** "10_joanne_pruett.vtt" -> "10_PERSON_3.vtt": names in a file name, separated by _ - . or spaces. */
export function redactFileName(name: string, policy: RedactionPolicy, pseudonyms: Pseudonyms): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  // Same length, so offsets carry over to the original stem.
  const spaced = stem.replace(/[_.-]/g, ' ');
  const { findings } = redactText(
    spaced,
    { ...policy, threshold: Math.max(policy.threshold, 0.9) },
    pseudonyms,
  );
  let out = '';
  let at = 0;
  for (const f of findings) {
    if (f.decision !== 'redacted' || !f.label) continue;
    out += stem.slice(at, f.start) + f.label;
    at = f.end;
  }
  return `${out}${stem.slice(at)}${ext}`;
}
