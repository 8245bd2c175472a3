/**
 * What the pipeline runner and its stages are given, apart from both so that neither imports the
 * other for it (run-pipeline.ts runs the stages; stages.ts only needs these types).
 */
import type { ActorWorkspace, WorkspaceActor } from '../../platform/actor.ts';
import type { Blobs } from '../../platform/blobs/index.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { ListEntry } from '../redact/lists.ts';

/** What the stages need of other features, passed in by the composition root. */
export interface RunnerPorts {
  workspace(id: string): Promise<ActorWorkspace>;
  /** The workspace's own names (its members…) as redaction lists. */
  lists(actor: WorkspaceActor): Promise<ListEntry[]>;
  /** The existing synthesis over the transcripts, with the form; the deck's bytes and name. */
  synthesize(
    actor: WorkspaceActor,
    input: { formId: string; title: string; files: { file: string; bytes: Uint8Array }[] },
  ): Promise<{
    fileName: string;
    bytes: Uint8Array;
    interviews: number;
    skipped: { file: string; reason: string }[];
  }>;
  /** The brief of the task's standard procedure as DOCX; null when the task has none yet. */
  brief(actor: WorkspaceActor, taskId: string): Promise<{ fileName: string; bytes: Uint8Array } | null>;
}

export interface RunnerDeps extends ServiceDeps {
  blobs: Blobs;
  ports: RunnerPorts;
  /** whisper.cpp model the firm configured; unset: pocketsphinx. */
  whisperModel?: string;
}
