import type { Block } from '../flow.ts';
import { citeInterviews, dateRange, duration, plural, shortDate } from '../format.ts';
import { CONTENT, CONTENT_WIDTH, columns, GUTTER, header, MARGIN } from '../layout.ts';
import type { PlannedSlide, SlideElement, TableCellSpec } from '../plan.ts';
import { countLines } from '../text-metrics.ts';
import { mix } from '../theme.ts';
import { BODY, type Ctx, continued, flowSlides, notesText } from './common.ts';

export function appendixTableSlides(ctx: Ctx): PlannedSlide[] {
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
    // The resolved name ("Speaker 2" in the file, Whisper with no speakers, "Pruett, Joanne").
    ...(anon ? [] : [people.name(i.id) ?? '–']),
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

export const FORMAT_NAMES: Record<string, string> = {
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

export function methodNotesSlides(ctx: Ctx): PlannedSlide[] {
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
        'Anonymization',
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
