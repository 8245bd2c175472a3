/**
 * Saved syntheses over HTTP: the synthesis job's result is saved (engagement, task, transcripts as
 * chosen), listed, opened with its ETag, edited with If-Match (412 STALE_WRITE on a stale one), and
 * exported from the edited version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { aiAdoption, generateCorpus } from '../../bench/corpus/index.ts';
import { toHeadingText } from '../../bench/corpus/write.ts';
import { TaskInput } from '../../src/inventory/inventory.schemas.ts';
import { JobWorker } from '../../src/platform/jobs/index.ts';
import { aUser } from '../factories/accounts.ts';
import { signedInApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

const corpus = generateCorpus(aiAdoption, { seed: aiAdoption.seed });
const formYaml = stringify(corpus.form);
const files = corpus.transcripts.slice(0, 10).map((t) => ({
  name: `${t.id}.txt`,
  contentBase64: Buffer.from(toHeadingText(t)).toString('base64'),
}));

interface Theme {
  id: string;
  label: string;
  interviews: string[];
  quotes: { interview: string; text: string; start: number | null }[];
}

describe.each(testDialects)('saved syntheses API on %s', (dialect) => {
  let app: Awaited<ReturnType<typeof signedInApp>>;
  let taskId: string;
  beforeAll(async () => {
    app = await signedInApp(dialect);
    const actor = { workspace: app.owner.workspace, userId: app.owner.owner.id };
    const process = await app.services.inventory.createProcess(actor, { name: 'Client research' });
    taskId = (
      await app.services.inventory.createTask(
        actor,
        TaskInput.parse({
          processId: process.id,
          name: 'Interview synthesis deck',
          frequency: { kind: 'per_year', occurrencesPerYear: 6 },
          minutesPerOccurrence: 900,
        }),
      )
    ).id;
  });
  afterAll(() => app.close());

  const inject = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers = {}) =>
    app.http.inject({ method, url, cookies: app.cookies, headers, ...(payload ? { payload } : {}) });

  it('saves the job’s result, lists and opens it, edits it under If-Match and exports the edited version', async () => {
    const started = await inject('POST', '/api/interviews/synthesis', {
      formYaml,
      files,
      title: 'AI adoption',
      engagement: 'Northwind AI review',
      taskId,
      keepTranscripts: true,
    });
    expect(started.statusCode, started.body).toBe(202);
    const jobId = started.json().job.id as string;
    await new JobWorker(app.services.jobs.queue, app.services.jobs.registry).drain();
    const outcome = (await inject('GET', `/api/interviews/synthesis/${jobId}`)).json();
    expect(outcome.job.status, outcome.job.lastError ?? '').toBe('succeeded');
    const id = outcome.synthesisId as string;
    expect(id).toBeTruthy();

    const list = (await inject('GET', `/api/syntheses?taskId=${taskId}`)).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id,
      title: 'AI adoption',
      engagement: 'Northwind AI review',
      task: { id: taskId, name: 'Interview synthesis deck' },
      interviews: 10,
      transcripts: 'kept',
      version: 1,
      createdBy: { name: app.owner.owner.name },
    });

    const opened = await inject('GET', `/api/syntheses/${id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.headers.etag).toBe('"v1"');
    const body = opened.json();
    expect(body.files).toHaveLength(10);
    const q = body.insights.questions.find((x: { themes: Theme[] }) => x.themes.length >= 2);
    const [a, b] = q.themes as Theme[];

    const merged = await inject(
      'POST',
      `/api/syntheses/${id}/edits`,
      { op: 'merge', themeId: a!.id, otherId: b!.id, label: 'Teams want proof before they adopt' },
      { 'if-match': '"v1"' },
    );
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.headers.etag).toBe('"v2"');
    const after = merged.json().insights.questions.find((x: { id: string }) => x.id === q.id);
    expect(after.themes).toHaveLength(q.themes.length - 1);
    expect(after.themes[0].interviews.length).toBe(new Set([...a!.interviews, ...b!.interviews]).size);

    // Someone else, still on version 1.
    const staff = await aUser(app.services, app.owner.workspace, 'staff', { name: 'Sam Staff' });
    const samCookies = await app.login(staff.email, staff.password);
    const stale = await app.http.inject({
      method: 'POST',
      url: `/api/syntheses/${id}/edits`,
      cookies: samCookies,
      headers: { 'if-match': '"v1"' },
      payload: { op: 'drop', themeId: after.themes[0].id },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error).toMatchObject({ code: 'STALE_WRITE', details: { currentVersion: 2 } });

    // Pick another quote from the kept transcript.
    const theme = after.themes[0] as Theme;
    const who = theme.quotes[0]!.interview;
    const passages = (await inject('GET', `/api/syntheses/${id}/passages?interview=${who}`)).json();
    expect(passages.length).toBeGreaterThan(0);
    const pick = passages.find((p: { text: string }) => p.text !== theme.quotes[0]!.text);
    const picked = await inject(
      'POST',
      `/api/syntheses/${id}/edits`,
      {
        op: 'replace-quote',
        themeId: theme.id,
        quote: 0,
        with: { interview: who, text: pick.text, start: pick.start },
      },
      { 'if-match': '"v2"' },
    );
    expect(picked.statusCode, picked.body).toBe(200);

    const log = (await inject('GET', `/api/syntheses/${id}/edits`)).json();
    expect(log.map((e: { op: string; by: { name: string } }) => [e.op, e.by.name])).toEqual([
      ['replace-quote', app.owner.owner.name],
      ['merge', app.owner.owner.name],
    ]);

    const report = await inject('GET', `/api/syntheses/${id}/report`);
    expect(report.statusCode).toBe(200);
    expect(report.headers.etag).toBe('"v3"');
    expect(report.body).toContain('Teams want proof before they adopt');
    const insights = (await inject('GET', `/api/syntheses/${id}/insights`)).json();
    expect(insights.deck.slideCount).toBeGreaterThan(3);
    expect(JSON.stringify(insights)).toContain(pick.text);
    const deck = await inject('GET', `/api/syntheses/${id}/deck`);
    expect(deck.statusCode).toBe(200);
    expect(deck.headers['content-disposition']).toBe('attachment; filename="ai-adoption.pptx"');
    expect(deck.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const gone = await inject('DELETE', `/api/syntheses/${id}`, undefined, { 'if-match': '"v3"' });
    expect(gone.statusCode).toBe(204);
    expect((await inject('GET', `/api/syntheses/${id}`)).statusCode).toBe(404);
  });

  it('lets the transcripts go when the firm chose not to keep them, and refuses a task of nobody', async () => {
    const refused = await inject('POST', '/api/interviews/synthesis', {
      formYaml,
      files: files.slice(0, 3),
      taskId: 'no-such-task',
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('TASK_NOT_FOUND');
    const started = await inject('POST', '/api/interviews/synthesis', { formYaml, files: files.slice(0, 4) });
    await new JobWorker(app.services.jobs.queue, app.services.jobs.registry).drain();
    const outcome = (await inject('GET', `/api/interviews/synthesis/${started.json().job.id}`)).json();
    const opened = (await inject('GET', `/api/syntheses/${outcome.synthesisId}`)).json();
    // The engagement defaults to the form's title; nothing of the transcripts is held.
    expect(opened).toMatchObject({ transcripts: 'not-kept', files: [], engagement: corpus.form.title });
    expect(await app.services.blobs.refsOf('synthesis', outcome.synthesisId)).toEqual([]);
    expect(await app.services.blobs.refsOf('job-input', started.json().job.id)).toEqual([]);
    const first = opened.insights.interviews[0].id;
    const passages = await inject('GET', `/api/syntheses/${outcome.synthesisId}/passages?interview=${first}`);
    expect(passages.statusCode).toBe(409);
    expect(passages.json().error.code).toBe('TRANSCRIPTS_NOT_KEPT');
  });
});
