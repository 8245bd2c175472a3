/**
 * A transcription written in a transcript format the synthesis reads (src/synthesis/readers):
 * WebVTT with `<v Speaker>` voices, SRT with "Speaker: " prefixes (both entity-escaped, as the
 * readers decode), Whisper-style JSON (segments,
 * `speaker` when known, as WhisperX writes it) and plain text ("Speaker 1  0:05" headings when
 * speakers are known, else one paragraph per segment, as Whisper's .txt). Pure.
 */
import { AppError } from '../../platform/errors.ts';
import type { Segment, TranscriptionResult } from './segments.ts';

export type TranscriptOutFormat = 'vtt' | 'srt' | 'json' | 'txt';
export const TRANSCRIPT_OUT_FORMATS: readonly TranscriptOutFormat[] = ['vtt', 'srt', 'json', 'txt'];

/** The output format named by a file name's extension ("x.vtt" -> 'vtt'). */
export function outFormatOf(file: string): TranscriptOutFormat {
  const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  if ((TRANSCRIPT_OUT_FORMATS as readonly string[]).includes(ext)) return ext as TranscriptOutFormat;
  throw new AppError(
    'VALIDATION_FAILED',
    `${file}: cannot tell the transcript format from the name; end it in .vtt, .srt, .json or .txt`,
    { field: 'out' },
  );
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** 3723.5 -> "01:02:03.500" (VTT) or "01:02:03,500" (SRT). */
export function cueTime(seconds: number, separator: '.' | ','): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${separator}${pad(ms % 1000, 3)}`;
}

/** 65 -> "1:05", 3725 -> "1:02:05" (meeting-recorder headings). */
export function clock(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m, 2)}:${pad(s, 2)}` : `${m}:${pad(s, 2)}`;
}

function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text on one line, no "-->" (which would read as a cue timing). */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/-->/g, '->').trim();
}

function spoken(segments: readonly Segment[]): Segment[] {
  return segments
    .map((s) => ({ ...s, text: oneLine(s.text) }))
    .filter((s) => s.text.length > 0 && s.end >= s.start);
}

function vtt(r: TranscriptionResult): string {
  const head = [
    'WEBVTT',
    '',
    `NOTE ${r.engine}${r.model ? ` (${baseName(r.model)})` : ''}, ${r.quality} quality`,
    '',
  ];
  const cues = spoken(r.segments).map((s, k) => {
    const voice = s.speaker
      ? `<v ${s.speaker.replace(/>/g, '')}>${escapeVtt(s.text)}</v>`
      : escapeVtt(s.text);
    return `${k + 1}\n${cueTime(s.start, '.')} --> ${cueTime(s.end, '.')}\n${voice}\n`;
  });
  return `${head.join('\n')}\n${cues.join('\n')}`;
}

function srt(r: TranscriptionResult): string {
  return spoken(r.segments)
    .map(
      (s, k) =>
        `${k + 1}\n${cueTime(s.start, ',')} --> ${cueTime(s.end, ',')}\n${s.speaker ? `${s.speaker}: ` : ''}${escapeVtt(s.text)}\n`,
    )
    .join('\n');
}

function json(r: TranscriptionResult): string {
  const segments = spoken(r.segments).map((s, k) => ({
    id: k,
    seek: 0,
    start: Math.round(s.start * 1000) / 1000,
    end: Math.round(s.end * 1000) / 1000,
    text: ` ${s.text}`,
    ...(s.speaker ? { speaker: s.speaker } : {}),
    ...(s.confidence !== undefined ? { confidence: s.confidence } : {}),
  }));
  const doc = {
    text: segments.map((s) => s.text).join(''),
    segments,
    language: 'en',
    engine: r.engine,
    quality: r.quality,
    duration: Math.round(r.durationS * 1000) / 1000,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function txt(r: TranscriptionResult): string {
  const segments = spoken(r.segments);
  if (segments.some((s) => s.speaker)) {
    // Turns under "Speaker  m:ss" headings, as meeting recorders export.
    const blocks: string[] = [];
    let last: string | undefined;
    let paragraph: string[] = [];
    for (const s of segments) {
      const who = s.speaker ?? 'Speaker';
      if (who !== last) {
        if (paragraph.length > 0) blocks.push(paragraph.join(' '));
        blocks.push(`\n${who}  ${clock(s.start)}`);
        paragraph = [];
        last = who;
      }
      paragraph.push(s.text);
    }
    if (paragraph.length > 0) blocks.push(paragraph.join(' '));
    return `${blocks.join('\n').trimStart()}\n`;
  }
  return `${segments.map((s) => s.text).join('\n\n')}\n`;
}

function baseName(p: string): string {
  return p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
}

export function renderTranscript(result: TranscriptionResult, format: TranscriptOutFormat): string {
  switch (format) {
    case 'vtt':
      return vtt(result);
    case 'srt':
      return srt(result);
    case 'json':
      return json(result);
    case 'txt':
      return txt(result);
  }
}
