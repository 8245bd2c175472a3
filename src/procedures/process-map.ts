/**
 * The process map: a procedure's steps as an SVG diagram, left to right, one swimlane per kind of
 * performer (firm members, firm roles, out-tasker, automation), arrows in the order of work, and
 * waste steps struck through and dashed. A pure function of the steps: the API serves it, the UI
 * shows it, the CLI writes it to a file.
 */
import { PERFORMER_KIND_LABELS, PERFORMER_KINDS, type PerformerKind, type Step } from './procedures.ts';

export interface ProcessMapInput {
  title: string;
  subtitle?: string;
  steps: readonly Step[];
}

const LANE_LABEL_W = 150;
const BOX_W = 170;
const BOX_H = 96;
const GAP = 44;
const LANE_H = 132;
const TOP = 74;
const PAD = 24;
const CHAR_W = 6.4; // average advance of 12px sans-serif text

const COLORS: Record<PerformerKind, { fill: string; stroke: string; text: string; lane: string }> = {
  member: { fill: '#eaf1fd', stroke: '#2f5fcf', text: '#163a8a', lane: '#f6f8fc' },
  role: { fill: '#efedfc', stroke: '#5b4bc4', text: '#35297f', lane: '#f8f7fd' },
  outtasker: { fill: '#fff3e0', stroke: '#c26a00', text: '#7a4100', lane: '#fffaf2' },
  automation: { fill: '#e7f6ec', stroke: '#1d8a4a', text: '#0f5a2e', lane: '#f4fbf6' },
};

export function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing the characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
  );
}

/** Greedy word wrap to at most `maxLines` lines of `width` characters, with an ellipsis when cut. */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const piece = w.length > width ? `${w.slice(0, width - 1)}…` : w;
    if (!line) line = piece;
    else if (line.length + 1 + piece.length <= width) line += ` ${piece}`;
    else {
      lines.push(line);
      line = piece;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    const last = kept[maxLines - 1]!;
    kept[maxLines - 1] = last.length >= width ? `${last.slice(0, width - 1)}…` : `${last}…`;
    return kept;
  }
  return lines;
}

const fmtMinutes = (m: number) =>
  m >= 60 ? `${Math.floor(m / 60)} h${m % 60 ? ` ${Math.round(m % 60)} min` : ''}` : `${Math.round(m)} min`;

export function renderProcessMap(input: ProcessMapInput): string {
  const steps = input.steps;
  const lanes = PERFORMER_KINDS.filter((k) => steps.some((s) => s.performer.kind === k));
  if (lanes.length === 0) lanes.push('member');
  const laneIndex = new Map(lanes.map((k, i) => [k, i]));
  const width = LANE_LABEL_W + PAD + Math.max(1, steps.length) * (BOX_W + GAP) - GAP + PAD;
  const height = TOP + lanes.length * LANE_H + 56;
  const boxX = (i: number) => LANE_LABEL_W + PAD + i * (BOX_W + GAP);
  const boxY = (k: PerformerKind) => TOP + laneIndex.get(k)! * LANE_H + (LANE_H - BOX_H) / 2;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(`Process map: ${input.title}`)}" font-family="Inter, 'Segoe UI', Helvetica, Arial, sans-serif">`,
  );
  out.push(
    '<defs>',
    '<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#4a5568"/></marker>',
    '<marker id="arrow-waste" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#b8bec9"/></marker>',
    '</defs>',
  );
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(
    `<text x="${PAD}" y="32" font-size="18" font-weight="600" fill="#1a202c">${escapeXml(input.title)}</text>`,
  );
  if (input.subtitle) {
    out.push(`<text x="${PAD}" y="54" font-size="12" fill="#4a5568">${escapeXml(input.subtitle)}</text>`);
  }

  lanes.forEach((k, i) => {
    const y = TOP + i * LANE_H;
    const c = COLORS[k];
    out.push(
      `<g class="lane" data-kind="${k}"><rect x="0" y="${y}" width="${width}" height="${LANE_H}" fill="${c.lane}" stroke="#e2e8f0"/>`,
      `<rect x="0" y="${y}" width="${LANE_LABEL_W}" height="${LANE_H}" fill="${c.fill}" stroke="#e2e8f0"/>`,
      `<text x="14" y="${y + LANE_H / 2 + 4}" font-size="13" font-weight="600" fill="${c.text}">${escapeXml(PERFORMER_KIND_LABELS[k])}</text></g>`,
    );
  });

  // Arrows first, so boxes sit on top of them.
  for (let i = 0; i + 1 < steps.length; i++) {
    const a = steps[i]!;
    const b = steps[i + 1]!;
    const faded = Boolean(a.waste || b.waste);
    const x1 = boxX(i) + BOX_W;
    const y1 = boxY(a.performer.kind) + BOX_H / 2;
    const x2 = boxX(i + 1) - 2;
    const y2 = boxY(b.performer.kind) + BOX_H / 2;
    const mid = x1 + GAP / 2;
    const d =
      y1 === y2 ? `M${x1},${y1} L${x2},${y2}` : `M${x1},${y1} L${mid},${y1} L${mid},${y2} L${x2},${y2}`;
    out.push(
      `<path class="flow" d="${d}" fill="none" stroke="${faded ? '#b8bec9' : '#4a5568'}" stroke-width="1.6"${faded ? ' stroke-dasharray="4 3"' : ''} marker-end="url(#${faded ? 'arrow-waste' : 'arrow'})"/>`,
    );
  }

  steps.forEach((s, i) => {
    const x = boxX(i);
    const y = boxY(s.performer.kind);
    const c = COLORS[s.performer.kind];
    const waste = Boolean(s.waste);
    const fill = waste ? '#f3f4f6' : c.fill;
    const stroke = waste ? '#c53030' : c.stroke;
    const textColor = waste ? '#718096' : '#1a202c';
    const tip = `${i + 1}. ${s.name}${s.waste ? ` — waste: ${s.waste.reason}` : ''}`;
    out.push(`<g class="step${waste ? ' waste' : ''}" data-step="${i + 1}"><title>${escapeXml(tip)}</title>`);
    out.push(
      `<rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="8" fill="${fill}" stroke="${stroke}" stroke-width="1.5"${waste ? ' stroke-dasharray="5 3"' : ''}/>`,
    );
    out.push(
      `<circle cx="${x + 14}" cy="${y + 15}" r="10" fill="${waste ? '#cbd5e0' : c.stroke}"/>`,
      `<text x="${x + 14}" y="${y + 19}" font-size="11" font-weight="700" fill="#ffffff" text-anchor="middle">${i + 1}</text>`,
    );
    const lines = wrap(s.name, Math.floor((BOX_W - 36) / CHAR_W), 3);
    lines.forEach((line, li) => {
      const ty = y + 19 + li * 15;
      out.push(
        `<text x="${x + 30}" y="${ty}" font-size="12" font-weight="600" fill="${textColor}">${escapeXml(line)}</text>`,
      );
      if (waste) {
        // A drawn line rather than text-decoration, which not every SVG renderer honours.
        const w = Math.min(line.length * CHAR_W, BOX_W - 36);
        out.push(
          `<line x1="${x + 30}" y1="${ty - 4}" x2="${x + 30 + w}" y2="${ty - 4}" stroke="#c53030" stroke-width="1.3"/>`,
        );
      }
    });
    const metaColor = waste ? '#a0aec0' : c.text;
    const who =
      wrap(
        s.performer.name || PERFORMER_KIND_LABELS[s.performer.kind],
        Math.floor((BOX_W - 20) / 5.6),
        1,
      )[0] ?? '';
    const how =
      wrap(
        [fmtMinutes(s.minutes), s.tool].filter(Boolean).join(' · '),
        Math.floor((BOX_W - 20) / 5.6),
        1,
      )[0] ?? '';
    out.push(
      `<text x="${x + 10}" y="${y + BOX_H - 23}" font-size="10" font-weight="600" fill="${metaColor}">${escapeXml(who)}</text>`,
      `<text x="${x + 10}" y="${y + BOX_H - 9}" font-size="10" fill="${metaColor}">${escapeXml(how)}</text>`,
    );
    if (waste) {
      out.push(
        `<rect x="${x + BOX_W - 52}" y="${y - 9}" width="48" height="17" rx="8" fill="#c53030"/>`,
        `<text x="${x + BOX_W - 28}" y="${y + 3}" font-size="10" font-weight="700" fill="#ffffff" text-anchor="middle">WASTE</text>`,
      );
    }
    out.push('</g>');
  });

  if (steps.length === 0) {
    out.push(
      `<text x="${LANE_LABEL_W + PAD}" y="${TOP + LANE_H / 2 + 4}" font-size="13" fill="#718096">No steps yet.</text>`,
    );
  }

  const total = steps.reduce((a, s) => a + s.minutes, 0);
  const kept = steps.filter((s) => !s.waste);
  const after = kept.reduce((a, s) => a + s.minutes, 0);
  const summary =
    `${steps.length} steps, ${fmtMinutes(total)}` +
    (kept.length < steps.length
      ? ` · without the ${steps.length - kept.length} waste steps: ${kept.length} steps, ${fmtMinutes(after)}`
      : '');
  out.push(
    `<text x="${PAD}" y="${height - 20}" font-size="12" fill="#4a5568">${escapeXml(summary)}</text>`,
    '</svg>',
  );
  return out.join('\n');
}
