/**
 * Recording in, timed transcript out: probe → convert to 16 kHz WAV → engine. Each step is also
 * exported alone so that a pipeline stage can run it (with its own AbortSignal and progress).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convertToWav, probeAudio } from './audio.ts';
import type { EngineRunOptions } from './engine.ts';
import { defaultEngine, engineById } from './engines.ts';
import type { EngineId, TranscriptionResult } from './segments.ts';

export type TranscribeStage = 'probe' | 'convert' | 'transcribe';

export interface TranscribeOptions {
  engine?: EngineId;
  /** Model file for engines that take one (whisper). */
  model?: string;
  signal?: AbortSignal;
  onProgress?: (stage: TranscribeStage, fraction: number) => void;
  /** Engine time limit; default 4 × the audio's length, at least 2 minutes. */
  timeoutMs?: number;
  threads?: number;
}

export function engineTimeoutMs(durationS: number, override?: number): number {
  return override ?? Math.max(120_000, Math.round(durationS * 4 * 1000));
}

/** Runs the engine on a WAV already converted (pipeline stage "transcribe"). */
export async function transcribeWav(
  wav: string,
  durationS: number,
  opts: TranscribeOptions = {},
): Promise<TranscriptionResult> {
  const engine = opts.engine ? engineById(opts.engine) : defaultEngine(opts.model);
  const run: EngineRunOptions = {
    wav,
    durationS,
    timeoutMs: engineTimeoutMs(durationS, opts.timeoutMs),
    signal: opts.signal,
    onProgress: (f) => opts.onProgress?.('transcribe', f),
    ...(opts.model ? { model: opts.model } : {}),
    ...(opts.threads ? { threads: opts.threads } : {}),
  };
  const segments = await engine.run(run);
  opts.onProgress?.('transcribe', 1);
  return {
    engine: engine.id,
    quality: engine.quality,
    ...(engine.needsModel && opts.model ? { model: opts.model } : {}),
    durationS,
    segments,
  };
}

/** Transcribes any recording ffmpeg reads; the temporary WAV is removed afterwards. */
export async function transcribeFile(
  file: string,
  opts: TranscribeOptions = {},
): Promise<TranscriptionResult> {
  opts.onProgress?.('probe', 0);
  const info = await probeAudio(file, opts.signal);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-transcribe-'));
  try {
    const wav = path.join(dir, 'audio.wav');
    opts.onProgress?.('convert', 0);
    await convertToWav(file, wav, { signal: opts.signal });
    opts.onProgress?.('convert', 1);
    return await transcribeWav(wav, info.durationS, opts);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
