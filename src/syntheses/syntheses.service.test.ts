import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser, aWorkspaceWithOwner } from '../../test/factories/accounts.ts';
import { testApp } from '../../test/helpers/app.ts';
import { testDialects } from '../../test/helpers/db.ts';
import { TaskInput } from '../inventory/inventory.schemas.ts';
import { isAppError } from '../platform/errors.ts';
import { sampleInsights } from '../synthesis/deck/fixtures/sample-insights.ts';
import type { RunToSave } from './syntheses.service.ts';

const FIXTURES = new URL('../synthesis/deck/fixtures/interviews/', import.meta.url);

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (isAppError(err)) return err.code;
    throw err;
  }
  return 'no error';
}

describe.each(testDialects)('saved syntheses on %s', (dialect) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  let ws: Awaited<ReturnType<typeof aWorkspaceWithOwner>>;
  let other: Awaited<ReturnType<typeof aWorkspaceWithOwner>>;
  let taskId: string;

  beforeAll(async () => {
    app = await testApp(dialect);
    ws = await aWorkspaceWithOwner(app.services);
    other = await aWorkspaceWithOwner(app.services);
    const process = await app.services.inventory.createProcess(ws.actor, { name: 'Client research' });
    const task = await app.services.inventory.createTask(
      ws.actor,
      TaskInput.parse({
        processId: process.id,
        name: 'Build the summary deck',
        frequency: { kind: 'per_year', occurrencesPerYear: 8 },
        minutesPerOccurrence: 600,
      }),
    );
    taskId = task.id;
  });
  afterAll(() => app.close());

  /** Saves the sample insights as a run would (the job's last transaction), its one transcript kept or not. */
  async function saved(keep: boolean, over: Partial<RunToSave> = {}): Promise<string> {
    const { syntheses, blobs, db } = app.services;
    const bytes = readFileSync(new URL('dana-reyes.vtt', FIXTURES));
    const blob = await blobs.write(bytes);
    return db.kysely.transaction().execute((trx) =>
      syntheses.saveRun(trx, {
        workspaceId: ws.workspace.id,
        userId: ws.owner.id,
        jobId: null,
        form: { name: 'Operating model interview', ref: null },
        engagement: 'Acme operating model',
        taskId,
        anonymized: false,
        files: [{ name: 'dana-reyes.vtt', blob }],
        keepTranscripts: keep,
        insights: sampleInsights(),
        skipped: [],
        ...over,
      }),
    );
  }

  it('keeps a run with its task, engagement and transcripts, lists it and opens it', async () => {
    const id = await saved(true);
    const { syntheses } = app.services;
    const list = await syntheses.list(ws.actor);
    expect(list.find((s) => s.id === id)).toMatchObject({
      title: 'Operating model review',
      engagement: 'Acme operating model',
      task: { id: taskId, name: 'Build the summary deck' },
      interviews: 24,
      themes: sampleInsights().questions.reduce((n, q) => n + q.themes.length, 0),
      transcripts: 'kept',
      version: 1,
      edits: 0,
      createdBy: { id: ws.owner.id, name: ws.owner.name },
    });
    expect(await syntheses.list(ws.actor, { taskId: 'nope' })).toEqual([]);
    const one = await syntheses.get(ws.actor, id);
    expect(one.files).toEqual(['dana-reyes.vtt']);
    expect(one.preview.questions[0]!.themes[0]!.label).toBe('Grow recurring service revenue');
    // Another workspace sees nothing of it.
    expect(await syntheses.list(other.actor)).toEqual([]);
    expect(await codeOf(syntheses.get(other.actor, id))).toBe('SYNTHESIS_NOT_FOUND');
  });

  it('edits with the version read: a stale If-Match is refused, every edit logged with who made it', async () => {
    const id = await saved(false);
    const { syntheses } = app.services;
    const staff = await aUser(app.services, ws.workspace, 'staff', { name: 'Sam Staff' });
    const samActor = { workspace: ws.workspace, userId: staff.user.id };
    const v2 = await syntheses.edit(
      ws.actor,
      id,
      { op: 'merge', themeId: 'q1-t1', otherId: 'q1-t2', label: 'Grow service revenue at steady prices' },
      { expectedVersion: 1 },
    );
    expect(v2.version).toBe(2);
    expect(v2.themes).toBe(sampleInsights().questions.reduce((n, q) => n + q.themes.length, 0) - 1);
    expect(v2.preview.questions[0]!.themes.map((t) => t.label)).toContain(
      'Grow service revenue at steady prices',
    );
    // Sam edits what he loaded (version 1): someone changed it since.
    const stale = await syntheses
      .edit(samActor, id, { op: 'drop', themeId: 'q1-t3' }, { expectedVersion: 1 })
      .catch((e: unknown) => e);
    expect(isAppError(stale) && stale.code).toBe('STALE_WRITE');
    expect(isAppError(stale) && stale.details).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
    // Without If-Match the edit applies to the current version.
    const v3 = await syntheses.edit(samActor, id, { op: 'drop', themeId: 'q1-t3' });
    expect(v3).toMatchObject({ version: 3, edits: 2, updatedBy: { name: 'Sam Staff' } });
    const log = await syntheses.edits(ws.actor, id);
    expect(log.map((e) => [e.version, e.op, e.by?.name])).toEqual([
      [3, 'drop', 'Sam Staff'],
      [2, 'merge', ws.owner.name],
    ]);
    expect(log[1]!.summary).toMatch(
      /^Merged “Restore pricing discipline” into “Grow recurring service revenue”, now “Grow service revenue at steady prices”/,
    );
    // The original stays as the engine made it; the audit trail has each edit.
    const audit = await app.services.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'user_id'])
      .where('subject_id', '=', id)
      .execute();
    expect(audit.filter((a) => a.action === 'synthesis.edit').map((a) => a.user_id)).toEqual([
      ws.owner.id,
      staff.user.id,
    ]);
  });

  it('picks another quote only from what the interviewee said', async () => {
    const { syntheses } = app.services;
    const kept = await saved(true);
    const passages = await syntheses.passages(ws.actor, kept, 'dana-reyes', 'legacy');
    expect(passages).toHaveLength(1);
    expect(passages[0]).toMatchObject({ interview: 'dana-reyes', start: 37, at: '00:37' });
    expect(passages[0]!.text).toContain('We keep patching a legacy system instead of replacing it.');
    // The interviewer's questions are not offered.
    const all = await syntheses.passages(ws.actor, kept, 'dana-reyes');
    expect(all.some((p) => p.text.includes('What gets in the way'))).toBe(false);
    const picked = await syntheses.edit(ws.actor, kept, {
      op: 'replace-quote',
      themeId: 'q2-t2',
      quote: 0,
      with: { interview: 'dana-reyes', text: passages[0]!.text, start: 37 },
    });
    expect(picked.insights.questions[1]!.themes[1]!.quotes[0]).toMatchObject({
      interview: 'dana-reyes',
      start: 37,
    });
    expect(
      await codeOf(
        syntheses.edit(ws.actor, kept, {
          op: 'replace-quote',
          themeId: 'q2-t2',
          quote: 0,
          with: { interview: 'dana-reyes', text: 'We should sell the company tomorrow.', start: null },
        }),
      ),
    ).toBe('SYNTHESIS_EDIT_INVALID');
    // Without kept transcripts there is nothing to pick from but the quotes it holds.
    const notKept = await saved(false);
    expect(await codeOf(syntheses.passages(ws.actor, notKept, 'dana-reyes'))).toBe('TRANSCRIPTS_NOT_KEPT');
  });

  it('renders the deck, report and insights.json from the edited version', async () => {
    const { syntheses } = app.services;
    const id = await saved(false);
    await syntheses.edit(ws.actor, id, {
      op: 'rename',
      themeId: 'q2-t1',
      label: 'Head office approvals hold up every plant',
    });
    await syntheses.edit(ws.actor, id, {
      op: 'reorder',
      questionId: 'q2',
      themeIds: ['q2-t3', 'q2-t1', 'q2-t2'],
    });
    const out = await syntheses.render(ws.actor, id);
    expect(out.version).toBe(3);
    expect(Buffer.from(out.deck.bytes).subarray(0, 2).toString()).toBe('PK');
    expect(out.deck.fileName).toBe('operating-model-review.pptx');
    expect(out.markdown).toContain('Head office approvals hold up every plant');
    expect(out.markdown).not.toContain('Approvals take too long');
    // The consultant's order, not the most raised first.
    const q2 = out.markdown.slice(out.markdown.indexOf('## Q2'));
    expect(q2.indexOf('Unclear ownership between head office and plants')).toBeLessThan(
      q2.indexOf('Head office approvals hold up every plant'),
    );
    expect(out.insightsFile.questions[1]!.themes[1]!.label).toBe('Head office approvals hold up every plant');
    expect(out.insightsFile.deck.slideCount).toBe(out.report.slideCount);
  });

  it('changes the engagement and the task, refuses a task of another workspace, deletes with If-Match', async () => {
    const { syntheses, blobs } = app.services;
    const id = await saved(true);
    const moved = await syntheses.update(ws.actor, id, { engagement: 'Acme phase 2', taskId: null });
    expect(moved).toMatchObject({ engagement: 'Acme phase 2', task: null, version: 2 });
    expect(await codeOf(syntheses.update(other.actor, id, { engagement: 'x' }))).toBe('SYNTHESIS_NOT_FOUND');
    expect(await codeOf(syntheses.update(ws.actor, id, { taskId: 'not-a-task' }))).toBe('TASK_NOT_FOUND');
    expect(await codeOf(syntheses.remove(ws.actor, id, { expectedVersion: 1 }))).toBe('STALE_WRITE');
    await syntheses.remove(ws.actor, id, { expectedVersion: 2 });
    expect(await codeOf(syntheses.get(ws.actor, id))).toBe('SYNTHESIS_NOT_FOUND');
    expect(await blobs.refsOf('synthesis', id)).toEqual([]);
  });
});
