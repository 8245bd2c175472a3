/**
 * Flowing content into columns and onto continuation slides. A block is one text box (with an
 * optional figure column on its left, a quote bar or a colored band); blocks are measured at the
 * width of the column they land in and never split, so a slide never holds more than fits.
 */
import type { Rect, SlideElement, TextElement } from './plan.ts';
import {
  countLines,
  LINE_HEIGHT,
  type Paragraph,
  paragraphHeight,
  textHeight,
  truncateToLines,
} from './text-metrics.ts';

export interface Block {
  paragraphs: Paragraph[];
  /** A narrow column on the left of the block (a big figure such as "14 of 24"). */
  aside?: { paragraphs: Paragraph[]; width: number };
  /** Color of a thin bar on the left (quotes). */
  bar?: string;
  /** Background color of the whole block (a band with padding). */
  fill?: string;
  /** Do not leave this block alone at the bottom of a column: move it with the next block. */
  keepWithNext?: boolean;
  /** Inches of space after the block. */
  gapAfter?: number;
  /** Start a new column (or slide) before this block. */
  columnBreakBefore?: boolean;
  /** Start a new slide before this block. */
  pageBreakBefore?: boolean;
  /** Index of the paragraph to shorten when the block is taller than a column (default: the last ones). */
  shrink?: number;
  /** Placed before this block when it opens a column mid-section ("Theme X (continued)"). */
  carry?: Block;
  name?: string;
}

export const BAR_WIDTH = 0.05;
const BAR_GAP = 0.14;
const ASIDE_GAP = 0.2;
export const FILL_PADDING = 0.12;
/** Extra room under each text box so a renderer that wraps one line more still stays inside. */
const SLACK = 0.03;

function textWidth(block: Block, width: number): number {
  let w = width;
  if (block.aside) w -= block.aside.width + ASIDE_GAP;
  if (block.bar) w -= BAR_WIDTH + BAR_GAP;
  if (block.fill) w -= 2 * FILL_PADDING;
  return Math.max(0.5, w);
}

export function blockHeight(block: Block, width: number): number {
  const main = textHeight(block.paragraphs, textWidth(block, width));
  const aside = block.aside ? textHeight(block.aside.paragraphs, block.aside.width) : 0;
  return Math.max(main, aside) + (block.fill ? 2 * FILL_PADDING : 0) + SLACK;
}

/** Shorten a block until it fits in maxHeight; used only for blocks taller than a whole column. */
export function fitBlock(block: Block, width: number, maxHeight: number): Block {
  if (blockHeight(block, width) <= maxHeight) return block;
  const inner = textWidth(block, width);
  const budget = maxHeight - (block.fill ? 2 * FILL_PADDING : 0) - SLACK;
  const target = block.shrink !== undefined ? block.paragraphs[block.shrink] : undefined;
  if (target) {
    // Shorten the chosen paragraph (a quote) to the lines left after the others (its attribution).
    const others = block.paragraphs.filter((_, i) => i !== block.shrink);
    const rest = textHeight(block.paragraphs, inner) - paragraphHeight(target, inner, block.shrink === 0);
    const lines = Math.floor((budget - rest) / ((target.fontSize * LINE_HEIGHT) / 72));
    if (lines >= 1 && others.length < block.paragraphs.length) {
      const paragraphs = block.paragraphs.map((p, i) =>
        i === block.shrink ? truncateToLines(p, inner, lines) : p,
      );
      if (textHeight(paragraphs, inner) <= budget) return { ...block, paragraphs };
    }
  }
  const paragraphs: Paragraph[] = [];
  let used = 0;
  for (const [i, p] of block.paragraphs.entries()) {
    const h = paragraphHeight(p, inner, i === 0);
    if (used + h <= budget) {
      paragraphs.push(p);
      used += h;
      continue;
    }
    const before = i === 0 ? 0 : (p.spaceBefore ?? 0) / 72;
    const lines = Math.floor((budget - used - before) / ((p.fontSize * LINE_HEIGHT) / 72));
    if (lines >= 1) paragraphs.push(truncateToLines(p, inner, Math.min(lines, countLines(p, inner))));
    break;
  }
  if (paragraphs.length === 0 && block.paragraphs[0]) {
    paragraphs.push(truncateToLines(block.paragraphs[0], inner, 1));
  }
  return { ...block, paragraphs };
}

export interface Placement {
  block: Block;
  rect: Rect;
}

/**
 * Place blocks in order into the columns each page offers (`columnsFor(pageIndex)`), opening a
 * new column or page when the next block does not fit. Always returns at least one page.
 */
export function paginate(blocks: Block[], columnsFor: (page: number) => Rect[]): Placement[][] {
  const pages: Placement[][] = [[]];
  let page = 0;
  let columns = columnsFor(0);
  let col = 0;
  let y = columns[0]!.y;
  let placedInColumn = 0;

  const nextColumn = (newPage = false) => {
    col += 1;
    if (newPage || col >= columns.length) {
      page += 1;
      pages.push([]);
      columns = columnsFor(page);
      col = 0;
    }
    y = columns[col]!.y;
    placedInColumn = 0;
  };

  blocks.forEach((original, i) => {
    if (original.pageBreakBefore && pages[page]!.length > 0) nextColumn(true);
    else if (original.columnBreakBefore && placedInColumn > 0) nextColumn();
    let column = columns[col]!;
    let h = blockHeight(original, column.w);
    const next = blocks[i + 1];
    const need = () =>
      h + (original.keepWithNext && next ? (original.gapAfter ?? 0) + blockHeight(next, column.w) : 0);
    if (placedInColumn > 0 && y + need() > column.y + column.h) {
      nextColumn();
      column = columns[col]!;
      h = blockHeight(original, column.w);
    }
    if (placedInColumn === 0 && original.carry) {
      // A section continues in a new column: repeat its heading so the quote is not orphaned.
      const carry = original.carry;
      const ch = blockHeight(carry, column.w);
      pages[page]!.push({ block: carry, rect: { x: column.x, y, w: column.w, h: ch } });
      y += ch + (carry.gapAfter ?? 0);
    }
    const room = column.y + column.h - y;
    const block = h > room ? fitBlock(original, column.w, room) : original;
    if (block !== original) h = blockHeight(block, column.w);
    pages[page]!.push({ block, rect: { x: column.x, y, w: column.w, h } });
    y += h + (block.gapAfter ?? 0);
    placedInColumn += 1;
  });
  return pages;
}

/** Whether these blocks fit, in order, in one column. */
export function fitsInColumn(blocks: Block[], column: Rect): boolean {
  return paginate(blocks, () => [column]).length === 1;
}

/** The elements that draw a placed block. */
export function renderBlock(p: Placement): SlideElement[] {
  const { block, rect } = p;
  const out: SlideElement[] = [];
  let x = rect.x;
  let w = rect.w;
  if (block.fill) out.push({ type: 'rect', rect, fill: block.fill });
  const pad = block.fill ? FILL_PADDING : 0;
  x += pad;
  w -= 2 * pad;
  const innerY = rect.y + pad;
  const innerH = rect.h - 2 * pad;
  if (block.aside) {
    out.push({
      type: 'text',
      rect: { x, y: innerY, w: block.aside.width, h: innerH },
      paragraphs: block.aside.paragraphs,
      padding: 0,
    });
    x += block.aside.width + ASIDE_GAP;
    w -= block.aside.width + ASIDE_GAP;
  }
  if (block.bar) {
    out.push({ type: 'rect', rect: { x, y: innerY, w: BAR_WIDTH, h: innerH - 0.03 }, fill: block.bar });
    x += BAR_WIDTH + BAR_GAP;
    w -= BAR_WIDTH + BAR_GAP;
  }
  const text: TextElement = {
    type: 'text',
    rect: { x, y: innerY, w, h: innerH },
    paragraphs: block.paragraphs,
    padding: 0,
  };
  if (block.name) text.name = block.name;
  out.push(text);
  return out;
}
