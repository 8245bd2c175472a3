/**
 * Builds the deck plan from Insights: title, method, executive summary, one or more slides per
 * question (native bar chart of theme prevalence, summaries, quotes), a slide per split,
 * cross-cutting themes and the appendix. Pure: no I/O, no clock (the date comes from insights).
 * Speaker notes list the sources of every claim on their slide.
 */
import type {
  CrossCuttingTheme,
  Insights,
  QuestionInsights,
  Quote,
  Split,
  SplitSide,
  Theme,
} from '../types.ts';
import { type Block, fitsInColumn, type Placement, paginate, renderBlock } from './flow.ts';
import {
  citeInterviews,
  citeQuote,
  dateRange,
  duration,
  plural,
  prevalence,
  questionTag,
  roleCounts,
  shortDate,
  thousands,
} from './format.ts';
import {
  CONTENT,
  CONTENT_WIDTH,
  columns,
  fitLogo,
  GUTTER,
  type HeaderText,
  header,
  MARGIN,
  oneLine,
  SLIDE,
  type Styler,
  styler,
} from './layout.ts';
import type { People } from './people.ts';
import type { PlannedSlide, Rect, SlideElement, SlideKind, TableCellSpec } from './plan.ts';
import { countLines, type Paragraph, textHeight, truncateToLines } from './text-metrics.ts';
import { type DeckTheme, mix } from './theme.ts';

interface Ctx {
  insights: Insights;
  theme: DeckTheme;
  people: People;
  p: Styler;
  /** A light tint of the primary colour for quote bars and table stripes. */
  tint: string;
  faint: string;
}

const MAX_CHART_BARS = 10;
const CHART_W = 5.9;
const BODY = 12;

function sortThemes<T extends { interviews: string[] }>(themes: T[]): T[] {
  return [...themes].sort((a, b) => b.interviews.length - a.interviews.length);
}

function denominator(ctx: Ctx, q: QuestionInsights | undefined): number {
  return q && q.answered.length > 0 ? q.answered.length : ctx.insights.interviews.length;
}

function notesText(lines: string[]): string {
  return lines.join('\n');
}

/** Quotes longer than this are shortened on the slide (the notes keep them whole). */
const MAX_QUOTE_WORDS = 70;

function shortQuote(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length <= MAX_QUOTE_WORDS
    ? text
    : `${words
        .slice(0, MAX_QUOTE_WORDS)
        .join(' ')
        .replace(/[\s,;:.–—-]+$/, '')}…`;
}

function quoteBlocks(ctx: Ctx, quotes: Quote[], lastGap: number): Block[] {
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

function quoteNotes(ctx: Ctx, quotes: Quote[]): string[] {
  return quotes.slice(0, 3).map((q) => `  Quote: “${ctx.people.text(q.text)}” — ${citeQuote(q, ctx.people)}`);
}

interface ThemeLike {
  label: string;
  summary: string;
  interviews: string[];
  quotes: Quote[];
}

/** A theme's heading: prevalence, label, an optional line (e.g. "Recurs in Q2, Q5") and the summary. */
function themeSummaryBlock(ctx: Ctx, t: ThemeLike, of: number, extra?: string): Block {
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
function themeBlocks(ctx: Ctx, t: ThemeLike, of: number, extra?: string): Block[] {
  const summary = themeSummaryBlock(ctx, t, of, extra);
  const quotes = quoteBlocks(ctx, t.quotes, 0.26);
  if (quotes.length === 0) return [summary];
  return [{ ...summary, keepWithNext: true, gapAfter: 0.1 }, ...quotes];
}

/** For "in their words" slides: a small heading naming the theme, then its quotes. */
function quoteSectionBlocks(ctx: Ctx, t: ThemeLike, of: number): Block[] {
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
function chartedSlides<T extends ThemeLike>(
  ctx: Ctx,
  kind: SlideKind,
  head: HeaderText,
  items: { theme: T; extra?: string }[],
  of: number,
  chart: SlideElement[],
  sourceLines: (t: T, withQuotes: boolean) => string[],
  intro: string[],
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
        ctx.p(
          'Answers to this question were too varied (or too few) to form a shared theme. See the transcripts for individual views.',
          14,
          {
            color: ctx.theme.colors.muted,
          },
        ),
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

interface PageHeader extends HeaderText {
  /** The title in the slide list (e.g. "… (continued)"). */
  listTitle: string;
}

/** "(continued)" headers for every page after the first. */
function continued(head: HeaderText): (page: number) => PageHeader {
  return (page) =>
    page === 0
      ? { ...head, listTitle: head.title }
      : { ...head, kicker: `${head.kicker} · continued`, listTitle: `${head.title} (continued)` };
}

/** Slides that flow blocks over pages under a header; `firstPage` may add a figure on page 1. */
function flowSlides(
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
function prevalenceChart(
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

// ── title ────────────────────────────────────────────────────────────────────────────────────────

function titleSlide(ctx: Ctx): PlannedSlide {
  const { insights, theme, p, people } = ctx;
  const x = 1.2;
  const w = SLIDE.w - x - 1.2;
  const elements: SlideElement[] = [
    { type: 'rect', rect: { x: 0, y: 0, w: 0.32, h: SLIDE.h }, fill: theme.colors.primary },
  ];
  elements.push(
    oneLine(p('Interview synthesis', 14, { bold: true, color: theme.colors.accent, charSpacing: 1.5 }), {
      x,
      y: 1.7,
      w,
    }),
  );
  const title = truncateToLines(
    p(people.text(insights.title), 40, { font: 'heading', bold: true, color: theme.colors.primary }),
    w,
    3,
  );
  const titleH = textHeight([title], w) + 0.05;
  elements.push({
    type: 'text',
    rect: { x, y: 2.15, w, h: titleH },
    paragraphs: [title],
    padding: 0,
    name: 'Title',
  });
  let y = 2.15 + titleH + 0.25;
  if (insights.form.title && insights.form.title !== insights.title) {
    const sub = truncateToLines(p(people.text(insights.form.title), 20, { color: theme.colors.text }), w, 2);
    const subH = textHeight([sub], w) + 0.03;
    elements.push({
      type: 'text',
      rect: { x, y, w, h: subH },
      paragraphs: [sub],
      padding: 0,
      name: 'Subtitle',
    });
    y += subH + 0.15;
  }
  const range = dateRange(insights);
  const facts = [
    plural(insights.interviews.length, 'interview'),
    plural(insights.form.questions.length, 'question'),
  ];
  if (range) facts.push(range);
  elements.push(oneLine(p(facts.join('  ·  '), 16, { color: theme.colors.muted }), { x, y, w }));
  elements.push(
    oneLine(
      p(
        `Draft generated by Outtask on ${shortDate(insights.generatedAt)} — check quotes against the recordings before sharing.`,
        BODY,
        { color: theme.colors.muted },
      ),
      {
        x,
        y: 6.55,
        w: w - 2.2,
      },
    ),
  );
  const logo = fitLogo(theme, 2.2, 0.9);
  if (logo && theme.logo) {
    elements.push({
      type: 'image',
      rect: { x: SLIDE.w - 0.8 - logo.w, y: 6.85 - logo.h, w: logo.w, h: logo.h },
      data: theme.logo.data,
      altText: 'Logo',
    });
  }
  const notes = [
    `${insights.title}: synthesis of ${plural(insights.interviews.length, 'interview')} on the form “${insights.form.title}”.`,
    `Sources: ${citeInterviews(
      insights.interviews.map((i) => i.id),
      people,
    )}.`,
    `Generated ${insights.generatedAt}. Every claim on the following slides is cited in its speaker notes (interview and timestamp mm:ss).`,
  ];
  return {
    kind: 'title',
    title: people.text(insights.title),
    master: 'title',
    elements,
    notes: notesText(notes),
  };
}

// ── method ───────────────────────────────────────────────────────────────────────────────────────

function methodSlides(ctx: Ctx): PlannedSlide[] {
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

// ── executive summary ────────────────────────────────────────────────────────────────────────────

interface Ranked {
  theme: Theme;
  question: QuestionInsights;
  index: number;
  of: number;
}

function strongestThemes(ctx: Ctx, limit: number): Ranked[] {
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

function summarySlides(ctx: Ctx): PlannedSlide[] {
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

// ── questions ────────────────────────────────────────────────────────────────────────────────────

function questionSlides(ctx: Ctx, q: QuestionInsights, index: number): PlannedSlide[] {
  const { insights, people } = ctx;
  const of = denominator(ctx, q);
  const themes = sortThemes(q.themes);
  const lead = themes[0];
  const head: HeaderText = {
    kicker: `Question ${index + 1} of ${insights.questions.length}`,
    title: people.text(q.text),
    takeaway: lead
      ? `Most raised: ${people.text(lead.label).replace(/\.$/, '')} (${prevalence(lead.interviews.length, of)}).` +
        (themes.length > 1 ? ` ${themes.length} themes in all.` : '')
      : `${plural(q.answered.length, 'interviewee')} answered; no theme was shared by several of them.`,
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
  );
}

// ── splits ───────────────────────────────────────────────────────────────────────────────────────

function sideBlocks(ctx: Ctx, side: SplitSide, of: number, color: string): Block[] {
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

function splitSlides(ctx: Ctx, s: Split): PlannedSlide[] {
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

// ── cross-cutting ────────────────────────────────────────────────────────────────────────────────

function crossCuttingSlides(ctx: Ctx): PlannedSlide[] {
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

// ── appendix ─────────────────────────────────────────────────────────────────────────────────────

function appendixTableSlides(ctx: Ctx): PlannedSlide[] {
  const { insights, theme, p, people } = ctx;
  const anon = people.anonymize;
  const headers = anon
    ? ['#', 'Role', 'Date', 'Length', 'Answered']
    : ['#', 'Interviewee', 'Role', 'Date', 'Length', 'Answered', 'Source file'];
  // Without names and files the table is narrow: two tables side by side hold twice the rows.
  const perPage = anon ? 2 : 1;
  const tableW = (CONTENT_WIDTH - GUTTER * (perPage - 1)) / perPage;
  const widths = (anon ? [0.45, 2.3, 1.15, 1.0, 0.9] : [0.5, 2.3, 2.9, 1.4, 1.2, 1.5, 2.333]).map(
    (w, _, all) => (w * tableW) / all.reduce((a, b) => a + b, 0),
  );
  const nq = insights.form.questions.length;
  const rowsText = insights.interviews.map((i, k) => [
    String(k + 1),
    ...(anon ? [] : [i.interviewee ?? '–']),
    i.role ? people.text(i.role) : '–',
    i.date ? shortDate(i.date) : '–',
    duration(i.durationSeconds),
    `${i.answered.length} of ${nq}`,
    ...(anon ? [] : [i.file]),
  ]);
  const pad = 0.045;
  const cell = (text: string, bold: boolean, color: string, fill?: string): TableCellSpec => {
    const c: TableCellSpec = { paragraphs: [p(text, BODY, { bold, color })] };
    if (fill) c.fill = fill;
    return c;
  };
  const rowHeight = (cells: string[], bold: boolean) =>
    Math.max(
      ...cells.map((t, c) => countLines(p(t, BODY, { bold }), widths[c]! - 2 * pad) * ((BODY * 1.2) / 72)),
    ) +
    2 * pad +
    0.02;
  const headH = rowHeight(headers, true);
  // Rows flow into table columns of the content height; perPage columns make a slide.
  const tables: { first: number; rows: string[][] }[] = [{ first: 0, rows: [] }];
  let used = headH;
  rowsText.forEach((row, k) => {
    const h = rowHeight(row, false);
    const current = tables[tables.length - 1]!;
    if (used + h > CONTENT.h && current.rows.length > 0) {
      tables.push({ first: k, rows: [] });
      used = headH;
    }
    tables[tables.length - 1]!.rows.push(row);
    used += h;
  });
  const pages: (typeof tables)[] = [];
  for (let i = 0; i < tables.length; i += perPage) pages.push(tables.slice(i, i + perPage));
  const range = dateRange(insights);
  return pages.map((page, i) => {
    const title = i === 0 ? 'Appendix: the interviews' : 'Appendix: the interviews (continued)';
    const elements: SlideElement[] = [
      ...header(theme, {
        kicker: i === 0 ? 'Appendix' : 'Appendix · continued',
        title,
        takeaway: `${plural(insights.interviews.length, 'interview')}${range ? `, ${range}` : ''}${anon ? '; interviewees shown by role and number only.' : '.'}`,
      }),
    ];
    const notes = ['Sources for this slide: one row per interview transcript.'];
    page.forEach((table, t) => {
      const rowH = [headH, ...table.rows.map((r) => rowHeight(r, false))];
      elements.push({
        type: 'table',
        rect: {
          x: MARGIN + t * (tableW + GUTTER),
          y: CONTENT.y,
          w: tableW,
          h: rowH.reduce((sum, h) => sum + h, 0),
        },
        colW: widths,
        rowH,
        rows: [
          headers.map((h) => cell(h, true, theme.colors.background, theme.colors.primary)),
          ...table.rows.map((r, k) =>
            r.map((text) =>
              cell(text, false, theme.colors.text, k % 2 === 1 ? ctx.faint : theme.colors.background),
            ),
          ),
        ],
        cellPadding: pad,
        borderColor: mix(theme.colors.text, theme.colors.background, 0.82),
      });
      for (const iv of insights.interviews.slice(table.first, table.first + table.rows.length)) {
        notes.push(
          `- ${people.source(iv.id)}${anon ? '' : `: ${iv.file} (${iv.format})`}, answered ${iv.answered.join(', ') || 'none'}`,
        );
      }
    });
    return {
      kind: 'appendix',
      title,
      master: 'content',
      elements,
      notes: notesText(notes),
    } satisfies PlannedSlide;
  });
}

const FORMAT_NAMES: Record<string, string> = {
  'text-headings': 'text (speaker headings)',
  'text-colon': 'text (Name: lines)',
  'text-plain': 'plain text',
  vtt: 'WebVTT',
  srt: 'SRT',
  docx: 'Word',
  'whisper-json': 'Whisper JSON',
  'rev-json': 'Rev JSON',
  'assemblyai-json': 'AssemblyAI JSON',
};

function methodNotesSlides(ctx: Ctx): PlannedSlide[] {
  const { insights, theme, p, people } = ctx;
  const formats = new Map<string, number>();
  for (const i of insights.interviews) formats.set(i.format, (formats.get(i.format) ?? 0) + 1);
  const formatList = [...formats].map(([f, n]) => `${n} ${FORMAT_NAMES[f] ?? f}`).join(', ');
  const section = (title: string, body: string): Block[] => [
    {
      paragraphs: [p(title, 14, { bold: true, color: theme.colors.primary })],
      gapAfter: 0.06,
      keepWithNext: true,
    },
    { paragraphs: [p(body, BODY)], gapAfter: 0.24 },
  ];
  const blocks: Block[] = [
    ...section(
      'Transcripts',
      `${plural(insights.interviews.length, 'transcript')} were read (${formatList}). Each answer was aligned to the form question it answers, also when the interviewer paraphrased, reordered or followed up; small talk and off-form talk were left out.`,
    ),
    ...section(
      'Themes and prevalence',
      'A theme is something several interviewees said, in their own words, in answer to the same question. Prevalence counts interviewees, not mentions: “14 of 24” means 14 of the 24 interviewees who answered that question raised it.',
    ),
    ...section(
      'Quotes',
      'Quotes are the interviewees’ words, cleaned of fillers such as “um” and “you know”. The speaker notes of every slide cite each quote and each count with its interview and timestamp (mm:ss).',
    ),
    ...section(
      'Splits and cross-cutting themes',
      'A split marks a question where interviewees took opposing positions; both sides are shown with their counts. Cross-cutting themes recur under several questions.',
    ),
  ];
  if (people.anonymize) {
    blocks.push(
      ...section(
        'Anonymisation',
        'Interviewees are shown by role and interview number. Names of interviewees and interviewers are replaced by “[name]” in quotes, and file names are not shown.',
      ),
    );
  }
  blocks.push(
    ...section(
      'Status',
      `Draft generated by Outtask on ${shortDate(insights.generatedAt)} from insights schema version ${insights.schemaVersion}. Review it before it goes to a client.`,
    ),
  );
  return flowSlides(
    ctx,
    'appendix',
    continued({
      kicker: 'Appendix',
      title: 'Appendix: how this synthesis was made',
      takeaway: 'Counts, quotes and sources can be traced to the transcripts.',
    }),
    blocks,
    () => columns(2),
    () => [
      'Sources for this slide: the method applies to all interviews:',
      `- ${citeInterviews(
        insights.interviews.map((i) => i.id),
        people,
      )}`,
    ],
  );
}

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
