/** Kysely queries for saved syntheses and their edit log. Rows in, domain out; JSON parsed here. */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.ts';
import type { BadFile, Insights } from '../synthesis/index.ts';
import type { PersonRef, SavedSynthesisSummary, SynthesisEditEntry } from './syntheses.ts';

type K = Kysely<Database>;

export interface NewSynthesisRow {
  id: string;
  workspaceId: string;
  taskId: string | null;
  engagement: string;
  formName: string;
  formRef: string | null;
  anonymized: boolean;
  transcripts: 'kept' | 'not-kept';
  sourceJobId: string | null;
  insights: Insights;
  skipped: BadFile[];
  themes: number;
  userId: string | null;
  at: string;
}

/** A stored synthesis: its summary, and the edited and original insights. */
export interface StoredSynthesis extends SavedSynthesisSummary {
  insights: Insights;
  original: Insights;
  skipped: BadFile[];
}

function person(id: string | null, name: string | null): PersonRef | null {
  return id && name !== null ? { id, name } : null;
}

function baseQuery(db: K, workspaceId: string) {
  return db
    .selectFrom('syntheses as s')
    .leftJoin('tasks as t', 't.id', 's.task_id')
    .leftJoin('users as cu', 'cu.id', 's.created_by')
    .leftJoin('users as uu', 'uu.id', 's.updated_by')
    .where('s.workspace_id', '=', workspaceId)
    .select([
      's.id',
      's.title',
      's.engagement',
      's.task_id',
      't.name as task_name',
      's.form_name',
      's.interviews',
      's.themes',
      's.anonymized',
      's.transcripts',
      's.version',
      's.created_at',
      's.created_by',
      'cu.name as created_by_name',
      's.updated_at',
      's.updated_by',
      'uu.name as updated_by_name',
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toSummary(r: SummaryRow): SavedSynthesisSummary {
  return {
    id: r.id,
    title: r.title,
    engagement: r.engagement,
    task: r.task_id && r.task_name !== null ? { id: r.task_id, name: r.task_name } : null,
    formName: r.form_name,
    interviews: Number(r.interviews),
    themes: Number(r.themes),
    anonymized: Number(r.anonymized) === 1,
    transcripts: r.transcripts === 'kept' ? 'kept' : 'not-kept',
    version: Number(r.version),
    // Every version after the first is one edit (a change of engagement or task included).
    edits: Number(r.version) - 1,
    createdAt: r.created_at,
    createdBy: person(r.created_by, r.created_by_name),
    updatedAt: r.updated_at,
    updatedBy: person(r.updated_by, r.updated_by_name),
  };
}

export const synthesesStore = {
  async insert(db: K, row: NewSynthesisRow): Promise<void> {
    const json = JSON.stringify(row.insights);
    await db
      .insertInto('syntheses')
      .values({
        id: row.id,
        workspace_id: row.workspaceId,
        task_id: row.taskId,
        engagement: row.engagement,
        title: row.insights.title,
        form_name: row.formName,
        form_ref: row.formRef,
        anonymized: row.anonymized ? 1 : 0,
        transcripts: row.transcripts,
        source_job_id: row.sourceJobId,
        original_json: json,
        insights_json: json,
        skipped_json: JSON.stringify(row.skipped),
        interviews: row.insights.interviews.length,
        themes: row.themes,
        created_by: row.userId,
        created_at: row.at,
        updated_by: row.userId,
        updated_at: row.at,
      })
      .execute();
  },

  async idBySourceJob(db: K, jobId: string): Promise<string | undefined> {
    const r = await db
      .selectFrom('syntheses')
      .select('id')
      .where('source_job_id', '=', jobId)
      .executeTakeFirst();
    return r?.id;
  },

  async list(
    db: K,
    workspaceId: string,
    filter: { taskId?: string; engagement?: string } = {},
  ): Promise<SavedSynthesisSummary[]> {
    let q = baseQuery(db, workspaceId);
    if (filter.taskId) q = q.where('s.task_id', '=', filter.taskId);
    if (filter.engagement) q = q.where('s.engagement', '=', filter.engagement);
    const rows = await q.orderBy('s.updated_at', 'desc').orderBy('s.id', 'desc').execute();
    return rows.map(toSummary);
  },

  async find(db: K, workspaceId: string, id: string): Promise<StoredSynthesis | undefined> {
    const r = await baseQuery(db, workspaceId)
      .select(['s.insights_json', 's.original_json', 's.skipped_json'])
      .where('s.id', '=', id)
      .executeTakeFirst();
    if (!r) return undefined;
    return {
      ...toSummary(r),
      insights: JSON.parse(r.insights_json) as Insights,
      original: JSON.parse(r.original_json) as Insights,
      skipped: JSON.parse(r.skipped_json) as BadFile[],
    };
  },

  async currentVersion(db: K, workspaceId: string, id: string): Promise<number | undefined> {
    const r = await db
      .selectFrom('syntheses')
      .select('version')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? Number(r.version) : undefined;
  },

  /**
   * Writes the edited insights if the row is still at `expectedVersion` (compare-and-set), one version
   * more. Returns whether it did.
   */
  async writeInsights(
    db: K,
    workspaceId: string,
    id: string,
    expectedVersion: number,
    change: { insights: Insights; themes: number; userId: string | null; at: string },
  ): Promise<boolean> {
    const r = await db
      .updateTable('syntheses')
      .set((eb) => ({
        insights_json: JSON.stringify(change.insights),
        title: change.insights.title,
        themes: change.themes,
        updated_by: change.userId,
        updated_at: change.at,
        version: eb('version', '+', 1),
      }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Changes the engagement and/or task (compare-and-set, like writeInsights). */
  async writeMeta(
    db: K,
    workspaceId: string,
    id: string,
    expectedVersion: number,
    change: { engagement?: string; taskId?: string | null; userId: string | null; at: string },
  ): Promise<boolean> {
    const r = await db
      .updateTable('syntheses')
      .set((eb) => ({
        ...(change.engagement !== undefined ? { engagement: change.engagement } : {}),
        ...(change.taskId !== undefined ? { task_id: change.taskId } : {}),
        updated_by: change.userId,
        updated_at: change.at,
        version: eb('version', '+', 1),
      }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async insertEdit(
    db: K,
    e: {
      id: string;
      workspaceId: string;
      synthesisId: string;
      version: number;
      op: string;
      edit: object;
      summary: string;
      userId: string | null;
      at: string;
    },
  ): Promise<void> {
    await db
      .insertInto('synthesis_edits')
      .values({
        id: e.id,
        workspace_id: e.workspaceId,
        synthesis_id: e.synthesisId,
        version: e.version,
        op: e.op,
        edit_json: JSON.stringify(e.edit),
        summary: e.summary,
        user_id: e.userId,
        at: e.at,
      })
      .execute();
  },

  /** The edit log, newest first. */
  async edits(db: K, workspaceId: string, synthesisId: string): Promise<SynthesisEditEntry[]> {
    const rows = await db
      .selectFrom('synthesis_edits as e')
      .leftJoin('users as u', 'u.id', 'e.user_id')
      .select(['e.version', 'e.op', 'e.summary', 'e.edit_json', 'e.user_id', 'u.name as user_name', 'e.at'])
      .where('e.workspace_id', '=', workspaceId)
      .where('e.synthesis_id', '=', synthesisId)
      .orderBy('e.version', 'desc')
      .execute();
    return rows.map((r) => ({
      version: Number(r.version),
      op: r.op,
      summary: r.summary,
      edit: JSON.parse(r.edit_json) as Record<string, unknown>,
      by: person(r.user_id, r.user_name),
      at: r.at,
    }));
  },

  async delete(db: K, workspaceId: string, id: string, expectedVersion?: number): Promise<number> {
    let q = db.deleteFrom('syntheses').where('workspace_id', '=', workspaceId).where('id', '=', id);
    if (expectedVersion !== undefined) q = q.where('version', '=', expectedVersion);
    const r = await q.executeTakeFirst();
    return Number(r.numDeletedRows);
  },
};
