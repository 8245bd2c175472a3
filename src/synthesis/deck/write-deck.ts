/** writeDeck: Insights in, an editable PPTX out (plus the list of slides it holds). */
import type { Insights } from '../types.ts';
import { makePeople } from './people.ts';
import type { SlideKind } from './plan.ts';
import { renderDeck } from './render.ts';
import { planDeck } from './slides/index.ts';
import { type DeckTheme, defaultTheme } from './theme.ts';

export interface DeckOptions {
  theme?: DeckTheme;
  /** Show interviewees by role and number and redact names from all text (slides and notes). */
  anonymize?: boolean;
}

export interface DeckResult {
  pptx: Uint8Array;
  slideCount: number;
  slides: { title: string; kind: SlideKind }[];
}

export async function writeDeck(insights: Insights, opts: DeckOptions = {}): Promise<DeckResult> {
  const theme = opts.theme ?? defaultTheme;
  const people = makePeople(insights, opts.anonymize === true);
  const plan = planDeck(insights, { theme, people });
  const title = people.text(insights.title);
  const pptx = await renderDeck(plan, theme, {
    title,
    subject: people.text(insights.form.title),
    footer: `${title} · ${insights.interviews.length} interviews`,
  });
  return { pptx, slideCount: plan.length, slides: plan.map((s) => ({ title: s.title, kind: s.kind })) };
}
