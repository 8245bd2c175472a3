/**
 * Job posts on every dialect, through the HTTP edge and the service: compiled from the approved
 * procedure (never a draft), versioned with the procedure version they came from, edited as new
 * versions (a stale edit refused), rendered per marketplace, the listing URL pasted back once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDeckWithHistory, aProcess, aTask, storeFirm } from '../../test/factories/index.ts';
import { signedInApp } from '../../test/helpers/app.ts';
import { testDialects } from '../../test/helpers/db.ts';

describe.each(testDialects)('job posts on %s', (dialect) => {
  let t: Awaited<ReturnType<typeof signedInApp>>;
  let deck: Awaited<ReturnType<typeof aDeckWithHistory>>;
  let postId: string;
  const actor = () => t.owner.actor;
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.http.inject({
      method,
      url,
      cookies: t.cookies,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  beforeAll(async () => {
    t = await signedInApp(dialect);
    deck = await aDeckWithHistory(t.services, actor());
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('compiles from the approved version 1, not from the draft', async () => {
    const r = await api('POST', '/api/posts', { taskId: deck.firm.deck.id });
    expect(r.statusCode, r.body).toBe(200);
    const post = r.json();
    postId = post.id;
    expect(post).toMatchObject({
      version: 1,
      procedureVersion: { id: deck.v1.id, number: 1 },
      newerProcedureVersion: null,
      edited: false,
      taskName: 'Build the summary deck',
    });
    expect(post.content).toMatchObject({
      title: 'Build the summary deck',
      pricing: { kind: 'per_unit', amount: { amountMinor: 1100, currency: 'USD' }, unit: 'slide' },
      turnaroundHours: expect.any(Number),
      volume: { ordersPerYear: 8, unitsPerOrder: 40 },
      ndaRequired: true,
      experienceLevel: 'intermediate',
    });
    expect(post.content.screeningQuestions).toContain(
      'Will you sign a non-disclosure agreement before receiving the material?',
    );
  });

  it('says when a newer procedure version is approved, and recompiles from it as post version 2', async () => {
    const p = t.services.procedures;
    const build = deck.v2.steps.find((s) => s.performer.kind === 'outtasker')!;
    await p.updateStep(actor(), deck.v2.id, build.id, {
      tool: 'PowerPoint',
      acceptanceCriteria: ['Every slide uses the firm template', 'No client names on any slide'],
    });
    await p.updateVersion(actor(), deck.v2.id, { turnaroundHours: 24 });
    await p.approve(actor(), deck.v2.id);
    const before = (await api('GET', `/api/posts/${postId}`)).json();
    expect(before.newerProcedureVersion).toBe(2);

    const r = await api('POST', '/api/posts', { taskId: deck.firm.deck.id });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      id: postId,
      version: 2,
      procedureVersion: { id: deck.v2.id, number: 2 },
      newerProcedureVersion: null,
      content: {
        title: 'Deck designer: Build the summary deck',
        skills: ['PowerPoint'],
        acceptanceCriteria: ['Every slide uses the firm template', 'No client names on any slide'],
        turnaroundHours: 24,
      },
    });
  });

  it('an edit is a new version on the same procedure version; an edit of a stale version is refused', async () => {
    const current = (await api('GET', `/api/posts/${postId}`)).json();
    const content = {
      ...current.content,
      title: '  Deck designer for interview summaries  ',
      skills: ['PowerPoint', 'powerpoint', 'Keynote'],
    };
    const r = await api('PUT', `/api/posts/${postId}`, { content, version: 2, note: 'Shorter title' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      version: 3,
      edited: true,
      procedureVersion: { number: 2 },
      content: { title: 'Deck designer for interview summaries', skills: ['PowerPoint', 'Keynote'] },
    });
    const stale = await api('PUT', `/api/posts/${postId}`, { content, version: 2 });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error).toMatchObject({ code: 'STALE_WRITE', details: { currentVersion: 3 } });

    const bad = await api('PUT', `/api/posts/${postId}`, {
      content: { ...content, title: '   ' },
      version: 3,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'POST_INVALID', details: { field: 'title' } });

    const versions = (await api('GET', `/api/posts/${postId}/versions`)).json();
    expect(versions.map((v: { version: number; note: string }) => [v.version, v.note])).toEqual([
      [3, 'Shorter title'],
      [2, 'Compiled from procedure version 2'],
      [1, 'Compiled from procedure version 1'],
    ]);
    const v1 = (await api('GET', `/api/posts/${postId}/versions/1`)).json();
    expect(v1.content.title).toBe('Build the summary deck');
  });

  it('renders the current version for a marketplace within its limits', async () => {
    const r = await api('GET', `/api/posts/${postId}/render/freelancer`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({
      marketplace: 'freelancer',
      postId,
      postVersion: 3,
      fields: { title: 'Deck designer for interview summaries', budgetMin: '440.00', currency: 'USD' },
    });
    expect(body.warnings.map((w: { code: string }) => w.code)).toContain('PRICE_CONVERTED');
    const bad = await api('GET', `/api/posts/${postId}/render/fiverr`);
    expect(bad.statusCode).toBe(400);
  });

  it('records the pasted listing URL once, with its id, and refuses another marketplace’s address', async () => {
    const url = 'https://www.freelancer.com/projects/powerpoint/deck-designer-summary-deck-39123456';
    const first = await api('POST', `/api/posts/${postId}/listings`, { marketplace: 'freelancer', url });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      created: true,
      listing: {
        marketplace: 'freelancer',
        externalId: '39123456',
        postVersion: 3,
        via: 'assisted',
        status: 'open',
      },
    });
    const again = await api('POST', `/api/posts/${postId}/listings`, {
      marketplace: 'freelancer',
      url: `${url}#bids`,
    });
    expect(again.json()).toMatchObject({ created: false, listing: { id: first.json().listing.id } });
    const wrong = await api('POST', `/api/posts/${postId}/listings`, { marketplace: 'upwork', url });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('LISTING_URL_INVALID');
    const list = (await api('GET', `/api/posts/${postId}/listings`)).json();
    expect(list).toHaveLength(1);
    const closed = await api('POST', `/api/listings/${list[0].id}/close`);
    expect(closed.json().status).toBe('closed');
  });

  it('refuses a task without an approved procedure, and a post of another workspace is not found', async () => {
    const process = aProcess({ name: 'Back office' });
    const task = aTask({ processId: process.id, name: 'File the receipts' });
    await storeFirm(t.services, actor(), { members: [], processes: [process], tasks: [task] });
    const r = await api('POST', '/api/posts', { taskId: task.id });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('PROCEDURE_NOT_APPROVED');
    const none = await api('GET', `/api/posts/by-task/${task.id}`);
    expect(none.statusCode).toBe(200);
    expect(none.json()).toBeNull();
    const missing = await api('GET', '/api/posts/0190aaaa-0000-7000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('POST_NOT_FOUND');
  });

  it('every change is audited', async () => {
    const rows = await t.services.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('subject_type', '=', 'job_post')
      .execute();
    expect(rows.map((r) => r.action).sort()).toEqual(
      ['post.compile', 'post.edit', 'post.listing.close', 'post.listing.record', 'post.recompile'].sort(),
    );
  });
});
