/** Themes that recur across questions. */
import type { CrossCuttingTheme } from '../../types.ts';
import { citeInterviews, plural, prevalence, questionTag } from '../format.ts';
import { CONTENT, type HeaderText, MARGIN } from '../layout.ts';
import type { PlannedSlide } from '../plan.ts';
import { CHART_W, type Ctx, chartedSlides, prevalenceChart, quoteNotes, sortThemes } from './common.ts';

export function crossCuttingSlides(ctx: Ctx): PlannedSlide[] {
  const { insights, people } = ctx;
  const themes = sortThemes(insights.crossCutting).map((c) => ({ ...c, quotes: c.quotes.slice(0, 2) }));
  const total = insights.interviews.length;
  const tags = (c: CrossCuttingTheme) =>
    c.questions
      .map((id) => insights.questions.findIndex((q) => q.id === id))
      .filter((i) => i >= 0)
      .map(questionTag);
  const lead = themes[0]!;
  const head: HeaderText = {
    kicker: 'Across the questions',
    title: 'Themes that cut across questions',
    takeaway: `${people.text(lead.label).replace(/\.$/, '')} runs through ${plural(tags(lead).length || lead.questions.length, 'question')} and ${prevalence(lead.interviews.length, total)} interviews.`,
  };
  const chart = prevalenceChart(
    ctx,
    themes.map((c) => ({ label: c.label, count: c.interviews.length })),
    total,
    `Interviewees raising each theme (of all ${total})`,
    { x: MARGIN, y: CONTENT.y, w: CHART_W, h: CONTENT.h },
  );
  return chartedSlides(
    ctx,
    'cross-cutting',
    head,
    themes.map((theme) => {
      const t = tags(theme);
      return t.length > 0 ? { theme, extra: `Recurs in ${t.join(', ')}` } : { theme };
    }),
    total,
    chart,
    (c, withQuotes) => [
      `- ${people.text(c.label)} (${tags(c).join(', ')}) — ${prevalence(c.interviews.length, total)}: ${citeInterviews(c.interviews, people)}`,
      ...(withQuotes ? quoteNotes(ctx, c.quotes) : []),
    ],
    ['Sources for this slide:', `Chart: interviewees raising each theme, of all ${total} interviews.`],
  );
}
