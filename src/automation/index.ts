/**
 * Step 5, automation: offline transcription and redaction, as functions a CLI command or
 * a pipeline stage calls. Engines run in child processes with a timeout, an AbortSignal and a
 * progress callback; the rest is pure.
 */

export type { Candidate, Decision, EntityKind, Finding, Recognizer } from './redact/findings.ts';
export { type ListEntry, type ListKind, listRecognizer } from './redact/lists.ts';
export { guessKind, parseNamesList } from './redact/names-file.ts';
export { compromiseRecognizer } from './redact/nlp.ts';
export {
  cardRecognizer,
  emailRecognizer,
  ibanRecognizer,
  patternRecognizers,
  phoneRecognizer,
} from './redact/patterns.ts';
export { createPseudonyms, type PseudonymEntry, type Pseudonyms } from './redact/pseudonyms.ts';
export { type FileOutcome, MAPPING_FILE, type Mapping, redactFiles } from './redact/redact-files.ts';
export {
  defaultPolicy,
  findEntities,
  type Redacted,
  type RedactionPolicy,
  redactText,
} from './redact/redactor.ts';
export { type RedactedTranscript, redactFileName, redactJson, redactLines } from './redact/transcript.ts';
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
