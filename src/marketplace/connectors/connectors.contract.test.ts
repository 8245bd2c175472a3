/**
 * Contract tests of the API connectors: each runs against a local HTTP server implementing the
 * marketplace's documented API contract (test/helpers/marketplace-contract.ts), which checks every
 * request field by field. They prove the connectors speak the contract as documented — not that the
 * live service still answers that way (nothing outside can be reached from here).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aDeckPost } from '../../../test/factories/index.ts';
import { type ContractServer, startContractServer } from '../../../test/helpers/marketplace-contract.ts';
import { AppError } from '../../platform/errors.ts';
import { freelancerConnector } from './freelancer.ts';
import { type HttpDeps, retryDelayMs } from './http.ts';
import { upworkConnector } from './upwork.ts';

let server: ContractServer;
let waits: number[];
const deps = (): HttpDeps => ({
  fetch: (url, init) => fetch(url, init),
  sleep: async (ms) => {
    waits.push(ms);
  },
  now: () => new Date('2026-12-07T18:00:00Z'),
});
const signal = () => new AbortController().signal;

beforeAll(async () => {
  server = await startContractServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  waits = [];
  server.requests.length = 0;
});

async function codeOf(p: Promise<unknown>): Promise<{ code: string; error: AppError | null }> {
  try {
    await p;
    return { code: 'none', error: null };
  } catch (e) {
    return e instanceof AppError ? { code: e.code, error: e } : { code: String(e), error: null };
  }
}

describe('Freelancer.com API connector — contract test (documented contract, local server)', () => {
  const fl = (token = server.freelancer.token) =>
    freelancerConnector(
      {
        api: `${server.url}/api`,
        site: 'https://www.freelancer.com',
        token,
        settings: { currencyId: 1, jobIds: [1013, 32] },
      },
      deps(),
    );

  it('posts the project with the documented fields and returns its listing', async () => {
    const posted = await fl().post(aDeckPost(), signal());
    expect(server.violations).toEqual([]);
    const req = server.requests.at(-1)!;
    expect(req).toMatchObject({ method: 'POST', path: '/api/projects/0.1/projects/' });
    expect(req.headers['freelancer-oauth-v1']).toBe(server.freelancer.token);
    expect(req.body).toMatchObject({
      title: 'Deck designer: Summary deck from interview notes',
      currency: { id: 1 },
      budget: { minimum: 440, maximum: 440 },
      jobs: [{ id: 1013 }, { id: 32 }],
    });
    expect((req.body as { description: string }).description).toContain('Price: $11.00 per slide');
    expect((req.body as { type?: string }).type).toBeUndefined();
    expect(posted.externalId).toMatch(/^39\d{6}$/);
    expect(posted.url).toBe(
      `https://www.freelancer.com/projects/presentation-design/deck-designer-summary-deck-from-interview-notes-${posted.externalId}`,
    );
  });

  it('an hourly post is type HOURLY with its weekly commitment', async () => {
    await fl().post(
      aDeckPost({
        pricing: { kind: 'hourly', amount: { amountMinor: 3500, currency: 'USD' }, unit: 'hour' },
      }),
      signal(),
    );
    expect(server.violations).toEqual([]);
    expect(server.requests.at(-1)!.body).toMatchObject({
      type: 'HOURLY',
      budget: { minimum: 35, maximum: 35 },
      hourly_project_info: { commitment: { hours: 10, interval: 'week' } },
    });
  });

  it('reads every bid, page by page, normalized (amount in minor units, period days → hours)', async () => {
    server.freelancer.bids.push(
      ...Array.from({ length: 130 }, (_, i) => ({
        id: 500_000 + i,
        bidder_id: 9000 + i,
        project_id: 39_000_777,
        amount: i === 0 ? 420.5 : 440,
        period: i === 0 ? 1 : 2,
        description: `Bid ${i}`,
        submitdate: 1_796_000_000 + i,
        award_status: null,
        retracted: false,
      })),
      {
        id: 1,
        bidder_id: 1,
        project_id: 1,
        amount: 1,
        period: 1,
        description: 'another project',
        submitdate: 1,
      },
    );
    const bids = await fl().readBids('39000777', { currency: 'USD', kind: 'fixed' }, signal());
    expect(server.violations).toEqual([]);
    expect(bids).toHaveLength(130);
    expect(
      server.requests.map((r) => [r.query.get('offset'), r.query.get('limit'), r.query.getAll('projects[]')]),
    ).toEqual([
      ['0', '100', ['39000777']],
      ['100', '100', ['39000777']],
    ]);
    expect(bids[0]).toEqual({
      marketplace: 'freelancer',
      externalId: '500000',
      bidder: { externalId: '9000', name: null, profileUrl: null },
      amount: { amountMinor: 42050, currency: 'USD' },
      kind: 'fixed',
      turnaroundHours: 24,
      message: 'Bid 0',
      submittedAt: new Date(1_796_000_000 * 1000).toISOString(),
      status: 'open',
    });
  });

  it('awards a bid with PUT …/bids/{id}/?action=award, form-encoded', async () => {
    await fl().award('39000777', '500003', signal());
    expect(server.violations).toEqual([]);
    expect(server.freelancer.awarded).toContain('500003');
    const req = server.requests.at(-1)!;
    expect(req).toMatchObject({ method: 'PUT', path: '/api/projects/0.1/bids/500003/' });
  });

  it('429: waits what Retry-After says, in place, then succeeds', async () => {
    server.queue('/api/projects/0.1/projects/', {
      status: 429,
      headers: { 'Retry-After': '2' },
      body: { status: 'error' },
    });
    server.queue('/api/projects/0.1/projects/', {
      status: 429,
      headers: { RateLimit: 'limit=10, remaining=0, reset=5' },
      body: { status: 'error' },
    });
    const posted = await fl().post(aDeckPost(), signal());
    expect(waits).toEqual([2000, 5000]);
    expect(posted.externalId).toBeTruthy();
    expect(server.requests).toHaveLength(3);
  });

  it('429 asking for longer than a worker waits: MARKETPLACE_RATE_LIMITED (the job retries later), nothing posted', async () => {
    const before = server.freelancer.projects.length;
    server.queue('/api/projects/0.1/projects/', { status: 429, headers: { 'Retry-After': '600' }, body: {} });
    const r = await codeOf(fl().post(aDeckPost(), signal()));
    expect(r.code).toBe('MARKETPLACE_RATE_LIMITED');
    expect(r.error?.details).toMatchObject({ retryAfterSeconds: 600 });
    expect(server.freelancer.projects.length).toBe(before);
  });

  it('a refused token is MARKETPLACE_REJECTED without the token in the error; a 5xx is MARKETPLACE_UNAVAILABLE', async () => {
    const bad = await codeOf(fl('wrong-token-abcdef').post(aDeckPost(), signal()));
    expect(bad.code).toBe('MARKETPLACE_REJECTED');
    expect(JSON.stringify(bad.error)).not.toContain('wrong-token-abcdef');
    expect(bad.error?.message).toMatch(/refused the token \(401\)/);
    server.queue('/api/projects/0.1/projects/', { status: 503, body: {} });
    expect((await codeOf(fl().post(aDeckPost(), signal()))).code).toBe('MARKETPLACE_UNAVAILABLE');
  });
});

describe('Upwork GraphQL connector — contract test (documented contract, local server)', () => {
  const up = () =>
    upworkConnector(
      {
        graphql: `${server.url}/graphql`,
        token: server.upwork.token,
        settings: { organizationId: server.upwork.organizationId },
      },
      deps(),
    );

  it('posts with createJobPosting(jobPostingRequest) and the documented fields', async () => {
    const posted = await up().post(aDeckPost(), signal());
    expect(server.violations).toEqual([]);
    const req = server.requests.at(-1)!;
    expect(req.headers.authorization).toBe(`Bearer ${server.upwork.token}`);
    expect(req.headers['x-upwork-api-tenantid']).toBe(server.upwork.organizationId);
    const r = (req.body as { variables: { jobPostingRequest: Record<string, unknown> } }).variables
      .jobPostingRequest;
    expect(r).toMatchObject({
      organizationId: server.upwork.organizationId,
      jobPostingInfo: {
        title: 'Deck designer: Summary deck from interview notes',
        type: 'FIXED_PRICE',
        amount: '440.00',
        experienceLevel: 'INTERMEDIATE',
      },
      questions: [{ question: 'How many decks like these have you delivered?' }],
    });
    expect(posted.externalId).toBe(server.upwork.postings.at(-1)!.id);
    expect(posted.url).toBe(`https://www.upwork.com/jobs/~${posted.externalId}`);
  });

  it('reads every proposal through clientProposals, cursor by cursor', async () => {
    server.upwork.proposals.push(
      ...Array.from({ length: 60 }, (_, i) => ({
        jobPostingId: 'JP1',
        id: `P${i}`,
        user: { id: `U${i}`, name: `Designer ${i}.`, publicUrl: `https://www.upwork.com/freelancers/~u${i}` },
        terms: { chargeRate: { rawValue: i === 0 ? '420.50' : '440', currency: 'USD' } },
        coverLetter: `Cover ${i}`,
        status: { status: 'PENDING' },
        auditDetails: { createdDateTime: '2026-12-07T10:00:00Z' },
      })),
    );
    const bids = await up().readBids('JP1', { currency: 'USD', kind: 'fixed' }, signal());
    expect(server.violations).toEqual([]);
    expect(bids).toHaveLength(60);
    expect(
      server.requests.map((r) => (r.body as { variables: { pagination: unknown } }).variables.pagination),
    ).toEqual([{ first: 50 }, { first: 50, after: '50' }]);
    expect(bids[0]).toEqual({
      marketplace: 'upwork',
      externalId: 'P0',
      bidder: { externalId: 'U0', name: 'Designer 0.', profileUrl: 'https://www.upwork.com/freelancers/~u0' },
      amount: { amountMinor: 42050, currency: 'USD' },
      kind: 'fixed',
      turnaroundHours: null,
      message: 'Cover 0',
      submittedAt: '2026-12-07T10:00:00Z',
      status: 'PENDING',
    });
  });

  it('a GraphQL error (200 with errors[]) is MARKETPLACE_REJECTED naming it; award is not offered', async () => {
    server.queue('/graphql', {
      status: 200,
      body: { data: null, errors: [{ message: 'organization not permitted' }] },
    });
    const r = await codeOf(up().post(aDeckPost(), signal()));
    expect(r.code).toBe('MARKETPLACE_REJECTED');
    expect(r.error?.message).toContain('organization not permitted');
    expect(up().capabilities).toMatchObject({ post: true, readBids: true, award: false });
    expect((await codeOf(up().award('JP1', 'P1', signal()))).code).toBe('MARKETPLACE_UNSUPPORTED');
  });
});

describe('retryDelayMs', () => {
  const h = (o: Record<string, string>) => new Headers(o);
  const now = new Date('2026-12-07T18:00:00Z');
  it.each([
    [{ 'Retry-After': '7' }, 7000],
    [{ 'Retry-After': 'Mon, 07 Dec 2026 18:00:30 GMT' }, 30_000],
    [{ 'RateLimit-Reset': '12' }, 12_000],
    [{ RateLimit: 'limit=100, remaining=0, reset=9' }, 9000],
    [{ RateLimit: '"default";r=0;t=4' }, 4000],
    [{}, null],
  ])('%j → %s', (headers, ms) => {
    expect(retryDelayMs(h(headers), now)).toBe(ms);
  });
});
