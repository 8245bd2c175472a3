/**
 * Billable units of a delivered file, from the file's own parts (pure: strings in, counts out).
 * A deck is billed by the slide: the slides its presentation lists (ppt/presentation.xml's
 * sldIdLst, resolved through its relationships), hidden ones (`<p:sld show="0">`) reported apart.
 * A Word document by the page: the count Word records in docProps/app.xml when there is one, else
 * an estimate from the document's own page breaks and words, said to be one. PDF pages are counted
 * by the file edge (read.ts) with poppler's pdfinfo.
 */
import { AppError } from '../platform/errors.ts';

export type UnitFormat = 'pptx' | 'docx' | 'pdf';
export type Unit = 'slide' | 'page';

export interface UnitCount {
  file: string;
  format: UnitFormat;
  unit: Unit;
  /** What is billed: visible slides, or pages. */
  units: number;
  /** True when `units` is an estimate (a DOCX without a recorded page count). */
  estimated: boolean;
  /** How the units were counted, in words. */
  basis: string;
  /** PPTX only: slides listed in the presentation, hidden ones included. */
  slidesTotal?: number;
  /** PPTX only: hidden slides, by their position (1-based) in the deck; not in `units`. */
  hiddenSlides?: number[];
}

/** Words per page of an estimate: a page of 11-point body text. */
export const WORDS_PER_PAGE = 500;

function malformed(file: string, what: string): AppError {
  return new AppError(
    'DOCUMENT_MALFORMED',
    `${file}: ${what}. Open it in the program that made it and save it again.`,
    { file },
  );
}

/** Attributes of one start tag (`<p:sldId id="256" r:id="rId2"/>`), by their full names. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(m[1]!, m[2] ?? m[3] ?? '');
  }
  return out;
}

/** A start tag's attribute whose local name is `local` under any prefix (`r:id`, `rel:id`). */
function prefixed(attrs: Map<string, string>, local: string): string | undefined {
  for (const [name, value] of attrs) if (name.includes(':') && name.endsWith(`:${local}`)) return value;
  return undefined;
}

/** Start tags of elements with this local name, under any namespace prefix. */
function startTags(xml: string, local: string): string[] {
  return [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${local}\\b[^>]*>`, 'g'))].map((m) => m[0]);
}

/** ppt/slides/slide1.xml from a relationship target written relative to ppt/ or absolute. */
export function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

export interface PptxParts {
  presentation: string;
  rels: string;
  /** Slide part name (ppt/slides/slide3.xml) → its XML. */
  slide: (name: string) => string | undefined;
}

/** The slides a presentation lists, in order, with which are hidden. */
export function countSlides(file: string, parts: PptxParts): UnitCount {
  const list = parts.presentation.match(/<(?:[\w.-]+:)?sldIdLst\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?sldIdLst>/);
  const ids = list ? startTags(list[1]!, 'sldId').map((t) => prefixed(attributes(t), 'id')) : [];
  const targets = new Map<string, string>();
  for (const tag of startTags(parts.rels, 'Relationship')) {
    const a = attributes(tag);
    const id = a.get('Id');
    const target = a.get('Target');
    if (id && target && (a.get('Type') ?? '').endsWith('/slide')) targets.set(id, target);
  }
  const hidden: number[] = [];
  ids.forEach((rid, i) => {
    const target = rid === undefined ? undefined : targets.get(rid);
    if (target === undefined) {
      throw malformed(
        file,
        `slide ${i + 1} of the presentation has no slide part (relationship ${rid ?? 'missing'})`,
      );
    }
    const name = resolvePart('ppt/presentation.xml', target);
    const xml = parts.slide(name);
    if (xml === undefined)
      throw malformed(file, `slide ${i + 1} (${name}) is listed but missing from the file`);
    const root = startTags(xml, 'sld')[0];
    if (root === undefined) throw malformed(file, `${name} is not a slide`);
    const show = attributes(root).get('show');
    if (show === '0' || show === 'false') hidden.push(i + 1);
  });
  const total = ids.length;
  const visible = total - hidden.length;
  return {
    file,
    format: 'pptx',
    unit: 'slide',
    units: visible,
    estimated: false,
    basis:
      hidden.length === 0
        ? `${total} slide${total === 1 ? '' : 's'} listed in the presentation`
        : `${total} slides listed in the presentation, ${hidden.length} of them hidden (not counted)`,
    slidesTotal: total,
    hiddenSlides: hidden,
  };
}

/** `<Pages>` of docProps/app.xml when it holds a positive whole number. */
export function recordedPages(appXml: string | undefined): number | undefined {
  const m = appXml?.match(/<(?:[\w.-]+:)?Pages>\s*(\d{1,7})\s*<\/(?:[\w.-]+:)?Pages>/);
  const n = m ? Number(m[1]) : Number.NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export interface PageEstimate {
  pages: number;
  words: number;
  breaks: number;
}

/**
 * Pages of word/document.xml when no program recorded them: one more than the hard page breaks and
 * page-starting section breaks (or than the breaks Word last rendered, when it left them), and at
 * least the words at WORDS_PER_PAGE.
 */
export function estimatePages(documentXml: string): PageEstimate {
  const hard = (documentXml.match(/<(?:[\w.-]+:)?br\b[^>]*\btype\s*=\s*["']page["'][^>]*>/g) ?? []).length;
  const sections = (
    documentXml.match(/<(?:[\w.-]+:)?type\b[^>]*\bval\s*=\s*["'](?:nextPage|oddPage|evenPage)["'][^>]*>/g) ??
    []
  ).length;
  const rendered = (documentXml.match(/<(?:[\w.-]+:)?lastRenderedPageBreak\b/g) ?? []).length;
  let words = 0;
  for (const m of documentXml.matchAll(/<(?:[\w.-]+:)?t\b[^>]*>([^<]*)<\/(?:[\w.-]+:)?t>/g)) {
    words += m[1]!.split(/\s+/).filter((w) => w.length > 0).length;
  }
  const breaks = Math.max(hard + sections, rendered);
  return { pages: Math.max(1 + breaks, Math.ceil(words / WORDS_PER_PAGE)), words, breaks };
}

export function countDocxPages(file: string, appXml: string | undefined, documentXml: string): UnitCount {
  const recorded = recordedPages(appXml);
  if (recorded !== undefined) {
    return {
      file,
      format: 'docx',
      unit: 'page',
      units: recorded,
      estimated: false,
      basis: 'pages recorded by the program that saved it (docProps/app.xml)',
    };
  }
  const e = estimatePages(documentXml);
  return {
    file,
    format: 'docx',
    unit: 'page',
    units: e.pages,
    estimated: true,
    basis:
      `an estimate: no page count recorded in the file; ${e.breaks} page break${e.breaks === 1 ? '' : 's'}, ` +
      `${e.words} word${e.words === 1 ? '' : 's'} at ${WORDS_PER_PAGE} a page`,
  };
}

/** `Pages:  12` from pdfinfo's output. */
export function pdfinfoPages(file: string, output: string): number {
  const m = output.match(/^Pages:\s+(\d+)\s*$/m);
  if (!m) throw malformed(file, 'pdfinfo reported no page count');
  return Number(m[1]);
}

/** What a file is, from its first bytes (the name's extension is not trusted). */
export function sniff(bytes: Uint8Array): 'zip' | 'pdf' | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  // PDF readers accept the header anywhere in the first 1,024 bytes.
  let head = '';
  for (const b of bytes.subarray(0, 1024)) head += String.fromCharCode(b);
  return head.includes('%PDF-') ? 'pdf' : undefined;
}
