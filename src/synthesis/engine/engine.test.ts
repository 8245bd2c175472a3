import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aiAdoption,
  clientOnboarding,
  generateCorpus,
  hospitalDischarge,
  scoreInsights,
} from '../../../bench/corpus/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { InterviewForm, Transcript, Turn } from '../types.ts';
import { agglomerate } from './cluster.ts';
import { alignTranscripts, analyzeInterviews } from './index.ts';
import { dot, normaliseF32 } from './space.ts';
import { sentenceStance } from './stance.ts';
import { noThemeReason } from './themes.ts';

const form: InterviewForm = {
  title: 'Tooling review',
  questions: [
    { id: 'pain', text: 'What slows your team down the most?' },
    { id: 'budget', text: 'How should we spend next year’s tooling budget?' },
    { id: 'training', text: 'What training would help your people?' },
  ],
};

function labelled(id: string, lines: [string, string][]): Transcript {
  const turns: Turn[] = lines.map(([speaker, text], i) => ({
    speaker,
    start: i * 10,
    end: i * 10 + 8,
    text,
  }));
  return {
    id,
    file: `${id}.txt`,
    format: 'text-colon',
    speakers: [...new Set(lines.map((l) => l[0]))],
    turns,
  };
}

describe('analyzeInterviews on the labelled corpora (quality floors measured by bench/synthesis-quality.ts)', () => {
  for (const spec of [aiAdoption, hospitalDischarge, clientOnboarding]) {
    it(`${spec.name}: finds the planted themes, the split and the interviewers`, () => {
      const corpus = generateCorpus(spec);
      const insights = analyzeInterviews(corpus.transcripts, corpus.form, { meta: corpus.meta });
      const aligned = alignTranscripts(corpus.transcripts, corpus.form);
      const score = scoreInsights(corpus.gold, insights, aligned);
      expect(score.interviewerAccuracy).toBe(1);
      expect(score.alignmentAccuracy).toBeGreaterThanOrEqual(0.85);
      expect(score.themeRecall).toBeGreaterThanOrEqual(0.55);
      expect(score.themePrecision).toBeGreaterThanOrEqual(0.6);
      expect(score.prevalenceError).toBeLessThanOrEqual(3.5);
      expect(score.splits.every((s) => s.detected)).toBe(true);
      expect(score.spuriousSplits).toBe(0);
      expect(insights.interviews.every((i) => i.role !== undefined && i.date !== undefined)).toBe(true);
    });
  }
});

describe('analyzeInterviews on hand-written interviews', () => {
  const people = ['Ann', 'Bo', 'Cy', 'Di', 'Ed'];
  const pains = [
    'Um, the build takes forty minutes, so we wait on the build all day.',
    'Honestly the slow build pipeline kills us, every build is forty minutes.',
    'Waiting for the build, you know, that is where the day goes.',
    'Our build is slow, I mean really slow, forty minutes a build.',
    'The build pipeline is the bottleneck, we sit and wait for builds.',
  ];
  const transcripts = people.map((p, i) =>
    labelled(`int-${p}`, [
      // The interviewee speaks first and asks something: the interviewer is still found.
      [p, 'Hi, can you hear me?'],
      ['Kim', `Yes, thanks ${p}. How was your weekend?`],
      [p, 'Lovely, we went sailing on the lake.'],
      ['Kim', i % 2 === 0 ? 'What slows your team down the most?' : 'What gets your team stuck most days?'],
      [p, pains[i]!],
      ['Kim', 'And what training would help your people?'],
      [p, 'A course on testing would help, our people never learned to write tests.'],
      ['Kim', 'How should we spend next year’s tooling budget?'],
      [p, 'Spend the tooling budget on faster build machines.'],
    ]),
  );

  it('finds the interviewer, keeps small talk out and aligns reordered questions', () => {
    const aligned = alignTranscripts(transcripts, form);
    for (const a of aligned) {
      expect(a.interviewer).toBe('Kim');
      const sailing = a.sentences.find((s) => s.text.includes('sailing'))!;
      expect(sailing.question).toBeNull();
      expect(a.sentences.find((s) => s.text.includes('course on testing'))!.question).toBe('training');
      expect(a.sentences.find((s) => s.text.includes('build machines'))!.question).toBe('budget');
    }
  });

  it('gives a theme shared by everyone a clause label, honest prevalence and cleaned, timed quotes', () => {
    const insights = analyzeInterviews(transcripts, form, { now: new Date('2025-01-01T00:00:00Z') });
    expect(insights.generatedAt).toBe('2025-01-01T00:00:00.000Z');
    const pain = insights.questions.find((q) => q.id === 'pain')!;
    expect(pain.answered).toHaveLength(5);
    const build = pain.themes.find((t) => t.keywords.includes('build'));
    expect(build).toBeDefined();
    expect(build!.interviews.length).toBeGreaterThanOrEqual(4);
    expect(build!.label.split(' ').length).toBeGreaterThanOrEqual(3);
    expect(build!.label).not.toMatch(/^(um|honestly)\b/i);
    expect(build!.quotes.length).toBeGreaterThanOrEqual(1);
    for (const q of build!.quotes) {
      expect(q.text).not.toMatch(/\b(um|you know|I mean),/i);
      expect(typeof q.start).toBe('number');
      expect(transcripts.some((t) => t.id === q.interview)).toBe(true);
    }
  });

  it('says why a question has no theme instead of leaving it empty', () => {
    const wider: InterviewForm = {
      ...form,
      questions: [...form.questions, { id: 'hiring', text: 'Which roles will you hire for next year?' }],
    };
    const insights = analyzeInterviews(transcripts, wider);
    for (const q of insights.questions) {
      // Exactly one of the two: themes, or the reason there are none.
      expect(q.themes.length > 0, q.id).toBe(q.noTheme === undefined);
    }
    const hiring = insights.questions.find((q) => q.id === 'hiring')!;
    expect(hiring.noTheme).toEqual({
      reason: 'no-answers',
      minSupport: 2,
      text: 'No interviewee answered this question.',
    });
  });

  it('tells too few answers from answers with no shared point', () => {
    expect(noThemeReason(1, 2).reason).toBe('too-few-answers');
    expect(noThemeReason(1, 2).text).toBe(
      'Only 1 interviewee answered; a theme needs at least 2 who make the same point.',
    );
    const none = noThemeReason(40, 5);
    expect(none.reason).toBe('no-recurring-point');
    expect(none.text).toBe(
      'No point was made by 5 or more of the 40 who answered (a theme needs 12.5% of them, at least 2).',
    );
  });

  it('finds question boundaries in a transcript without speaker labels', () => {
    const t = transcripts[0]!;
    const unlabelled: Transcript = {
      ...t,
      id: 'whisper',
      format: 'whisper-json',
      speakers: [],
      turns: t.turns.map((x) => ({ ...x, speaker: null })),
    };
    const [a] = alignTranscripts([unlabelled, ...transcripts.slice(1)], form);
    expect(a!.interviewer).toBeNull();
    expect(a!.sentences.find((s) => s.text.includes('build takes forty'))!.question).toBe('pain');
    expect(a!.sentences.find((s) => s.text.includes('build machines'))!.question).toBe('budget');
    expect(a!.sentences.find((s) => s.text.includes('sailing'))!.question).toBeNull();
  });

  it('rejects input it cannot analyse with typed errors', () => {
    expect(() => analyzeInterviews([], form)).toThrow(AppError);
    expect(() => analyzeInterviews(transcripts, { title: 'x', questions: [] })).toThrowError(
      expect.objectContaining({ code: 'FORM_INVALID' }),
    );
    expect(() => analyzeInterviews([transcripts[0]!, transcripts[0]!], form)).toThrowError(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('never crashes on odd transcripts (empty turns, no times, one speaker, punctuation only)', () => {
    const turn = fc.record({
      speaker: fc.option(fc.constantFrom('A', 'B', 'C'), { nil: null }),
      start: fc.option(fc.double({ min: 0, max: 1e4, noNaN: true }), { nil: null }),
      end: fc.option(fc.double({ min: 0, max: 1e4, noNaN: true }), { nil: null }),
      text: fc.oneof(
        fc.string(),
        fc.constantFrom('What slows your team down?', '...', '?', 'Um, uh.', 'The build is slow.', ''),
      ),
    });
    fc.assert(
      fc.property(fc.array(fc.array(turn, { maxLength: 12 }), { minLength: 1, maxLength: 4 }), (docs) => {
        const ts: Transcript[] = docs.map((turns, i) => ({
          id: `t${i}`,
          file: `t${i}.txt`,
          format: 'text-colon',
          speakers: [...new Set(turns.flatMap((x): string[] => (x.speaker === null ? [] : [x.speaker])))],
          turns: turns.map((x): Turn => ({ ...x })),
        }));
        const insights = analyzeInterviews(ts, form);
        expect(insights.interviews).toHaveLength(ts.length);
        expect(insights.questions).toHaveLength(3);
      }),
      { numRuns: 60 },
    );
  });
});

describe('stance cues', () => {
  it('reads going ahead, holding back and negation', () => {
    expect(sentenceStance('We should move much faster and invest now.')).toBeGreaterThan(0);
    expect(sentenceStance('We should slow down and get the governance right first.')).toBeLessThan(0);
    expect(sentenceStance("We shouldn't rush this.")).toBeLessThan(0);
    expect(sentenceStance("We can't wait any longer.")).toBeGreaterThan(0);
    expect(sentenceStance('The reports come from three systems.')).toBe(0);
  });
});

describe('average-linkage agglomeration', () => {
  it('matches the brute-force "merge the closest pair" procedure', () => {
    // Greedy reference; reports when a step was a near-tie (then either answer is right, and the
    // float32 similarity matrix may break the tie the other way).
    const brute = (vs: Float32Array[], th: number) => {
      const groups = vs.map((_, i) => [i]);
      let ambiguous = false;
      const avg = (A: number[], B: number[]) => {
        let s = 0;
        for (const a of A) for (const b of B) s += dot(vs[a]!, vs[b]!);
        return s / (A.length * B.length);
      };
      for (;;) {
        const pairs: { s: number; i: number; j: number }[] = [];
        for (let i = 0; i < groups.length; i++) {
          for (let j = i + 1; j < groups.length; j++) pairs.push({ s: avg(groups[i]!, groups[j]!), i, j });
        }
        pairs.sort((a, b) => b.s - a.s);
        const best = pairs[0];
        if (best && Math.abs(best.s - th) < 1e-4) ambiguous = true;
        if (!best || best.s < th) return { groups, ambiguous };
        if (pairs[1] && best.s - pairs[1].s < 1e-4) ambiguous = true;
        groups[best.i] = groups[best.i]!.concat(groups[best.j]!);
        groups.splice(best.j, 1);
      }
    };
    const key = (g: number[][]) =>
      g
        .map((x) =>
          x
            .slice()
            .sort((a, b) => a - b)
            .join(','),
        )
        .sort()
        .join('|');
    let compared = 0;
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }), {
          minLength: 2,
          maxLength: 25,
        }),
        fc.double({ min: 0.05, max: 0.6, noNaN: true }),
        (rows, th) => {
          const vs = rows.map((r) => normaliseF32(Float32Array.from(r.map((x) => x + 1e-3))));
          const ref = brute(vs, th);
          fc.pre(!ref.ambiguous);
          compared++;
          expect(key(agglomerate(vs, th))).toBe(key(ref.groups));
        },
      ),
      { numRuns: 60 },
    );
    expect(compared).toBeGreaterThan(20);
  });
});
