/**
 * A saved synthesis rendered from its (edited) insights: the deck, the Markdown report and insights.json,
 * the same three files `outtask deck` writes. On plain data, so it runs in a worker thread as it is.
 */
import { formatMoney } from '../platform/money.ts';
import { slug } from '../platform/slug.ts';
import type { BadFile, DeckReport, Insights, InsightsFile } from '../synthesis/index.ts';

export interface RenderInput {
  insights: Insights;
  anonymize: boolean;
  skipped: BadFile[];
}

export interface RenderedSynthesis {
  deck: { fileName: string; bytes: Uint8Array };
  markdown: string;
  insightsFile: InsightsFile;
  report: DeckReport;
}

export async function renderSynthesis(input: RenderInput): Promise<RenderedSynthesis> {
  const lib = await import('../synthesis/index.ts');
  const { insights, anonymize } = input;
  const deck = await lib.writeDeck(insights, { anonymize });
  const pricePerSlide = lib.DEFAULT_PRICE_PER_SLIDE;
  const price = lib.outTaskerPrice(deck.slideCount, pricePerSlide);
  const report: DeckReport = {
    interviews: insights.interviews.length,
    questions: insights.questions.length,
    themes: insights.questions.reduce((n, q) => n + q.themes.length, 0),
    splits: insights.splits.length,
    crossCutting: insights.crossCutting.length,
    slideCount: deck.slideCount,
    slides: deck.slides,
    pricePerSlide,
    outTaskerPrice: price,
    outTaskerPriceText: formatMoney(price),
  };
  const markdown = lib.renderMarkdown(insights, {
    anonymize,
    deck: {
      slideCount: deck.slideCount,
      outTaskerPrice: formatMoney(price),
      pricePerSlide: formatMoney(pricePerSlide),
    },
  });
  const base = slug(insights.title, { max: 60, fallback: 'interview-synthesis' });
  return {
    deck: { fileName: `${base}.pptx`, bytes: deck.pptx },
    markdown,
    insightsFile: lib.insightsFile(insights, report, input.skipped),
    report,
  };
}
