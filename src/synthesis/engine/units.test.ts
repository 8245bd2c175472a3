import { describe, expect, it } from 'vitest';
import type { Transcript } from '../types.ts';
import { sentencesOf, Vocabulary } from './corpus.ts';
import { unitsOf, windowOf, windowSample } from './units.ts';

/** One interviewee turn per interview; every sentence of it answers question 0. */
function collection(answers: readonly string[][]): {
  sentences: ReturnType<typeof sentencesOf>;
  vocab: Vocabulary;
} {
  const transcripts: Transcript[] = answers.map((lines, i) => ({
    id: `i${i}`,
    file: `i${i}.txt`,
    format: 'text-colon',
    speakers: ['Pat'],
    turns: [{ speaker: 'Pat', start: 0, end: 60, text: lines.join(' ') }],
  }));
  const vocab = new Vocabulary();
  return { sentences: sentencesOf(transcripts, vocab), vocab };
}

const allOf = (sentences: ReturnType<typeof sentencesOf>) => [sentences.map((doc) => doc.map((_, k) => k))];

const spoken = [
  'Approvals for small purchases take weeks to come back from head office.',
  'That means the clinic runs short while everybody waits for a signature.',
  'Last spring a new exam table took two months to get a yes.',
  'Meanwhile patients were being seen in the hallway on folding chairs.',
  'The managers could decide these things locally in a single afternoon.',
  'Nobody at the centre remembers why the sign-off rule exists anyway.',
  'So the same requests bounce between finance and operations twice.',
];
const written = [
  'Approvals for small purchases take weeks to come back from head office.',
  'Clinic managers should be trusted with spending under a set limit.',
  'Reports reach the clinics two months after the quarter ends.',
];

describe('units of an answer', () => {
  it('long spoken answers are cut into windows of two consecutive sentences, short ones into sentences', () => {
    const long = collection([spoken, spoken.slice(1), spoken.slice(0, 6)]);
    const units = unitsOf(long.sentences, allOf(long.sentences), {}, undefined, long.vocab)[0]!;
    expect(units.length).toBeGreaterThan(0);
    expect(units.every((u) => u.sentences.length === 2)).toBe(true);
    // Windows overlap (stride 1): each sentence but the ends sits in two units.
    expect(units.filter((u) => u.interview === 0).map((u) => u.sentences)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 6],
    ]);

    const short = collection([written, written.slice(1), written.slice(0, 2)]);
    const single = unitsOf(short.sentences, allOf(short.sentences), {}, undefined, short.vocab)[0]!;
    expect(single.length).toBeGreaterThan(0);
    expect(single.every((u) => u.sentences.length === 1)).toBe(true);
  });

  it('the window follows the median answer, so copies of the collection keep it and one long answer does not', () => {
    expect(
      windowOf(
        [
          [0, 1, 2],
          [0, 1],
          [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        ],
        6,
      ),
    ).toBe(1);
    const lengths = [
      [0, 1, 2, 3, 4, 5],
      [0, 1, 2, 3, 4, 5, 6],
      [0, 1],
    ];
    expect(windowOf(lengths, 6)).toBe(2);
    expect(windowOf([...lengths, ...lengths, ...lengths], 6)).toBe(2);
    // Interviews that said nothing under the question do not pull the median down.
    expect(windowOf([...lengths, [], [], [], []], 6)).toBe(2);
    expect(windowOf(lengths, 0)).toBe(1);
    expect(windowOf([], 6)).toBe(1);
  });

  it('windows are clustered pairwise as many as the distinct sentences they are made of', () => {
    // Eight stock sentences in every order: 56 distinct windows, but only 8 wordings.
    const stock = spoken.concat('The phones ring all morning and nobody can answer them.');
    const orders = stock.map((_, r) => stock.map((__, k) => stock[(k * (r + 1)) % stock.length]!));
    const c = collection(orders);
    const units = unitsOf(c.sentences, allOf(c.sentences), {}, undefined, c.vocab)[0]!;
    expect(new Set(units.map((u) => u.terms.join(' '))).size).toBeGreaterThan(20);
    expect(windowSample(units, c.sentences)).toBe(8);
    // One-sentence units keep their own count.
    const short = collection([written, written.slice(1), written.slice(0, 2)]);
    const single = unitsOf(short.sentences, allOf(short.sentences), {}, undefined, short.vocab)[0]!;
    expect(windowSample(single, short.sentences)).toBeUndefined();
  });
});
