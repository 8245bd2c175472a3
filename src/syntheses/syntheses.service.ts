/**
 * Saved syntheses: a synthesis run kept in the workspace (attached to a task and an engagement, its
 * transcripts kept as blobs when the firm chose so), listed, reopened and edited before export. Every
 * edit is a compare-and-set on the synthesis's version (If-Match → STALE_WRITE, as tasks do), written
 * with its entry in the edit log and an audit line in one transaction. The deck, the report and
 * insights.json are rendered from the edited insights, off the main thread.
 */
import type { WorkspaceActor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit/audit.store.ts';
import type { Executor } from '../platform/blobs/blobs.store.ts';
import type { BlobInfo, Blobs } from '../platform/blobs/index.ts';
import { nowIso, type ServiceDeps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import { staleWrite, type WriteCondition } from '../platform/versioning.ts';
import { workerPool } from '../platform/workers/index.ts';
import type { BadFile, Insights } from '../synthesis/index.ts';
import { applyEdit, passageHolds, type SynthesisEdit } from './edits.ts';
import type { RenderedSynthesis, RenderInput } from './render.ts';
import type { SynthesisListQueryT, SynthesisPatchT } from './syntheses.schemas.ts';
import { type StoredSynthesis, synthesesStore } from './syntheses.store.ts';
import {
  countThemes,
  type Passage,
  type SavedSynthesis,
  type SavedSynthesisSummary,
  type SynthesisEditEntry,
} from './syntheses.ts';

/** The blob owner of a synthesis's kept transcripts. */
export const SYNTHESIS_BLOBS = 'synthesis';

/** What a finished run hands over to be saved (inside the job's last, fenced transaction). */
export interface RunToSave {
  workspaceId: string;
  userId: string | null;
  jobId: string | null;
  form: { name: string; ref: string | null };
  engagement: string;
  taskId: string | null;
  anonymized: boolean;
  /** The uploaded transcripts: held by the synthesis when `keepTranscripts`. */
  files: { name: string; blob: BlobInfo }[];
  keepTranscripts: boolean;
  insights: Insights;
  skipped: BadFile[];
}

interface Deps extends ServiceDeps {
  blobs: Blobs;
  /** The task a synthesis is attached to must be the workspace's (TASK_NOT_FOUND otherwise). */
  getTask: (actor: WorkspaceActor, id: string) => Promise<{ id: string }>;
}

const RENDER_MODULE = 'src/syntheses/render.worker.ts';

/** How many times an edit without If-Match is retried when another edit lands between read and write. */
const RETRIES = 5;

export function createSynthesesService(deps: Deps) {
  const db = deps.db.kysely;

  async function stored(actor: WorkspaceActor, id: string): Promise<StoredSynthesis> {
    const s = await synthesesStore.find(db, actor.workspace.id, id);
    if (!s) throw new AppError('SYNTHESIS_NOT_FOUND', `No saved synthesis ${id} in this workspace`, { id });
    return s;
  }

  async function view(actor: WorkspaceActor, s: StoredSynthesis): Promise<SavedSynthesis> {
    const lib = await import('../synthesis/index.ts');
    const files = await deps.blobs.refsOf(SYNTHESIS_BLOBS, s.id);
    const { original: _original, ...rest } = s;
    void actor;
    const people = lib.makePeople(s.insights, s.anonymized);
    return {
      ...rest,
      people: s.insights.interviews.map((i) => ({ id: i.id, label: people.attribution(i.id) })),
      preview: lib.synthesisPreview(s.insights, s.anonymized),
      files: files.map((f) => f.name).sort((a, b) => a.localeCompare(b, 'en')),
    };
  }

  /** The transcripts a synthesis kept, read (TRANSCRIPTS_NOT_KEPT when it kept none). */
  async function transcripts(actor: WorkspaceActor, s: StoredSynthesis) {
    if (s.transcripts !== 'kept')
      throw new AppError(
        'TRANSCRIPTS_NOT_KEPT',
        'This synthesis did not keep its transcripts, so passages cannot be picked from them; pick one of the quotes it holds',
      );
    const lib = await import('../synthesis/index.ts');
    const refs = await deps.blobs.refsOf(SYNTHESIS_BLOBS, s.id);
    const out = [];
    for (const r of refs) {
      const bytes = await deps.blobs.read(actor.workspace.id, r.sha256);
      out.push(await lib.readTranscript({ file: r.name, bytes }));
    }
    return out;
  }

  /** The interviewee's turns of one interview (the interviewer's left out when the speakers are known). */
  async function intervieweeTurns(actor: WorkspaceActor, s: StoredSynthesis, interview: string) {
    const info = s.insights.interviews.find((i) => i.id === interview);
    if (!info)
      throw new AppError('SYNTHESIS_EDIT_INVALID', `No interview ${interview} in this synthesis`, {
        field: 'interview',
      });
    const t = (await transcripts(actor, s)).find((x) => x.id === interview || x.file === info.file);
    if (!t)
      throw new AppError('FILE_NOT_FOUND', `The transcript of ${interview} is not among the kept files`, {
        interview,
      });
    return t.turns.filter((turn) => info.interviewer === null || turn.speaker !== info.interviewer);
  }

  /** A picked quote must be the interviewee's words: in the kept transcript, or a quote the synthesis holds. */
  async function checkPicked(actor: WorkspaceActor, s: StoredSynthesis, edit: SynthesisEdit) {
    if (edit.op !== 'replace-quote') return;
    const w = edit.with;
    if (s.transcripts === 'kept') {
      const turns = await intervieweeTurns(actor, s, w.interview);
      if (turns.some((turn) => passageHolds(turn.text, w.text))) return;
    }
    const held = [s.original, s.insights].flatMap((ins) => [
      ...ins.questions.flatMap((q) => q.themes.flatMap((t) => t.quotes)),
      ...ins.crossCutting.flatMap((c) => c.quotes),
      ...ins.splits.flatMap((sp) => sp.sides.flatMap((side) => side.quotes)),
    ]);
    if (held.some((x) => x.interview === w.interview && passageHolds(x.text, w.text))) return;
    throw new AppError(
      'SYNTHESIS_EDIT_INVALID',
      `That passage is not in what ${w.interview} said${s.transcripts === 'kept' ? '' : ' (this synthesis did not keep its transcripts: pick one of its quotes)'}`,
      { field: 'with.text' },
    );
  }

  /**
   * Writes one change as a compare-and-set on the version read: with If-Match, only over that
   * version (else STALE_WRITE with the synthesis as it is now); without, retried over a newer one.
   */
  async function writeVersioned(
    actor: WorkspaceActor,
    id: string,
    condition: WriteCondition,
    change: (
      current: StoredSynthesis,
    ) => Promise<{ op: string; edit: object; summary: string; write: (trx: Executor) => Promise<boolean> }>,
  ): Promise<SavedSynthesis> {
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      const current = await stored(actor, id);
      if (condition.expectedVersion !== undefined && current.version !== condition.expectedVersion)
        throw staleWrite(
          'synthesis',
          id,
          condition.expectedVersion,
          current.version,
          await view(actor, current),
        );
      const c = await change(current);
      const at = nowIso(deps);
      const done = await db.transaction().execute(async (trx) => {
        if (!(await c.write(trx))) return false;
        await synthesesStore.insertEdit(trx, {
          id: deps.newId(),
          workspaceId: actor.workspace.id,
          synthesisId: id,
          version: current.version + 1,
          op: c.op,
          edit: c.edit,
          summary: c.summary,
          userId: actor.userId,
          at,
        });
        await recordAudit(trx, deps, actor, {
          action: 'synthesis.edit',
          subjectType: 'synthesis',
          subjectId: id,
          details: { op: c.op, version: current.version + 1 },
        });
        return true;
      });
      if (done) return view(actor, await stored(actor, id));
    }
    const now = await stored(actor, id);
    throw staleWrite('synthesis', id, condition.expectedVersion ?? -1, now.version, await view(actor, now));
  }

  return {
    /**
     * Saves a finished run (the synthesis job's last step, in its fenced transaction): once per job.
     * The transcripts are held by the synthesis when the firm chose to keep them.
     */
    async saveRun(trx: Executor, run: RunToSave): Promise<string> {
      if (run.jobId) {
        const existing = await synthesesStore.idBySourceJob(trx, run.jobId);
        if (existing) return existing;
      }
      const id = deps.newId();
      await synthesesStore.insert(trx, {
        id,
        workspaceId: run.workspaceId,
        taskId: run.taskId,
        engagement: run.engagement,
        formName: run.form.name,
        formRef: run.form.ref,
        anonymized: run.anonymized,
        transcripts: run.keepTranscripts ? 'kept' : 'not-kept',
        sourceJobId: run.jobId,
        insights: run.insights,
        skipped: run.skipped,
        themes: countThemes(run.insights),
        userId: run.userId,
        at: nowIso(deps),
      });
      if (run.keepTranscripts)
        for (const f of run.files)
          await deps.blobs.attach(trx, f.blob, {
            workspaceId: run.workspaceId,
            owner: { kind: SYNTHESIS_BLOBS, id },
            name: f.name,
          });
      await recordAudit(
        trx,
        deps,
        { workspace: { id: run.workspaceId }, userId: run.userId },
        {
          action: 'synthesis.save',
          subjectType: 'synthesis',
          subjectId: id,
          details: {
            engagement: run.engagement,
            interviews: run.insights.interviews.length,
            transcripts: run.keepTranscripts ? 'kept' : 'not-kept',
          },
        },
      );
      return id;
    },

    /** Checks a task named for a save before the run (TASK_NOT_FOUND when it is not the workspace's). */
    async checkTask(actor: WorkspaceActor, taskId: string): Promise<void> {
      await deps.getTask(actor, taskId);
    },

    list(actor: WorkspaceActor, filter: SynthesisListQueryT = {}): Promise<SavedSynthesisSummary[]> {
      return synthesesStore.list(db, actor.workspace.id, {
        ...(filter.taskId ? { taskId: filter.taskId } : {}),
        ...(filter.engagement ? { engagement: filter.engagement } : {}),
      });
    },

    async get(actor: WorkspaceActor, id: string): Promise<SavedSynthesis> {
      return view(actor, await stored(actor, id));
    },

    /** The synthesis id a job saved, if it saved one. */
    idOfJob(jobId: string): Promise<string | undefined> {
      return synthesesStore.idBySourceJob(db, jobId);
    },

    /** One edit of the insights (rename, merge, split, drop, move or pick a quote, reorder, retitle). */
    edit(
      actor: WorkspaceActor,
      id: string,
      edit: SynthesisEdit,
      condition: WriteCondition = {},
    ): Promise<SavedSynthesis> {
      return writeVersioned(actor, id, condition, async (current) => {
        await checkPicked(actor, current, edit);
        const out = applyEdit(current.insights, edit);
        return {
          op: edit.op,
          edit,
          summary: out.summary,
          write: (trx) =>
            synthesesStore.writeInsights(trx, actor.workspace.id, id, current.version, {
              insights: out.insights,
              themes: countThemes(out.insights),
              userId: actor.userId,
              at: nowIso(deps),
            }),
        };
      });
    },

    /** Changes the engagement or the task (null: none), logged like an edit. */
    async update(
      actor: WorkspaceActor,
      id: string,
      patch: SynthesisPatchT,
      condition: WriteCondition = {},
    ): Promise<SavedSynthesis> {
      if (patch.taskId) await deps.getTask(actor, patch.taskId);
      return writeVersioned(actor, id, condition, async (current) => {
        const said: string[] = [];
        if (patch.engagement !== undefined && patch.engagement !== current.engagement)
          said.push(`engagement “${current.engagement}” → “${patch.engagement}”`);
        if (patch.taskId !== undefined && patch.taskId !== (current.task?.id ?? null))
          said.push(patch.taskId === null ? 'no task' : 'task changed');
        return {
          op: 'update',
          edit: patch,
          summary: said.length ? `Changed ${said.join(', ')}` : 'Saved without a change',
          write: (trx) =>
            synthesesStore.writeMeta(trx, actor.workspace.id, id, current.version, {
              ...(patch.engagement !== undefined ? { engagement: patch.engagement } : {}),
              ...(patch.taskId !== undefined ? { taskId: patch.taskId } : {}),
              userId: actor.userId,
              at: nowIso(deps),
            }),
        };
      });
    },

    /** The edit log, newest first: what, by whom, when. */
    async edits(actor: WorkspaceActor, id: string): Promise<SynthesisEditEntry[]> {
      await stored(actor, id);
      return synthesesStore.edits(db, actor.workspace.id, id);
    },

    /** Deletes a synthesis and lets its transcripts go (with If-Match: only that version). */
    async remove(actor: WorkspaceActor, id: string, condition: WriteCondition = {}): Promise<void> {
      const current = await stored(actor, id);
      await db.transaction().execute(async (trx) => {
        const n = await synthesesStore.delete(trx, actor.workspace.id, id, condition.expectedVersion);
        if (n === 0) {
          const now = await synthesesStore.currentVersion(trx, actor.workspace.id, id);
          if (now === undefined)
            throw new AppError('SYNTHESIS_NOT_FOUND', `No saved synthesis ${id} in this workspace`, { id });
          throw staleWrite('synthesis', id, condition.expectedVersion ?? -1, now);
        }
        await deps.blobs.release(trx, SYNTHESIS_BLOBS, id);
        await recordAudit(trx, deps, actor, {
          action: 'synthesis.delete',
          subjectType: 'synthesis',
          subjectId: id,
          details: { title: current.title, engagement: current.engagement },
        });
      });
    },

    /**
     * Passages of an interviewee's own words from the kept transcript (sentences, in pairs), to pick a
     * quote from; `q` keeps those holding every word of it.
     */
    async passages(actor: WorkspaceActor, id: string, interview: string, q?: string): Promise<Passage[]> {
      const s = await stored(actor, id);
      const lib = await import('../synthesis/index.ts');
      const turns = await intervieweeTurns(actor, s, interview);
      const words = (q ?? '')
        .toLowerCase()
        .split(/\s+/)
        .filter((w) => w.length > 0);
      const out: Passage[] = [];
      for (const turn of turns) {
        const sentences = turn.text.split(/(?<=[.!?])\s+/).filter((x) => x.trim().length > 0);
        for (let i = 0; i < sentences.length; i += 2) {
          const text = sentences
            .slice(i, i + 2)
            .join(' ')
            .trim();
          if (text.split(/\s+/).length < 4) continue;
          const lower = text.toLowerCase();
          if (!words.every((w) => lower.includes(w))) continue;
          out.push({
            interview,
            text,
            start: turn.start,
            at: turn.start === null ? null : lib.timestamp(turn.start),
          });
          if (out.length >= 200) return out;
        }
      }
      return out;
    },

    /** The deck, the Markdown report and insights.json, rendered from the edited version. */
    async render(actor: WorkspaceActor, id: string): Promise<RenderedSynthesis & { version: number }> {
      const s = await stored(actor, id);
      const input: RenderInput = { insights: s.insights, anonymize: s.anonymized, skipped: s.skipped };
      const out = await workerPool().run<RenderedSynthesis>(RENDER_MODULE, 'render', input);
      await recordAudit(db, deps, actor, {
        action: 'synthesis.export',
        subjectType: 'synthesis',
        subjectId: id,
        details: { version: s.version },
      });
      return { ...out, version: s.version };
    },
  };
}

export type SynthesesService = ReturnType<typeof createSynthesesService>;
