/**
 * The API connectors as durable jobs, on every dialect, against the local contract server: the firm
 * saves a token (sealed at rest, never answered, owner only), publishes (a job, once per post
 * version), the job posts and records the listing; a failed attempt is retried without posting twice;
 * bids are read and an award is made once per listing. With nothing configured, the assisted way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDeckWithHistory, aUser } from '../../test/factories/index.ts';
import { signedInApp } from '../../test/helpers/app.ts';
import { testDialects } from '../../test/helpers/db.ts';
import { type ContractServer, startContractServer } from '../../test/helpers/marketplace-contract.ts';
import { fixedClock } from '../platform/clock.ts';
import { JobWorker } from '../platform/jobs/index.ts';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe.each(testDialects)('marketplace connectors as durable jobs on %s (contract test)', (dialect) => {
  let server: ContractServer;
  let t: Awaited<ReturnType<typeof signedInApp>>;
  let worker: JobWorker;
  let postId: string;
  let listingId: string;
  const clock = fixedClock('2026-12-07T18:00:00Z');
  const api = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    cookies = t.cookies,
  ) =>
    t.http.inject({ method, url, cookies, ...(payload !== undefined ? { payload: payload as object } : {}) });

  beforeAll(async () => {
    server = await startContractServer();
    t = await signedInApp(dialect, {
      clock,
      env: {
        OUTTASK_SECRETS_KEY: KEY,
        OUTTASK_FREELANCER_API_URL: `${server.url}/api`,
        OUTTASK_UPWORK_API_URL: `${server.url}/graphql`,
      },
    });
    const d = await aDeckWithHistory(t.services, t.owner.actor);
    await t.services.procedures.approve(t.owner.actor, d.v2.id);
    postId = (await t.services.marketplace.compile(t.owner.actor, d.firm.deck.id)).id;
    worker = new JobWorker(t.services.jobs.queue, t.services.jobs.registry);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await server?.close();
  });

  it('with nothing connected, publishing is the assisted way: the rendering and the posting page', async () => {
    const r = await api('POST', `/api/posts/${postId}/publish`, { marketplace: 'freelancer' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      mode: 'assisted',
      postingUrl: 'https://www.freelancer.com/post-project',
      rendering: { marketplace: 'freelancer', fields: { budgetMin: '440.00' } },
    });
    const list = (await api('GET', '/api/marketplaces')).json();
    expect(list.find((m: { marketplace: string }) => m.marketplace === 'freelancer')).toMatchObject({
      connected: false,
      capabilities: { render: true, post: false, readBids: false, award: false },
    });
  });

  it('the owner saves the token: sealed at rest, never answered; staff may not', async () => {
    const staff = await aUser(t.services, t.owner.workspace, 'staff');
    const staffCookies = await t.login(staff.email, staff.password);
    const body = { token: server.freelancer.token, settings: { currencyId: 1, jobIds: [1013] } };
    expect((await api('PUT', '/api/marketplaces/freelancer/connection', body, staffCookies)).statusCode).toBe(
      403,
    );
    const bad = await api('PUT', '/api/marketplaces/freelancer/connection', {
      ...body,
      settings: { currencyId: 1, jobIds: [] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/settings\.jobIds/);

    const r = await api('PUT', '/api/marketplaces/freelancer/connection', body);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      connected: true,
      capabilities: { post: true, readBids: true, award: true },
    });
    expect(r.body).not.toContain(server.freelancer.token);
    const row = await t.services.db.kysely
      .selectFrom('marketplace_connections')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row.token_sealed).toMatch(/^v1:/);
    expect(row.token_sealed).not.toContain(server.freelancer.token);
    expect(Buffer.from(row.token_sealed.split(':')[3]!, 'base64').toString('utf8')).not.toContain('fl-token');
    const audit = await t.services.db.kysely
      .selectFrom('audit_log')
      .select('details_json')
      .where('action', '=', 'marketplace.connect')
      .execute();
    expect(JSON.stringify(audit)).not.toContain(server.freelancer.token);
  });

  it('publishes as a job (once per version); a 5xx attempt is retried later and posts exactly once', async () => {
    server.queue('/api/projects/0.1/projects/', { status: 502, body: {} });
    const r = await api('POST', `/api/posts/${postId}/publish`, { marketplace: 'freelancer' });
    expect(r.json()).toMatchObject({ mode: 'api', created: true });
    const again = await api('POST', `/api/posts/${postId}/publish`, { marketplace: 'freelancer' });
    expect(again.json()).toMatchObject({ mode: 'api', created: false, jobId: r.json().jobId });

    await worker.drain();
    let job = await t.services.jobs.queue.get(r.json().jobId);
    expect(job).toMatchObject({ status: 'queued', attempts: 1 });
    expect(job?.lastError).toMatch(/MARKETPLACE_UNAVAILABLE/);
    clock.advance(31_000); // the job's backoff (30 s)
    await worker.drain();
    job = await t.services.jobs.queue.get(r.json().jobId);
    expect(job?.status).toBe('succeeded');
    expect(server.freelancer.projects).toHaveLength(1);
    expect(server.violations).toEqual([]);

    const listings = (await api('GET', `/api/posts/${postId}/listings`)).json();
    expect(listings).toEqual([
      expect.objectContaining({
        marketplace: 'freelancer',
        via: 'api',
        externalId: String(server.freelancer.projects[0]!.id),
      }),
    ]);
    listingId = listings[0].id;
  });

  it('reads the listing’s bids as a job (normalized in its result) and awards one bid, once per listing', async () => {
    const projectId = Number(server.freelancer.projects[0]!.id);
    server.freelancer.bids.push(
      {
        id: 700001,
        bidder_id: 81,
        project_id: projectId,
        amount: 400,
        period: 1,
        description: 'I can do it',
        submitdate: 1_796_000_000,
      },
      {
        id: 700002,
        bidder_id: 82,
        project_id: projectId,
        amount: 520,
        period: 3,
        description: 'Me too',
        submitdate: 1_796_000_100,
      },
    );
    const read = await api('POST', `/api/listings/${listingId}/fetch-bids`);
    expect(read.statusCode, read.body).toBe(200);
    await worker.drain();
    const job = await t.services.jobs.queue.get(read.json().jobId);
    expect(job?.status).toBe('succeeded');
    const result = job?.result as {
      bids: { externalId: string; amount: unknown; turnaroundHours: number }[];
    };
    expect(result.bids.map((b) => [b.externalId, b.amount, b.turnaroundHours])).toEqual([
      ['700001', { amountMinor: 40000, currency: 'USD' }, 24],
      ['700002', { amountMinor: 52000, currency: 'USD' }, 72],
    ]);
    expect(job?.result).toMatchObject({ stored: { created: 2, updated: 0, newOuttaskers: 2 } });

    // The bids are in the bids table, priced per slide (a $400 bid for a 40-slide order: $10 a slide),
    // and in the post's comparison beside any others.
    const taskId = (await api('GET', `/api/posts/${postId}`)).json().taskId as string;
    const cmp = await api('GET', `/api/bids/compare/${taskId}?postId=${postId}`);
    expect(cmp.statusCode, cmp.body).toBe(200);
    type Row = {
      bid: { externalId: string; source: string; unit: string; outtaskerName: string; message: string };
      unitPriceFirm: { amountMinor: number };
      rank: number;
    };
    const rows = cmp.json().rows as Row[];
    expect(
      rows.map((r) => [r.bid.externalId, r.bid.source, r.bid.unit, r.unitPriceFirm.amountMinor, r.rank]),
    ).toEqual([
      ['700001', 'connector', 'slide', 1000, 1],
      ['700002', 'connector', 'slide', 1300, 2],
    ]);
    expect(rows[0]!.bid.outtaskerName).toBe('Freelancer.com user 81');
    expect(rows[0]!.bid.message).toMatch(/\$400\.00 for an order of 40 slides: \$10\.00 a slide/);

    // Read again after a bidder lowered theirs: the same two bids, updated, no new out-taskers.
    (server.freelancer.bids[1] as { amount: number }).amount = 480;
    const reread = await api('POST', `/api/listings/${listingId}/fetch-bids`);
    await worker.drain();
    expect((await t.services.jobs.queue.get(reread.json().jobId))?.result).toMatchObject({
      stored: { created: 0, updated: 2, newOuttaskers: 0 },
    });
    const after = (await api('GET', `/api/bids?postId=${postId}`)).json() as {
      externalId: string;
      unitPrice: { amountMinor: number };
    }[];
    expect(after.map((b) => [b.externalId, b.unitPrice.amountMinor]).sort()).toEqual([
      ['700001', 1000],
      ['700002', 1200],
    ]);

    const award = await api('POST', `/api/listings/${listingId}/award`, { bidExternalId: '700001' });
    expect(award.statusCode, award.body).toBe(200);
    const twice = await api('POST', `/api/listings/${listingId}/award`, { bidExternalId: '700001' });
    expect(twice.json()).toMatchObject({ created: false, jobId: award.json().jobId });
    const other = await api('POST', `/api/listings/${listingId}/award`, { bidExternalId: '700002' });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('BID_ALREADY_AWARDED');
    await worker.drain();
    expect(server.freelancer.awarded).toEqual(['700001']);
  });

  it('without the key the token cannot be opened: assisted again, not an error page', async () => {
    const noKey = await signedInApp(dialect, { env: { OUTTASK_FREELANCER_API_URL: `${server.url}/api` } });
    try {
      const r = await noKey.http.inject({
        method: 'PUT',
        url: '/api/marketplaces/freelancer/connection',
        cookies: noKey.cookies,
        payload: { token: 'x'.repeat(20), settings: { currencyId: 1, jobIds: [1] } },
      });
      expect(r.statusCode).toBe(409);
      expect(r.json().error).toMatchObject({ code: 'MARKETPLACE_NOT_CONFIGURED' });
      expect(r.json().error.message).toMatch(/OUTTASK_SECRETS_KEY/);
    } finally {
      await noKey.close();
    }
  });

  it('forgetting the token goes back to assisted', async () => {
    const r = await api('DELETE', '/api/marketplaces/freelancer/connection');
    expect(r.statusCode).toBe(204);
    const fetch = await api('POST', `/api/listings/${listingId}/fetch-bids`);
    expect(fetch.statusCode).toBe(409);
    expect(fetch.json().error.code).toBe('MARKETPLACE_NOT_CONFIGURED');
  });
});
