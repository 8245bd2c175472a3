/**
 * Property tests: whatever bytes arrive, a reader either returns a well-formed transcript or
 * throws one of the three transcript AppErrors; transcripts rendered in each format read back
 * with the same speakers, texts and times.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import type { Transcript } from '../types.ts';
import { readTranscript } from './index.ts';
import { locateJsonError, parseJsonWithLines } from './json-syntax.ts';
import { formatClock, formatShortClock } from './timecode.ts';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixtureNames = readdirSync(fixtures);
const fixtureBytes = new Map(fixtureNames.map((n) => [n, new Uint8Array(readFileSync(join(fixtures, n)))]));
const encode = (text: string) => new TextEncoder().encode(text);
const READ_CODES = new Set(['TRANSCRIPT_FORMAT_UNKNOWN', 'TRANSCRIPT_MALFORMED', 'TRANSCRIPT_EMPTY']);

/** What every successful read must look like. */
function expectWellFormed(t: Transcript): void {
  expect(t.turns.length).toBeGreaterThan(0);
  const seen: string[] = [];
  for (const turn of t.turns) {
    expect(turn.text.length).toBeGreaterThan(0);
    expect(turn.text).toBe(turn.text.trim());
    if (turn.speaker !== null) {
      expect(turn.speaker).toBe(turn.speaker.trim());
      expect(turn.speaker.length).toBeGreaterThan(0);
      if (!seen.includes(turn.speaker)) seen.push(turn.speaker);
    }
    for (const time of [turn.start, turn.end]) {
      if (time !== null) expect(Number.isFinite(time) && time >= 0).toBe(true);
    }
    if (turn.start !== null && turn.end !== null) expect(turn.end).toBeGreaterThanOrEqual(turn.start);
  }
  expect(t.speakers).toEqual(seen);
}

/** Reads and checks: a transcript, or one of the three AppErrors with file and line in the message. */
async function readSafely(file: string, bytes: Uint8Array): Promise<Transcript | AppError> {
  try {
    const t = await readTranscript({ file, bytes });
    expectWellFormed(t);
    return t;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(READ_CODES.has(error.code)).toBe(true);
    expect(error.message.startsWith(file)).toBe(true);
    return error;
  }
}

const extensions = ['txt', 'vtt', 'srt', 'json', 'docx', 'tsv', ''];
const fileName = fc.constantFrom(...extensions).map((ext) => (ext ? `interview.${ext}` : 'interview'));

describe('no input crashes a reader', () => {
  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fileName, fc.uint8Array({ maxLength: 3000 }), async (file, bytes) => {
        await readSafely(file, bytes);
      }),
      { numRuns: 1500 },
    );
  });

  it('random bytes behind a zip, BOM or format header', async () => {
    const heads = [
      [0x50, 0x4b, 0x03, 0x04],
      [0xef, 0xbb, 0xbf],
      [0xff, 0xfe],
      [...encode('WEBVTT\n\n')],
      [...encode('{"segments":')],
    ];
    await fc.assert(
      fc.asyncProperty(
        fileName,
        fc.constantFrom(...heads),
        fc.uint8Array({ maxLength: 2000 }),
        async (file, head, rest) => {
          await readSafely(file, new Uint8Array([...head, ...rest]));
        },
      ),
      { numRuns: 800 },
    );
  });

  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({
      kind: fc.constant('flip' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      byte: fc.integer({ min: 0, max: 255 }),
    }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      text: fc.constantFrom(
        '-->',
        '\n\n',
        '<v ',
        '</v>',
        ':',
        '&amp',
        '{',
        ']',
        '"',
        '0:',
        '\u0000',
        'WEBVTT',
        '\r',
      ),
    }),
    fc.record({
      kind: fc.constant('delete' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.integer({ min: 1, max: 64 }),
    }),
    fc.record({
      kind: fc.constant('duplicate' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.integer({ min: 1, max: 200 }),
    }),
  );
  type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

  function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
    const at = Math.floor(m.at * bytes.length);
    switch (m.kind) {
      case 'truncate':
        return bytes.subarray(0, at);
      case 'flip': {
        const copy = bytes.slice();
        if (copy.length > 0) copy[Math.min(at, copy.length - 1)] = m.byte;
        return copy;
      }
      case 'insert':
        return new Uint8Array([...bytes.subarray(0, at), ...encode(m.text), ...bytes.subarray(at)]);
      case 'delete':
        return new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + m.length)]);
      case 'duplicate':
        return new Uint8Array([...bytes.subarray(0, at + m.length), ...bytes.subarray(at)]);
    }
  }

  it.each(fixtureNames)('truncations and mutations of %s', async (name) => {
    const original = fixtureBytes.get(name)!;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const bytes = mutations.reduce(mutate, original);
        await readSafely(name, bytes);
      }),
      { numRuns: 150 },
    );
  });

  it('text assembled from transcript-like pieces', async () => {
    const piece = fc.oneof(
      fc.constantFrom(
        'WEBVTT',
        '',
        '1',
        '00:00:01.000 --> 00:00:02.500',
        '00:00:01,000 --> 00:00:02,500',
        '00:01.000 --> 00:0',
        'Jane Doe  0:35',
        'Jane Doe (00:01:02):',
        '[00:00:05] Ana: hi',
        'Bob: Yes, agreed.',
        '<v Jane Doe>Hello</v>',
        '<v Bob>open voice',
        '<c.yellow>tag</c> &amp; &gt; &#39; &bogus; &#99999999;',
        'NOTE a note',
        'Transcribed by https://otter.ai',
        '6f1b2c3d-8e9a-4b1c-9d2e-3f4a5b6c7d8e/12-0',
        '{\\an8}text',
        'start\tend\ttext',
        '0\t1000\thello',
        'x\ty\tz',
        '- dialogue dash',
      ),
      fc.string({ maxLength: 40 }),
    );
    await fc.assert(
      fc.asyncProperty(fileName, fc.array(piece, { maxLength: 40 }), async (file, lines) => {
        await readSafely(file, encode(lines.join('\n')));
      }),
      { numRuns: 1500 },
    );
  });
});

// ---------- round trips ----------

const NAMES = [
  'Maria Lopez',
  'Tom Becker',
  'Dr. Chen',
  'Anna de la Cruz',
  'Jane Doe (CFO)',
  'Speaker 2',
  "Sean O'Brien",
  'Zoë Müller',
  'Q',
];
const WORDS = [
  'the',
  'budget',
  'is',
  'too',
  'small',
  'we',
  'should',
  'accelerate',
  'café',
  "don't",
  '50%',
  '2025',
  'R&D',
  'AI',
  'pause',
  'and',
  'hiring',
  'really',
  'um',
  'ERP',
];

const sentence = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 10 }), fc.constantFrom('.', '?', '!'))
  .map(([words, end]) => {
    const text = words.join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}${end}`;
  });

interface GenTurn {
  speaker: string;
  sentences: string[];
  /** Milliseconds. */
  start: number;
  /** How many cues the turn's words are spread over (subtitle formats). */
  cues: number;
}

const turnsArb = fc
  .array(
    fc.record({
      speaker: fc.constantFrom(...NAMES),
      sentences: fc.array(sentence, { minLength: 1, maxLength: 3 }),
      gap: fc.integer({ min: 0, max: 90_000 }),
      cues: fc.integer({ min: 1, max: 3 }),
    }),
    { minLength: 2, maxLength: 12 },
  )
  .map((raw) => {
    let clock = 0;
    return raw.map(({ gap, ...t }): GenTurn => {
      clock += gap + 10_000;
      return { ...t, start: clock };
    });
  });

const textOf = (t: GenTurn) => t.sentences.join(' ');

/** Consecutive turns of one speaker are one turn once read back. */
function expected(turns: GenTurn[]): { speaker: string; text: string; start: number }[] {
  const out: { speaker: string; text: string; start: number }[] = [];
  for (const t of turns) {
    const last = out.at(-1);
    if (last && last.speaker === t.speaker) last.text += ` ${textOf(t)}`;
    else out.push({ speaker: t.speaker, text: textOf(t), start: t.start / 1000 });
  }
  return out;
}

/** A turn's words spread over `cues` cues of 1 s each (splits may fall mid-sentence). */
function cueTexts(t: GenTurn): { start: number; end: number; text: string }[] {
  const words = textOf(t).split(' ');
  const n = Math.min(t.cues, words.length);
  const size = Math.ceil(words.length / n);
  const out: { start: number; end: number; text: string }[] = [];
  for (let k = 0; k * size < words.length; k++) {
    const start = t.start / 1000 + k;
    out.push({ start, end: start + 1, text: words.slice(k * size, (k + 1) * size).join(' ') });
  }
  return out;
}

const escapeVtt = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const renderers: Record<
  string,
  { file: string; render: (turns: GenTurn[]) => string; times: 'exact' | 'seconds' | 'none' }
> = {
  'WebVTT voices': {
    file: 'x.vtt',
    times: 'exact',
    render: (turns) =>
      `WEBVTT\n\n${turns
        .flatMap((t) =>
          cueTexts(t).map(
            (c, k) =>
              `${t.start}-${k}\n${formatClock(c.start)} --> ${formatClock(c.end)}\n<v ${t.speaker}>${escapeVtt(c.text)}</v>\n`,
          ),
        )
        .join('\n')}`,
  },
  'WebVTT Name: text (Zoom)': {
    file: 'x.vtt',
    times: 'exact',
    render: (turns) => {
      let n = 0;
      return `WEBVTT\n\n${turns
        .flatMap((t) =>
          cueTexts(t).map(
            (c) =>
              `${++n}\n${formatClock(c.start)} --> ${formatClock(c.end)}\n${t.speaker}: ${escapeVtt(c.text)}\n`,
          ),
        )
        .join('\n')}`;
    },
  },
  'SRT with a name on every cue': {
    file: 'x.srt',
    times: 'exact',
    render: (turns) => {
      let n = 0;
      return turns
        .flatMap((t) =>
          cueTexts(t).map(
            (c) =>
              `${++n}\n${formatClock(c.start, true)} --> ${formatClock(c.end, true)}\n${t.speaker}: ${c.text}\n`,
          ),
        )
        .join('\n');
    },
  },
  'text with "Name  0:00" headings': {
    file: 'x.txt',
    times: 'seconds',
    render: (turns) =>
      turns.map((t) => `${t.speaker}  ${formatShortClock(t.start / 1000)}\n${textOf(t)}\n`).join('\n'),
  },
  'text with "Name: text" lines': {
    file: 'x.txt',
    times: 'none',
    render: (turns) => turns.map((t) => `${t.speaker}: ${textOf(t)}`).join('\n'),
  },
};

describe('round trips: rendered transcripts read back the same', () => {
  it.each(Object.keys(renderers))('%s', async (name) => {
    const { file, render, times } = renderers[name]!;
    await fc.assert(
      fc.asyncProperty(turnsArb, async (turns) => {
        const t = await readTranscript({ file, bytes: encode(render(turns)) });
        const want = expected(turns);
        expect(t.turns.map((turn) => ({ speaker: turn.speaker, text: turn.text }))).toEqual(
          want.map(({ speaker, text }) => ({ speaker, text })),
        );
        expect(t.speakers).toEqual([...new Set(want.map((w) => w.speaker))]);
        if (times === 'exact') expect(t.turns.map((turn) => turn.start)).toEqual(want.map((w) => w.start));
        if (times === 'seconds')
          expect(t.turns.map((turn) => turn.start)).toEqual(want.map((w) => Math.floor(w.start)));
      }),
      { numRuns: 200 },
    );
  });

  it('SRT without names keeps every word, in order', async () => {
    await fc.assert(
      fc.asyncProperty(turnsArb, async (turns) => {
        let n = 0;
        const srt = turns
          .flatMap((t) =>
            cueTexts(t).map(
              (c) => `${++n}\n${formatClock(c.start, true)} --> ${formatClock(c.end, true)}\n${c.text}\n`,
            ),
          )
          .join('\n');
        const t = await readTranscript({ file: 'x.srt', bytes: encode(srt) });
        expect(t.speakers).toEqual([]);
        expect(t.turns.map((turn) => turn.text).join(' ')).toBe(turns.map(textOf).join(' '));
        // a turn never ends mid-sentence unless the text itself does
        for (const turn of t.turns.slice(0, -1)) expect(turn.text).toMatch(/[.?!]$/);
      }),
      { numRuns: 200 },
    );
  });

  it('speech-to-text JSON (Whisper, Rev, AssemblyAI) reads back its speakers and texts', async () => {
    await fc.assert(
      fc.asyncProperty(turnsArb, fc.constantFrom('whisper', 'rev', 'assemblyai'), async (turns, tool) => {
        const speakerIds = [...new Set(turns.map((t) => t.speaker))];
        const doc =
          tool === 'whisper'
            ? {
                text: turns.map(textOf).join(' '),
                segments: turns.map((t) => ({
                  start: t.start / 1000,
                  end: t.start / 1000 + 1,
                  text: ` ${textOf(t)}`,
                })),
              }
            : tool === 'rev'
              ? {
                  monologues: turns.map((t) => ({
                    speaker: speakerIds.indexOf(t.speaker),
                    speaker_name: t.speaker,
                    elements: textOf(t)
                      .split(' ')
                      .flatMap((w, k) => [
                        ...(k > 0 ? [{ type: 'punct', value: ' ' }] : []),
                        { type: 'text', value: w, ts: t.start / 1000 + k, end_ts: t.start / 1000 + k + 0.5 },
                      ]),
                  })),
                }
              : {
                  utterances: turns.map((t) => ({
                    speaker: t.speaker,
                    text: textOf(t),
                    start: t.start,
                    end: t.start + 1000,
                  })),
                };
        const t = await readTranscript({ file: 'x.json', bytes: encode(JSON.stringify(doc)) });
        if (tool === 'whisper') {
          expect(t.turns.map((turn) => turn.text).join(' ')).toBe(turns.map(textOf).join(' '));
        } else {
          // AssemblyAI's speakers are letters ("A"), shown as "Speaker A"; Rev's speaker_name is kept as written
          const label = (s: string) => (tool === 'assemblyai' && s.length <= 2 ? `Speaker ${s}` : s);
          const want = expected(turns);
          expect(t.turns.map((turn) => [turn.speaker, turn.text, turn.start])).toEqual(
            want.map((w) => [label(w.speaker), w.text, w.start]),
          );
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('JSON errors are located', () => {
  const jsonish = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v, null, 1));

  it('the scanner agrees with JSON.parse on which texts are valid, and lines stay in range', async () => {
    await fc.assert(
      fc.property(
        jsonish,
        fc.nat(),
        fc.constantFrom('', ',', ']', '}', '"', ':', 'x', '\n', '{', '['),
        (text, at, insert) => {
          const k = text.length === 0 ? 0 : at % text.length;
          const mutated = text.slice(0, k) + insert + text.slice(k);
          let valid = true;
          try {
            JSON.parse(mutated);
          } catch {
            valid = false;
          }
          expect(locateJsonError(mutated) === -1).toBe(valid);
          if (!valid) {
            try {
              parseJsonWithLines(mutated);
            } catch (error) {
              const line = (error as { line: number }).line;
              expect(line).toBeGreaterThanOrEqual(1);
              expect(line).toBeLessThanOrEqual(mutated.split('\n').length);
            }
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
