/** `outtask transcribe`, `outtask doctor`, `outtask redact`: automation with no server and no database. Thin. */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../platform/errors.ts';
import { config } from './context.ts';
import { table } from './format.ts';

const automation = () => import('../automation/index.ts');

export function registerAutomationCommands(program: Command): void {
  program
    .command('transcribe')
    .description(
      'Transcribe a recording offline (m4a, mp3, wav, ogg, webm, mp4) into a transcript the synthesis reads',
    )
    .argument('<file>', 'the recording')
    .option('--engine <engine>', 'pocketsphinx (draft quality, always there) or whisper (needs a model)')
    .option('--model <path>', 'whisper.cpp ggml model file (default: $OUTTASK_WHISPER_MODEL)')
    .option('--out <file>', 'where to write: .vtt, .srt, .txt or .json (default: WebVTT on stdout)')
    .option(
      '--timeout <seconds>',
      'stop the engine after this long (default: 4 × the recording, at least 120)',
    )
    .action(
      async (file: string, opts: { engine?: string; model?: string; out?: string; timeout?: string }) => {
        const a = await automation();
        if (!fs.existsSync(file)) throw new AppError('FILE_NOT_FOUND', `${file}: no such file`);
        const format = opts.out ? a.outFormatOf(opts.out) : 'vtt';
        const model = opts.model ? path.resolve(opts.model) : config().whisperModel;
        const timeoutS = opts.timeout === undefined ? undefined : Number(opts.timeout);
        if (timeoutS !== undefined && !(timeoutS > 0)) {
          throw new AppError('VALIDATION_FAILED', `--timeout: "${opts.timeout}" is not a number of seconds`);
        }
        const engine = opts.engine ? a.engineById(opts.engine) : a.defaultEngine(model);
        if (engine.needsModel && !model)
          throw new AppError(
            'ENGINE_UNAVAILABLE',
            `${engine.id} needs a model file: pass --model PATH or set OUTTASK_WHISPER_MODEL to a whisper.cpp ggml model (ggml-base.en.bin, ggml-small.en-tdrz.bin…); Outtask never downloads one`,
            { engine: engine.id },
          );
        let shown = '';
        const result = await a.transcribeFile(file, {
          engine: engine.id,
          ...(model ? { model } : {}),
          ...(timeoutS ? { timeoutMs: timeoutS * 1000 } : {}),
          onProgress: (stage, fraction) => {
            const line = `${stage} ${Math.round(fraction * 100)}%`;
            if (process.stderr.isTTY && line !== shown) process.stderr.write(`\r${line.padEnd(20)}`);
            shown = line;
          },
        });
        if (process.stderr.isTTY) process.stderr.write('\r'.padEnd(22));
        const text = a.renderTranscript(result, format);
        const summary = `${result.engine} (${result.quality} quality): ${result.segments.length} segments, ${Math.round(result.durationS)} s of audio`;
        if (opts.out) {
          fs.writeFileSync(opts.out, text);
          process.stderr.write(`\n${summary} → ${opts.out}\n`);
        } else {
          process.stdout.write(text);
          process.stderr.write(`\n${summary}\n`);
        }
      },
    );

  program
    .command('doctor')
    .description('Say which transcription engines, models, ffmpeg, ffprobe and LibreOffice this machine has')
    .option('--json', 'print the checks as JSON')
    .action(async (opts: { json?: boolean }) => {
      const a = await automation();
      const model = config().whisperModel;
      const checks = await a.runDoctor(model ? { whisperModel: model } : {});
      if (opts.json) process.stdout.write(`${JSON.stringify(checks, null, 2)}\n`);
      else
        process.stdout.write(
          `${table(
            ['', 'what', 'found'],
            checks.map((c) => [c.ok ? 'ok' : c.required ? 'MISSING' : 'absent', c.name, c.detail]),
          )}\n`,
        );
      if (checks.some((c) => c.required && !c.ok)) process.exitCode = 6;
    });

  program
    .command('redact')
    .description(
      'Replace names and identifiers in transcripts by consistent pseudonyms (PERSON_3, CLIENT_1), each file in its own format; the key stays in DIR/mapping.json',
    )
    .argument('<files...>', 'transcripts (.vtt, .srt, .txt, .json, .docx)')
    .requiredOption(
      '--names <file>',
      'names and terms to redact, one a line (person:, client:, org:, term: prefixes optional)',
    )
    .requiredOption(
      '--out <dir>',
      'where the redacted files and mapping.json go (an existing mapping is carried on)',
    )
    .option('--allow <file>', 'terms never to redact, one a line')
    .option('--json', 'print the outcome per file as JSON')
    .action(async (files: string[], opts: { names: string; out: string; allow?: string; json?: boolean }) => {
      const a = await automation();
      const readList = (file: string) => {
        if (!fs.existsSync(file)) throw new AppError('FILE_NOT_FOUND', `${file}: no such file`);
        return fs.readFileSync(file, 'utf8');
      };
      const lists = a.parseNamesList(opts.names, readList(opts.names));
      const allow = opts.allow
        ? readList(opts.allow)
            .split(/\r?\n/)
            .map((l) => l.replace(/#.*$/, '').trim())
            .filter(Boolean)
        : [];
      const mapping = await a.redactFiles(files, { lists, allow, outDir: opts.out });
      const mine = mapping.files.slice(-files.length);
      if (opts.json) process.stdout.write(`${JSON.stringify(mine, null, 2)}\n`);
      else
        for (const f of mine)
          process.stdout.write(
            f.error
              ? `${f.original}: ${f.error.message}\n`
              : `${f.original} → ${path.join(opts.out, f.redacted!)} (${f.redactions} redacted)\n`,
          );
      process.stderr.write(`Mapping (keep it inside the firm): ${path.join(opts.out, a.MAPPING_FILE)}\n`);
      if (mine.some((f) => f.error)) process.exitCode = 2;
    });
}
