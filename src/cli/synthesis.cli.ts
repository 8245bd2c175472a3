/** `outtask deck` and `outtask ask`: the synthesis library with no server and no database. Thin. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { AppError } from '../platform/errors.ts';
import { formatMoney, type Money, parseMajor } from '../platform/money.ts';
import type { synthesizeFiles } from '../synthesis/index.ts';

// The synthesis library (word vectors, NLP, PPTX) is loaded only by the commands that use it.
const synthesis = () => import('../synthesis/index.ts');

function pricePerSlide(text: string): Money {
  const m = parseMajor(text, 'USD');
  if (!m || m.amountMinor < 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `--price-per-slide: "${text}" is not an amount in dollars (e.g. 11 or 12.50)`,
    );
  }
  return m;
}

function positiveInt(text: string, option: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 5000) {
    throw new AppError('VALIDATION_FAILED', `${option}: "${text}" is not a whole number between 1 and 5000`);
  }
  return n;
}

/** A progress bar on a terminal; nothing at all when stderr is not one. */
function progressBar(): { update: (done: number, total: number, stage: string) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: '{stage} {bar} {value}/{total}',
      barsize: 30,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let current = '';
  return {
    update(done, total, stage) {
      const label = stage.padEnd(30);
      if (!started) {
        bar.start(total, done, { stage: label });
        started = true;
      } else if (stage !== current) {
        bar.setTotal(total);
        bar.update(done, { stage: label });
      } else bar.update(done);
      current = stage;
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

interface DeckCliOptions {
  form: string;
  out: string;
  json?: string;
  md?: string;
  title?: string;
  anonymize: boolean;
  theme?: string;
  meta?: string;
  pricePerSlide?: string;
  skipInvalid: boolean;
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

export function registerSynthesisCommands(program: Command): void {
  program
    .command('deck')
    .description(
      'Synthesize interview transcripts into an editable PowerPoint deck (and insights.json, a Markdown report)',
    )
    .argument('<files...>', 'transcript files, directories or glob patterns (txt, vtt, srt, docx, json)')
    .requiredOption('--form <form.yaml>', 'the interview form (YAML: title, questions: [{id, text}])')
    .requiredOption('--out <deck.pptx>', 'where to write the deck')
    .option('--json <insights.json>', 'also write the insights (docs/insights-schema.md)')
    .option('--md <report.md>', 'also write the Markdown report')
    .option('--title <title>', 'deck title (default: the form title)')
    .option(
      '--anonymize',
      'deck and report: interviewees by role and number, names redacted (insights.json keeps ids for tracing)',
      false,
    )
    .option('--theme <theme.json>', 'colors, fonts and logo (docs/deck-theme.md)')
    .option(
      '--meta <interviews.csv>',
      'role and date per interview: CSV with id (or file), role, date; or JSON',
    )
    .option('--price-per-slide <dollars>', 'what an out-tasker charges per slide, for the comparison', '11')
    .option(
      '--skip-invalid',
      'leave out transcripts that cannot be read (they are listed) instead of failing',
      false,
    )
    .action(async (files: string[], opts: DeckCliOptions) => {
      const started = performance.now();
      const { synthesizeFiles } = await synthesis();
      const bar = progressBar();
      let result: Awaited<ReturnType<typeof synthesizeFiles>>;
      try {
        result = await synthesizeFiles({
          inputs: files,
          formFile: opts.form,
          out: opts.out,
          ...(opts.json ? { json: opts.json } : {}),
          ...(opts.md ? { md: opts.md } : {}),
          ...(opts.title ? { title: opts.title } : {}),
          ...(opts.theme ? { themeFile: opts.theme } : {}),
          ...(opts.meta ? { metaFile: opts.meta } : {}),
          anonymize: opts.anonymize,
          pricePerSlide: pricePerSlide(opts.pricePerSlide ?? '11'),
          skipInvalid: opts.skipInvalid,
          now: new Date(),
          onProgress: bar.update,
        });
      } finally {
        bar.stop();
      }
      for (const s of result.skipped) process.stderr.write(`outtask: skipped ${s.reason}\n`);
      for (const id of result.unknownMetaIds) {
        process.stderr.write(`outtask: ${opts.meta}: no transcript has the interview id "${id}"\n`);
      }
      const seconds = (performance.now() - started) / 1000;
      const written = [result.files.pptx, result.files.json, result.files.md].filter(Boolean).join(', ');
      process.stdout.write(
        `${plural(result.interviews, 'interview')}, ${plural(result.themes, 'theme')}, ${plural(result.slideCount, 'slide')}; ` +
          `an out-tasker would have charged ${result.outTaskerPriceText} (${formatMoney(result.pricePerSlide)}/slide); ` +
          `${seconds.toFixed(1)} s. Wrote ${written}\n`,
      );
    });

  program
    .command('ask')
    .description('Answer a question from what was said in the transcripts, with citations')
    .argument('<question>', 'the question, in quotes')
    .argument('<files...>', 'transcript files, directories or glob patterns')
    .option(
      '--json',
      'print { question, answer, covered, citations: [{ interview, start, text }] } (covered: false when the transcripts do not discuss the question)',
      false,
    )
    .option('--max-words <n>', 'length of the answer in words', '100')
    .option(
      '--anonymize',
      'name nobody: speakers become "An interviewer" or "<role> in interview N", names are redacted, interviews numbered',
      false,
    )
    .option('--meta <file>', 'interview metadata (CSV id,role,date or JSON) for roles when anonymizing')
    .action(
      async (
        question: string,
        files: string[],
        opts: { json: boolean; maxWords: string; anonymize: boolean; meta?: string },
      ) => {
        if (question.trim() === '')
          throw new AppError('VALIDATION_FAILED', 'the question is empty; write it in quotes');
        const maxWords = positiveInt(opts.maxWords, '--max-words');
        const lib = await synthesis();
        const { ask, readTranscriptInputs, timestamp } = lib;
        const metaFile = opts.meta;
        const meta = metaFile ? lib.parseInterviewMeta(await readText(metaFile), metaFile) : {};
        const { transcripts: read } = await readTranscriptInputs(
          files.filter((f) => !metaFile || path.resolve(f) !== path.resolve(metaFile)),
        );
        const transcripts = opts.anonymize ? lib.anonymiseTranscripts(read, meta).transcripts : read;
        const result = ask(question, transcripts, { maxWords });
        if (opts.json) {
          const shaped = {
            question: result.question,
            answer: result.answer,
            covered: result.covered,
            citations: result.citations.map((c) => ({
              interview: c.interview,
              start: c.start,
              text: c.text,
            })),
          };
          process.stdout.write(`${JSON.stringify(shaped, null, 2)}\n`);
          return;
        }
        const lines = [result.answer, ''];
        result.citations.forEach((c, i) => {
          const at = c.start === null ? '' : ` at ${timestamp(c.start)}`;
          lines.push(`[${i + 1}] ${c.interview}${at}: “${c.text}”`);
        });
        process.stdout.write(`${lines.join('\n')}\n`);
      },
    );
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new AppError(
      'FILE_NOT_FOUND',
      `${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? err})`,
      { file },
      { cause: err },
    );
  }
}
