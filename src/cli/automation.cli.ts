/** `outtask transcribe`, `outtask doctor`: offline transcription with no server and no database. Thin. */
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
}
