/**
 * The file edge of units: a delivered file's bytes → its billable units. PPTX and DOCX are zip
 * packages, unpacked through platform/zip (real inflated bytes counted against caps, so a zip bomb
 * is refused before it is held); only the parts that carry the count are kept. PDF pages are
 * counted by poppler's pdfinfo (poppler-utils), fed the bytes on stdin, with a time limit.
 */
import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { AppError, isAppError } from '../platform/errors.ts';
import { readZip, type ZipLimits } from '../platform/zip.ts';
import { countDocxPages, countSlides, pdfinfoPages, sniff, type UnitCount } from './units.ts';

/**
 * What a delivered package may unpack to. A 60-slide deck's XML is a few MB; the slide parts are
 * all that is inflated (images and media are never opened), so 64 MB each and 256 MB in all leave
 * ample room and keep a bomb small.
 */
export const UNITS_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxEntries: 20_000,
};

/** Largest file read at all (a deck with video can be large; the bytes are held once). */
export const UNITS_MAX_FILE_BYTES = 512 * 1024 * 1024;

const PRESENTATION = 'ppt/presentation.xml';
const PRESENTATION_RELS = 'ppt/_rels/presentation.xml.rels';
const DOCUMENT = 'word/document.xml';
const APP = 'docProps/app.xml';
const SLIDE = /^ppt\/slides\/[^/]+\.xml$/;

function kept(name: string): boolean {
  return (
    name === PRESENTATION ||
    name === PRESENTATION_RELS ||
    name === DOCUMENT ||
    name === APP ||
    SLIDE.test(name)
  );
}

function unknown(file: string, what: string): AppError {
  return new AppError(
    'DOCUMENT_FORMAT_UNKNOWN',
    `${file}: ${what}; units are counted for PowerPoint (.pptx, slides), Word (.docx, pages) and PDF (pages).`,
    { file },
  );
}

async function zipUnits(file: string, bytes: Uint8Array, limits: ZipLimits): Promise<UnitCount> {
  const zip = await readZip(bytes, { file, limits, keep: kept });
  const text = (name: string) => zip.entries.get(name)?.toString('utf8');
  const presentation = text(PRESENTATION);
  if (presentation !== undefined) {
    const rels = text(PRESENTATION_RELS);
    if (rels === undefined) {
      throw new AppError(
        'DOCUMENT_MALFORMED',
        `${file}: the presentation has no relationships part (${PRESENTATION_RELS}), so its slides cannot be found. Open it in PowerPoint and save it again.`,
        { file },
      );
    }
    return countSlides(file, { presentation, rels, slide: text });
  }
  const document = text(DOCUMENT);
  if (document !== undefined) return countDocxPages(file, text(APP), document);
  throw unknown(file, 'a zip archive but neither a PowerPoint deck nor a Word document');
}

export interface PdfOptions {
  /** The pdfinfo program (default: `pdfinfo` on the PATH). */
  pdfinfo?: string;
  timeoutMs?: number;
}

/** Pages of a PDF by pdfinfo; TOOL_MISSING when poppler-utils is not installed. */
export function pdfPages(file: string, bytes: Uint8Array, opts: PdfOptions = {}): Promise<UnitCount> {
  const command = opts.pdfinfo ?? 'pdfinfo';
  const timeoutMs = opts.timeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (error: AppError | null, pages?: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        child.kill('SIGKILL');
        reject(error);
        return;
      }
      resolve({
        file,
        format: 'pdf',
        unit: 'page',
        units: pages!,
        estimated: false,
        basis: 'pages of the PDF (pdfinfo)',
      });
    };
    const timer = setTimeout(
      () =>
        finish(
          new AppError(
            'DOCUMENT_MALFORMED',
            `${file}: pdfinfo took over ${timeoutMs / 1000} s to read the PDF`,
            {
              file,
            },
          ),
        ),
      timeoutMs,
    );
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish(
        error.code === 'ENOENT'
          ? new AppError(
              'TOOL_MISSING',
              `${file}: counting PDF pages needs pdfinfo, which is not installed. Install poppler-utils (apt-get install poppler-utils).`,
              { file, tool: 'pdfinfo' },
              { cause: error },
            )
          : new AppError(
              'DOCUMENT_MALFORMED',
              `${file}: pdfinfo could not run (${error.message})`,
              { file },
              { cause: error },
            ),
      );
    });
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      if (stderr.length < 4096) stderr += c;
    });
    // pdfinfo may stop reading early on a broken file: a closed pipe is not our failure.
    child.stdin.on('error', () => {});
    child.stdin.end(bytes);
    child.on('close', (code) => {
      if (code !== 0) {
        const why = stderr.trim().split('\n').slice(-2).join('; ') || `exit code ${code}`;
        finish(
          new AppError(
            'DOCUMENT_MALFORMED',
            `${file}: not a readable PDF (${why}). Export it as PDF again.`,
            { file },
          ),
        );
        return;
      }
      try {
        finish(null, pdfinfoPages(file, stdout));
      } catch (error) {
        finish(isAppError(error) ? error : new AppError('DOCUMENT_MALFORMED', String(error), { file }));
      }
    });
  });
}

export interface ReadUnitsOptions extends PdfOptions {
  limits?: ZipLimits;
}

/** The units of a file held in memory; `file` names it in messages and the answer. */
export async function unitsOfBytes(
  file: string,
  bytes: Uint8Array,
  opts: ReadUnitsOptions = {},
): Promise<UnitCount> {
  if (bytes.length === 0) throw new AppError('FILE_EMPTY', `${file} is empty`, { file });
  const kind = sniff(bytes);
  if (kind === 'zip') return zipUnits(file, bytes, opts.limits ?? UNITS_ZIP_LIMITS);
  if (kind === 'pdf') return pdfPages(file, bytes, opts);
  throw unknown(file, 'not a zip package nor a PDF');
}

/** The units of a file on disk. */
export async function unitsOfFile(file: string, opts: ReadUnitsOptions = {}): Promise<UnitCount> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new AppError('FILE_NOT_FOUND', `${file} is not a file`, { file });
    size = s.size;
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('FILE_NOT_FOUND', `${file}: no such file`, { file }, { cause: error });
  }
  if (size > UNITS_MAX_FILE_BYTES) {
    throw new AppError('FILE_TOO_LARGE', `${file} is ${Math.round(size / 2 ** 20)} MB; the limit is 512 MB`, {
      file,
    });
  }
  return unitsOfBytes(file, await readFile(file), opts);
}
