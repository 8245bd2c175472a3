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
import type { BadFile, DeckReport, Insights, SynthesisPreview } from '../synthesis/index.ts';

export interface SynthesisRequest {
  /** A stored form (id or name) and, optionally, one of its versions; or the form as YAML. */
  form: { ref: string; version?: number } | { yaml: string };
  files: { file: string; bytes: Uint8Array }[];
  /** Role and date per interview: the CSV or JSON `outtask deck --meta` reads. */
  meta?: { file: string; text: string };
  title?: string;
  anonymize?: boolean;
  skipInvalid?: boolean;
}

export interface SynthesisRun {
  report: DeckReport;
  insights: Insights;
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
      const lib = await import('../synthesis/index.ts');
      const meta = req.meta ? lib.parseInterviewMeta(req.meta.text, req.meta.file) : {};
      const { transcripts, skipped } = await lib.readUploads(req.files, {
        skipInvalid: req.skipInvalid === true,
      });
      const anon = req.anonymize ? lib.anonymiseTranscripts(transcripts, meta) : null;
      const result = lib.ask(req.question, anon ? anon.transcripts : transcripts, {
        ...(req.maxWords ? { maxWords: req.maxWords } : {}),
      });
      await recordAudit(deps.db.kysely, deps, actor, {
        action: 'synthesis.ask',
        subjectType: 'interviews',
        details: { files: req.files.length, anonymized: req.anonymize === true },
      });
      return {
        question: result.question,
        answer: result.answer,
        citations: result.citations.map((c) => ({
          source: c.interview,
          start: c.start,
          at: c.start === null ? null : lib.timestamp(c.start),
          text: c.text,
        })),
        skipped,
      };
    },

    async synthesize(actor: WorkspaceActor, req: SynthesisRequest): Promise<SynthesisRun> {
      const lib = await import('../synthesis/index.ts');
      let form: ReturnType<typeof lib.parseFormYaml>;
      let formName: string;
      if ('yaml' in req.form) {
        form = lib.parseFormYaml(req.form.yaml, 'the pasted form');
        formName = form.title;
      } else {
        const stored = await deps.procedures.exportFormYaml(actor, req.form.ref, req.form.version);
        form = lib.parseFormYaml(stored.yaml, stored.fileName);
        formName = stored.fileName;
      }
      const meta = req.meta ? lib.parseInterviewMeta(req.meta.text, req.meta.file) : undefined;
      const started = performance.now();
      const result = await lib.synthesizeUploads(req.files, form, {
        ...(meta ? { meta } : {}),
        ...(req.title ? { title: req.title } : {}),
        anonymize: req.anonymize === true,
        skipInvalid: req.skipInvalid === true,
        now: deps.clock.now(),
      });
      const seconds = (performance.now() - started) / 1000;
      await recordAudit(deps.db.kysely, deps, actor, {
        action: 'synthesis.run',
        subjectType: 'form',
        subjectId: 'ref' in req.form ? req.form.ref : null,
        details: {
          form: formName,
          files: req.files.length,
          skipped: result.skipped.length,
          slides: result.deck.slideCount,
          anonymized: req.anonymize === true,
        },
      });
      return {
        report: result.report,
        insights: lib.insightsFile(result.insights, result.report, result.skipped),
        markdown: result.markdown ?? '',
        preview: lib.synthesisPreview(result.insights, req.anonymize === true),
        skipped: result.skipped,
        deck: {
          fileName: `${slug(result.insights.title, { max: 60, fallback: 'interview-synthesis' })}.pptx`,
          bytes: result.deck.pptx,
        },
        seconds: Math.round(seconds * 100) / 100,
      };
    },
  };
}

export type InterviewsService = ReturnType<typeof createInterviewsService>;
