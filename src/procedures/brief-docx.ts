/**
 * The brief as a Word document laid out as a standard operating procedure: a title block, a facts
 * table, purpose, what comes in and goes out, the steps as a table and then one by one with their
 * acceptance criteria, the forms, a checklist, turnaround and confidentiality. Built with `docx`.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import {
  type Brief,
  type BriefStep,
  CONFIDENTIALITY_NOTES,
  fmtDuration,
  handoverText,
  turnaroundText,
  unitsText,
  versionText,
} from './brief.ts';

const INK = '1F2937';
const MUTED = '6B7280';
const ACCENT = '1E4FA8';
const RULE = 'D1D5DB';
const SHADE = 'EEF2F9';
const FONT = 'Calibri';
/** Letter, 1-inch margins: 6.5 inches of text = 9360 twips. */
const TEXT_WIDTH = 9360;

const KIND_SHADE: Record<BriefStep['kind'], string> = {
  member: 'EAF1FD',
  role: 'EFEDFC',
  outtasker: 'FFF3E0',
  automation: 'E7F6EC',
};

const thin = { style: BorderStyle.SINGLE, size: 4, color: RULE };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function text(t: string, opts: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}) {
  return new TextRun({ text: t, font: FONT, ...opts });
}

function p(children: TextRun[] | string, opts: { spacingAfter?: number; indent?: number } = {}): Paragraph {
  return new Paragraph({
    children: typeof children === 'string' ? [text(children)] : children,
    spacing: { after: opts.spacingAfter ?? 120 },
    ...(opts.indent ? { indent: { left: opts.indent } } : {}),
  });
}

function heading(t: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    children: [text(t)],
    keepNext: true,
  });
}

function bulletList(items: readonly string[], empty: string): Paragraph[] {
  if (items.length === 0) return [p([text(empty, { italics: true, color: MUTED })])];
  return items.map(
    (i) => new Paragraph({ bullet: { level: 0 }, children: [text(i)], spacing: { after: 60 } }),
  );
}

function checklist(items: readonly string[]): Paragraph[] {
  return items.map(
    (i) =>
      new Paragraph({
        children: [text('☐  ', { color: ACCENT }), text(i)],
        indent: { left: 360, hanging: 360 },
        spacing: { after: 60 },
      }),
  );
}

function cell(
  children: Paragraph[] | string,
  opts: { width: number; shade?: string; bold?: boolean; align?: 'left' | 'right'; header?: boolean },
): TableCell {
  const paras =
    typeof children === 'string'
      ? [
          new Paragraph({
            alignment: opts.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
            children: [
              text(children, {
                bold: opts.bold ?? false,
                color: opts.header ? 'FFFFFF' : INK,
                size: opts.header ? 19 : 20,
              }),
            ],
          }),
        ]
      : children;
  return new TableCell({
    children: paras,
    width: { size: opts.width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 70, bottom: 70, left: 110, right: 110 },
    ...(opts.shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: opts.shade } } : {}),
  });
}

function factsTable(b: Brief): Table {
  const rows: [string, string][] = [
    ['Process', b.process],
    ['Version', versionText(b.version)],
    [
      'Deliverable',
      unitsText(b.deliverable.unitsPerOccurrence, b.deliverable.unit) +
        (b.deliverable.pricePerUnit ? ` at ${b.deliverable.pricePerUnit} per ${b.deliverable.unit}` : ''),
    ],
    ['Turnaround', turnaroundText(b.turnaroundHours)],
    [
      'Hands-on time',
      fmtDuration(b.minutes.total) +
        (b.minutes.outtasker ? ` (your steps: ${fmtDuration(b.minutes.outtasker)})` : ''),
    ],
    ['Confidentiality', b.confidentiality[0]!.toUpperCase() + b.confidentiality.slice(1)],
  ];
  const w1 = 2400;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [w1, TEXT_WIDTH - w1],
    layout: TableLayoutType.FIXED,
    borders: {
      top: thin,
      bottom: thin,
      left: none,
      right: none,
      insideHorizontal: thin,
      insideVertical: none,
    },
    rows: rows.map(
      ([k, v]) =>
        new TableRow({
          children: [cell(k, { width: w1, shade: SHADE, bold: true }), cell(v, { width: TEXT_WIDTH - w1 })],
        }),
    ),
  });
}

function stepsTable(b: Brief): Table {
  const widths = [500, 3460, 2500, 1700, 1200];
  const head = ['#', 'Step', 'Who', 'Tool', 'Time'];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: thin,
      bottom: thin,
      left: none,
      right: none,
      insideHorizontal: thin,
      insideVertical: none,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        children: head.map((h, i) =>
          cell(h, {
            width: widths[i]!,
            shade: ACCENT,
            bold: true,
            header: true,
            align: i === 0 || i === 4 ? 'right' : 'left',
          }),
        ),
      }),
      ...b.steps.map(
        (s) =>
          new TableRow({
            cantSplit: true,
            children: [
              cell(String(s.number), { width: widths[0]!, align: 'right', bold: true }),
              cell(s.name, { width: widths[1]! }),
              cell(s.who, { width: widths[2]!, shade: KIND_SHADE[s.kind] }),
              cell(s.tool || '—', { width: widths[3]! }),
              cell(fmtDuration(s.minutes), { width: widths[4]!, align: 'right' }),
            ],
          }),
      ),
    ],
  });
}

function stepDetail(s: BriefStep): Paragraph[] {
  const out: Paragraph[] = [heading(`${s.number}. ${s.name}`, 2)];
  out.push(
    p(
      [
        text(s.who, { color: ACCENT, bold: true, size: 19 }),
        text(`${s.tool ? `  ·  ${s.tool}` : ''}  ·  about ${fmtDuration(s.minutes)}`, {
          color: MUTED,
          size: 19,
        }),
      ],
      { spacingAfter: 100 },
    ),
  );
  if (s.description) out.push(p(s.description));
  if (s.inputs.length)
    out.push(p([text('Inputs: ', { bold: true }), text(s.inputs.join('; '))], { spacingAfter: 60 }));
  if (s.outputs.length)
    out.push(p([text('Outputs: ', { bold: true }), text(s.outputs.join('; '))], { spacingAfter: 60 }));
  if (s.acceptanceCriteria.length) {
    out.push(
      p([text('Accepted when:', { bold: true })], { spacingAfter: 40 }),
      ...checklist(s.acceptanceCriteria),
    );
  }
  return out;
}

export function briefToDocxDocument(b: Brief): Document {
  const body: (Paragraph | Table)[] = [];
  body.push(
    new Paragraph({
      children: [text('STANDARD OPERATING PROCEDURE', { color: ACCENT, bold: true, size: 18 })],
      spacing: { after: 60 },
    }),
    new Paragraph({
      children: [text(b.title, { bold: true, size: 44, color: INK })],
      spacing: { before: 160, after: 100, line: 264, lineRule: LineRuleType.AUTO },
    }),
    new Paragraph({
      children: [text(`${b.firm}  ·  ${versionText(b.version)}`, { color: MUTED, size: 20 })],
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: ACCENT, space: 6 } },
      spacing: { after: 240 },
    }),
    factsTable(b),
  );

  body.push(heading('Purpose', 1), p(b.purpose || 'No purpose written yet.'));
  body.push(
    heading('What you receive', 1),
    ...bulletList(
      b.inputs.map((h) => handoverText(h, 'from')),
      'No inputs listed.',
    ),
  );
  body.push(
    heading('What you deliver', 1),
    ...bulletList(
      b.deliverables.map((h) => handoverText(h, 'to')),
      'No deliverables listed.',
    ),
  );

  body.push(heading('Steps at a glance', 1));
  if (b.steps.length) body.push(stepsTable(b));
  else body.push(p([text('No steps yet.', { italics: true, color: MUTED })]));
  if (b.steps.length) {
    body.push(heading('Steps in detail', 1));
    for (const s of b.steps) body.push(...stepDetail(s));
  }

  if (b.forms.length) {
    body.push(heading('Forms', 1));
    for (const f of b.forms) {
      body.push(heading(`${f.title}`, 2));
      body.push(p([text(`Form “${f.name}”, version ${f.version}`, { color: MUTED, size: 19 })]));
      f.questions.forEach((q, i) => {
        body.push(
          new Paragraph({
            children: [
              text(`${i + 1}.\t`, { bold: true, color: ACCENT }),
              text(q.text, { bold: true }),
              text(`   [${q.id}]`, { color: MUTED, size: 17 }),
            ],
            tabStops: [{ type: TabStopType.LEFT, position: 420 }],
            indent: { left: 420, hanging: 420 },
            keepNext: Boolean(q.hint),
            spacing: { after: q.hint ? 20 : 100 },
          }),
        );
        if (q.hint) {
          body.push(
            new Paragraph({
              children: [text(q.hint, { italics: true, color: MUTED, size: 19 })],
              indent: { left: 420 },
              spacing: { after: 100 },
            }),
          );
        }
      });
    }
  }

  body.push(heading('Acceptance checklist', 1));
  const criteria = b.steps.flatMap((s) => s.acceptanceCriteria.map((c) => `${c} (step ${s.number})`));
  if (criteria.length) body.push(...checklist(criteria));
  else body.push(p([text('No acceptance criteria written yet.', { italics: true, color: MUTED })]));

  body.push(heading('Turnaround', 1), p(turnaroundText(b.turnaroundHours)));
  body.push(heading('Confidentiality', 1), p(CONFIDENTIALITY_NOTES[b.confidentiality]));

  return new Document({
    creator: 'Outtask',
    title: `${b.title} — standard procedure`,
    description: `Brief for an out-tasker: ${b.title}`,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 21, color: INK },
          paragraph: { spacing: { line: 276, lineRule: LineRuleType.AUTO } },
        },
      },
      paragraphStyles: [
        {
          id: 'Heading1',
          name: 'Heading 1',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: FONT, size: 28, bold: true, color: ACCENT },
          paragraph: { spacing: { before: 320, after: 120 } },
        },
        {
          id: 'Heading2',
          name: 'Heading 2',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { font: FONT, size: 23, bold: true, color: INK },
          paragraph: { spacing: { before: 220, after: 60 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 12240, height: 15840 },
            margin: { top: 1440, bottom: 1200, left: 1440, right: 1440, header: 600, footer: 600 },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [text(`${b.firm}  ·  ${b.title}`, { color: MUTED, size: 16 })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
                children: [
                  text(`${versionText(b.version)}  ·  ${b.confidentiality}`, { color: MUTED, size: 16 }),
                  new TextRun({
                    font: FONT,
                    size: 16,
                    color: MUTED,
                    children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
}

export async function briefToDocx(b: Brief): Promise<Buffer> {
  return Packer.toBuffer(briefToDocxDocument(b));
}
