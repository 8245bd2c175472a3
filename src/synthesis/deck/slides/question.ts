/** One or more slides per form question: the prevalence chart, theme summaries and quotes. */
import type { QuestionInsights } from '../../types.ts';
import { citeInterviews, plural, prevalence, questionTag } from '../format.ts';
import { CONTENT, type HeaderText, MARGIN } from '../layout.ts';
import type { PlannedSlide } from '../plan.ts';
import {
  CHART_W,
  type Ctx,
  chartedSlides,
  denominator,
  prevalenceChart,
  quoteNotes,
  sortThemes,
} from './common.ts';

export function questionSlides(ctx: Ctx, q: QuestionInsights, index: number): PlannedSlide[] {
  const { insights, people } = ctx;
  const of = denominator(ctx, q);
  const themes = q.themeOrder === 'edited' ? q.themes : sortThemes(q.themes);
  const lead = themes[0];
  const head: HeaderText = {
    kicker: `Question ${index + 1} of ${insights.questions.length}`,
    title: people.text(q.text),
    takeaway: lead
      ? `Most raised: ${people.text(lead.label).replace(/\.$/, '')} (${prevalence(lead.interviews.length, of)}).` +
        (themes.length > 1 ? ` ${themes.length} themes in all.` : '')
      : (q.noTheme?.text ??
        `${plural(q.answered.length, 'interviewee')} answered; no theme was shared by several of them.`),
  };
  const chart =
    themes.length > 0
      ? prevalenceChart(
          ctx,
          themes.map((t) => ({ label: t.label, count: t.interviews.length })),
          of,
          `Interviewees raising each theme (of ${of} who answered)`,
          { x: MARGIN, y: CONTENT.y, w: CHART_W, h: CONTENT.h },
        )
      : [];
  const intro = [`Sources for this slide (${questionTag(index)}: ${people.text(q.text)}):`];
  if (themes.length > 0)
    intro.push(`Chart: interviewees raising each theme, of the ${of} who answered this question.`);
  else intro.push(`- Answered by: ${citeInterviews(q.answered, people)}`);
  return chartedSlides(
    ctx,
    'question',
    head,
    themes.map((theme) => ({ theme })),
    of,
    chart,
    (t, withQuotes) => [
      `- ${people.text(t.label)} — ${prevalence(t.interviews.length, of)}: ${citeInterviews(t.interviews, people)}`,
      ...(withQuotes ? quoteNotes(ctx, t.quotes) : []),
    ],
    intro,
    q.noTheme
      ? `No theme: ${lowerFirst(q.noTheme.text)} See the transcripts for individual views.`
      : undefined,
  );
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
