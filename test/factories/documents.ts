/**
 * Real delivered files for tests: a PPTX written by pptxgenjs (some slides hidden), a DOCX written
 * by docx (hard page breaks; optionally the page count Word records in docProps/app.xml), and a
 * small valid PDF with a correct cross-reference table.
 */
import { Document, Packer, PageBreak, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';

/** A deck of `slides` slides; the 1-based positions in `hidden` are hidden slides. */
export async function aPptx(slides: number, hidden: readonly number[] = []): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  for (let i = 1; i <= slides; i++) {
    const slide = pptx.addSlide();
    slide.addText(`Slide ${i}: what the executives said`, { x: 0.5, y: 0.5, w: 12, h: 1, fontSize: 28 });
    if (hidden.includes(i)) slide.hidden = true;
  }
  const out = await pptx.write({ outputType: 'nodebuffer' });
  return out as Buffer;
}

export interface DocxSpec {
  /** Pages separated by hard page breaks. */
  pages: number;
  /** Words of body text on each page. */
  wordsPerPage?: number;
  /** Write `<Pages>` into docProps/app.xml, as Word does on save. */
  recordedPages?: number;
}

export async function aDocx(spec: DocxSpec): Promise<Buffer> {
  const words = spec.wordsPerPage ?? 40;
  const body = Array.from({ length: words }, (_, i) => `word${i}`).join(' ');
  const children: Paragraph[] = [];
  for (let p = 1; p <= spec.pages; p++) {
    children.push(new Paragraph({ children: [new TextRun(`Page ${p}. ${body}`)] }));
    if (p < spec.pages) children.push(new Paragraph({ children: [new PageBreak()] }));
  }
  const doc = new Document({ sections: [{ children }] });
  const bytes = await Packer.toBuffer(doc);
  if (spec.recordedPages === undefined) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const app = (await zip.file('docProps/app.xml')?.async('string')) ?? '';
  const withPages = app.includes('</Properties>')
    ? app.replace('</Properties>', `<Pages>${spec.recordedPages}</Pages></Properties>`)
    : `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Pages>${spec.recordedPages}</Pages></Properties>`;
  zip.file('docProps/app.xml', withPages);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A valid PDF of `pages` blank pages (each with a line of text), its xref offsets exact. */
export function aPdf(pages: number): Buffer {
  const objects: string[] = [];
  const kids = Array.from({ length: pages }, (_, i) => `${4 + i * 2} 0 R`).join(' ');
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  for (let i = 0; i < pages; i++) {
    const page = 4 + i * 2;
    const stream = `BT /F1 24 Tf 72 720 Td (Page ${i + 1}) Tj ET`;
    objects[page] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${page + 1} 0 R >>`;
    objects[page + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = out.length;
    out += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let n = 1; n < objects.length; n++) out += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
