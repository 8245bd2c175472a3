/** Kysely queries for the standard forms and their versions. Rows in, domain out. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, FormTable, FormVersionTable } from '../platform/db/schema.ts';
import type { Form, FormQuestion, FormVersion } from './procedures.ts';

type K = Kysely<Database>;

const json = <T>(text: string): T => JSON.parse(text) as T;

function toForm(r: Selectable<FormTable>): Form {
  return {
    id: r.id,
    name: r.name,
    procedureId: r.procedure_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: Number(r.version),
  };
}

function toFormVersion(r: Selectable<FormVersionTable>): FormVersion {
  return {
    id: r.id,
    formId: r.form_id,
    number: Number(r.number),
    title: r.title,
    questions: json<FormQuestion[]>(r.questions_json),
    sourceFile: r.source_file,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export const formsStore = {
  async listForms(db: K, ws: string): Promise<Form[]> {
    const rows = await db
      .selectFrom('forms')
      .selectAll()
      .where('workspace_id', '=', ws)
      .orderBy('name')
      .execute();
    return rows.map(toForm);
  },

  async findForm(db: K, ws: string, id: string): Promise<Form | undefined> {
    const r = await db
      .selectFrom('forms')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? toForm(r) : undefined;
  },

  async insertForm(db: K, ws: string, f: Form): Promise<void> {
    await db
      .insertInto('forms')
      .values({
        id: f.id,
        workspace_id: ws,
        name: f.name,
        procedure_id: f.procedureId,
        created_at: f.createdAt,
        updated_at: f.updatedAt,
      })
      .execute();
  },

  async updateForm(db: K, ws: string, f: Form): Promise<void> {
    await db
      .updateTable('forms')
      .set({ name: f.name, procedure_id: f.procedureId, updated_at: f.updatedAt })
      .where('workspace_id', '=', ws)
      .where('id', '=', f.id)
      .execute();
  },

  async listFormVersions(db: K, ws: string, formId?: string): Promise<FormVersion[]> {
    let q = db.selectFrom('form_versions').selectAll().where('workspace_id', '=', ws);
    if (formId) q = q.where('form_id', '=', formId);
    const rows = await q.orderBy('form_id').orderBy('number').execute();
    return rows.map(toFormVersion);
  },

  async insertFormVersion(db: K, ws: string, v: FormVersion): Promise<void> {
    await db
      .insertInto('form_versions')
      .values({
        id: v.id,
        workspace_id: ws,
        form_id: v.formId,
        number: v.number,
        title: v.title,
        questions_json: JSON.stringify(v.questions),
        source_file: v.sourceFile,
        created_by: v.createdBy,
        created_at: v.createdAt,
      })
      .execute();
  },
};
