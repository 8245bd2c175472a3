/**
 * Step 5, automation: offline transcription and (soon) redaction, as functions a CLI command or
 * a pipeline stage calls. Engines run in child processes with a timeout, an AbortSignal and a
 * progress callback; the rest is pure.
 */
export { AUDIO_EXTENSIONS, type AudioInfo, convertToWav, probeAudio } from './transcribe/audio.ts';
export { type DoctorCheck, runDoctor } from './transcribe/doctor.ts';
export type { EngineCheck, EngineRunOptions, TranscriptionEngine } from './transcribe/engine.ts';
export { defaultEngine, ENGINES, engineById } from './transcribe/engines.ts';
export {
  outFormatOf,
  renderTranscript,
  TRANSCRIPT_OUT_FORMATS,
  type TranscriptOutFormat,
} from './transcribe/formats.ts';
export type { EngineId, Quality, Segment, TranscriptionResult } from './transcribe/segments.ts';
export {
  type TranscribeOptions,
  type TranscribeStage,
  transcribeFile,
  transcribeWav,
} from './transcribe/transcribe.ts';
export { wordErrorRate } from './transcribe/wer.ts';
