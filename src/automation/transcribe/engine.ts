/** The one interface every transcription engine implements. */
import type { EngineId, Quality, Segment } from './segments.ts';

export interface EngineRunOptions {
  /** 16 kHz mono 16-bit WAV (see audio.ts). */
  wav: string;
  durationS: number;
  /** Model file, for engines that take one. */
  model?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Fraction of the audio done, 0..1. */
  onProgress?: (fraction: number) => void;
  threads?: number;
}

export interface EngineCheck {
  ok: boolean;
  /** What was found, or what is missing and how to get it. */
  detail: string;
}

export interface TranscriptionEngine {
  id: EngineId;
  quality: Quality;
  /** Whether the engine separates speakers (with this model). */
  diarizes(model?: string): boolean;
  needsModel: boolean;
  /** Whether the engine can run here (program or package installed; model readable). */
  check(model?: string): Promise<EngineCheck>;
  /** Runs the engine in a child process; segments in time order. */
  run(opts: EngineRunOptions): Promise<Segment[]>;
}
