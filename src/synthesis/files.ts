/**
 * The synthesis pipeline at the file edge: transcript files (paths, directories, globs) are read,
 * the pure pipeline (`pipeline.ts`) runs, and the deck, insights.json and report are written.
 * `outtask deck` is a thin shell around `synthesizeFiles`; `outtask ask` reads through
 * `readTranscriptInputs`.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { AppError, isAppError } from '../platform/errors.ts';
import { loadThemeFile } from './deck/theme-file.ts';
import { parseFormYaml } from './form.ts';
import { type InterviewMeta, parseInterviewMeta } from './meta.ts';
import {
  type BadFile,
  type DeckReport,
  insightsFile,
  MAX_TRANSCRIPT_BYTES,
  type Progress,
  type SynthesisOptions,
  synthesize,
  usableTranscripts,
} from './pipeline.ts';
import { readTranscript } from './readers/index.ts';
import type { InterviewForm, Transcript } from './types.ts';

/** Extensions read when a directory is given. */
export const TRANSCRIPT_EXTENSIONS = ['.txt', '.vtt', '.srt', '.docx', '.json', '.tsv'];

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
    now: opts.now ?? new Date(),
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
