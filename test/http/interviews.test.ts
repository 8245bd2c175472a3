import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { aiAdoption, generateCorpus } from '../../bench/corpus/index.ts';
import { toHeadingText } from '../../bench/corpus/write.ts';
import { JobWorker } from '../../src/platform/jobs/index.ts';
import { aWorkspaceWithOwner } from '../factories/accounts.ts';
import { signedInApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

type SignedIn = Awaited<ReturnType<typeof signedInApp>>;

const corpus = generateCorpus(aiAdoption, { seed: aiAdoption.seed });
const formYaml = stringify(corpus.form);
const files = corpus.transcripts.map((t) => ({
  name: `${t.id}.txt`,
  contentBase64: Buffer.from(toHeadingText(t)).toString('base64'),
}));

// The person answering in each interview: the one who does not open it.
const interviewees = corpus.transcripts.map((t) => t.speakers.find((s) => s !== t.turns[0]!.speaker)!);

describe.each(testDialects)('interview synthesis API on %s', (dialect) => {
  let app: SignedIn;
  beforeAll(async () => {
    app = await signedInApp(dialect);
  });
  afterAll(() => app.close());

  /**
   * The synthesis as the page runs it: start the job (202), let a worker run it, read the outcome and
   * download the deck. A refusal at the start is returned as it came.
   */
  const runJob = async (kind: 'synthesis' | 'ask', payload: object) => {
    const started = await app.http.inject({
      method: 'POST',
      url: `/api/interviews/${kind}`,
      cookies: app.cookies,
      payload,
    });
    if (started.statusCode !== 202) return started;
    const { job } = started.json() as { job: { id: string; status: string } };
    expect(job.status).toBe('queued');
    await new JobWorker(app.services.jobs.queue, app.services.jobs.registry).drain();
    const outcome = await app.http.inject({
      method: 'GET',
      url: `/api/interviews/${kind}/${job.id}`,
      cookies: app.cookies,
    });
    const body = outcome.json() as {
      job: { status: string; lastError: string | null };
      result: Record<string, unknown>;
    };
    expect(body.job, body.job.lastError ?? '').toMatchObject({ status: 'succeeded' });
    if (kind === 'synthesis') {
      const deck = await app.http.inject({
        method: 'GET',
        url: `/api/interviews/synthesis/${job.id}/deck`,
        cookies: app.cookies,
      });
      expect(deck.statusCode).toBe(200);
      const d = body.result.deck as object;
      body.result.deck = { ...d, contentBase64: deck.rawPayload.toString('base64') };
    }
    // biome-ignore lint/suspicious/noExplicitAny: shaped like inject's answer, whose json() is any to its callers
    return { statusCode: outcome.statusCode, json: (): any => body.result };
  };
  const post = (payload: object) => runJob('synthesis', payload);
  const audits = async () =>
    (
      await app.services.db.kysely
        .selectFrom('audit_log')
        .select(['details_json'])
        .where('action', '=', 'synthesis.run')
        .execute()
    ).map((r) => JSON.parse(r.details_json) as Record<string, unknown>);

  it('turns uploaded transcripts and a pasted form into themes, a report and an editable deck', async () => {
    const res = await post({ formYaml, files, title: 'AI adoption', anonymize: true });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.report.interviews).toBe(corpus.transcripts.length);
    expect(body.report.themes).toBeGreaterThan(10);
    expect(body.report.slideCount).toBe(body.report.slides.length);
    expect(body.report.outTaskerPrice.amountMinor).toBe(body.report.slideCount * 1100);
    expect(body.insights.questions.map((q: { id: string }) => q.id)).toEqual(
      corpus.form.questions.map((q) => q.id),
    );
    expect(body.insights.title).toBe('AI adoption');
    const deck = Buffer.from(body.deck.contentBase64, 'base64');
    expect(deck.length).toBe(body.deck.bytes);
    expect(deck.subarray(0, 2).toString()).toBe('PK');
    expect(body.deck.fileName).toBe('ai-adoption.pptx');
    // Anonymised: no interviewee's name reaches the report or the page's preview.
    expect(body.markdown).toContain('## ');
    const preview = JSON.stringify(body.preview);
    for (const name of interviewees) {
      expect(body.markdown).not.toContain(name);
      expect(preview).not.toContain(name);
    }
    expect(body.preview.questions).toHaveLength(corpus.form.questions.length);
    const firstTheme = body.preview.questions[0].themes[0];
    expect(firstTheme.count).toBeGreaterThan(1);
    expect(firstTheme.quotes[0].source).toMatch(/Interview \d+/);
    expect(body.preview.splits.length).toBeGreaterThan(0);
    expect(await audits()).toContainEqual(
      expect.objectContaining({ files: files.length, skipped: 0, anonymized: true }),
    );
  });

  it('names every unreadable file and builds nothing, unless told to leave them out', async () => {
    const bad = [
      ...files.slice(0, 5),
      { name: 'notes.txt', contentBase64: Buffer.from('\u0000\u0001binary\u0000').toString('base64') },
      { name: 'empty.vtt', contentBase64: '' },
    ];
    const before = (await audits()).length;
    const refused = await post({ formYaml, files: bad });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    const err = refused.json().error;
    expect(err.message).toMatch(/2 of 7 transcript files could not be used/);
    expect(err.details.errors.map((e: { file: string }) => e.file).sort()).toEqual([
      'empty.vtt',
      'notes.txt',
    ]);
    expect((await audits()).length).toBe(before);

    const skipped = await post({ formYaml, files: bad, skipInvalid: true });
    expect(skipped.statusCode).toBe(200);
    expect(skipped.json().report.interviews).toBe(5);
    expect(
      skipped
        .json()
        .skipped.map((s: { file: string }) => s.file)
        .sort(),
    ).toEqual(['empty.vtt', 'notes.txt']);
  });

  it('serves the shipped sample interviews, which build a deck on their form with roles from interviews.csv', async () => {
    const get = (url: string) => app.http.inject({ method: 'GET', url, cookies: app.cookies });
    const list = (await get('/api/interviews/samples')).json() as { name: string; bytes: number }[];
    const names = list.map((f) => f.name);
    expect(names).toContain('interviews.csv');
    expect(names.filter((n) => /\.(vtt|txt|srt|json)$/.test(n)).length).toBe(24);
    expect(names).not.toContain('README.md');
    expect((await get('/api/interviews/samples/..%2Fpackage.json')).statusCode).toBe(404);
    expect((await get('/api/interviews/samples/nope.txt')).statusCode).toBe(404);
    // The form they follow is readable too, though it is no transcript and not in the listing.
    const form = await get('/api/interviews/samples/form.yaml');
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/^title: Executive interview\n/);
    expect(names).not.toContain('form.yaml');

    const read = async (name: string) => (await get(`/api/interviews/samples/${name}`)).rawPayload;
    const transcripts = await Promise.all(
      names
        .filter((n) => n !== 'interviews.csv')
        .map(async (name) => ({ name, contentBase64: (await read(name)).toString('base64') })),
    );
    const metaText = (await read('interviews.csv')).toString();
    // Their form, stored as a standard form the way a firm would import it.
    const imported = await app.http.inject({
      method: 'POST',
      url: '/api/forms/import?file=form.yaml',
      cookies: app.cookies,
      headers: { 'content-type': 'application/yaml' },
      payload: form.body,
    });
    expect(imported.statusCode).toBe(201);
    const sampleForm = imported.json().form as { id: string };
    const res = await post({
      formId: sampleForm.id,
      files: transcripts,
      meta: { name: 'interviews.csv', text: metaText },
      anonymize: true,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.report.interviews).toBe(24);
    expect(body.insights.questions).toHaveLength(8);
    expect(body.report.splits).toBeGreaterThanOrEqual(0);
    const roles = new Set(
      metaText
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',"')[1]!.split('",')[0]!),
    );
    const sources: string[] = body.preview.questions.flatMap(
      (q: { themes: { quotes: { source: string }[] }[] }) =>
        q.themes.flatMap((t) => t.quotes.map((x) => x.source)),
    );
    expect(sources.length).toBeGreaterThan(10);
    for (const source of sources) {
      const role = source.replace(/, Interview \d+$/, '');
      expect(roles.has(role)).toBe(true);
    }
    const badMeta = await post({
      formId: sampleForm.id,
      files: transcripts.slice(0, 3),
      meta: { name: 'roles.csv', text: 'who,what\nx,y\n' },
    });
    expect(badMeta.statusCode).toBe(400);
    expect(badMeta.json().error.message).toMatch(/roles\.csv:1/);
  });

  it('answers a question across the uploaded transcripts, naming nobody when anonymised', async () => {
    const ask = (payload: object) => runJob('ask', payload);
    const question = 'How fast should the firm move on adopting AI?';
    const named = await ask({ question, files });
    expect(named.statusCode).toBe(200);
    const a = named.json();
    expect(a.question).toBe(question);
    expect(a.covered).toBe(true);
    expect(a.answer.split(/\s+/).length).toBeGreaterThan(40);
    expect(a.citations.length).toBeGreaterThan(0);
    expect(a.citations[0].source).toMatch(/^ai-\d+$/);
    expect(interviewees.some((n) => a.answer.includes(n))).toBe(true);

    const anon = (await ask({ question, files, anonymize: true })).json();
    expect(anon.citations[0].source).toMatch(/^Interview \d+$/);
    for (const name of interviewees) expect(JSON.stringify(anon)).not.toContain(name);
    expect(JSON.stringify(anon)).not.toMatch(/ai-\d\d/);

    // A topic nobody discussed: the answer says so instead of claiming it was covered.
    const off = (await ask({ question: "What about the company's pension fund investments?", files })).json();
    expect(off.covered).toBe(false);
    expect(off.answer).toMatch(/^The interviews do not discuss the company's pension fund investments\./);

    expect((await ask({ question: '', files })).statusCode).toBe(400);
    expect((await ask({ question, files: [] })).statusCode).toBe(400);
  });

  it('uses a stored standard form by id, and refuses a request that is unclear or wrong', async () => {
    const imported = await app.http.inject({
      method: 'POST',
      url: '/api/forms/import?file=ai.yaml&name=AI%20adoption%20form',
      cookies: app.cookies,
      headers: { 'content-type': 'text/plain' },
      payload: formYaml,
    });
    expect(imported.statusCode).toBeLessThan(300);
    const formId = (imported.json() as { id?: string; form?: { id: string } }).form?.id ?? imported.json().id;
    const ok = await post({ formId, files: files.slice(0, 8) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().insights.questions).toHaveLength(corpus.form.questions.length);
    // Not anonymised: the report names the people it quotes.
    expect(interviewees.some((name) => ok.json().markdown.includes(name))).toBe(true);
    expect(interviewees.some((name) => JSON.stringify(ok.json().preview).includes(name))).toBe(true);

    const both = await post({ formId, formYaml, files });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.message).toMatch(/either formId .* or formYaml/);
    const none = await post({ formYaml, files: [] });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toMatch(/at least one transcript/);
    const unknown = await post({ formId: 'no-such-form', files });
    expect(unknown.statusCode).toBe(404);
    const badForm = await post({ formYaml: 'title: X\nquestions: []\n', files });
    expect(badForm.statusCode).toBe(400);
    expect(badForm.json().error.message).toMatch(/pasted form/);
    const dup = await post({ formYaml, files: [files[0], files[0]] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.message).toMatch(/sent twice/);
  });

  it('answers at once with the job, keeps the uploads only until it succeeds, and shows the outcome to its workspace only', async () => {
    const started = await app.http.inject({
      method: 'POST',
      url: '/api/interviews/synthesis',
      cookies: app.cookies,
      payload: { formYaml, files: files.slice(0, 6), title: 'Kept while queued' },
    });
    expect(started.statusCode).toBe(202);
    const { job } = started.json() as { job: { id: string; kind: string; status: string; label: string } };
    expect(job).toMatchObject({
      kind: 'interviews.synthesis',
      status: 'queued',
      label: 'Interview synthesis',
    });
    const { blobs, jobs } = app.services;
    // Queued: the six transcripts are stored, held by the job; there is no deck yet.
    expect((await blobs.refsOf('job-input', job.id)).map((r) => r.name)).toEqual(
      files
        .slice(0, 6)
        .map((f) => f.name)
        .sort(),
    );
    const waiting = await app.http.inject({
      method: 'GET',
      url: `/api/interviews/synthesis/${job.id}`,
      cookies: app.cookies,
    });
    expect(waiting.json()).toMatchObject({ job: { status: 'queued' }, result: null });
    const noDeck = await app.http.inject({
      method: 'GET',
      url: `/api/interviews/synthesis/${job.id}/deck`,
      cookies: app.cookies,
    });
    expect(noDeck.statusCode).toBe(404);

    await new JobWorker(jobs.queue, jobs.registry).drain();
    const done = (
      await app.http.inject({
        method: 'GET',
        url: `/api/interviews/synthesis/${job.id}`,
        cookies: app.cookies,
      })
    ).json();
    expect(done.job).toMatchObject({ status: 'succeeded', progress: { done: 3, total: 3 } });
    expect(done.result.insights.title).toBe('Kept while queued');
    // Succeeded: the uploads are let go (the sweep removes them), the deck and results are held.
    expect(await blobs.refsOf('job-input', job.id)).toEqual([]);
    expect((await blobs.refsOf('job-output', job.id)).map((r) => r.name)).toEqual([
      'kept-while-queued.pptx',
      'results.json',
    ]);
    expect((await app.services.jobs.queue.steps(job.id)).map((s) => s.key)).toEqual(['synthesis', 'store']);

    const other = await aWorkspaceWithOwner(app.services);
    const theirCookies = await app.login(other.email, other.password);
    const theirs = await app.http.inject({
      method: 'GET',
      url: `/api/interviews/synthesis/${job.id}`,
      cookies: theirCookies,
    });
    expect(theirs.statusCode).toBe(404);
    const theirDeck = await app.http.inject({
      method: 'GET',
      url: `/api/interviews/synthesis/${job.id}/deck`,
      cookies: theirCookies,
    });
    expect(theirDeck.statusCode).toBe(404);
  });
});
