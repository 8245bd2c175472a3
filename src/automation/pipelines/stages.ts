/**
 * What each stage does: `work` (slow, outside any transaction, makes only content-addressed files,
 * returns JSON) and `commit` (inside the stage's fenced transaction: holds the files for the run,
 * records what was made). The I/O edge of the pipelines; the decisions are in pipeline.ts and
 * redaction.ts.
 *
 * Kept in one file: the seven stages side by side, each a `work` and a `commit` of the same shape;
 * reading one beside the next is how a change to the run's contract is checked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline as pipeStreams } from 'node:stream/promises';
import JSZip from 'jszip';
import type { WorkspaceActor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Executor } from '../../platform/jobs/index.ts';
import { slug } from '../../platform/slug.ts';
import { workerPool } from '../../platform/workers/index.ts';
import { convertToWav, probeAudio } from '../transcribe/audio.ts';
import { renderTranscript } from '../transcribe/formats.ts';
import { transcribeWav } from '../transcribe/transcribe.ts';
import {
  type BlobRef,
  draftEngagement,
  type Pipeline,
  pipelineTerms,
  type Run,
  type RunOutputs,
  type StageName,
} from './pipeline.ts';
import { RUN_BLOBS, RUN_WORK_BLOBS } from './pipelines.service.ts';
import { pipelinesStore as store } from './pipelines.store.ts';
import { finalizeRedaction, type ProvisionalRedaction } from './redaction.ts';
import type { RunnerDeps } from './runner-deps.ts';

/** The module of the stages' CPU work, run in the worker pool (named, not imported: it loads the NLP). */
const STAGES_WORKER = 'src/automation/pipelines/stages.worker.ts';

export interface WorkContext {
  run: Run;
  pipeline: Pipeline;
  actor: WorkspaceActor;
  deps: RunnerDeps;
  signal: AbortSignal;
  log(line: string): void;
  /** Fraction of this stage done, 0..1. */
  progress(fraction: number): void;
}

export interface Committed {
  outputs: Partial<RunOutputs>;
  summary: unknown;
  log?: string[];
}

export interface StageWork {
  work(c: WorkContext): Promise<unknown>;
  commit(trx: Executor, c: WorkContext, out: unknown): Promise<Committed>;
}

interface StoredFile {
  sha256: string;
  size: number;
}

async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'outtask-run-'));
  try {
    return await fn(dir);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/** A stored file copied to a temporary path (ffprobe and ffmpeg need a seekable file). */
async function toFile(c: WorkContext, sha256: string, file: string): Promise<string> {
  await pipeStreams(await c.deps.blobs.store.open(sha256), fs.createWriteStream(file), { signal: c.signal });
  return file;
}

function safeName(name: string): string {
  const base = path.basename(name).replace(/[^\w.\- ]+/g, '_');
  return base || 'file';
}

function stemOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

async function attach(trx: Executor, c: WorkContext, file: StoredFile, name: string, owner = RUN_BLOBS) {
  await c.deps.blobs.attach(trx, file, {
    workspaceId: c.actor.workspace.id,
    owner: { kind: owner, id: c.run.id },
    name,
  });
}

async function stageOutput<T>(c: WorkContext, stage: StageName): Promise<T> {
  const rec = (await store.listStages(c.deps.db.kysely, c.run.id)).find((s) => s.stage === stage);
  if (!rec || rec.output === null)
    throw new AppError('INTERNAL', `Run ${c.run.id}: the ${stage} stage has recorded no output`);
  return rec.output as T;
}

/** This run's redacted transcript and those of the pipeline's runs already handed off, named apart. */
async function handedOffTranscripts(
  c: WorkContext,
): Promise<{ file: string; bytes: Buffer; sha256: string; size: number }[]> {
  const ws = c.actor.workspace.id;
  const own = c.run.outputs.redacted;
  if (!own) throw new AppError('INTERNAL', `Run ${c.run.id} has no redacted transcript`);
  const others = (
    await store.listRuns(c.deps.db.kysely, ws, {
      pipelineId: c.pipeline.id,
      status: 'succeeded',
      limit: 1000,
    })
  )
    .filter((r) => r.id !== c.run.id && r.outputs.redacted)
    .reverse();
  const refs = [...others.map((r) => r.outputs.redacted!), own];
  const used = new Set<string>();
  const out: { file: string; bytes: Buffer; sha256: string; size: number }[] = [];
  for (const [k, ref] of refs.entries()) {
    let name = safeName(ref.name);
    if (used.has(name.toLowerCase())) name = `${k + 1}-${name}`;
    used.add(name.toLowerCase());
    const bytes = await c.deps.blobs.read(ws, ref.sha256);
    out.push({ file: name, bytes, sha256: ref.sha256, size: ref.bytes });
  }
  return out;
}

type ProbeOut =
  | { kind: 'audio'; durationS: number; codec: string; container: string }
  | { kind: 'transcript'; turns: number; speakers: string[] };

const probe: StageWork = {
  async work(c): Promise<ProbeOut> {
    if (c.run.inputKind === 'transcript') {
      const bytes = await c.deps.blobs.read(c.actor.workspace.id, c.run.inputSha256);
      const t = await workerPool().run<{ turns: number; speakers: string[] }>(
        STAGES_WORKER,
        'transcriptSummary',
        { file: c.run.fileName, bytes },
        { signal: c.signal },
      );
      c.log(`a transcript: ${t.turns} turns, ${t.speakers.length} speakers`);
      return { kind: 'transcript', turns: t.turns, speakers: t.speakers };
    }
    return withTempDir(async (dir) => {
      const file = await toFile(c, c.run.inputSha256, path.join(dir, safeName(c.run.fileName)));
      const info = await probeAudio(file, c.signal);
      c.log(`a recording: ${info.container} / ${info.codec}, ${info.durationS.toFixed(1)} s`);
      return { kind: 'audio', ...info };
    });
  },
  async commit(_trx, _c, out) {
    return { outputs: {}, summary: out };
  },
};

const convert: StageWork = {
  async work(c): Promise<StoredFile> {
    return withTempDir(async (dir) => {
      const file = await toFile(c, c.run.inputSha256, path.join(dir, safeName(c.run.fileName)));
      const wav = path.join(dir, 'audio.wav');
      await convertToWav(file, wav, { signal: c.signal });
      const stored = await c.deps.blobs.write(fs.createReadStream(wav));
      c.log(`16 kHz mono WAV, ${(stored.size / 1024 / 1024).toFixed(1)} MiB`);
      return stored;
    });
  },
  async commit(trx, c, out) {
    const wav = out as StoredFile;
    await attach(trx, c, wav, 'audio.wav', RUN_WORK_BLOBS);
    return { outputs: {}, summary: { wav } };
  },
};

type TranscribeOut = BlobRef & {
  engine: 'pocketsphinx' | 'whisper';
  quality: 'draft' | 'standard';
  segments: number;
};

const transcribe: StageWork = {
  async work(c): Promise<TranscribeOut> {
    const { wav } = await stageOutput<{ wav: StoredFile }>(c, 'convert');
    const info = await stageOutput<{ durationS: number }>(c, 'probe');
    return withTempDir(async (dir) => {
      const file = await toFile(c, wav.sha256, path.join(dir, 'audio.wav'));
      const engine = c.pipeline.engine ?? (c.deps.whisperModel ? 'whisper' : 'pocketsphinx');
      c.log(
        `engine ${engine}${engine === 'whisper' && c.deps.whisperModel ? ` (${path.basename(c.deps.whisperModel)})` : ''}`,
      );
      const result = await transcribeWav(file, info.durationS, {
        engine,
        ...(c.deps.whisperModel ? { model: c.deps.whisperModel } : {}),
        signal: c.signal,
        onProgress: (_stage, f) => c.progress(f),
      });
      if (result.segments.length === 0)
        throw new AppError(
          'TRANSCRIPT_EMPTY',
          `${c.run.fileName}: the engine heard no speech in ${info.durationS.toFixed(0)} s of audio`,
          { file: c.run.fileName },
        );
      const text = renderTranscript(result, 'vtt');
      const stored = await c.deps.blobs.write(Buffer.from(text, 'utf8'));
      c.log(`${result.segments.length} segments, ${result.quality} quality`);
      return {
        sha256: stored.sha256,
        bytes: stored.size,
        name: `${stemOf(c.run.fileName)}.vtt`,
        engine: result.engine,
        quality: result.quality,
        segments: result.segments.length,
      };
    });
  },
  async commit(trx, c, out) {
    const t = out as TranscribeOut;
    await attach(trx, c, { sha256: t.sha256, size: t.bytes }, 'transcript');
    // The WAV was only a means: the recording itself is kept.
    await c.deps.blobs.release(trx, RUN_WORK_BLOBS, c.run.id);
    return {
      outputs: {
        transcript: { sha256: t.sha256, name: t.name, bytes: t.bytes, engine: t.engine, quality: t.quality },
      },
      summary: { segments: t.segments, engine: t.engine, quality: t.quality },
    };
  },
};

const storeStage: StageWork = {
  async work() {
    return {};
  },
  async commit(trx, c) {
    const input = { sha256: c.run.inputSha256, size: c.run.inputBytes };
    const ref = { sha256: c.run.inputSha256, name: c.run.fileName, bytes: c.run.inputBytes };
    if (c.run.inputKind === 'transcript') {
      await attach(trx, c, input, 'transcript');
      return { outputs: { transcript: ref }, summary: { transcript: ref.name } };
    }
    const transcript = c.run.outputs.transcript;
    if (!transcript) throw new AppError('INTERNAL', `Run ${c.run.id}: no transcript to store`);
    await attach(trx, c, input, 'audio');
    return {
      outputs: { audio: ref },
      summary: { audio: ref.name, transcript: transcript.name },
      log: [`kept together: ${ref.name} and ${transcript.name}`],
    };
  },
};

const redact: StageWork = {
  async work(c): Promise<ProvisionalRedaction> {
    const t = c.run.outputs.transcript;
    if (!t) throw new AppError('INTERNAL', `Run ${c.run.id}: no transcript to redact`);
    const bytes = await c.deps.blobs.read(c.actor.workspace.id, t.sha256);
    const lists = [
      ...(await c.deps.ports.lists(c.actor)),
      ...pipelineTerms(c.pipeline.name, c.pipeline.terms),
    ];
    const decisions = await store.listDecisions(c.deps.db.kysely, c.run.id);
    c.log(`${lists.length} listed names and terms, ${decisions.length} review decisions`);
    // The recognisers over a whole transcript: seconds of CPU, in the worker pool.
    return workerPool().run<ProvisionalRedaction>(
      STAGES_WORKER,
      'redact',
      { fileName: t.name, bytes, lists, terms: decisions },
      { signal: c.signal },
    );
  },
  async commit(trx, c, out) {
    const ws = c.actor.workspace.id;
    const existing = await store.listPseudonyms(trx, c.pipeline.id);
    const final = finalizeRedaction(out as ProvisionalRedaction, existing);
    await store.savePseudonyms(trx, ws, c.pipeline.id, final.pseudonyms);
    const stored = await c.deps.blobs.write(Buffer.from(final.text, 'utf8'));
    await attach(trx, c, stored, 'redacted');
    await store.replaceFindings(
      trx,
      ws,
      c.run.id,
      c.run.revision,
      final.findings.map((f, k) => ({
        id: c.deps.newId(),
        seq: k + 1,
        kind: f.kind,
        recognizer: f.recognizer,
        score: f.score,
        decision: f.decision,
        text: f.text,
        start: f.start,
        end: f.end,
        where: f.where,
        label: f.label ?? null,
      })),
    );
    const redactions = final.findings.filter((f) => f.decision === 'redacted').length;
    return {
      outputs: {
        redacted: {
          sha256: stored.sha256,
          name: final.fileName,
          bytes: stored.size,
          redactions,
          revision: c.run.revision,
        },
      },
      summary: { redactions, findings: final.findings.length, fileName: final.fileName },
      log: [`${redactions} redacted of ${final.findings.length} findings → ${final.fileName}`],
    };
  },
};

type DeckOut = BlobRef & {
  interviews: number;
  skipped: { file: string; reason: string }[];
  /** The synthesis's results (stored; the step's output stays small) and the transcripts behind it. */
  results: string;
  files: { name: string; sha256: string; size: number }[];
};

const synthesise: StageWork = {
  async work(c): Promise<DeckOut> {
    if (!c.pipeline.formId) throw new AppError('INTERNAL', `Pipeline ${c.pipeline.name} has no form`);
    const files = await handedOffTranscripts(c);
    c.log(`${files.length} redacted transcript${files.length === 1 ? '' : 's'} into the synthesis`);
    const deck = await c.deps.ports.synthesize(c.actor, {
      formId: c.pipeline.formId,
      title: c.pipeline.name,
      files: files.map((f) => ({ file: f.file, bytes: f.bytes })),
    });
    for (const s of deck.skipped) c.log(`left out ${s.file}: ${s.reason}`);
    const stored = await c.deps.blobs.write(Buffer.from(deck.bytes));
    const results = await c.deps.blobs.write(Buffer.from(deck.results));
    return {
      sha256: stored.sha256,
      bytes: stored.size,
      name: deck.fileName,
      interviews: deck.interviews,
      skipped: deck.skipped,
      results: results.sha256,
      files: files.map((f) => ({ name: f.file, sha256: f.sha256, size: f.size })),
    };
  },
  async commit(trx, c, out) {
    const d = out as DeckOut;
    await attach(trx, c, { sha256: d.sha256, size: d.bytes }, 'deck');
    // Kept as a saved synthesis too (steps recorded before this existed have no results: not kept).
    const synthesisId = d.results
      ? await c.deps.ports.saveDraft(trx, c.actor, {
          taskId: c.pipeline.taskId,
          engagement: draftEngagement(c.pipeline.name, c.run.fileName, c.run.revision),
          results: d.results,
          files: d.files,
        })
      : undefined;
    return {
      outputs: {
        deck: {
          sha256: d.sha256,
          name: d.name,
          bytes: d.bytes,
          interviews: d.interviews,
          revision: c.run.revision,
          ...(synthesisId ? { synthesisId } : {}),
        },
      },
      summary: { interviews: d.interviews, skipped: d.skipped.length, deck: d.name, synthesisId },
      log: synthesisId ? [`kept as saved synthesis ${synthesisId}`] : [],
    };
  },
};

const handoff: StageWork = {
  async work(c): Promise<BlobRef & { contents: string[] }> {
    const zip = new JSZip();
    const contents: string[] = [];
    // Entries dated by the run, so the same contents make the same bytes (and the same blob).
    const date = new Date(c.run.createdAt);
    const add = (name: string, bytes: Uint8Array | string) => {
      zip.file(name, bytes, { date });
      contents.push(name);
    };
    for (const t of await handedOffTranscripts(c)) add(`transcripts/${t.file}`, t.bytes);
    const brief = await c.deps.ports.brief(c.actor, c.pipeline.taskId);
    if (brief) add(safeName(brief.fileName), brief.bytes);
    else c.log('no brief: the task has no standard procedure yet');
    const deck = c.run.outputs.deck;
    if (deck) add(safeName(deck.name), await c.deps.blobs.read(c.actor.workspace.id, deck.sha256));
    add(
      'README.txt',
      [
        `Hand-off package: ${c.pipeline.name}`,
        '',
        'transcripts/  the interview transcripts, names and identifiers replaced by pseudonyms',
        '              (PERSON_1, CLIENT_1…). The key to them stays with the firm.',
        brief
          ? `${safeName(brief.fileName)}  the brief: the task's standard procedure`
          : '(no brief yet: the task has no standard procedure)',
        deck
          ? `${safeName(deck.name)}  the draft deck from these transcripts`
          : '(no draft deck: the pipeline has no interview form)',
        '',
      ].join('\n'),
    );
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const stored = await c.deps.blobs.write(bytes);
    const name = `${slug(c.pipeline.name, { max: 50, fallback: 'pipeline' })}-handoff.zip`;
    c.log(`${contents.length} files, ${(stored.size / 1024).toFixed(0)} KiB`);
    return { sha256: stored.sha256, bytes: stored.size, name, contents };
  },
  async commit(trx, c, out) {
    const p = out as BlobRef & { contents: string[] };
    await attach(trx, c, { sha256: p.sha256, size: p.bytes }, 'package');
    return {
      outputs: { package: { sha256: p.sha256, name: p.name, bytes: p.bytes, revision: c.run.revision } },
      summary: { contents: p.contents },
    };
  },
};

export const stageWork: Record<StageName, StageWork> = {
  probe,
  convert,
  transcribe,
  store: storeStage,
  redact,
  synthesise,
  handoff,
};
