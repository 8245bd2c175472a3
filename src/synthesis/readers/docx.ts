/**
 * DOCX transcripts: the paragraphs of word/document.xml as lines (table rows as tab-joined cells),
 * then read like text. platform/zip unpacks it within caps; the text runs are picked out with one linear
 * scan over the XML: `<w:t>` runs, tabs and breaks, paragraph and table boundaries. Deleted text
 * (`<w:delText>`), field codes and the fallback copy of drawings are not text and are skipped.
 */
import { decodeXML } from 'entities';
import { isAppError } from '../../platform/errors.ts';
import { readZip, type ZipContents, type ZipLimits } from '../../platform/zip.ts';
import { malformed, readProblem } from './problems.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, k) => bytes[k] === b);
}

/** Whether the zip's local headers name word/document.xml (names are stored uncompressed). */
export function zipHasWordDocument(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('word/document.xml');
}

const TOKEN =
  /<w:p[\s>/]|<\/w:p>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:(?:br|cr)(?:\s[^>]*)?\/>|<\/w:tc>|<\/w:tr>|<w:tbl>|<\/w:tbl>/g;
const FALLBACK = /<mc:Fallback>[\s\S]*?<\/mc:Fallback>/g;

/** Lines of text from document.xml: one per paragraph (blank line between), one per table row. */
export function documentXmlToLines(xml: string): string[] {
  const lines: string[] = [];
  let paragraph = '';
  let row: string[] = [];
  let cell = '';
  let tableDepth = 0;
  const endParagraph = () => {
    if (tableDepth > 0) {
      cell += cell.length > 0 && paragraph.length > 0 ? ` ${paragraph}` : paragraph;
    } else {
      // A loop, not push(...spread): a paragraph of a million breaks would overflow the call stack.
      for (const line of paragraph.split('\n')) lines.push(line);
      lines.push('');
    }
    paragraph = '';
  };
  for (const m of xml.replace(FALLBACK, '').matchAll(TOKEN)) {
    const token = m[0];
    if (m[1] !== undefined) paragraph += decodeXML(m[1]);
    else if (token === '</w:p>') endParagraph();
    else if (token.startsWith('<w:p')) {
      if (token.endsWith('/')) endParagraph();
    } else if (token === '<w:tab/>') paragraph += '\t';
    else if (token.startsWith('<w:br') || token.startsWith('<w:cr')) paragraph += '\n';
    else if (token === '</w:tc>') {
      row.push(cell.replace(/\s+/g, ' ').trim());
      cell = '';
    } else if (token === '</w:tr>') {
      lines.push(row.filter((c) => c.length > 0).join('\t'), '');
      row = [];
    } else if (token === '<w:tbl>') tableDepth++;
    else if (token === '</w:tbl>') tableDepth = Math.max(0, tableDepth - 1);
  }
  if (paragraph.length > 0) endParagraph();
  return lines;
}

/**
 * What a transcript's word/document.xml may unpack to. A two-hour interview is a few hundred KB of
 * XML even with heavy formatting; 32 MB leaves room for a whole day's notes and keeps a bomb small.
 */
export const DOCX_LIMITS: ZipLimits = {
  maxEntryBytes: 32 * 1024 * 1024,
  maxTotalBytes: 32 * 1024 * 1024,
  maxEntries: 2_000,
};

const DOCUMENT_XML = 'word/document.xml';

/** The text lines of a .docx file; TRANSCRIPT_MALFORMED for a damaged or cut-off archive. */
export async function readDocxLines(
  file: string,
  bytes: Uint8Array,
  limits: ZipLimits = DOCX_LIMITS,
): Promise<string[]> {
  let zip: ZipContents;
  try {
    // Only document.xml is inflated, counted as it inflates (see platform/zip.ts).
    zip = await readZip(bytes, { file, limits, keep: (name) => name === DOCUMENT_XML });
  } catch (error) {
    if (isAppError(error) && error.code === 'ARCHIVE_DAMAGED') {
      throw malformed(
        { file },
        `the DOCX archive is damaged or cut off (${error.cause instanceof Error ? error.cause.message : 'unreadable'})`,
        'Open it in Word and save it again, or export the transcript again.',
        { format: 'docx' },
        error,
      );
    }
    throw error;
  }
  const xml = zip.entries.get(DOCUMENT_XML);
  if (xml === undefined) {
    throw readProblem(
      'TRANSCRIPT_FORMAT_UNKNOWN',
      { file },
      'a zip archive but not a Word document (no word/document.xml); tried DOCX',
      'Save the transcript as .docx, .txt, .vtt or .srt.',
      { reason: 'zip-not-docx' },
    );
  }
  return documentXmlToLines(xml.toString('utf8'));
}
