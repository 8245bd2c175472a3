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

    const list = (await api('GET', '/api/pipelines')).json();
    expect(list[0].runs).toMatchObject({ succeeded: 1, failed: 0 });
  }, 180_000);

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
