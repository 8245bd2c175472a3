/**
 * Bytes to text: strips a BOM, decodes UTF-8 (UTF-16 when its BOM says so, Windows-1252 for the
 * occasional legacy export) and refuses binary data instead of reading it as words.
 */
import { readProblem } from './problems.ts';

/** Control characters that real text files contain: tab, line feed, vertical tab, form feed, CR, DOS EOF, ESC. */
function isTextControl(byte: number): boolean {
  return byte === 9 || byte === 10 || byte === 11 || byte === 12 || byte === 13 || byte === 26 || byte === 27;
}

function lineAt(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function refuseBinary(file: string, bytes: Uint8Array, index: number, why: string): never {
  throw readProblem(
    'TRANSCRIPT_FORMAT_UNKNOWN',
    { file, line: lineAt(bytes, index) },
    `this is binary data, not a transcript (${why} at byte ${index + 1}); tried plain text, WebVTT, SRT, JSON and DOCX`,
    'Export the transcript as .txt, .vtt, .srt, .docx or speech-to-text JSON and read that file.',
    { reason: 'binary', byte: index + 1 },
  );
}

/**
 * Decodes transcript bytes to a string with the BOM removed and line endings untouched.
 * Throws TRANSCRIPT_FORMAT_UNKNOWN for binary data.
 */
export function decodeText(file: string, bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);

  // A NUL never occurs in text; a few stray control characters may, a run of them may not.
  let controls = 0;
  let firstControl = -1;
  let highBytes = 0;
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    if (b === 0) refuseBinary(file, bytes, start + i, 'a NUL byte');
    if (b < 32 && !isTextControl(b)) {
      controls++;
      if (firstControl < 0) firstControl = i;
    } else if (b === 127) {
      controls++;
      if (firstControl < 0) firstControl = i;
    } else if (b >= 128) {
      highBytes++;
    }
  }
  if (controls > 0 && controls * 200 > body.length + 200) {
    refuseBinary(file, bytes, start + firstControl, 'control characters');
  }
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    // Not UTF-8. Legacy Windows exports are mostly ASCII with a few accented letters;
    // random binary data has high bytes everywhere.
    if (highBytes * 10 > body.length) {
      const bad = findInvalidUtf8(body);
      refuseBinary(file, bytes, start + bad, 'bytes that are not UTF-8 text');
    }
    text = new TextDecoder('windows-1252').decode(body);
  }
  // The few stray control characters tolerated above are not words: blank them out.
  return controls > 0 ? text.replace(STRAY_CONTROLS, ' ') : text;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding stray control characters is the point
const STRAY_CONTROLS = /[\u0001-\u0008\u000e-\u001f\u007f]/g;

/** Index of the first byte that does not start or continue a valid UTF-8 sequence. */
function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const extra =
      b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += extra + 1;
  }
  return Math.max(0, bytes.length - 1);
}

/** Splits text into lines on LF, CRLF or CR. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
