/**
 * Generated Insights of every shape (no themes, one interview, 40 interviews, long words, long
 * labels, unicode, missing times and roles) always give a deck plan where every element is on the
 * slide and every text box holds its text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Insights, Quote } from '../types.ts';
import { makePeople } from './people.ts';
import { planDeck } from './slides/index.ts';
import { textHeight } from './text-metrics.ts';
import { defaultTheme } from './theme.ts';
import { writeDeck } from './write-deck.ts';

const word = fc.oneof(
  fc.constantFrom(
    'service',
    'margin',
    'the',
    'data',
    'Supercalifragilisticexpialidocious-integration',
    'AI',
    'é',
    '—',
    '“quoted”',
  ),
  fc.string({ minLength: 1, maxLength: 12 }),
);
const text = (max: number) => fc.array(word, { minLength: 1, maxLength: max }).map((w) => w.join(' '));

const insightsArb: fc.Arbitrary<Insights> = fc
  .record({
    n: fc.integer({ min: 1, max: 40 }),
    questions: fc.array(
      fc.record({
        text: text(40),
        themes: fc.array(
          fc.record({
            label: text(14),
            summary: text(60),
            quotes: fc.array(
              fc.record({
                text: text(120),
                start: fc.option(fc.float({ min: 0, max: 10_000, noNaN: true })),
              }),
              { maxLength: 4 },
            ),
            share: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { maxLength: 13 },
        ),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    splits: fc.array(fc.record({ topic: text(12), a: text(8), b: text(8), sa: text(40), sb: text(40) }), {
      maxLength: 3,
    }),
    cross: fc.array(fc.record({ label: text(10), summary: text(30) }), { maxLength: 5 }),
    title: text(30),
    roles: fc.boolean(),
  })
  .map((g) => {
    const ids = Array.from({ length: g.n }, (_, i) => `person-${i + 1}`);
    const some = (share: number) => ids.slice(0, Math.max(1, Math.round(share * ids.length)));
    const quotes = (qs: { text: string; start: number | null }[]): Quote[] =>
      qs.map((q, i) => ({ interview: ids[i % ids.length]!, text: q.text, start: q.start }));
    const questions = g.questions.map((q, qi) => ({
      id: `q${qi + 1}`,
      text: q.text,
      answered: ids,
      themes: q.themes.map((t, ti) => ({
        id: `q${qi + 1}-t${ti + 1}`,
        label: t.label,
        summary: t.summary,
        interviews: some(t.share),
        quotes: quotes(t.quotes),
        keywords: [],
      })),
    }));
    return {
      schemaVersion: 1 as const,
      title: g.title,
      generatedAt: '2025-01-01T00:00:00.000Z',
      form: { title: g.title, questions: questions.map((q) => ({ id: q.id, text: q.text })) },
      interviews: ids.map((id, i) => ({
        id,
        file: `${id}.vtt`,
        format: 'vtt' as const,
        interviewer: 'Alex Morgan',
        interviewee: `Person Number${i + 1}`,
        ...(g.roles
          ? {
              role: i % 3 === 0 ? 'Chief Executive Officer of the Northern Region Business Unit' : 'CFO',
              date: `2025-02-${String((i % 28) + 1).padStart(2, '0')}`,
            }
          : {}),
        words: 9000,
        durationSeconds: g.roles ? 3600 : null,
        answered: questions.map((q) => q.id),
      })),
      questions,
      splits: g.splits.map((s, i) => ({
        id: `s${i}`,
        question: 'q1',
        topic: s.topic,
        sides: [
          { label: s.a, summary: s.sa, interviews: some(0.4), quotes: [] },
          { label: s.b, summary: s.sb, interviews: some(0.3), quotes: [] },
        ] as Insights['splits'][number]['sides'],
      })),
      crossCutting: g.cross.map((c, i) => ({
        id: `x${i}`,
        label: c.label,
        summary: c.summary,
        questions: ['q1'],
        interviews: some(0.5),
        quotes: [],
      })),
    };
  });

describe('deck layout on generated insights', () => {
  it('keeps every element on its slide and every text inside its box', () => {
    fc.assert(
      fc.property(insightsArb, fc.boolean(), (insights, anonymize) => {
        const plan = planDeck(insights, { theme: defaultTheme, people: makePeople(insights, anonymize) });
        expect(plan[0]!.kind).toBe('title');
        expect(plan.filter((s) => s.kind === 'question').length).toBeGreaterThanOrEqual(
          insights.questions.length,
        );
        for (const slide of plan) {
          expect(slide.notes.length).toBeGreaterThan(0);
          for (const el of slide.elements) {
            expect(el.rect.x).toBeGreaterThanOrEqual(0);
            expect(el.rect.y).toBeGreaterThanOrEqual(0);
            expect(el.rect.x + el.rect.w).toBeLessThanOrEqual(13.334);
            expect(el.rect.y + el.rect.h).toBeLessThanOrEqual(slide.master === 'content' ? 6.95 : 7.5);
            if (el.type === 'text')
              expect(textHeight(el.paragraphs, el.rect.w)).toBeLessThanOrEqual(el.rect.h + 1e-6);
          }
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('writes a PPTX for the smallest case: one interview, one question, no themes', async () => {
    const insights = fc.sample(insightsArb, { numRuns: 1, seed: 7 })[0]!;
    insights.questions = [{ id: 'q1', text: 'Anything else?', answered: [], themes: [] }];
    insights.form.questions = [{ id: 'q1', text: 'Anything else?' }];
    insights.interviews = insights.interviews.slice(0, 1);
    insights.splits = [];
    insights.crossCutting = [];
    const deck = await writeDeck(insights);
    expect(deck.slides.map((s) => s.kind)).toEqual([
      'title',
      'method',
      'summary',
      'question',
      'appendix',
      'appendix',
    ]);
  });

  it('says on the question slide why the engine found no theme', async () => {
    const insights = fc.sample(insightsArb, { numRuns: 1, seed: 7 })[0]!;
    const text =
      'No point was made by 3 or more of the 20 who answered (a theme needs 12.5% of them, at least 2).';
    insights.questions = [
      {
        id: 'q1',
        text: 'Anything else?',
        answered: insights.interviews.map((i) => i.id),
        themes: [],
        noTheme: { reason: 'no-recurring-point', minSupport: 3, text },
      },
    ];
    insights.form.questions = [{ id: 'q1', text: 'Anything else?' }];
    insights.splits = [];
    insights.crossCutting = [];
    const plan = planDeck(insights, { theme: defaultTheme, people: makePeople(insights, false) });
    const slide = plan.find((s) => s.kind === 'question')!;
    const words = JSON.stringify(slide);
    expect(words).toContain(text);
    expect(words).toContain('No theme: no point was made by 3 or more');
  });
});
