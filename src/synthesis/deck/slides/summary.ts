/** The executive summary: the strongest themes across the questions. */
import type { QuestionInsights, Split, SplitSide, Theme } from '../../types.ts';
import { type Block, fitsInColumn } from '../flow.ts';
import { citeInterviews, plural, prevalence, questionTag } from '../format.ts';
import { CONTENT, CONTENT_WIDTH, columns, GUTTER, type HeaderText, MARGIN } from '../layout.ts';
import type { PlannedSlide, Rect } from '../plan.ts';
import { truncateToLines } from '../text-metrics.ts';
import { BODY, type Ctx, continued, denominator, flowSlides, quoteNotes } from './common.ts';

export interface Ranked {
  theme: Theme;
  question: QuestionInsights;
  index: number;
  of: number;
}

export function strongestThemes(ctx: Ctx, limit: number): Ranked[] {
  const all: Ranked[] = ctx.insights.questions.flatMap((question, index) =>
    question.themes.map((theme) => ({ theme, question, index, of: denominator(ctx, question) })),
  );
  return all
    .filter((r) => r.theme.interviews.length >= 2)
    .sort(
      (a, b) =>
        b.theme.interviews.length / b.of - a.theme.interviews.length / a.of ||
        b.theme.interviews.length - a.theme.interviews.length,
    )
    .slice(0, limit);
}

export function summarySlides(ctx: Ctx): PlannedSlide[] {
  const { insights, theme, p, people } = ctx;
  const hasSplits = insights.splits.length > 0;
  // Strongest themes on the left; where interviewees split, on the right.
  const splitW = 4.1;
  const left: Rect = { ...CONTENT, w: hasSplits ? CONTENT_WIDTH - splitW - GUTTER : CONTENT_WIDTH };
  const right: Rect = { x: MARGIN + CONTENT_WIDTH - splitW, y: CONTENT.y, w: splitW, h: CONTENT.h };
  const asideW = 1.1;
  const mainW = left.w - asideW - 0.2;
  const sectionLabel = (text: string, breakBefore: boolean): Block => ({
    paragraphs: [p(text.toUpperCase(), BODY, { bold: true, color: theme.colors.accent, charSpacing: 1 })],
    gapAfter: 0.12,
    keepWithNext: true,
    columnBreakBefore: breakBefore,
  });
  const row = (r: Ranked): Block => ({
    aside: {
      width: asideW,
      paragraphs: [
        p(String(r.theme.interviews.length), 26, {
          font: 'heading',
          bold: true,
          color: theme.colors.primary,
        }),
        p(`of ${r.of}`, BODY, { color: theme.colors.muted }),
      ],
    },
    paragraphs: [
      truncateToLines(
        p(
          [
            { text: people.text(r.theme.label), bold: true },
            { text: `   ${questionTag(r.index)}`, color: theme.colors.muted },
          ],
          15,
        ),
        mainW,
        1,
      ),
      truncateToLines(p(people.text(r.theme.summary), BODY, { spaceBefore: 3 }), mainW, 2),
    ],
    gapAfter: 0.2,
    name: 'Finding',
  });
  // As many of the five strongest themes as fit in the column, so the summary stays one slide.
  const label = sectionLabel('Strongest themes · interviewees who raised them', false);
  let top = strongestThemes(ctx, 5);
  while (top.length > 1 && !fitsInColumn([label, ...top.map(row)], left)) top = top.slice(0, -1);
  const blocks: Block[] = top.length > 0 ? [label, ...top.map(row)] : [];
  if (blocks.length === 0) {
    blocks.push({
      paragraphs: [p('No theme was raised by more than one interviewee.', 14, { color: theme.colors.muted })],
    });
  }
  const splitBlocks = new Map<Block, Split>();
  insights.splits.forEach((s, i) => {
    const q = insights.questions.find((qq) => qq.id === s.question);
    const of = denominator(ctx, q);
    const side = (x: SplitSide, color: string) =>
      p(
        [
          { text: '■  ', color },
          { text: people.text(x.label) },
          { text: `   ${prevalence(x.interviews.length, of)}`, color: theme.colors.muted },
        ],
        BODY,
        { spaceBefore: 3 },
      );
    const block: Block = {
      paragraphs: [
        p(people.text(s.topic), 14, { bold: true }),
        side(s.sides[0], theme.colors.primary),
        side(s.sides[1], theme.colors.accent),
      ],
      gapAfter: 0.24,
      columnBreakBefore: i === 0,
      name: 'Split',
    };
    if (i === 0) {
      blocks.push(sectionLabel('Where they split', true));
      block.columnBreakBefore = false;
    }
    splitBlocks.set(block, s);
    blocks.push(block);
  });
  const lead = top[0];
  const head: HeaderText = {
    kicker: 'Executive summary',
    title: `What ${plural(insights.interviews.length, 'interviewee')} told us`,
    takeaway: lead
      ? `The strongest signal: ${people.text(lead.theme.label).replace(/\.$/, '')} (${prevalence(lead.theme.interviews.length, lead.of)}).` +
        (hasSplits ? ` They split on ${plural(insights.splits.length, 'topic')}.` : '')
      : 'The interviews did not converge on shared themes.',
  };
  return flowSlides(
    ctx,
    'summary',
    continued(head),
    blocks,
    (page) => (page === 0 && hasSplits ? [left, right] : columns(2)),
    (placed) => [
      'Sources for this slide:',
      ...placed.flatMap(({ block }) => {
        const r = top[blocks.indexOf(block) - 1];
        if (r) {
          return [
            `- ${people.text(r.theme.label)} (${questionTag(r.index)}, ${prevalence(r.theme.interviews.length, r.of)} who answered): ${citeInterviews(r.theme.interviews, people)}`,
            ...quoteNotes(ctx, r.theme.quotes),
          ];
        }
        const s = splitBlocks.get(block);
        if (s) {
          return s.sides.map(
            (side) =>
              `- Split “${people.text(s.topic)}”, ${people.text(side.label)}: ${citeInterviews(side.interviews, people)}`,
          );
        }
        return [];
      }),
    ],
  );
}
