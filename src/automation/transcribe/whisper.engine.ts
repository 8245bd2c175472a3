/** whisper.cpp as an engine: the addon loaded in a child Node process, a model file the firm supplies. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { AppError } from '../../platform/errors.ts';
import { runProcess } from '../run-process.ts';
import type { EngineCheck, TranscriptionEngine } from './engine.ts';
import {
  isGgmlModel,
  isTdrzModel,
  WHISPER_CHILD,
  type WhisperJob,
  type WhisperRawSegment,
  whisperAddonPackage,
  whisperSegments,
} from './whisper.ts';

/** The addon's path, or null when the package for this platform is not installed. */
export function resolveWhisperAddon(): string | null {
  try {
    return createRequire(import.meta.url).resolve(whisperAddonPackage());
  } catch {
    return null;
  }
}

/**
 * Said where no model is configured. It names the setting, not the CLI's `--model` flag: the app and
 * its pipelines show it too, where there is no flag to pass (`outtask transcribe` says its own).
 */
export const WHISPER_MODEL_MISSING =
  'whisper needs a model file and none is configured: set OUTTASK_WHISPER_MODEL in the server’s environment to a whisper.cpp ggml model file the firm supplies (ggml-base.en.bin, ggml-small.en-tdrz.bin…) and restart Outtask, or change the pipeline’s engine to pocketsphinx. Outtask never downloads a model';

/** Throws MODEL_INVALID unless `model` is a readable ggml file. */
export function checkWhisperModel(model: string | undefined): string {
  if (!model) {
    throw new AppError('ENGINE_UNAVAILABLE', WHISPER_MODEL_MISSING, { engine: 'whisper' });
  }
  let head: Buffer;
  try {
    const fd = fs.openSync(model, 'r');
    try {
      head = Buffer.alloc(4);
      fs.readSync(fd, head, 0, 4, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (cause) {
    throw new AppError('MODEL_INVALID', `${model}: cannot read the whisper model file`, { model }, { cause });
  }
  if (!isGgmlModel(head)) {
    throw new AppError(
      'MODEL_INVALID',
      `${model}: not a whisper.cpp ggml model (wrong magic number); use a ggml-*.bin file made for whisper.cpp`,
      { model },
    );
  }
  return model;
}

export const whisperEngine: TranscriptionEngine = {
  id: 'whisper',
  quality: 'standard',
  needsModel: true,
  diarizes: (model) => isTdrzModel(model),
  async check(model): Promise<EngineCheck> {
    const addon = resolveWhisperAddon();
    if (!addon)
      return {
        ok: false,
        detail: `${whisperAddonPackage()} is not installed (npm install ${whisperAddonPackage()})`,
      };
    if (!model)
      return {
        ok: false,
        detail: 'engine installed; no model configured (OUTTASK_WHISPER_MODEL or --model)',
      };
    try {
      checkWhisperModel(model);
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
    const mb = Math.round(fs.statSync(model).size / 1024 / 1024);
    return { ok: true, detail: `${model} (${mb} MB${isTdrzModel(model) ? ', speaker turns' : ''})` };
  },
  async run(opts) {
    const addon = resolveWhisperAddon();
    if (!addon) {
      throw new AppError('ENGINE_UNAVAILABLE', `whisper: ${whisperAddonPackage()} is not installed`, {
        engine: 'whisper',
      });
    }
    const model = checkWhisperModel(opts.model);
    const job: WhisperJob = {
      addon,
      model,
      wav: opts.wav,
      threads: opts.threads ?? Math.max(1, Math.min(4, os.availableParallelism())),
      tdrz: isTdrzModel(model),
      language: 'en',
    };
    let raw: WhisperRawSegment[] | undefined;
    await runProcess(process.execPath, ['-e', WHISPER_CHILD], {
      what: 'transcribing with whisper.cpp',
      timeoutMs: opts.timeoutMs,
      signal: opts.signal,
      input: JSON.stringify(job),
      onStdoutLine: (line) => {
        if (!line.startsWith('{')) return;
        const msg = JSON.parse(line) as { progress?: number; segments?: WhisperRawSegment[] };
        if (typeof msg.progress === 'number') opts.onProgress?.(Math.min(1, msg.progress));
        if (msg.segments) raw = msg.segments;
      },
    });
    if (!raw)
      throw new AppError('TRANSCRIPTION_FAILED', 'whisper ended without a result', { engine: 'whisper' });
    return whisperSegments(raw, job.tdrz);
  },
};
