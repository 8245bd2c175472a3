import type { Block } from '../flow.ts';
import { dateRange, duration, plural, questionTag, roleCounts, shortDate, thousands } from '../format.ts';
import { CONTENT, CONTENT_WIDTH, columns, GUTTER, type HeaderText, MARGIN } from '../layout.ts';
import type { PlannedSlide, Rect } from '../plan.ts';
import { BODY, type Ctx, continued, flowSlides } from './common.ts';

export function methodSlides(ctx: Ctx): PlannedSlide[] {
  const { insights, theme, p, people } = ctx;
  const n = insights.interviews.length;
  const seconds = insights.interviews.reduce((s, i) => s + (i.durationSeconds ?? 0), 0);
  const words = insights.interviews.reduce((s, i) => s + i.words, 0);
  const range = dateRange(insights);
  const roles = roleCounts(insights);

  const stat = (value: string, label: string): Block => ({
    paragraphs: [
      p(value, value.length > 9 ? 22 : 30, { font: 'heading', bold: true, color: theme.colors.primary }),
      p(label, BODY, { color: theme.colors.muted }),
    ],
    gapAfter: 0.22,
  });
  const blocks: Block[] = [stat(String(n), n === 1 ? 'interview' : 'interviews')];
  blocks.push(stat(String(insights.form.questions.length), 'questions on one standard form'));
  if (range) blocks.push(stat(range, 'interview dates'));
  if (seconds > 0) blocks.push(stat(`${(seconds / 3600).toFixed(1)} h`, 'of recorded conversation'));
  blocks.push(stat(thousands(words), 'words transcribed and read'));

  const label = (text: string, first: boolean): Block => ({
    paragraphs: [p(text.toUpperCase(), BODY, { bold: true, color: theme.colors.accent, charSpacing: 1 })],
    gapAfter: 0.1,
    keepWithNext: true,
    columnBreakBefore: first,
  });
  blocks.push(label('Who we spoke to', true));
  if (roles.length === 0) {
    blocks.push({
      paragraphs: [
        p(
          'Roles were not recorded for these interviews. Add role and date metadata to show them here.',
          BODY,
          { color: theme.colors.muted },
        ),
      ],
      gapAfter: 0.3,
    });
  } else {
    // One flowing line of roles ("CFO · COO ×2 · …") stays compact even with 50 distinct roles.
    const runs = roles.flatMap(([role, count], i) => [
      ...(i > 0 ? [{ text: '  ·  ', color: theme.colors.muted }] : []),
      { text: people.text(role) },
      ...(count > 1 ? [{ text: ` ×${count}`, color: theme.colors.muted }] : []),
    ]);
    blocks.push({ paragraphs: [p(runs, BODY)], gapAfter: 0.3 });
  }
  blocks.push(label('The interview form', false));
  insights.form.questions.forEach((q, i) => {
    blocks.push({
      paragraphs: [
        p(
          [
            { text: `${questionTag(i)}  `, bold: true, color: theme.colors.primary },
            { text: people.text(q.text) },
          ],
          BODY,
        ),
      ],
      gapAfter: 0.1,
    });
  });

  const statCol: Rect = { x: MARGIN, y: CONTENT.y, w: 3.3, h: CONTENT.h };
  const rest: Rect = {
    x: MARGIN + 3.3 + GUTTER,
    y: CONTENT.y,
    w: CONTENT_WIDTH - 3.3 - GUTTER,
    h: CONTENT.h,
  };
  const head: HeaderText = {
    kicker: 'Method',
    title: `${plural(n, 'interview')}, ${plural(insights.form.questions.length, 'question')}, one standard form`,
    takeaway:
      (range ? `Conducted ${range}. ` : '') +
      'Every answer was aligned to its form question; themes count interviewees, not mentions.',
  };
  const notes = (page: number) =>
    page === 0
      ? [
          'Sources for this slide:',
          ...insights.interviews.map(
            (i) =>
              `- ${people.source(i.id)}: ${[
                i.role ? people.text(i.role) : undefined,
                i.date ? shortDate(i.date) : undefined,
                duration(i.durationSeconds),
                `${thousands(i.words)} words`,
              ]
                .filter(Boolean)
                .join(', ')}`,
          ),
        ]
      : ['Continuation of the method slide: the interview form as used in every interview.'];
  return flowSlides(
    ctx,
    'method',
    continued(head),
    blocks,
    (page) => (page === 0 ? [statCol, rest] : columns(2)),
    (_, page) => notes(page),
  );
}
