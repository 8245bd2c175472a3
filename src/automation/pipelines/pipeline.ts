/**
 * Intake pipelines, the pure part: what a pipeline and a run are, the stages a file goes through,
 * which stages a file skips, and how a run's status follows from its stages. No db, no files.
 */
import { AppError } from '../../platform/errors.ts';
import type { ListEntry } from '../redact/lists.ts';
import { parseNamesList } from '../redact/names-file.ts';
import type { EngineId } from '../transcribe/segments.ts';

/**
 * The stages in order. A recording goes through all of them; a transcript that arrives as a file
 * skips convert and transcribe. synthesise runs only when the pipeline has a form.
 */
export const STAGES = ['probe', 'convert', 'transcribe', 'store', 'redact', 'synthesise', 'handoff'] as const;
export type StageName = (typeof STAGES)[number];

export const STAGE_LABELS: Record<StageName, string> = {
  probe: 'Probe',
  convert: 'Convert to 16 kHz WAV',
  transcribe: 'Transcribe',
  store: 'Store audio and transcript',
  redact: 'Redact',
  synthesise: 'Synthesize',
  handoff: 'Hand-off package',
};

/** pending: not reached; waiting: held for a person (the redaction review before hand-off). */
export const STAGE_STATES = ['pending', 'running', 'succeeded', 'failed', 'skipped', 'waiting'] as const;
export type StageState = (typeof STAGE_STATES)[number];

/** review: the run waits for staff to review its redaction before the hand-off is built. */
export const RUN_STATUSES = ['queued', 'running', 'review', 'succeeded', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const RUN_SOURCES = ['upload', 'cli', 'folder'] as const;
export type RunSource = (typeof RUN_SOURCES)[number];

export type InputKind = 'audio' | 'transcript';

export interface Pipeline {
  id: string;
  taskId: string;
  name: string;
  formId: string | null;
  engine: EngineId | null;
  watchDir: string | null;
  /** Names and terms to redact, one a line (`person: Joanne Pruett`, `client: Tern Valley`). */
  terms: string;
  /** Hold each run for a redaction review before its hand-off is built (default true). */
  reviewRequired: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a run produced so far, each a blob (sha256) with the name it is downloaded under. */
export interface RunOutputs {
  /** The recording as it arrived (audio runs). */
  audio?: BlobRef;
  /** The transcript: made by the engine (WebVTT) or as it arrived. */
  transcript?: BlobRef & { engine?: EngineId; quality?: 'draft' | 'standard' };
  /** The transcript with names replaced by pseudonyms, in its own format, under a redacted name. */
  redacted?: BlobRef & { redactions: number; revision: number };
  /**
   * The draft deck over the pipeline's redacted transcripts (when the pipeline has a form), and the
   * saved synthesis it was kept as, to open and edit like any other (absent on runs drafted before).
   */
  deck?: BlobRef & { interviews: number; revision: number; synthesisId?: string };
  /** The zip for the out-tasker: redacted transcripts, the brief, the draft deck. */
  package?: BlobRef & { revision: number };
  /** The redaction review: which revision staff approved for hand-off, by whom, when. */
  review?: { approvedRevision: number; by: string | null; at: string };
  /** Review decisions were made since the last redaction. */
  reviewDirty?: boolean;
}

export interface BlobRef {
  sha256: string;
  name: string;
  bytes: number;
}

export interface Run {
  id: string;
  pipelineId: string;
  source: RunSource;
  fileName: string;
  sourcePath: string | null;
  inputSha256: string;
  inputBytes: number;
  inputKind: InputKind;
  status: RunStatus;
  /** The stage running, waiting or failed; null when queued or done. */
  stage: StageName | null;
  error: { code: string; message: string } | null;
  jobId: string | null;
  revision: number;
  outputs: RunOutputs;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface StageRecord {
  stage: StageName;
  position: number;
  state: StageState;
  attempts: number;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  log: string;
  error: { code: string; message: string } | null;
  output: unknown;
}

/** Transcript files the synthesis reads; everything else must be a recording ffprobe reads. */
const TRANSCRIPT_EXTENSIONS = new Set(['vtt', 'srt', 'txt', 'json', 'docx', 'md']);
const AUDIO_EXTENSIONS = new Set(['m4a', 'mp3', 'wav', 'ogg', 'oga', 'opus', 'webm', 'mp4', 'aac', 'flac']);

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Whether a file is a recording or a transcript, by its name; a name that is neither is refused. */
export function inputKindOf(fileName: string): InputKind {
  const ext = extensionOf(fileName);
  if (AUDIO_EXTENSIONS.has(ext)) return 'audio';
  if (TRANSCRIPT_EXTENSIONS.has(ext)) return 'transcript';
  throw new AppError(
    'INTAKE_FILE_UNSUPPORTED',
    `${fileName}: not a recording (m4a, mp3, wav, ogg, webm, mp4, aac, flac) nor a transcript (vtt, srt, txt, json, docx)`,
    { file: fileName },
  );
}

export function isIntakeFileName(fileName: string): boolean {
  const ext = extensionOf(fileName);
  return AUDIO_EXTENSIONS.has(ext) || TRANSCRIPT_EXTENSIONS.has(ext);
}

/** The stages a run will go through, and the ones it skips, given its input and its pipeline. */
export function plannedStages(kind: InputKind, hasForm: boolean): { stage: StageName; state: StageState }[] {
  return STAGES.map((stage) => {
    const skipped =
      (kind === 'transcript' && (stage === 'convert' || stage === 'transcribe')) ||
      (!hasForm && stage === 'synthesise');
    return { stage, state: skipped ? 'skipped' : 'pending' };
  });
}

/** Stages that run again when a review changes the redaction. */
export const AFTER_REVIEW: readonly StageName[] = ['redact', 'synthesise', 'handoff'];

/** A run's status and current stage from its stages (the stored status is kept equal to this). */
export function runStatusOf(stages: readonly Pick<StageRecord, 'stage' | 'state'>[]): {
  status: RunStatus;
  stage: StageName | null;
} {
  const failed = stages.find((s) => s.state === 'failed');
  if (failed) return { status: 'failed', stage: failed.stage };
  const running = stages.find((s) => s.state === 'running');
  if (running) return { status: 'running', stage: running.stage };
  const waiting = stages.find((s) => s.state === 'waiting');
  if (waiting) return { status: 'review', stage: waiting.stage };
  const pending = stages.find((s) => s.state === 'pending');
  if (!pending) return { status: 'succeeded', stage: null };
  const started = stages.some((s) => s.state === 'succeeded');
  return { status: started ? 'running' : 'queued', stage: started ? pending.stage : null };
}

/** Appends a line to a stage's log, keeping the log to its last `max` characters. */
export function appendLog(log: string, line: string, at: string, max = 20_000): string {
  const next = `${log}${at.slice(11, 19)} ${line}\n`;
  return next.length > max ? next.slice(next.length - max) : next;
}

/** The name of a pipeline: trimmed, 1–120 characters. */
export function checkPipelineName(name: string): string {
  const n = name.trim();
  if (n.length === 0 || n.length > 120)
    throw new AppError('VALIDATION_FAILED', 'A pipeline needs a name of 1 to 120 characters', {
      field: 'name',
    });
  return n;
}

/** The pipeline's names and terms as redaction lists; none when it lists none. */
export function pipelineTerms(name: string, terms: string): ListEntry[] {
  const listed = terms.split(/\r?\n/).some((l) => l.replace(/#.*$/, '').trim() !== '');
  return listed ? parseNamesList(`pipeline "${name}" terms`, terms) : [];
}

/**
 * The engagement a pipeline's draft is saved under: the pipeline, the file that completed it and,
 * after the review redacted again, the revision (each revision's draft is kept apart, so edits made
 * to an earlier one are not overwritten). Within the saved syntheses' 200 characters.
 */
export function draftEngagement(pipeline: string, file: string, revision: number): string {
  const tail = revision > 1 ? ` (redaction ${revision})` : '';
  const text = `${pipeline}: draft from ${file}`;
  return text.length + tail.length > 200 ? `${text.slice(0, 199 - tail.length)}…${tail}` : `${text}${tail}`;
}
