/**
 * Interview synthesis from the web app: uploaded transcripts and one of the workspace's standard forms
 * (or a pasted form) in, the deck and its evidence out. Nothing of the interviews is stored (they are
 * confidential client material); the audit trail records who ran a synthesis, on which form and how
 * many files. The synthesis library is loaded on first use, so the server starts without it.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { WorkspaceActor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit/audit.store.ts';
import type { ServiceDeps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import { slug } from '../platform/slug.ts';
import type { ProceduresService } from '../procedures/index.ts';
import type { BadFile, DeckReport, InsightsFile, SynthesisPreview } from '../synthesis/index.ts';
import { askOffThread, formTitleOffThread, synthesizeOffThread } from './off-thread.ts';

export interface SynthesisRequest {
  /** A stored form (id or name) and, optionally, one of its versions; or the form as YAML. */
  form: { ref: string; version?: number } | { yaml: string };
  files: { file: string; bytes: Uint8Array }[];
  /** Role and date per interview: the CSV or JSON `outtask deck --meta` reads. */
  meta?: { file: string; text: string };
  title?: string;
  anonymize?: boolean;
  skipInvalid?: boolean;
  /** Saved as a synthesis of this engagement (default: the title, else the form's name) and task. */
  engagement?: string;
  taskId?: string | null;
  /** Keep the transcripts with the saved synthesis (to pick other quotes from them later). */
  keepTranscripts?: boolean;
}

export interface SynthesisRun {
  report: DeckReport;
  /** insights.json as `outtask deck` writes it (the insights and the run report). */
  insights: InsightsFile;
  markdown: string;
  /** The deck's content for the page, anonymized like the deck. */
  preview: SynthesisPreview;
  skipped: BadFile[];
  deck: { fileName: string; bytes: Uint8Array };
  /** Wall time of the synthesis, seconds. */
  seconds: number;
}

export interface AskRequest {
  question: string;
  files: { file: string; bytes: Uint8Array }[];
  meta?: { file: string; text: string };
  anonymize?: boolean;
  skipInvalid?: boolean;
  maxWords?: number;
}

export interface AskRun {
  question: string;
  answer: string;
  /** False when the transcripts do not discuss the question (the answer says so and cites the nearest passages). */
  covered: boolean;
  /** `source`: the interview as the page shows it ("Interview 7" when anonymized, else its id). */
  citations: { source: string; start: number | null; at: string | null; text: string }[];
  skipped: BadFile[];
}

export interface SampleFile {
  name: string;
  bytes: number;
}

/** Sample transcripts and their metadata file; the form they follow is the demo's interview form. */
const SAMPLE_FILE = /^[\w-]+\.(?:txt|vtt|srt|json|docx|tsv|csv)$/;
const SAMPLE_FORM = 'form.yaml';

export function createInterviewsService(
  deps: ServiceDeps & { procedures: ProceduresService; samplesDir?: string },
) {
  const samplesDir = deps.samplesDir;
  return {
    /** The sample interviews shipped with Outtask (examples/executive-interviews), if present. */
    async listSamples(): Promise<SampleFile[]> {
      if (!samplesDir) return [];
      const names = await readdir(samplesDir).catch(() => [] as string[]);
      const files = names.filter((n) => SAMPLE_FILE.test(n)).sort((a, b) => a.localeCompare(b, 'en'));
      return Promise.all(
        files.map(async (name) => ({ name, bytes: (await stat(join(samplesDir, name))).size })),
      );
    },

    /** A sample file, or the form they follow (`form.yaml`). */
    async readSample(name: string): Promise<Uint8Array> {
      // The pattern admits no path separator: a request can only name a file in the samples folder.
      const notFound = () => new AppError('NOT_FOUND', `No sample file named ${name}`);
      if (!samplesDir || (name !== SAMPLE_FORM && !SAMPLE_FILE.test(name))) throw notFound();
      return readFile(join(samplesDir, name)).catch(() => {
        throw notFound();
      });
    },

    /**
     * A question answered from what was said, with citations. Anonymized, nobody is named: speakers
     * become "The interviewer" or the interviewee's role and interview number, and names in the text
     * are redacted before the answer is written.
     */
    async ask(actor: WorkspaceActor, req: AskRequest): Promise<AskRun> {
      const run = await askOffThread(req);
      await recordAudit(deps.db.kysely, deps, actor, askAudit(req));
      return run;
    },

    /** The form a request names, as YAML with the name the audit shows (a stored form, or the pasted one). */
    async resolveForm(actor: WorkspaceActor, form: SynthesisRequest['form']): Promise<ResolvedForm> {
      if ('yaml' in form) {
        return { yaml: form.yaml, name: await formTitleOffThread(form.yaml, 'the pasted form'), ref: null };
      }
      const stored = await deps.procedures.exportFormYaml(actor, form.ref, form.version);
      return { yaml: stored.yaml, name: stored.fileName, ref: form.ref };
    },

    /** Synthesis without a job (the CLI's way, and tests): resolve the form, compute in a worker thread, audit. */
    async synthesize(actor: WorkspaceActor, req: SynthesisRequest): Promise<SynthesisRun> {
      const form = await this.resolveForm(actor, req.form);
      const run = await synthesizeOffThread({ ...req, form, now: deps.clock.now() });
      await recordAudit(
        deps.db.kysely,
        deps,
        actor,
        synthesisAudit(form, req, { skipped: run.skipped.length, slides: run.report.slideCount }),
      );
      return run;
    },
  };
}

export interface ResolvedForm {
  yaml: string;
  /** The form's file name or title, for the audit trail. */
  name: string;
  /** The stored form's id or name; null for a pasted form. */
  ref: string | null;
}

export interface SynthesisInput {
  form: ResolvedForm;
  files: { file: string; bytes: Uint8Array }[];
  meta?: { file: string; text: string };
  title?: string;
  anonymize?: boolean;
  skipInvalid?: boolean;
  now: Date;
}

/**
 * The synthesis itself, on plain data in and out (no database, no clock of its own): the one function
 * the job handler and the in-process path call, so it can be moved off the main thread as it is.
 */
export async function computeSynthesis(input: SynthesisInput): Promise<SynthesisRun> {
  const lib = await import('../synthesis/index.ts');
  const form = lib.parseFormYaml(input.form.yaml, input.form.name);
  const meta = input.meta ? lib.parseInterviewMeta(input.meta.text, input.meta.file) : undefined;
  const started = performance.now();
  const result = await lib.synthesizeUploads(input.files, form, {
    ...(meta ? { meta } : {}),
    ...(input.title ? { title: input.title } : {}),
    anonymize: input.anonymize === true,
    skipInvalid: input.skipInvalid === true,
    now: input.now,
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    report: result.report,
    insights: lib.insightsFile(result.insights, result.report, result.skipped),
    markdown: result.markdown ?? '',
    preview: lib.synthesisPreview(result.insights, input.anonymize === true),
    skipped: result.skipped,
    deck: {
      fileName: `${slug(result.insights.title, { max: 60, fallback: 'interview-synthesis' })}.pptx`,
      bytes: result.deck.pptx,
    },
    seconds: Math.round(seconds * 100) / 100,
  };
}

/** A question answered across the transcripts, on plain data (see computeSynthesis). */
export async function computeAsk(req: AskRequest): Promise<AskRun> {
  const lib = await import('../synthesis/index.ts');
  const meta = req.meta ? lib.parseInterviewMeta(req.meta.text, req.meta.file) : {};
  const { transcripts, skipped } = await lib.readUploads(req.files, {
    skipInvalid: req.skipInvalid === true,
  });
  const anon = req.anonymize ? lib.anonymiseTranscripts(transcripts, meta) : null;
  const result = lib.ask(req.question, anon ? anon.transcripts : transcripts, {
    ...(req.maxWords ? { maxWords: req.maxWords } : {}),
  });
  return {
    question: result.question,
    answer: result.answer,
    covered: result.covered,
    citations: result.citations.map((c) => ({
      source: c.interview,
      start: c.start,
      at: c.start === null ? null : lib.timestamp(c.start),
      text: c.text,
    })),
    skipped,
  };
}

export function askAudit(req: { files: unknown[]; anonymize?: boolean }) {
  return {
    action: 'synthesis.ask',
    subjectType: 'interviews',
    details: { files: req.files.length, anonymized: req.anonymize === true },
  };
}

/** The audit line of a synthesis run: who, which form, how many files — nothing of their content. */
export function synthesisAudit(
  form: ResolvedForm,
  req: { files: unknown[]; anonymize?: boolean },
  run: { skipped: number; slides: number },
) {
  return {
    action: 'synthesis.run',
    subjectType: 'form',
    subjectId: form.ref,
    details: {
      form: form.name,
      files: req.files.length,
      skipped: run.skipped,
      slides: run.slides,
      anonymized: req.anonymize === true,
    },
  };
}

export type InterviewsService = ReturnType<typeof createInterviewsService>;
