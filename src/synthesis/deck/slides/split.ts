/** A slide per split: the two sides of one question, with their summaries and quotes. */
import type { Split, SplitSide } from '../../types.ts';
import { type Block, paginate, renderBlock } from '../flow.ts';
import { citeInterviews, prevalence, questionTag } from '../format.ts';
import { columns, type HeaderText, header } from '../layout.ts';
import type { PlannedSlide, Rect } from '../plan.ts';
import { BODY, type Ctx, denominator, notesText, quoteBlocks, quoteNotes } from './common.ts';

export function sideBlocks(ctx: Ctx, side: SplitSide, of: number, color: string): Block[] {
  const { p, people, theme } = ctx;
  return [
    {
      fill: color,
      paragraphs: [
        p(people.text(side.label), 16, { bold: true, color: theme.colors.background }),
        p(`${prevalence(side.interviews.length, of)} interviewees`, BODY, {
          color: theme.colors.background,
          spaceBefore: 2,
        }),
      ],
      gapAfter: 0.14,
      keepWithNext: true,
      name: 'Side',
    },
    { paragraphs: [p(people.text(side.summary), 13)], gapAfter: 0.16, keepWithNext: side.quotes.length > 0 },
    ...quoteBlocks(ctx, side.quotes, 0.1),
  ];
}

export function splitSlides(ctx: Ctx, s: Split): PlannedSlide[] {
  const { insights, theme, people } = ctx;
  const qIndex = insights.questions.findIndex((q) => q.id === s.question);
  const q = insights.questions[qIndex];
  const of = denominator(ctx, q);
  const [a, b] = s.sides;
  const head: HeaderText = {
    kicker: q ? `Where they split · ${questionTag(qIndex)}` : 'Where they split',
    title: people.text(s.topic),
    takeaway: `${people.text(a.label)} (${prevalence(a.interviews.length, of)}) versus ${people.text(b.label)} (${prevalence(b.interviews.length, of)}).`,
  };
  const [left, right] = columns(2) as [Rect, Rect];
  const pagesA = paginate(sideBlocks(ctx, a, of, theme.colors.primary), () => [left]);
  const pagesB = paginate(sideBlocks(ctx, b, of, theme.colors.accent), () => [right]);
  const count = Math.max(pagesA.length, pagesB.length);
  const slides: PlannedSlide[] = [];
  for (let i = 0; i < count; i++) {
    const title = i === 0 ? head.title : `${head.title} (continued)`;
    const placed = [...(pagesA[i] ?? []), ...(pagesB[i] ?? [])];
    const notes = [
      `Sources for this slide (split on ${questionTag(Math.max(0, qIndex))}: ${people.text(s.topic)}):`,
    ];
    for (const side of [a, b]) {
      notes.push(
        `- ${people.text(side.label)} — ${prevalence(side.interviews.length, of)}: ${citeInterviews(side.interviews, people)}`,
      );
      notes.push(...quoteNotes(ctx, side.quotes));
    }
    slides.push({
      kind: 'split',
      title,
      master: 'content',
      elements: [
        ...header(theme, { ...head, title, kicker: i === 0 ? head.kicker : `${head.kicker} · continued` }),
        ...placed.flatMap(renderBlock),
      ],
      notes: notesText(notes),
    });
  }
  return slides;
}
