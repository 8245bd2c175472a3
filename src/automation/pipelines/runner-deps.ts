/**
 * What the pipeline runner and its stages are given, apart from both so that neither imports the
 * other for it (run-pipeline.ts runs the stages; stages.ts only needs these types).
 */
import type { ActorWorkspace, WorkspaceActor } from '../../platform/actor.ts';
import type { Blobs } from '../../platform/blobs/index.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { Executor } from '../../platform/jobs/index.ts';
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
    /** What the saved synthesis keeps (form, insights, skipped files), as JSON: opaque here. */
    results: Uint8Array;
  }>;
  /**
   * Keeps a draft as a saved synthesis (inside the stage's fenced transaction, so once; it reads
   * nothing through another connection, which would wait on that transaction on SQLite): its results
   * (a stored blob of `synthesize`'s `results`) and the redacted transcripts it was drafted from,
   * which the synthesis holds so passages can be picked from them. Returns its id.
   */
  saveDraft(
    trx: Executor,
    actor: WorkspaceActor,
    draft: {
      taskId: string;
      engagement: string;
      results: string;
      files: { name: string; sha256: string; size: number }[];
    },
  ): Promise<string>;
  /** The brief of the task's standard procedure as DOCX; null when the task has none yet. */
  brief(actor: WorkspaceActor, taskId: string): Promise<{ fileName: string; bytes: Uint8Array } | null>;
}

export interface RunnerDeps extends ServiceDeps {
  blobs: Blobs;
  ports: RunnerPorts;
  /** whisper.cpp model the firm configured; unset: pocketsphinx. */
  whisperModel?: string;
}
