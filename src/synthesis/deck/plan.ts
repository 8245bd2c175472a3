/**
 * A deck as plain data before it becomes a PPTX: slides of positioned elements (inches).
 * Building this plan is pure and testable (every text box can be checked against the room it has);
 * render.ts turns it into pptxgenjs calls.
 */
import type { Paragraph } from './text-metrics.ts';

export type SlideKind = 'title' | 'method' | 'summary' | 'question' | 'split' | 'cross-cutting' | 'appendix';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextElement {
  type: 'text';
  rect: Rect;
  paragraphs: Paragraph[];
  /** Inches of inner padding (0 for plain text boxes). */
  padding: number;
  fill?: string;
  valign?: 'top' | 'middle' | 'bottom';
  /** Object name shown in PowerPoint's selection pane. */
  name?: string;
}

export interface RectElement {
  type: 'rect';
  rect: Rect;
  fill: string;
}

export interface LineElement {
  type: 'line';
  rect: Rect; // h = 0 for a horizontal rule
  color: string;
  width: number; // points
}

export interface BarChartElement {
  type: 'bar-chart';
  rect: Rect;
  /** Categories top to bottom. */
  labels: string[];
  values: number[];
  /** Upper end of the value axis (the number who answered). */
  max: number;
  seriesName: string;
  color: string;
  altText: string;
}

export interface TableCellSpec {
  paragraphs: Paragraph[];
  fill?: string;
}

export interface TableElement {
  type: 'table';
  rect: Rect;
  colW: number[];
  rowH: number[];
  rows: TableCellSpec[][];
  /** Inches of cell padding on each side. */
  cellPadding: number;
  borderColor: string;
}

export interface ImageElement {
  type: 'image';
  rect: Rect;
  data: string;
  altText: string;
}

export type SlideElement =
  | TextElement
  | RectElement
  | LineElement
  | BarChartElement
  | TableElement
  | ImageElement;

export interface PlannedSlide {
  kind: SlideKind;
  /** The slide's title as shown (for the slide list and the report). */
  title: string;
  master: 'title' | 'content';
  elements: SlideElement[];
  /** Speaker notes: the sources of every claim on the slide. */
  notes: string;
}
