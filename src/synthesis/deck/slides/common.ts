/** Shared by every slide kind: the planning context, quote and theme blocks, charted and flowed pages. */
import type { Insights, QuestionInsights, Quote } from '../../types.ts';
import { type Block, type Placement, paginate, renderBlock } from '../flow.ts';
import { citeQuote, prevalence } from '../format.ts';
import {
  CONTENT,
  CONTENT_WIDTH,
  columns,
  GUTTER,
  type HeaderText,
  header,
  MARGIN,
  oneLine,
  type Styler,
} from '../layout.ts';
import type { People } from '../people.ts';
import type { PlannedSlide, Rect, SlideElement, SlideKind } from '../plan.ts';
import type { Paragraph } from '../text-metrics.ts';
import type { DeckTheme } from '../theme.ts';

export interface Ctx {
  insights: Insights;
  theme: DeckTheme;
  people: People;
  p: Styler;
  /** A light tint of the primary color for quote bars and table stripes. */
  tint: string;
  faint: string;
}

export const MAX_CHART_BARS = 10;
export const CHART_W = 5.9;
export const BODY = 12;

export function sortThemes<T extends { interviews: string[] }>(themes: T[]): T[] {
  return [...themes].sort((a, b) => b.interviews.length - a.interviews.length);
}

export function denominator(ctx: Ctx, q: QuestionInsights | undefined): number {
  return q && q.answered.length > 0 ? q.answered.length : ctx.insights.interviews.length;
}

export function notesText(lines: string[]): string {
  return lines.join('\n');
}

/** Quotes longer than this are shortened on the slide (the notes keep them whole). */
export const MAX_QUOTE_WORDS = 70;

export function shortQuote(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length <= MAX_QUOTE_WORDS
    ? text
    : `${words
        .slice(0, MAX_QUOTE_WORDS)
        .join(' ')
        .replace(/[\s,;:.–—-]+$/, '')}…`;
}

export function quoteBlocks(ctx: Ctx, quotes: Quote[], lastGap: number): Block[] {
  const { p, people, theme } = ctx;
  return quotes.slice(0, 3).map((q, i, all) => ({
    paragraphs: [
      p(`“${shortQuote(people.text(q.text).trim())}”`, BODY, { italic: true }),
      p(`— ${people.attribution(q.interview)}`, BODY, { color: theme.colors.muted, spaceBefore: 2 }),
    ],
    // If even the shortened quote is taller than a column, shorten the quote, never the attribution.
    shrink: 0,
    bar: ctx.tint,
    gapAfter: i === all.length - 1 ? lastGap : 0.1,
    name: 'Quote',
  }));
}

export function quoteNotes(ctx: Ctx, quotes: Quote[]): string[] {
  return quotes.slice(0, 3).map((q) => `  Quote: “${ctx.people.text(q.text)}” — ${citeQuote(q, ctx.people)}`);
}

export interface ThemeLike {
  label: string;
  summary: string;
  interviews: string[];
  quotes: Quote[];
}

/** A theme's heading: prevalence, label, an optional line (e.g. "Recurs in Q2, Q5") and the summary. */
export function themeSummaryBlock(ctx: Ctx, t: ThemeLike, of: number, extra?: string): Block {
  const { p, people, theme } = ctx;
  const paragraphs: Paragraph[] = [
    p(
      [
        { text: prevalence(t.interviews.length, of), color: theme.colors.accent, bold: true },
        { text: '   ' },
        { text: people.text(t.label), bold: true },
      ],
      14,
    ),
  ];
  if (extra) paragraphs.push(p(extra, BODY, { color: theme.colors.muted, spaceBefore: 2 }));
  paragraphs.push(p(people.text(t.summary), BODY, { spaceBefore: 3 }));
  return { paragraphs, gapAfter: 0.24, name: 'Theme' };
}

/** Summary, then quotes, kept together: for slides where everything fits beside the chart. */
export function themeBlocks(ctx: Ctx, t: ThemeLike, of: number, extra?: string): Block[] {
  const summary = themeSummaryBlock(ctx, t, of, extra);
  const quotes = quoteBlocks(ctx, t.quotes, 0.26);
  if (quotes.length === 0) return [summary];
  return [{ ...summary, keepWithNext: true, gapAfter: 0.1 }, ...quotes];
}

/** For "in their words" slides: a small heading naming the theme, then its quotes. */
export function quoteSectionBlocks(ctx: Ctx, t: ThemeLike, of: number): Block[] {
  const { p, people, theme } = ctx;
  const quotes = quoteBlocks(ctx, t.quotes, 0.28);
  if (quotes.length === 0) return [];
  const heading = (suffix: string): Block => ({
    paragraphs: [
      p(
        [
          { text: `${people.text(t.label)}${suffix}`, bold: true, color: theme.colors.primary },
          { text: `   ${prevalence(t.interviews.length, of)}`, color: theme.colors.muted },
        ],
        13,
      ),
    ],
    keepWithNext: true,
    gapAfter: 0.08,
    name: 'Theme heading',
  });
  const carry = heading(' (continued)');
  return [heading(''), ...quotes.map((q) => ({ ...q, carry }))];
}

/**
 * Chart on the left, themes on the right. When summaries and quotes all fit beside the chart,
 * that is one slide; otherwise the summaries stay beside the chart and the quotes move to
 * "in their words" slides in two columns.
 */
export function chartedSlides<T extends ThemeLike>(
  ctx: Ctx,
  kind: SlideKind,
  head: HeaderText,
  items: { theme: T; extra?: string }[],
  of: number,
  chart: SlideElement[],
  sourceLines: (t: T, withQuotes: boolean) => string[],
  intro: string[],
  /** What the slide says when there is no theme: why (the engine's reason), so no slide is blank. */
  emptyText = 'Answers to this question were too varied (or too few) to form a shared theme. See the transcripts for individual views.',
): PlannedSlide[] {
  const right: Rect = {
    x: MARGIN + CHART_W + GUTTER,
    y: CONTENT.y,
    w: CONTENT_WIDTH - CHART_W - GUTTER,
    h: CONTENT.h,
  };
  const columnsFor = (page: number) => (page === 0 ? [right] : columns(2));
  const owner = new Map<Block, { t: T; quote: boolean }>();
  const own = (blocks: Block[], t: T) => {
    blocks.forEach((b, i) => {
      owner.set(b, { t, quote: i > 0 });
    });
    return blocks;
  };
  let blocks = items.flatMap((it) => own(themeBlocks(ctx, it.theme, of, it.extra), it.theme));
  let quotePages = false;
  if (paginate(blocks, columnsFor).length > 1) {
    quotePages = true;
    const summaries = items.map((it) => own([themeSummaryBlock(ctx, it.theme, of, it.extra)], it.theme)[0]!);
    const quotes = items.flatMap((it) =>
      quoteSectionBlocks(ctx, it.theme, of).map((b) => ({ b, t: it.theme })),
    );
    if (quotes[0]) quotes[0].b = { ...quotes[0].b, pageBreakBefore: true };
    for (const { b, t } of quotes) owner.set(b, { t, quote: true });
    blocks = [...summaries, ...quotes.map((q) => q.b)];
  }
  if (blocks.length === 0) {
    blocks.push({
      paragraphs: [
        ctx.p(emptyText, 14, {
          color: ctx.theme.colors.muted,
        }),
      ],
    });
  }
  const headFor = (page: number, placed: Placement[]): PageHeader => {
    if (page === 0) return { ...head, listTitle: head.title };
    const owned = placed.filter((pl) => owner.has(pl.block));
    const quotesOnly = quotePages && owned.length > 0 && owned.every((pl) => owner.get(pl.block)?.quote);
    return quotesOnly
      ? {
          kicker: `${head.kicker} · in their words`,
          title: head.title,
          takeaway: 'Representative quotes for each theme, cleaned of fillers; sources in the speaker notes.',
          listTitle: `${head.title} (quotes)`,
        }
      : { ...head, kicker: `${head.kicker} · continued`, listTitle: `${head.title} (continued)` };
  };
  const notes = (placed: Placement[], page: number): string[] => {
    const lines = [...intro];
    const here = new Map<T, boolean>();
    for (const pl of placed) {
      const o = owner.get(pl.block);
      if (o) here.set(o.t, (here.get(o.t) ?? false) || o.quote || !quotePages);
    }
    const listed =
      page === 0 ? items.map((it) => it.theme) : items.map((it) => it.theme).filter((t) => here.has(t));
    // Quotes are cited wherever their theme appears: they are the evidence for the summary too.
    for (const t of listed) lines.push(...sourceLines(t, true));
    return lines;
  };
  return flowSlides(ctx, kind, headFor, blocks, columnsFor, notes, chart);
}

export interface PageHeader extends HeaderText {
  /** The title in the slide list (e.g. "… (continued)"). */
  listTitle: string;
}

/** "(continued)" headers for every page after the first. */
export function continued(head: HeaderText): (page: number) => PageHeader {
  return (page) =>
    page === 0
      ? { ...head, listTitle: head.title }
      : { ...head, kicker: `${head.kicker} · continued`, listTitle: `${head.title} (continued)` };
}

/** Slides that flow blocks over pages under a header; `firstPage` may add a figure on page 1. */
export function flowSlides(
  ctx: Ctx,
  kind: SlideKind,
  headFor: (page: number, placed: Placement[]) => PageHeader,
  blocks: Block[],
  columnsFor: (page: number) => Rect[],
  notesFor: (placed: Placement[], page: number) => string[],
  firstPage: SlideElement[] = [],
): PlannedSlide[] {
  const pages = paginate(blocks, columnsFor);
  return pages.map((placed, i) => {
    const head = headFor(i, placed);
    const elements: SlideElement[] = [
      ...header(ctx.theme, head),
      ...(i === 0 ? firstPage : []),
      ...placed.flatMap(renderBlock),
    ];
    return {
      kind,
      title: head.listTitle,
      master: 'content',
      elements,
      notes: notesText(notesFor(placed, i)),
    } satisfies PlannedSlide;
  });
}

/** A native horizontal bar chart of prevalence with a caption above it. */
export function prevalenceChart(
  ctx: Ctx,
  items: { label: string; count: number }[],
  of: number,
  caption: string,
  area: Rect,
): SlideElement[] {
  const { p, theme, people } = ctx;
  const shown = items.slice(0, MAX_CHART_BARS);
  const capText =
    items.length > shown.length ? `${caption} — top ${shown.length} of ${items.length}` : caption;
  const cap = oneLine(p(capText, BODY, { color: theme.colors.muted }), { x: area.x, y: area.y, w: area.w });
  const top = area.y + cap.rect.h + 0.12;
  const h = Math.min(area.y + area.h - top, Math.max(1.6, 0.5 + 0.48 * shown.length));
  return [
    cap,
    {
      type: 'bar-chart',
      rect: { x: area.x, y: top, w: area.w, h },
      labels: shown.map((s) => people.text(s.label)),
      values: shown.map((s) => s.count),
      max: of,
      seriesName: 'Interviews',
      color: theme.colors.chart[0] ?? theme.colors.primary,
      altText: `${capText}: ${shown.map((s) => `${people.text(s.label)} ${s.count} of ${of}`).join('; ')}`,
    },
  ];
}
