/**
 * The slide grid (16:9 widescreen, inches) and the header every content slide shares: a kicker
 * line, the title and a takeaway line, sized down or shortened until they fit their band.
 */
import type { Rect, SlideElement, TextElement } from './plan.ts';
import { countLines, LINE_HEIGHT, type Paragraph, type Run, truncateToLines } from './text-metrics.ts';
import type { DeckTheme } from './theme.ts';

export const SLIDE = { w: 13.333, h: 7.5 } as const;
export const MARGIN = 0.6;
export const CONTENT_WIDTH = SLIDE.w - 2 * MARGIN;
export const GUTTER = 0.4;

const KICKER_Y = 0.36;
const TITLE_Y = 0.64;
const HEADER_BOTTOM = 1.9;
export const CONTENT: Rect = { x: MARGIN, y: 2.14, w: CONTENT_WIDTH, h: 4.72 };
export const FOOTER_Y = 7.04;

/** Logo box in the header of content slides (the master places it). */
export const LOGO_BOX = { maxW: 1.6, maxH: 0.5, y: 0.36 } as const;

export function columns(n: number, area: Rect = CONTENT, gutter = GUTTER): Rect[] {
  const w = (area.w - gutter * (n - 1)) / n;
  return Array.from({ length: n }, (_, i) => ({ x: area.x + i * (w + gutter), y: area.y, w, h: area.h }));
}

/** Width and height of the logo fitted into a box, keeping its aspect ratio. */
export function fitLogo(theme: DeckTheme, maxW: number, maxH: number): { w: number; h: number } | undefined {
  if (!theme.logo) return undefined;
  const ratio = theme.logo.width / theme.logo.height;
  let h = maxH;
  let w = h * ratio;
  if (w > maxW) {
    w = maxW;
    h = w / ratio;
  }
  return { w, h };
}

export interface TextStyle {
  font?: 'heading' | 'body';
  color?: string;
  bold?: boolean;
  italic?: boolean;
  spaceBefore?: number;
  align?: 'left' | 'center' | 'right';
  charSpacing?: number;
  indent?: number;
}

/** Builds paragraphs in the theme's fonts and colors. */
export function styler(theme: DeckTheme) {
  return (content: string | Run[], size: number, style: TextStyle = {}): Paragraph => {
    const runs: Run[] = (typeof content === 'string' ? [{ text: content }] : content).map((r) => ({
      ...r,
      bold: r.bold ?? style.bold,
      italic: r.italic ?? style.italic,
      color: r.color ?? style.color ?? theme.colors.text,
    }));
    const p: Paragraph = {
      runs,
      fontSize: size,
      fontFace: style.font === 'heading' ? theme.fonts.heading : theme.fonts.body,
    };
    if (style.spaceBefore !== undefined) p.spaceBefore = style.spaceBefore;
    if (style.align) p.align = style.align;
    if (style.charSpacing) p.charSpacing = style.charSpacing;
    if (style.indent) p.indent = style.indent;
    return p;
  };
}

export type Styler = ReturnType<typeof styler>;

function lineHeight(size: number): number {
  return (size * LINE_HEIGHT) / 72;
}

/** Single-line text box at a fixed position, shortened with "…" if it would wrap. */
export function oneLine(p: Paragraph, rect: Omit<Rect, 'h'>): TextElement {
  const fitted = truncateToLines(p, rect.w, 1);
  return {
    type: 'text',
    rect: { ...rect, h: lineHeight(p.fontSize) + 0.02 },
    paragraphs: [fitted],
    padding: 0,
  };
}

export interface HeaderText {
  kicker: string;
  title: string;
  takeaway?: string;
}

/**
 * Kicker, title (up to two lines, 26 → 20 pt) and takeaway (up to two lines, 16 → 14 pt). Sizes
 * step down until both fit above the content area; as a last resort text is shortened.
 */
export function header(theme: DeckTheme, h: HeaderText): SlideElement[] {
  const p = styler(theme);
  const logo = fitLogo(theme, LOGO_BOX.maxW, LOGO_BOX.maxH);
  const width = CONTENT_WIDTH - (logo ? logo.w + 0.3 : 0);
  const out: SlideElement[] = [];
  out.push(
    oneLine(p(h.kicker.toUpperCase(), 12, { bold: true, color: theme.colors.accent, charSpacing: 1 }), {
      x: MARGIN,
      y: KICKER_Y,
      w: width,
    }),
  );

  let chosen: { title: Paragraph; titleLines: number; take?: Paragraph; takeLines: number } | undefined;
  search: for (const ts of [24, 22, 20, 18]) {
    const title = p(h.title, ts, { font: 'heading', bold: true, color: theme.colors.primary });
    const titleLines = countLines(title, width);
    if (titleLines > 2) continue;
    if (!h.takeaway) {
      chosen = { title, titleLines, takeLines: 0 };
      break;
    }
    for (const ks of [16, 14]) {
      const take = p(h.takeaway, ks, { color: theme.colors.text });
      const takeLines = countLines(take, width);
      if (takeLines > 2) continue;
      if (TITLE_Y + titleLines * lineHeight(ts) + 0.1 + takeLines * lineHeight(ks) <= HEADER_BOTTOM) {
        chosen = { title, titleLines, take, takeLines };
        break search;
      }
    }
  }
  if (!chosen) {
    // Keep the title whole if two lines of 18 pt hold it; the takeaway gives way first.
    const title = truncateToLines(
      p(h.title, 18, { font: 'heading', bold: true, color: theme.colors.primary }),
      width,
      2,
    );
    const titleLines = countLines(title, width);
    chosen = { title, titleLines, takeLines: 0 };
    if (h.takeaway) {
      const room = Math.floor((HEADER_BOTTOM - TITLE_Y - titleLines * lineHeight(18) - 0.1) / lineHeight(14));
      if (room >= 1) {
        const take = truncateToLines(p(h.takeaway, 14), width, Math.min(2, room));
        chosen = { ...chosen, take, takeLines: countLines(take, width) };
      }
    }
  }
  const titleH = chosen.titleLines * lineHeight(chosen.title.fontSize);
  out.push({
    type: 'text',
    rect: { x: MARGIN, y: TITLE_Y, w: width, h: titleH + 0.03 },
    paragraphs: [chosen.title],
    padding: 0,
    name: 'Title',
  });
  if (chosen.take) {
    out.push({
      type: 'text',
      rect: {
        x: MARGIN,
        y: TITLE_Y + titleH + 0.1,
        w: width,
        h: chosen.takeLines * lineHeight(chosen.take.fontSize) + 0.03,
      },
      paragraphs: [chosen.take],
      padding: 0,
      name: 'Takeaway',
    });
  }
  return out;
}
