/**
 * The synthesis pipeline, pure of file access: transcripts in memory → analyzeInterviews → deck
 * (PPTX bytes), insights and a Markdown report. Uploads are read here too (bytes in memory). The
 * file edge — globbing, reading and writing files — is `files.ts`; `outtask deck` calls it.
 */
import { AppError, isAppError } from '../platform/errors.ts';
import { formatMoney, type Money } from '../platform/money.ts';
import { DEFAULT_PRICE_PER_SLIDE, outTaskerPrice } from './deck/price.ts';
import type { DeckTheme } from './deck/theme.ts';
import { type DeckResult, writeDeck } from './deck/write-deck.ts';
import { analyzeInterviews } from './engine/index.ts';
import type { InterviewMeta } from './meta.ts';
import { readTranscript, type TranscriptInput } from './readers/index.ts';
import { renderMarkdown } from './report.ts';
import type { Insights, InterviewForm, Transcript } from './types.ts';

export const MAX_TRANSCRIPT_BYTES = 50_000_000;

export type Progress = (done: number, total: number, stage: string) => void;

export interface BadFile {
  file: string;
  code: string;
  reason: string;
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

export interface SynthesisOptions {
  title?: string;
  anonymize?: boolean;
  theme?: DeckTheme;
  meta?: Record<string, InterviewMeta>;
  pricePerSlide?: Money;
  /** Also render the Markdown report. */
  markdown?: boolean;
  /** The time written as generatedAt (the edge passes its clock; default: the epoch, the core reads no clock). */
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
    now: opts.now ?? new Date(0),
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

/** The insights.json written by `outtask deck`: Insights plus a `deck` field with the run report. */
export interface InsightsFile extends Insights {
  deck: Pick<DeckReport, 'slideCount' | 'slides' | 'pricePerSlide' | 'outTaskerPrice'> & {
    skipped: BadFile[];
  };
}

export function insightsFile(insights: Insights, report: DeckReport, skipped: BadFile[]): InsightsFile {
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

/**
 * The transcripts a run can use: read ones minus duplicate ids. With any problem and no skipInvalid
 * (or nothing left) it fails, listing every bad file with its reason.
 */
export function usableTranscripts(
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
