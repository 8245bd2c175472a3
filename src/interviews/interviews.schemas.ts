/**
 * The answers of /api/interviews (the API contract): the synthesis library's insights, report and
 * preview as the web app receives them, each checked against the library's own type. insights.json
 * is documented in docs/insights-schema.md; a field added there is added here, or the strict
 * responses of the tests fail.
 */
import { z } from 'zod';
import { MoneyOut, sameShape } from '../platform/contract.ts';
import type {
  BadFile,
  DeckReport,
  Insights,
  InsightsFile,
  SynthesisPreview,
  TranscriptFormat,
} from '../synthesis/index.ts';
import type { AskRun, SampleFile, SynthesisRun } from './interviews.service.ts';

const FORMATS = [
  'text-headings',
  'text-colon',
  'text-plain',
  'vtt',
  'srt',
  'docx',
  'whisper-json',
  'rev-json',
  'assemblyai-json',
] as const satisfies readonly TranscriptFormat[];
sameShape<(typeof FORMATS)[number], TranscriptFormat>(true);

const BadFileView = z
  .object({ file: z.string(), code: z.string(), reason: z.string() })
  .meta({ id: 'BadFile' });
sameShape<z.output<typeof BadFileView>, BadFile>(true);

const QuoteView = z.object({ interview: z.string(), text: z.string(), start: z.number().nullable() });
const evidence = { summary: z.string(), interviews: z.array(z.string()), quotes: z.array(QuoteView) };
const SplitSideView = z.object({ label: z.string(), ...evidence });

export const InsightsView = z
  .object({
    schemaVersion: z.literal(1),
    title: z.string(),
    generatedAt: z.string(),
    form: z.object({
      title: z.string(),
      questions: z.array(z.object({ id: z.string(), text: z.string(), hint: z.string().optional() })),
    }),
    interviews: z.array(
      z.object({
        id: z.string(),
        file: z.string(),
        format: z.enum(FORMATS),
        interviewer: z.string().nullable(),
        interviewee: z.string().nullable(),
        name: z.string().optional(),
        role: z.string().optional(),
        date: z.string().optional(),
        words: z.number(),
        durationSeconds: z.number().nullable(),
        answered: z.array(z.string()),
      }),
    ),
    questions: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        answered: z.array(z.string()),
        themes: z.array(
          z.object({ id: z.string(), label: z.string(), ...evidence, keywords: z.array(z.string()) }),
        ),
        themeOrder: z.literal('edited').optional(),
        noTheme: z
          .object({
            reason: z.enum(['no-answers', 'too-few-answers', 'no-recurring-point']),
            minSupport: z.number(),
            text: z.string(),
          })
          .optional(),
      }),
    ),
    splits: z.array(
      z.object({
        id: z.string(),
        question: z.string(),
        topic: z.string(),
        sides: z.tuple([SplitSideView, SplitSideView]),
      }),
    ),
    crossCutting: z.array(
      z.object({ id: z.string(), label: z.string(), questions: z.array(z.string()), ...evidence }),
    ),
  })
  .meta({ id: 'Insights' });
sameShape<z.output<typeof InsightsView>, Insights>(true);

const SlideView = z.object({
  title: z.string(),
  kind: z.enum(['title', 'method', 'summary', 'question', 'split', 'cross-cutting', 'appendix']),
});

const DeckReportView = z
  .object({
    interviews: z.number(),
    questions: z.number(),
    themes: z.number(),
    splits: z.number(),
    crossCutting: z.number(),
    slideCount: z.number(),
    slides: z.array(SlideView),
    pricePerSlide: MoneyOut,
    outTaskerPrice: MoneyOut,
    outTaskerPriceText: z.string(),
  })
  .meta({ id: 'DeckReport' });
sameShape<z.output<typeof DeckReportView>, DeckReport>(true);

const PreviewThemeView = z
  .object({
    label: z.string(),
    summary: z.string(),
    count: z.number(),
    quotes: z.array(z.object({ text: z.string(), source: z.string(), at: z.string().nullable() })),
  })
  .meta({ id: 'PreviewTheme' });

const SynthesisPreviewView = z
  .object({
    title: z.string(),
    interviews: z.number(),
    questions: z.array(
      z.object({ id: z.string(), text: z.string(), answered: z.number(), themes: z.array(PreviewThemeView) }),
    ),
    splits: z.array(
      z.object({
        question: z.string(),
        topic: z.string(),
        answered: z.number(),
        sides: z.array(PreviewThemeView),
      }),
    ),
    crossCutting: z.array(PreviewThemeView.extend({ questions: z.array(z.string()) })),
  })
  .meta({ id: 'SynthesisPreview' });
sameShape<z.output<typeof SynthesisPreviewView>, SynthesisPreview>(true);

/** insights.json as `outtask deck` writes it: the insights plus the run report (`insightsFile`). */
const InsightsFileView = InsightsView.extend({
  deck: z.object({
    slideCount: z.number(),
    slides: z.array(SlideView),
    pricePerSlide: MoneyOut,
    outTaskerPrice: MoneyOut,
    skipped: z.array(BadFileView),
  }),
}).meta({ id: 'InsightsFile' });
sameShape<z.output<typeof InsightsFileView>, InsightsFile>(true);

export const SynthesisView = z
  .object({
    report: DeckReportView,
    insights: InsightsFileView,
    markdown: z.string(),
    preview: SynthesisPreviewView,
    skipped: z.array(BadFileView),
    seconds: z.number(),
    /** The deck's name and size; its bytes are downloaded apart (GET /synthesis/:jobId/deck). */
    deck: z.object({ fileName: z.string(), bytes: z.number() }),
  })
  .meta({ id: 'Synthesis' });
sameShape<Omit<z.output<typeof SynthesisView>, 'deck'>, Omit<SynthesisRun, 'deck'>>(true);

export const AskView = z
  .object({
    question: z.string(),
    answer: z.string(),
    /** False when the transcripts do not discuss the question: the answer says so, citations are the nearest passages. */
    covered: z.boolean(),
    citations: z.array(
      z.object({
        source: z.string(),
        start: z.number().nullable(),
        at: z.string().nullable(),
        text: z.string(),
      }),
    ),
    skipped: z.array(BadFileView),
  })
  .meta({ id: 'AskAnswer' });
sameShape<z.output<typeof AskView>, AskRun>(true);

export const SampleFileView = z.object({ name: z.string(), bytes: z.number() }).meta({ id: 'SampleFile' });
sameShape<z.output<typeof SampleFileView>, SampleFile>(true);
