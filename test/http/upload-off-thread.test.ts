/**
 * The transcripts' JSON body of /api/interviews/synthesis and /ask is parsed, checked and decoded in a
 * worker thread (issue 9 row 6: 14 MB of base64 parsed and regex-checked on the event loop held every
 * other request 100–300 ms). The process's pool is wrapped to record the tasks it is given: the body
 * reaches the pool as raw bytes, and its refusals answer 400 with the fields named as for any other body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createInlinePool,
  setWorkerPool,
  type WorkerPool,
  workerPool,
} from '../../src/platform/workers/index.ts';
import { signedInApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

type SignedIn = Awaited<ReturnType<typeof signedInApp>>;

const FORM = 'title: Off-thread\nquestions:\n  - What takes your time?\n';
const vtt = (who: string) =>
  `WEBVTT\n\n1\n00:00:00.000 --> 00:00:04.000\n<v Interviewer>What takes your time?\n\n2\n00:00:04.500 --> 00:00:09.000\n<v ${who}>Reconciling the invoices takes most of my week.\n`;
const file = (name: string, text: string) => ({ name, contentBase64: Buffer.from(text).toString('base64') });

describe.each(testDialects)('upload bodies parsed off the event loop on %s', (dialect) => {
  let app: SignedIn;
  let previous: WorkerPool;
  const tasks: { fn: string; input: unknown }[] = [];
  beforeAll(async () => {
    previous = workerPool();
    const inline = createInlinePool();
    setWorkerPool({
      run(modulePath, fn, input, opts) {
        tasks.push({ fn, input });
        return inline.run(modulePath, fn, input, opts);
      },
      close: () => inline.close(),
    });
    app = await signedInApp(dialect);
  });
  afterAll(async () => {
    setWorkerPool(previous);
    await app.close();
  });

  const post = (kind: 'synthesis' | 'ask', payload: string) =>
    app.http.inject({
      method: 'POST',
      url: `/api/interviews/${kind}`,
      cookies: app.cookies,
      headers: { 'content-type': 'application/json' },
      payload,
    });

  it('hands the pool the body as bytes and the job its decoded files', async () => {
    tasks.length = 0;
    const body = JSON.stringify({
      formYaml: FORM,
      files: [file('a.vtt', vtt('Ana')), file('b.vtt', vtt('Ben'))],
    });
    const r = await post('synthesis', body);
    expect(r.statusCode, r.body).toBe(202);
    const parse = tasks.find((t) => t.fn === 'checkUpload')!;
    expect(parse.input).toMatchObject({ kind: 'synthesis' });
    expect(Buffer.from((parse.input as { body: Uint8Array }).body).toString()).toBe(body);
    // The files were checked as decoded bytes, after the body was parsed.
    const check = tasks.findIndex((t) => t.fn === 'checkUploads');
    expect(check).toBeGreaterThan(tasks.indexOf(parse));
    const files = (tasks[check]!.input as { files: { file: string; bytes: Uint8Array }[] }).files;
    expect(files.map((f) => [f.file, Buffer.from(f.bytes).toString()])).toEqual([
      ['a.vtt', vtt('Ana')],
      ['b.vtt', vtt('Ben')],
    ]);
  });

  it('answers a body the schema refuses with 400 naming the field, as elsewhere', async () => {
    const bad = await post(
      'ask',
      JSON.stringify({
        question: 'Who reconciles invoices?',
        files: [{ name: 'a.vtt', contentBase64: 'not base64!' }],
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'body.files.0.contentBase64: must be the file’s bytes in base64',
      details: { issues: [{ field: 'body.files.0.contentBase64' }] },
    });
    expect(tasks.at(-1)).toMatchObject({ fn: 'checkUpload', input: { kind: 'ask' } });

    const broken = await post('synthesis', '{"formYaml": "title: x", "files": [');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: /not valid JSON/ });

    const wrongType = await app.http.inject({
      method: 'POST',
      url: '/api/interviews/synthesis',
      cookies: app.cookies,
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(wrongType.statusCode).toBe(400);
  });
});
