/** Turns a deck plan into a PPTX with pptxgenjs: masters, text boxes, native charts, tables, notes. */
import PptxGenJS from 'pptxgenjs';
import { FOOTER_Y, fitLogo, LOGO_BOX, MARGIN, SLIDE } from './layout.ts';
import type { BarChartElement, PlannedSlide, SlideElement, TableElement, TextElement } from './plan.ts';
import type { Paragraph } from './text-metrics.ts';
import type { DeckTheme } from './theme.ts';

export interface RenderMeta {
  title: string;
  subject: string;
  footer: string;
}

type TextRun = PptxGenJS.TextProps;

/** Paragraphs as pptxgenjs text runs: a paragraph ends with breakLine on its last run. */
function runs(paragraphs: Paragraph[]): TextRun[] {
  const out: TextRun[] = [];
  paragraphs.forEach((p, pi) => {
    p.runs.forEach((r, ri) => {
      const options: PptxGenJS.TextPropsOptions = {
        fontFace: p.fontFace,
        fontSize: p.fontSize,
        bold: r.bold === true,
        italic: r.italic === true,
        paraSpaceBefore: pi === 0 ? 0 : (p.spaceBefore ?? 0),
        paraSpaceAfter: 0,
        align: p.align ?? 'left',
      };
      if (r.color) options.color = r.color;
      if (p.charSpacing) options.charSpacing = p.charSpacing;
      if (p.indent) options.indentLevel = 0;
      if (ri === p.runs.length - 1 && pi < paragraphs.length - 1) options.breakLine = true;
      out.push({ text: r.text, options });
    });
  });
  return out;
}

function addText(slide: PptxGenJS.Slide, el: TextElement): void {
  const opts: PptxGenJS.TextPropsOptions = {
    ...el.rect,
    margin: el.padding * 72,
    valign: el.valign ?? 'top',
    fit: 'none',
    wrap: true,
    isTextBox: true,
  };
  if (el.fill) opts.fill = { color: el.fill };
  if (el.name) opts.objectName = el.name;
  slide.addText(runs(el.paragraphs), opts);
}

function niceStep(max: number): number {
  for (const step of [1, 2, 5, 10, 20, 25, 50, 100]) if (max / step <= 6) return step;
  return Math.ceil(max / 6);
}

function addBarChart(pptx: PptxGenJS, slide: PptxGenJS.Slide, el: BarChartElement, theme: DeckTheme): void {
  // A horizontal bar chart draws its first category at the bottom; reverse so the first theme is on top.
  const labels = [...el.labels].reverse();
  const values = [...el.values].reverse();
  slide.addChart(pptx.ChartType.bar, [{ name: el.seriesName, labels, values }], {
    ...el.rect,
    barDir: 'bar',
    barGapWidthPct: 55,
    chartColors: [el.color],
    catAxisLabelFontFace: theme.fonts.body,
    catAxisLabelFontSize: 12,
    catAxisLabelColor: theme.colors.text,
    catAxisLineShow: false,
    catAxisMajorTickMark: 'none',
    valAxisMinVal: 0,
    valAxisMaxVal: Math.max(1, el.max),
    valAxisMajorUnit: niceStep(Math.max(1, el.max)),
    valAxisHidden: true,
    valGridLine: { style: 'none' },
    showValue: true,
    dataLabelPosition: 'outEnd',
    dataLabelFontFace: theme.fonts.body,
    dataLabelFontSize: 12,
    dataLabelFontBold: true,
    dataLabelColor: theme.colors.text,
    showLegend: false,
    showTitle: false,
    altText: el.altText,
  });
}

function addTable(slide: PptxGenJS.Slide, el: TableElement): void {
  const rows: PptxGenJS.TableRow[] = el.rows.map((row) =>
    row.map((cell) => {
      const p = cell.paragraphs[0]!;
      const r = p.runs[0]!;
      const options: PptxGenJS.TableCellProps = {
        fontFace: p.fontFace,
        fontSize: p.fontSize,
        bold: r.bold === true,
        valign: 'middle',
        margin: el.cellPadding,
        border: { type: 'solid', pt: 0.5, color: el.borderColor },
      };
      if (r.color) options.color = r.color;
      if (cell.fill) options.fill = { color: cell.fill };
      return { text: cell.paragraphs.map((pp) => pp.runs.map((rr) => rr.text).join('')).join('\n'), options };
    }),
  );
  slide.addTable(rows, {
    x: el.rect.x,
    y: el.rect.y,
    w: el.rect.w,
    colW: el.colW,
    rowH: el.rowH,
    autoPage: false,
  });
}

function addElement(pptx: PptxGenJS, slide: PptxGenJS.Slide, el: SlideElement, theme: DeckTheme): void {
  switch (el.type) {
    case 'text':
      addText(slide, el);
      return;
    case 'rect':
      slide.addShape(pptx.ShapeType.rect, { ...el.rect, fill: { color: el.fill }, line: { type: 'none' } });
      return;
    case 'line':
      slide.addShape(pptx.ShapeType.line, { ...el.rect, line: { color: el.color, width: el.width } });
      return;
    case 'bar-chart':
      addBarChart(pptx, slide, el, theme);
      return;
    case 'table':
      addTable(slide, el);
      return;
    case 'image':
      slide.addImage({ ...el.rect, data: el.data, altText: el.altText });
      return;
  }
}

function defineMasters(pptx: PptxGenJS, theme: DeckTheme, meta: RenderMeta): void {
  const footerColor = theme.colors.muted;
  const objects: PptxGenJS.SlideMasterProps['objects'] = [
    {
      text: {
        text: meta.footer,
        options: {
          x: MARGIN,
          y: FOOTER_Y,
          w: 9,
          h: 0.25,
          fontFace: theme.fonts.body,
          fontSize: 10,
          color: footerColor,
          margin: 0,
          valign: 'middle',
        },
      },
    },
  ];
  const logo = fitLogo(theme, LOGO_BOX.maxW, LOGO_BOX.maxH);
  if (logo && theme.logo) {
    objects.push({
      image: {
        x: SLIDE.w - MARGIN - logo.w,
        y: LOGO_BOX.y,
        w: logo.w,
        h: logo.h,
        data: theme.logo.data,
        altText: 'Logo',
      },
    });
  }
  pptx.defineSlideMaster({
    title: 'OUTTASK_CONTENT',
    background: { color: theme.colors.background },
    objects,
    slideNumber: {
      x: SLIDE.w - MARGIN - 0.8,
      y: FOOTER_Y,
      w: 0.8,
      h: 0.25,
      fontFace: theme.fonts.body,
      fontSize: 10,
      color: footerColor,
      align: 'right',
      margin: 0,
    },
  });
  pptx.defineSlideMaster({
    title: 'OUTTASK_TITLE',
    background: { color: theme.colors.background },
    objects: [],
  });
}

/** Render the plan; returns the PPTX bytes. */
export async function renderDeck(
  plan: PlannedSlide[],
  theme: DeckTheme,
  meta: RenderMeta,
): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.author = 'Outtask';
  pptx.company = 'Outtask';
  pptx.title = meta.title;
  pptx.subject = meta.subject;
  pptx.theme = { headFontFace: theme.fonts.heading, bodyFontFace: theme.fonts.body };
  defineMasters(pptx, theme, meta);
  for (const planned of plan) {
    const slide = pptx.addSlide({
      masterName: planned.master === 'title' ? 'OUTTASK_TITLE' : 'OUTTASK_CONTENT',
    });
    for (const el of planned.elements) addElement(pptx, slide, el, theme);
    if (planned.notes) slide.addNotes(planned.notes);
  }
  const out = await pptx.write({ outputType: 'uint8array', compression: true });
  return out as Uint8Array;
}
