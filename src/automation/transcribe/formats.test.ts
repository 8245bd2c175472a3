import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../synthesis/index.ts';
import { outFormatOf, renderTranscript, TRANSCRIPT_OUT_FORMATS } from './formats.ts';
import type { Segment, TranscriptionResult } from './segments.ts';
import { words } from './wer.ts';

const wordArb = fc.stringMatching(/^[A-Za-z][a-z']{0,9}$/);
const textArb = fc
  .array(fc.oneof(wordArb, fc.constantFrom('&', '-->', '&amp;', '3.5%', 'P&L', 'okay,', 'right?')), {
    minLength: 1,
    maxLength: 12,
  })
  .map((w) => w.join(' '));

const segmentsArb = (speakers: boolean) =>
  fc
    .array(
      fc.record({
        gap: fc.integer({ min: 0, max: 5000 }),
        length: fc.integer({ min: 200, max: 20_000 }),
        text: textArb,
        who: fc.integer({ min: 1, max: 2 }),
      }),
      { minLength: 1, maxLength: 8 },
    )
    .map((parts) => {
      let t = 0;
      return parts.map((p): Segment => {
        const start = (t + p.gap) / 1000;
        t += p.gap + p.length;
        return { start, end: t / 1000, text: p.text, ...(speakers ? { speaker: `Speaker ${p.who}` } : {}) };
      });
    });

function result(segments: Segment[]): TranscriptionResult {
  return { engine: 'pocketsphinx', quality: 'draft', durationS: segments.at(-1)!.end, segments };
}

describe('transcripts written for the synthesis', () => {
  for (const format of TRANSCRIPT_OUT_FORMATS) {
    for (const speakers of [false, true]) {
      it(`${format}${speakers ? ' with speakers' : ''}: the synthesis reads back every word${format === 'txt' ? '' : ', each time'} and speaker`, async () => {
        await fc.assert(
          fc.asyncProperty(segmentsArb(speakers), async (segments) => {
            const text = renderTranscript(result(segments), format);
            const t = await readTranscript({ file: `x.${format}`, bytes: new TextEncoder().encode(text) });
            expect(words(t.turns.map((x) => x.text).join(' '))).toEqual(
              words(segments.map((s) => s.text).join(' ')),
            );
            if (speakers) {
              const spoken = segments.map((s) => s.speaker);
              const changes = spoken.filter((s, k) => k === 0 || s !== spoken[k - 1]);
              expect(t.turns.map((x) => x.speaker)).toEqual(changes);
            }
            if (format !== 'txt' && !speakers) {
              expect(t.turns[0]!.start).toBeCloseTo(segments[0]!.start, 2);
            }
          }),
        );
      });
    }
  }

  it('names the format from the output file name, and refuses one it cannot write', () => {
    expect(outFormatOf('out/Interview 3.SRT')).toBe('srt');
    expect(() => outFormatOf('notes.docx')).toThrow(/end it in \.vtt, \.srt, \.json or \.txt/);
  });
});
