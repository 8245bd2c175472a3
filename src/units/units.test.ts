import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { aDocx, aPdf, aPptx } from '../../test/factories/documents.ts';
import { buildZip } from '../../test/factories/zip.ts';
import { AppError } from '../platform/errors.ts';
import { unitsOfBytes, unitsOfFile } from './read.ts';
import { countSlides, estimatePages, recordedPages, resolvePart, sniff } from './units.ts';

const dir = mkdtempSync(join(tmpdir(), 'outtask-units-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('counted without an error');
}

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

describe('PPTX: slides read from the package', () => {
  it('counts the slides a pptxgenjs deck lists, hidden ones reported apart', async () => {
    const deck = await aPptx(7, [3, 6]);
    const count = await unitsOfBytes('deck.pptx', deck);
    expect(count).toMatchObject({
      file: 'deck.pptx',
      format: 'pptx',
      unit: 'slide',
      units: 5,
      slidesTotal: 7,
      hiddenSlides: [3, 6],
      estimated: false,
    });
    expect(count.basis).toBe('7 slides listed in the presentation, 2 of them hidden (not counted)');
  });

  it('holds for any deck size and any hidden set (property, real pptxgenjs files)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 14 })
          .chain((n) => fc.tuple(fc.constant(n), fc.subarray(Array.from({ length: n }, (_, i) => i + 1)))),
        async ([n, hidden]) => {
          const count = await unitsOfBytes('p.pptx', await aPptx(n, hidden));
          expect(count.units).toBe(n - hidden.length);
          expect(count.slidesTotal).toBe(n);
          expect(count.hiddenSlides).toEqual([...hidden].sort((a, b) => a - b));
        },
      ),
      { numRuns: 15, seed: 20261207 },
    );
  }, 120_000);

  it('counts only the slides the presentation lists, in its order, not every slide part in the zip', async () => {
    const zip = await JSZip.loadAsync(await aPptx(4));
    const presentation = await zip.file('ppt/presentation.xml')!.async('string');
    // Drop the second slide from the list (PowerPoint leaves no orphan, but a damaged save might).
    const ids = [...presentation.matchAll(/<p:sldId [^>]*\/>/g)].map((m) => m[0]);
    zip.file('ppt/presentation.xml', presentation.replace(ids[1]!, ''));
    const count = await unitsOfBytes('orphan.pptx', await zip.generateAsync({ type: 'nodebuffer' }));
    expect(count.units).toBe(3);
  });

  it('names the listed slide whose part is missing', async () => {
    const zip = await JSZip.loadAsync(await aPptx(3));
    zip.remove('ppt/slides/slide2.xml');
    const e = await refusal(unitsOfBytes('broken.pptx', await zip.generateAsync({ type: 'nodebuffer' })));
    expect(e.code).toBe('DOCUMENT_MALFORMED');
    expect(e.message).toMatch(/^broken\.pptx: slide 2 \(ppt\/slides\/slide2\.xml\) is listed but missing/);
  });

  it('refuses a zip bomb before holding it: a slide part that declares 1 KB and inflates past the cap', async () => {
    const bomb = await buildZip([
      { name: 'ppt/presentation.xml', head: '<p:presentation/>' },
      { name: 'ppt/slides/slide1.xml', chunk: '<a:t>x</a:t>', times: (8 * 2 ** 20) / 12, declaredSize: 1024 },
    ]);
    const e = await refusal(
      unitsOfBytes('bomb.pptx', bomb, {
        limits: { maxEntryBytes: 2 * 2 ** 20, maxTotalBytes: 4 * 2 ** 20, maxEntries: 100 },
      }),
    );
    expect(e.code).toBe('ARCHIVE_TOO_LARGE');
    expect(e.details).toMatchObject({ entry: 'ppt/slides/slide1.xml', scope: 'entry' });
  });

  it('reads namespace prefixes other than p: and r:, and absolute targets', () => {
    const count = countSlides('x.pptx', {
      presentation:
        '<pr:presentation><pr:sldIdLst><pr:sldId id="256" rel:id="A"/><pr:sldId id="257" rel:id="B"/></pr:sldIdLst></pr:presentation>',
      rels: '<Relationships><Relationship Id="A" Type="http://x/relationships/slide" Target="/ppt/slides/one.xml"/><Relationship Id="B" Type="http://x/relationships/slide" Target="slides/two.xml"/></Relationships>',
      slide: (name) =>
        ({ 'ppt/slides/one.xml': '<pr:sld show="0"/>', 'ppt/slides/two.xml': '<pr:sld>' })[name],
    });
    expect(count).toMatchObject({ units: 1, hiddenSlides: [1], slidesTotal: 2 });
    expect(resolvePart('ppt/presentation.xml', '../ppt/slides/s.xml')).toBe('ppt/slides/s.xml');
  });
});

describe('DOCX: pages', () => {
  it('takes the page count the saving program recorded in docProps/app.xml', async () => {
    const count = await unitsOfBytes('brief.docx', await aDocx({ pages: 2, recordedPages: 9 }));
    expect(count).toMatchObject({ format: 'docx', unit: 'page', units: 9, estimated: false });
    expect(count.basis).toMatch(/docProps\/app\.xml/);
  });

  it('says it estimates when no page count is recorded (hard breaks, then words)', async () => {
    const count = await unitsOfBytes('notes.docx', await aDocx({ pages: 4 }));
    expect(count).toMatchObject({ units: 4, estimated: true });
    expect(count.basis).toMatch(/^an estimate: no page count recorded in the file; 3 page breaks/);
    const long = await unitsOfBytes('long.docx', await aDocx({ pages: 1, wordsPerPage: 1800 }));
    expect(long).toMatchObject({ units: 4, estimated: true });
  });

  it('reads the counts of the XML parts as written by Word', () => {
    expect(recordedPages('<Properties><Pages>12</Pages></Properties>')).toBe(12);
    expect(recordedPages('<Properties><Pages>0</Pages></Properties>')).toBeUndefined();
    expect(recordedPages(undefined)).toBeUndefined();
    const xml =
      '<w:body><w:p><w:r><w:t>a b</w:t><w:lastRenderedPageBreak/><w:t xml:space="preserve"> c </w:t></w:r></w:p>' +
      '<w:sectPr><w:type w:val="nextPage"/></w:sectPr></w:body>';
    expect(estimatePages(xml)).toEqual({ pages: 2, words: 3, breaks: 1 });
  });

  it('LibreOffice opens the factory DOCX and records the same number of pages', async () => {
    if (!hasSoffice())
      return expect.fail('LibreOffice (soffice) is needed: apt-get install libreoffice-writer');
    const docx = join(dir, 'three.docx');
    writeFileSync(docx, await aDocx({ pages: 3 }));
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
      stdio: 'ignore',
      timeout: 120_000,
      env: { ...process.env, HOME: dir },
    });
    const pdf = await unitsOfFile(join(dir, 'three.pdf'));
    expect(pdf).toMatchObject({ format: 'pdf', units: 3 });
    expect((await unitsOfBytes('three.docx', readFileSync(docx))).units).toBe(3);
  }, 150_000);
});

describe('PDF: pages (pdfinfo)', () => {
  it('counts the pages of a valid PDF', async () => {
    for (const n of [1, 5]) {
      const count = await unitsOfBytes(`p${n}.pdf`, aPdf(n));
      expect(count).toEqual({
        file: `p${n}.pdf`,
        format: 'pdf',
        unit: 'page',
        units: n,
        estimated: false,
        basis: 'pages of the PDF (pdfinfo)',
      });
    }
  });

  it('refuses a truncated PDF with what pdfinfo said', async () => {
    const e = await refusal(unitsOfBytes('cut.pdf', aPdf(3).subarray(0, 40)));
    expect(e.code).toBe('DOCUMENT_MALFORMED');
    expect(e.message).toMatch(/^cut\.pdf: not a readable PDF \(/);
  });

  it('says how to install pdfinfo when it is missing', async () => {
    const e = await refusal(unitsOfBytes('a.pdf', aPdf(1), { pdfinfo: '/nonexistent/pdfinfo' }));
    expect(e.code).toBe('TOOL_MISSING');
    expect(e.message).toMatch(/Install poppler-utils/);
  });
});

describe('other files', () => {
  it('names what it counts for a file it does not know, by content not by name', async () => {
    const e = await refusal(unitsOfBytes('deck.pptx', Buffer.from('just text')));
    expect(e.code).toBe('DOCUMENT_FORMAT_UNKNOWN');
    expect(e.message).toMatch(/^deck\.pptx: not a zip package nor a PDF; units are counted for PowerPoint/);
    const xlsx = await buildZip([{ name: 'xl/workbook.xml', head: '<workbook/>' }]);
    expect((await refusal(unitsOfBytes('book.xlsx', xlsx))).message).toMatch(
      /neither a PowerPoint deck nor a Word/,
    );
    expect((await refusal(unitsOfBytes('empty.pdf', Buffer.alloc(0)))).code).toBe('FILE_EMPTY');
    expect((await refusal(unitsOfFile(join(dir, 'none.pptx')))).code).toBe('FILE_NOT_FOUND');
  });

  it('answers any bytes with a count or an AppError, never a crash (property)', async () => {
    const base = await aPptx(2);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          // a real deck with bytes overwritten at random places
          fc
            .array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 })
            .map((edits) => {
              const b = Buffer.from(base);
              for (const [at, v] of edits) b[at] = v;
              return b;
            }),
        ),
        async (bytes) => {
          try {
            const c = await unitsOfBytes('x', bytes);
            expect(Number.isInteger(c.units) && c.units >= 0).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
          }
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  }, 60_000);

  it('sniffs zip and PDF from their first bytes', () => {
    expect(sniff(Buffer.from('PK\x03\x04rest', 'latin1'))).toBe('zip');
    expect(sniff(Buffer.from('\n\n%PDF-1.7'))).toBe('pdf');
    expect(sniff(Buffer.from('%PD'))).toBeUndefined();
  });
});
