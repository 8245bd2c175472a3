/** /api/pipelines and /api/pipeline-runs over HTTP: create, upload, watch the stages, review, hand-off. */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/main.ts';
import { JobWorker } from '../../src/platform/jobs/index.ts';
import { aMember, aSmallFirm, aUser, storeFirm } from '../factories/index.ts';
import { signedInApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

const SAMPLES = path.join(ROOT_DIR, 'examples', 'executive-interviews');

describe.each(testDialects)('pipelines over HTTP on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof signedInApp>>;
  let taskId: string;
  let formId: string;

  beforeAll(async () => {
    t = await signedInApp(dialect);
    const firm = aSmallFirm();
    firm.members.push(aMember({ name: 'Maria Lopez' }));
    await storeFirm(t.services, t.owner.actor, firm);
    taskId = firm.deck.id;
    formId = (
      await t.services.procedures.importFormYaml(t.owner.actor, {
        text: fs.readFileSync(path.join(SAMPLES, 'form.yaml'), 'utf8'),
        taskRef: taskId,
      })
    ).form.id;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.http.inject({
      method,
      url,
      cookies: t.cookies,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  it('creates a pipeline, takes an upload and shows the run stage by stage through review to hand-off', async () => {
    const created = await api('POST', '/api/pipelines', { name: 'Executive interviews', taskId, formId });
    expect(created.statusCode).toBe(200);
    const pipeline = created.json();
    expect(pipeline).toMatchObject({ name: 'Executive interviews', formId, reviewRequired: true });
    expect(
      (await api('POST', '/api/pipelines', { name: 'Executive interviews', taskId })).json().error.code,
    ).toBe('PIPELINE_NAME_TAKEN');

    const upload = await t.http.inject({
      method: 'POST',
      url: `/api/pipelines/${pipeline.id}/files?name=executive-01.vtt`,
      cookies: t.cookies,
      headers: { 'content-type': 'text/vtt' },
      payload: fs.readFileSync(path.join(SAMPLES, 'executive-01.vtt')),
    });
    expect(upload.statusCode).toBe(200);
    const run = upload.json().run;
    expect(run).toMatchObject({ status: 'queued', source: 'upload', inputKind: 'transcript' });

    const listed = (await api('GET', `/api/pipelines/${pipeline.id}/runs`)).json();
    expect(listed[0].stages.map((s: { stage: string; state: string }) => `${s.stage}:${s.state}`)).toEqual([
      'probe:pending',
      'convert:skipped',
      'transcribe:skipped',
      'store:pending',
      'redact:pending',
      'synthesise:pending',
      'handoff:pending',
    ]);

    await new JobWorker(t.services.jobs.queue, t.services.jobs.registry).drain();
    const detail = (await api('GET', `/api/pipeline-runs/${run.id}`)).json();
    expect(detail.run.status).toBe('review');
    expect(detail.stages.find((s: { stage: string }) => s.stage === 'handoff').state).toBe('waiting');

    const review = (await api('GET', `/api/pipeline-runs/${run.id}/review`)).json();
    const maria = review.findings.find((f: { text: string }) => f.text === 'Maria');
    expect(maria).toMatchObject({ recognizer: 'list', decision: 'redacted', kind: 'PERSON' });
    expect(review.redactedText).not.toMatch(/Maria/);

    const bad = await api('POST', `/api/pipeline-runs/${run.id}/review/decisions`, {
      text: 'x',
      action: 'redact',
    });
    expect(bad.statusCode).toBe(400);
    const added = await api('POST', `/api/pipeline-runs/${run.id}/review/decisions`, {
      text: 'supervisory board',
      action: 'redact',
    });
    expect(added.statusCode).toBe(200);
    expect((await api('POST', `/api/pipeline-runs/${run.id}/review/approve`)).json()).toMatchObject({
      status: 'queued',
      revision: 2,
    });
    await new JobWorker(t.services.jobs.queue, t.services.jobs.registry).drain();
    expect((await api('GET', `/api/pipeline-runs/${run.id}`)).json().run.status).toBe('succeeded');

    const pkg = await api('GET', `/api/pipeline-runs/${run.id}/files/package`);
    expect(pkg.statusCode).toBe(200);
    expect(pkg.headers['content-disposition']).toMatch(/executive-interviews-handoff\.zip/);
    const zip = await JSZip.loadAsync(pkg.rawPayload);
    const transcript = Object.keys(zip.files).find((n) => n.startsWith('transcripts/') && !n.endsWith('/'))!;
    expect(await zip.file(transcript)!.async('string')).not.toMatch(/supervisory board|Maria/i);
    const deck = await api('GET', `/api/pipeline-runs/${run.id}/files/deck`);
    expect(deck.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // The draft is a saved synthesis too: listed under the task, opened and edited like any other,
    // over the redacted transcript it keeps. Each redaction revision's draft is kept apart.
    const done = (await api('GET', `/api/pipeline-runs/${run.id}`)).json().run;
    const draftId = done.outputs.deck.synthesisId;
    expect(draftId).toEqual(expect.any(String));
    const saved = (await api('GET', `/api/syntheses?taskId=${taskId}`)).json();
    expect(saved.map((x: { engagement: string }) => x.engagement).sort()).toEqual([
      'Executive interviews: draft from executive-01.vtt',
      'Executive interviews: draft from executive-01.vtt (redaction 2)',
    ]);
    const draft = await api('GET', `/api/syntheses/${draftId}`);
    expect(draft.statusCode).toBe(200);
    const body = draft.json();
    expect(body).toMatchObject({
      id: draftId,
      task: { id: taskId },
      engagement: 'Executive interviews: draft from executive-01.vtt (redaction 2)',
      transcripts: 'kept',
      anonymized: true,
    });
    expect(body.files).toEqual([done.outputs.redacted.name]);
    expect(JSON.stringify(body.insights)).not.toMatch(/Maria|supervisory board/i);
    // Passages come from the transcript it holds (the redacted one), as in any saved synthesis.
    const who = body.insights.interviews[0].id;
    const passages = await api('GET', `/api/syntheses/${draftId}/passages?interview=${who}`);
    expect(passages.statusCode, passages.body).toBe(200);
    expect(passages.json().length).toBeGreaterThan(0);
    expect(JSON.stringify(passages.json())).not.toMatch(/Maria|supervisory board/i);
    const renamed = await api('PATCH', `/api/syntheses/${draftId}`, { engagement: 'Executive review' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ engagement: 'Executive review', version: 2 });
    const draftDeck = await api('GET', `/api/syntheses/${draftId}/deck`);
    expect(draftDeck.statusCode).toBe(200);
    expect(draftDeck.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const list = (await api('GET', '/api/pipelines')).json();
    expect(list[0].runs).toMatchObject({ succeeded: 1, failed: 0 });
  }, 180_000);

  it('changes a pipeline, then deletes it with its runs and files; its drafts stay saved', async () => {
    const [p] = (await api('GET', '/api/pipelines')).json();
    const changed = await api('PATCH', `/api/pipelines/${p.id}`, {
      name: 'Executive interviews, spring',
      engine: 'pocketsphinx',
      reviewRequired: false,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      name: 'Executive interviews, spring',
      engine: 'pocketsphinx',
      reviewRequired: false,
      formId,
    });
    const other = (await api('POST', '/api/pipelines', { name: 'Other', taskId })).json();
    const clash = await api('PATCH', `/api/pipelines/${other.id}`, { name: 'Executive interviews, spring' });
    expect(clash.json().error).toMatchObject({
      code: 'PIPELINE_NAME_TAKEN',
      details: { field: 'name' },
    });
    const badEngine = await api('PATCH', `/api/pipelines/${other.id}`, { engine: 'vosk' });
    expect(badEngine.statusCode).toBe(400);

    const runs = (await api('GET', `/api/pipelines/${p.id}/runs`)).json() as { id: string }[];
    expect(runs).toHaveLength(1);
    const runId = runs[0]!.id;
    expect((await t.services.blobs.refsOf('pipeline-run', runId)).length).toBeGreaterThan(0);
    const drafts = (await api('GET', `/api/syntheses?taskId=${taskId}`)).json() as { id: string }[];

    const gone = await api('DELETE', `/api/pipelines/${p.id}`);
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json()).toEqual({ ok: true, runs: 1 });
    expect((await api('GET', `/api/pipelines/${p.id}`)).json().error.code).toBe('PIPELINE_NOT_FOUND');
    expect((await api('GET', `/api/pipeline-runs/${runId}`)).statusCode).toBe(404);
    expect(await t.services.blobs.refsOf('pipeline-run', runId)).toEqual([]);
    expect((await api('DELETE', `/api/pipelines/${p.id}`)).statusCode).toBe(404);
    // The saved drafts are the firm's own records now: still there, with their transcripts.
    for (const d of drafts) {
      const kept = await api('GET', `/api/syntheses/${d.id}`);
      expect(kept.statusCode).toBe(200);
      expect(kept.json().files).toHaveLength(1);
    }
    expect((await api('GET', '/api/pipelines')).json().map((x: { name: string }) => x.name)).toEqual([
      'Other',
    ]);
  });

  it('answers a bad upload with the reason, and keeps out-taskers out', async () => {
    const [p] = (await api('GET', '/api/pipelines')).json();
    const bad = await t.http.inject({
      method: 'POST',
      url: `/api/pipelines/${p.id}/files?name=budget.xlsx`,
      cookies: t.cookies,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('PK not a transcript'),
    });
    expect(bad.json().error).toMatchObject({ code: 'INTAKE_FILE_UNSUPPORTED' });
    expect((await api('GET', '/api/pipeline-runs/nope')).statusCode).toBe(404);
    const freelancer = await aUser(t.services, t.owner.workspace, 'outtasker');
    const cookies = await t.login(freelancer.email, freelancer.password);
    expect((await t.http.inject({ method: 'GET', url: '/api/pipelines', cookies })).statusCode).toBe(403);
  });
});
