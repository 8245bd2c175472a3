/**
 * The synthesis pipeline at the file edge: transcript files → readTranscript → analyzeInterviews →
 * deck (PPTX), insights.json and a Markdown report. `outtask deck` is a thin shell around
 * `synthesizeFiles`; library users with transcripts already in memory call `synthesize`.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { glob, isDynamicPattern } from 'tinyglobby';
import { AppError, isAppError } from '../platform/errors.ts';
import { formatMoney, type Money } from '../platform/money.ts';
import { DEFAULT_PRICE_PER_SLIDE, outTaskerPrice } from './deck/price.ts';
import type { DeckTheme } from './deck/theme.ts';
import { loadThemeFile } from './deck/theme-file.ts';
import { type DeckResult, writeDeck } from './deck/write-deck.ts';
import { analyzeInterviews } from './engine/index.ts';
import { parseFormYaml } from './form.ts';
import { interviewIdFromFile, readTranscript, type TranscriptInput } from './readers/index.ts';
import { renderMarkdown } from './report.ts';
import type { Insights, InterviewForm, Transcript } from './types.ts';

/** Extensions read when a directory is given. */
export const TRANSCRIPT_EXTENSIONS = ['.txt', '.vtt', '.srt', '.docx', '.json', '.tsv'];
const MAX_TRANSCRIPT_BYTES = 50_000_000;

export type Progress = (done: number, total: number, stage: string) => void;

export interface InterviewMeta {
  role?: string;
  date?: string;
}

// ── inputs ───────────────────────────────────────────────────────────────────────────────────────

/**
 * Files, directories (their transcript files, recursively) and glob patterns, in a stable order,
 * without duplicates. A name that matches nothing is FILE_NOT_FOUND.
 */
export async function expandInputs(inputs: string[], cwd = process.cwd()): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(cwd, file);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(file);
    }
  };
  for (const input of inputs) {
    const info = await stat(resolve(cwd, input)).catch(() => undefined);
    if (info?.isFile()) {
      add(input);
      continue;
    }
    let matches: string[];
    if (info?.isDirectory()) {
      const patterns = TRANSCRIPT_EXTENSIONS.map((e) => `**/*${e}`);
      matches = (
        await glob(patterns, { cwd: resolve(cwd, input), onlyFiles: true, caseSensitiveMatch: false })
      ).map((f) => join(input, f));
      if (matches.length === 0) {
        throw new AppError(
          'FILE_NOT_FOUND',
          `${input}: the directory holds no transcript files (${TRANSCRIPT_EXTENSIONS.join(', ')})`,
          { file: input },
        );
      }
    } else if (isDynamicPattern(input)) {
      matches = await glob(input, { cwd, onlyFiles: true, expandDirectories: false });
      if (matches.length === 0)
        throw new AppError('FILE_NOT_FOUND', `no file matches ${input}`, { file: input });
    } else {
      throw new AppError('FILE_NOT_FOUND', `${input}: no such file or directory`, { file: input });
    }
    for (const m of matches.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) add(m);
  }
  return out;
}

export interface BadFile {
  file: string;
  code: string;
  reason: string;
}

/** Read every transcript; bad files are collected with their reason instead of stopping at the first. */
export async function readTranscriptFiles(
  files: string[],
  opts: { cwd?: string; onProgress?: Progress } = {},
): Promise<{ transcripts: Transcript[]; bad: BadFile[] }> {
  const cwd = opts.cwd ?? process.cwd();
  const transcripts: Transcript[] = [];
  const bad: BadFile[] = [];
  let done = 0;
  for (const file of files) {
    try {
      const path = resolve(cwd, file);
      const size = (await stat(path)).size;
      if (size > MAX_TRANSCRIPT_BYTES) {
        throw new AppError(
          'FILE_TOO_LARGE',
          `${file}: ${size} bytes is larger than a transcript can be (50 MB)`,
          { file },
        );
      }
      transcripts.push(await readTranscript({ file, bytes: await readFile(path) }));
    } catch (err) {
      if (isAppError(err)) bad.push({ file, code: err.code, reason: err.message });
      else if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        bad.push({ file, code: 'FILE_NOT_FOUND', reason: `${file}: no such file` });
      else throw err;
    }
    done += 1;
    opts.onProgress?.(done, files.length, 'reading transcripts');
  }
  return { transcripts, bad };
}

/** Interview ids must be unique: two "ceo.vtt" in different folders would be merged otherwise. */
function checkUniqueIds(transcripts: Transcript[]): BadFile[] {
  const byId = new Map<string, string>();
  const bad: BadFile[] = [];
  for (const t of transcripts) {
    const first = byId.get(t.id);
    if (first !== undefined) {
      bad.push({
        file: t.file,
        code: 'VALIDATION_FAILED',
        reason: `${t.file}: has the same interview id "${t.id}" as ${first}; rename one of the files`,
      });
    } else byId.set(t.id, t.file);
  }
  return bad;
}

export async function loadForm(file: string, cwd = process.cwd()): Promise<InterviewForm> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (err) {
    throw new AppError(
      'FILE_NOT_FOUND',
      `${file}: cannot read the interview form (${(err as NodeJS.ErrnoException).code ?? err})`,
      {
        file,
      },
      { cause: err },
    );
  }
  return parseFormYaml(text, file);
}

// ── interview metadata (roles and dates) ─────────────────────────────────────────────────────────

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function metaError(file: string, line: number | undefined, message: string): AppError {
  return new AppError(
    'IMPORT_MALFORMED',
    `${file}${line !== undefined ? `:${line}` : ''}: ${message}. An interview metadata file is a CSV with the columns id (or file), role, date (YYYY-MM-DD), or JSON {"<id>": {"role": "…", "date": "…"}}`,
    { file, line },
  );
}

/**
 * Parse an interview metadata file: role and date per interview, keyed by interview id (a `file`
 * column is reduced to the id the readers give that file). CSV or JSON, decided by the content.
 */
export function parseInterviewMeta(text: string, file = 'interviews.csv'): Record<string, InterviewMeta> {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw metaError(file, 1, 'the file is empty');
  const out: Record<string, InterviewMeta> = {};
  const put = (rawId: unknown, rawFile: unknown, role: unknown, date: unknown, line: number | undefined) => {
    const id =
      typeof rawId === 'string' && rawId.trim() !== ''
        ? rawId.trim()
        : typeof rawFile === 'string' && rawFile.trim() !== ''
          ? interviewIdFromFile(rawFile.trim())
          : undefined;
    if (id === undefined) throw metaError(file, line, 'a row has neither an id nor a file');
    if (role !== undefined && role !== null && typeof role !== 'string')
      throw metaError(file, line, `role of "${id}" must be text`);
    if (
      date !== undefined &&
      date !== null &&
      (typeof date !== 'string' || (date.trim() !== '' && !DATE.test(date.trim())))
    ) {
      throw metaError(file, line, `date of "${id}" must look like 2025-03-14, got ${JSON.stringify(date)}`);
    }
    if (Object.hasOwn(out, id)) throw metaError(file, line, `interview "${id}" appears twice`);
    const m: InterviewMeta = {};
    if (typeof role === 'string' && role.trim() !== '') m.role = role.trim().slice(0, 120);
    if (typeof date === 'string' && date.trim() !== '') m.date = date.trim();
    out[id] = m;
  };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (err) {
      throw metaError(
        file,
        undefined,
        `not valid JSON (${err instanceof Error ? err.message : String(err)})`,
      );
    }
    if (Array.isArray(value)) {
      value.forEach((row, i) => {
        if (row === null || typeof row !== 'object' || Array.isArray(row))
          throw metaError(file, undefined, `item ${i + 1} is not an object`);
        const r = row as Record<string, unknown>;
        put(r.id, r.file, r.role, r.date, undefined);
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [id, row] of Object.entries(value)) {
        if (row === null || typeof row !== 'object' || Array.isArray(row))
          throw metaError(file, undefined, `"${id}" is not an object`);
        const r = row as Record<string, unknown>;
        put(id, undefined, r.role, r.date, undefined);
      }
    } else throw metaError(file, undefined, 'expected an object or an array');
    return out;
  }
  let rows: string[][];
  try {
    rows = parseCsv(trimmed, { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw metaError(
      file,
      line,
      `not valid CSV (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`,
    );
  }
  const head = (rows[0] ?? []).map((h) => h.toLowerCase());
  const col = (name: string) => head.indexOf(name);
  if (col('id') < 0 && col('file') < 0)
    throw metaError(file, 1, 'the header row needs an "id" or a "file" column');
  if (col('role') < 0 && col('date') < 0)
    throw metaError(file, 1, 'the header row needs a "role" or a "date" column');
  const cell = (row: string[], name: string) => (col(name) >= 0 ? row[col(name)] : undefined);
  rows.slice(1).forEach((row, i) => {
    put(cell(row, 'id'), cell(row, 'file'), cell(row, 'role'), cell(row, 'date'), i + 2);
  });
  return out;
}

// ── the pipeline ─────────────────────────────────────────────────────────────────────────────────

export interface SynthesisOptions {
  title?: string;
  anonymize?: boolean;
  theme?: DeckTheme;
  meta?: Record<string, InterviewMeta>;
  pricePerSlide?: Money;
  /** Also render the Markdown report. */
  markdown?: boolean;
  /** The time written as generatedAt (default: now). */
  now?: Date;
  onProgress?: Progress;
}

/** What a deck run reports besides the files: the numbers the CLI prints and --json carries. */
export interface DeckReport {
  interviews: number;
  questions: number;
  themes: number;
  splits: number;
  crossCutting: number;
  slideCount: number;
  slides: DeckResult['slides'];
  pricePerSlide: Money;
  outTaskerPrice: Money;
  /** "$253.00" */
  outTaskerPriceText: string;
}

export interface SynthesisResult {
  insights: Insights;
  deck: DeckResult;
  markdown?: string;
  report: DeckReport;
}

/** Transcripts in memory → insights, deck and (optionally) the Markdown report. */
export async function synthesize(
  transcripts: Transcript[],
  form: InterviewForm,
  opts: SynthesisOptions = {},
): Promise<SynthesisResult> {
  // Until the engine reports its first stage, the time is its set-up (word vectors, tokenising).
  opts.onProgress?.(0, 1, 'preparing the analysis');
  const insights = analyzeInterviews(transcripts, form, {
    ...(opts.title ? { title: opts.title } : {}),
    now: opts.now ?? new Date(),
    ...(opts.meta ? { meta: opts.meta } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  opts.onProgress?.(0, 1, 'writing the deck');
  const deck = await writeDeck(insights, {
    anonymize: opts.anonymize === true,
    ...(opts.theme ? { theme: opts.theme } : {}),
  });
  opts.onProgress?.(1, 1, 'writing the deck');
  const pricePerSlide = opts.pricePerSlide ?? DEFAULT_PRICE_PER_SLIDE;
  const price = outTaskerPrice(deck.slideCount, pricePerSlide);
  const report: DeckReport = {
    interviews: insights.interviews.length,
    questions: insights.questions.length,
    themes: insights.questions.reduce((n, q) => n + q.themes.length, 0),
    splits: insights.splits.length,
    crossCutting: insights.crossCutting.length,
    slideCount: deck.slideCount,
    slides: deck.slides,
    pricePerSlide,
    outTaskerPrice: price,
    outTaskerPriceText: formatMoney(price),
  };
  const result: SynthesisResult = { insights, deck, report };
  if (opts.markdown) {
    result.markdown = renderMarkdown(insights, {
      anonymize: opts.anonymize === true,
      deck: {
        slideCount: deck.slideCount,
        outTaskerPrice: formatMoney(price),
        pricePerSlide: formatMoney(pricePerSlide),
      },
    });
  }
  return result;
}

export interface DeckFilesOptions extends Omit<SynthesisOptions, 'theme' | 'meta' | 'markdown'> {
  inputs: string[];
  formFile: string;
  out: string;
  json?: string;
  md?: string;
  themeFile?: string;
  metaFile?: string;
  /** Leave out transcripts that cannot be read (they are still reported) instead of failing. */
  skipInvalid?: boolean;
  cwd?: string;
}

export interface DeckFilesResult extends DeckReport {
  files: { pptx: string; json?: string; md?: string };
  skipped: BadFile[];
  /** Ids in the metadata file that no transcript has (likely typos). */
  unknownMetaIds: string[];
}

/** The insights.json written by `outtask deck`: Insights plus a `deck` field with the run report. */
export function insightsFile(
  insights: Insights,
  report: DeckReport,
  skipped: BadFile[],
): Insights & { deck: object } {
  return {
    ...insights,
    deck: {
      slideCount: report.slideCount,
      slides: report.slides,
      pricePerSlide: report.pricePerSlide,
      outTaskerPrice: report.outTaskerPrice,
      skipped,
    },
  };
}

async function writeOut(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (err) {
    throw new AppError(
      'FILE_NOT_FOUND',
      `cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? err}`,
      { file: path },
      { cause: err },
    );
  }
}

/**
 * The transcripts a run can use: read ones minus duplicate ids. With any problem and no skipInvalid
 * (or nothing left) it fails, listing every bad file with its reason.
 */
function usableTranscripts(
  read: Transcript[],
  bad: BadFile[],
  total: number,
  opts: { skipInvalid: boolean; hint: string },
): { transcripts: Transcript[]; problems: BadFile[] } {
  const dupes = checkUniqueIds(read);
  const badFiles = new Set(dupes.map((d) => d.file));
  const transcripts = read.filter((t) => !badFiles.has(t.file));
  const problems = [...bad, ...dupes];
  if (problems.length > 0 && (!opts.skipInvalid || transcripts.length === 0)) {
    const n = problems.length;
    throw new AppError(
      problems.every((p) => p.code === problems[0]!.code)
        ? (problems[0]!.code as AppError['code'])
        : 'TRANSCRIPT_MALFORMED',
      `${n} of ${total} transcript file${total === 1 ? '' : 's'} could not be used${
        transcripts.length === 0 ? ' (none left)' : `; ${opts.hint}`
      }:`,
      { errors: problems.map((p) => ({ file: p.file, code: p.code, message: p.reason })) },
    );
  }
  return { transcripts, problems };
}

export interface UploadedSynthesisOptions extends Omit<SynthesisOptions, 'markdown'> {
  /** Leave out transcripts that cannot be read (they are still reported) instead of failing. */
  skipInvalid?: boolean;
}

/**
 * Transcripts already in memory (an upload) → insights, deck and Markdown report, with the files that
 * could not be used. Nothing touches the disk.
 */
export async function synthesizeUploads(
  files: TranscriptInput[],
  form: InterviewForm,
  opts: UploadedSynthesisOptions = {},
): Promise<SynthesisResult & { skipped: BadFile[] }> {
  const { transcripts, skipped } = await readUploads(files, { skipInvalid: opts.skipInvalid === true });
  const result = await synthesize(transcripts, form, { ...opts, markdown: true });
  return { ...result, skipped };
}

/**
 * Transcripts already in memory, read: every unreadable or duplicate file is reported, and with any
 * (unless skipInvalid) it fails listing them all.
 */
export async function readUploads(
  files: TranscriptInput[],
  opts: { skipInvalid?: boolean } = {},
): Promise<{ transcripts: Transcript[]; skipped: BadFile[] }> {
  if (files.length === 0) throw new AppError('VALIDATION_FAILED', 'no transcript files given');
  const read: Transcript[] = [];
  const bad: BadFile[] = [];
  for (const f of files) {
    try {
      if (f.bytes.length > MAX_TRANSCRIPT_BYTES) {
        throw new AppError(
          'FILE_TOO_LARGE',
          `${f.file}: ${f.bytes.length} bytes is larger than a transcript can be (50 MB)`,
          { file: f.file },
        );
      }
      read.push(await readTranscript(f));
    } catch (err) {
      if (!isAppError(err)) throw err;
      bad.push({ file: f.file, code: err.code, reason: err.message });
    }
  }
  const { transcripts, problems } = usableTranscripts(read, bad, files.length, {
    skipInvalid: opts.skipInvalid === true,
    hint: 'fix them or choose to leave them out',
  });
  return { transcripts, skipped: problems };
}

/** `outtask deck`: files in, deck (and insights.json, report.md) written. */
export async function synthesizeFiles(opts: DeckFilesOptions): Promise<DeckFilesResult> {
  const cwd = opts.cwd ?? process.cwd();
  const form = await loadForm(opts.formFile, cwd);
  const theme = opts.themeFile ? await loadThemeFile(resolve(cwd, opts.themeFile)) : undefined;
  let meta: Record<string, InterviewMeta> | undefined;
  if (opts.metaFile) {
    const text = await readFile(resolve(cwd, opts.metaFile), 'utf8').catch((err) => {
      throw new AppError(
        'FILE_NOT_FOUND',
        `${opts.metaFile}: cannot read the interview metadata (${err.code ?? err})`,
        {
          file: opts.metaFile,
        },
      );
    });
    meta = parseInterviewMeta(text, opts.metaFile);
  }
  const formPath = resolve(cwd, opts.formFile);
  const files = (await expandInputs(opts.inputs, cwd)).filter(
    (f) =>
      resolve(cwd, f) !== formPath && !(opts.metaFile && resolve(cwd, f) === resolve(cwd, opts.metaFile)),
  );
  if (files.length === 0) throw new AppError('FILE_NOT_FOUND', 'no transcript files given');

  const { transcripts: read, bad } = await readTranscriptFiles(files, {
    cwd,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const { transcripts, problems } = usableTranscripts(read, bad, files.length, {
    skipInvalid: opts.skipInvalid === true,
    hint: 'fix them or pass --skip-invalid to leave them out',
  });

  const result = await synthesize(transcripts, form, {
    ...opts,
    ...(theme ? { theme } : {}),
    ...(meta ? { meta } : {}),
    markdown: opts.md !== undefined,
  });
  const ids = new Set(transcripts.map((t) => t.id));
  const unknownMetaIds = meta ? Object.keys(meta).filter((id) => !ids.has(id)) : [];

  await writeOut(resolve(cwd, opts.out), result.deck.pptx);
  const written: DeckFilesResult['files'] = { pptx: opts.out };
  if (opts.json) {
    await writeOut(
      resolve(cwd, opts.json),
      `${JSON.stringify(insightsFile(result.insights, result.report, problems), null, 2)}\n`,
    );
    written.json = opts.json;
  }
  if (opts.md && result.markdown !== undefined) {
    await writeOut(resolve(cwd, opts.md), result.markdown);
    written.md = opts.md;
  }
  return { ...result.report, files: written, skipped: problems, unknownMetaIds };
}

/** For `outtask ask`: read transcripts given as files, directories or globs; every bad file is reported. */
export async function readTranscriptInputs(
  inputs: string[],
  opts: { cwd?: string; skipInvalid?: boolean } = {},
): Promise<{ transcripts: Transcript[]; skipped: BadFile[] }> {
  const cwd = opts.cwd ?? process.cwd();
  const files = await expandInputs(inputs, cwd);
  const { transcripts, bad } = await readTranscriptFiles(files, { cwd });
  if (bad.length > 0 && (!opts.skipInvalid || transcripts.length === 0)) {
    throw new AppError(
      'TRANSCRIPT_MALFORMED',
      `${bad.length} of ${files.length} transcript files could not be read:`,
      {
        errors: bad.map((b) => ({ file: b.file, code: b.code, message: b.reason })),
      },
    );
  }
  return { transcripts, skipped: bad };
}
