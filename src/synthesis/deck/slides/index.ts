/**
 * Builds the deck plan from Insights: title, method, executive summary, one or more slides per
 * question (native bar chart of theme prevalence, summaries, quotes), a slide per split,
 * cross-cutting themes and the appendix. Pure: no I/O, no clock (the date comes from insights).
 * Speaker notes list the sources of every claim on their slide.
 */
import type { Insights } from '../../types.ts';
import { styler } from '../layout.ts';
import type { People } from '../people.ts';
import type { PlannedSlide } from '../plan.ts';
import { type DeckTheme, mix } from '../theme.ts';
import { appendixTableSlides, methodNotesSlides } from './appendix.ts';
import type { Ctx } from './common.ts';
import { crossCuttingSlides } from './cross-cutting.ts';
import { methodSlides } from './method.ts';
import { questionSlides } from './question.ts';
import { splitSlides } from './split.ts';
import { summarySlides } from './summary.ts';
import { titleSlide } from './title.ts';

export interface PlanOptions {
  theme: DeckTheme;
  people: People;
}

export function planDeck(insights: Insights, opts: PlanOptions): PlannedSlide[] {
  const ctx: Ctx = {
    insights,
    theme: opts.theme,
    people: opts.people,
    p: styler(opts.theme),
    tint: mix(opts.theme.colors.primary, opts.theme.colors.background, 0.55),
    faint: mix(opts.theme.colors.primary, opts.theme.colors.background, 0.93),
  };
  const slides: PlannedSlide[] = [titleSlide(ctx), ...methodSlides(ctx), ...summarySlides(ctx)];
  insights.questions.forEach((q, i) => {
    slides.push(...questionSlides(ctx, q, i));
  });
  for (const s of insights.splits) slides.push(...splitSlides(ctx, s));
  if (insights.crossCutting.length > 0) slides.push(...crossCuttingSlides(ctx));
  slides.push(...appendixTableSlides(ctx), ...methodNotesSlides(ctx));
  return slides;
}
