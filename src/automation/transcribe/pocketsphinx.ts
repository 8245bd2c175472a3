/**
 * CMU PocketSphinx 0.8 (Debian `pocketsphinx` + `pocketsphinx-en-us`): the command line and the
 * reading of its `-time yes` output. Pure; the process is run by the engine runner.
 *
 * Output per utterance (pocketsphinx splits on silence): the hypothesis line, then one line per
 * word: `word start end posterior`, times absolute in seconds, with `<s>`, `</s>`, `<sil>`,
 * `[NOISE]` fillers and pronunciation variants written `word(2)`.
 */
import type { Segment } from './segments.ts';

export const POCKETSPHINX_BIN = 'pocketsphinx_continuous';
export const POCKETSPHINX_MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';

export function pocketsphinxArgs(wav: string, modelDir = POCKETSPHINX_MODEL_DIR): string[] {
  return [
    '-infile',
    wav,
    '-hmm',
    `${modelDir}/en-us`,
    '-lm',
    `${modelDir}/en-us.lm.bin`,
    '-dict',
    `${modelDir}/cmudict-en-us.dict`,
    '-samprate',
    '16000',
    '-time',
    'yes',
    '-logfn',
    '/dev/null',
  ];
}

const WORD_LINE = /^(\S+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/;

function isFiller(token: string): boolean {
  return token.startsWith('<') || token.startsWith('[') || token.startsWith('+');
}

/** A word line's word, or null for a filler; "booking(2)" -> "booking". */
function wordOf(token: string): string | null {
  if (isFiller(token)) return null;
  return token.replace(/\(\d+\)$/, '');
}

/** The end of the last word line seen: how far through the audio the engine is. */
export function lastWordEnd(line: string): number | null {
  const m = WORD_LINE.exec(line.trim());
  return m ? Number(m[3]) : null;
}

/** Segments (one per utterance) from pocketsphinx's stdout with `-time yes`. */
export function parsePocketsphinxOutput(stdout: string): Segment[] {
  const segments: Segment[] = [];
  let current: { start: number; end: number; words: string[]; posteriors: number[] } | null = null;
  const flush = () => {
    if (current && current.words.length > 0) {
      const mean = current.posteriors.reduce((a, b) => a + b, 0) / current.posteriors.length;
      segments.push({
        start: current.start,
        end: current.end,
        text: current.words.join(' '),
        confidence: Math.round(mean * 1000) / 1000,
      });
    }
    current = null;
  };
  for (const raw of stdout.split('\n')) {
    const m = WORD_LINE.exec(raw.trim());
    if (!m) continue;
    const [, token, start, end, posterior] = m as unknown as [string, string, string, string, string];
    if (token === '<s>') {
      flush();
      continue;
    }
    if (token === '</s>') {
      flush();
      continue;
    }
    const word = wordOf(token);
    if (word === null) continue;
    current ??= { start: Number(start), end: Number(end), words: [], posteriors: [] };
    current.words.push(word);
    current.posteriors.push(Number(posterior));
    current.end = Number(end);
  }
  flush();
  return segments;
}
