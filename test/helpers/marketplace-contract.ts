/**
 * A local HTTP server implementing the marketplaces' documented API contracts, for the connectors'
 * contract tests (no marketplace can be reached from here). It checks every request field by field
 * against the documented shape — path, method, auth header, body fields and their types — and
 * answers with the documented response shapes; a request that breaks the contract is answered 400
 * and recorded as a violation, so a test fails on it. It proves the contract as documented, not the
 * live service.
 *
 * Freelancer.com (REST, projects 0.1, as its official SDK sends it) under /api:
 *   POST /api/projects/0.1/projects/   GET /api/projects/0.1/bids/?projects[]=   PUT /api/projects/0.1/bids/{id}/?action=award
 * Upwork (GraphQL) at /graphql: createJobPosting, clientProposals.
 * The title and description minimums it checks on Freelancer.com (10 and 30 characters) are those of
 * src/marketplace/limits.ts, which says they were not found in the documentation searchable here.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface ContractServer {
  url: string;
  /** Every request, in order. */
  requests: Recorded[];
  /** Requests that broke the documented contract (each with why). */
  violations: string[];
  /** Answers queued for the next requests matching `path` (a prefix), before the contract's own answer. */
  queue(path: string, answer: { status: number; headers?: Record<string, string>; body?: unknown }): void;
  freelancer: {
    token: string;
    projects: Record<string, unknown>[];
    bids: Record<string, unknown>[];
    awarded: string[];
  };
  upwork: {
    token: string;
    organizationId: string;
    postings: Record<string, unknown>[];
    proposals: Record<string, unknown>[];
  };
  close(): Promise<void>;
}

const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown) => typeof v === 'string';

export async function startContractServer(): Promise<ContractServer> {
  const requests: Recorded[] = [];
  const violations: string[] = [];
  const queued: {
    path: string;
    answer: { status: number; headers?: Record<string, string>; body?: unknown };
  }[] = [];
  const freelancer = {
    token: 'fl-token-0123456789',
    projects: [] as Record<string, unknown>[],
    bids: [] as Record<string, unknown>[],
    awarded: [] as string[],
  };
  const upwork = {
    token: 'up-token-0123456789',
    organizationId: '1234567890123456789',
    postings: [] as Record<string, unknown>[],
    proposals: [] as Record<string, unknown>[],
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://local');
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = raw;
      if ((req.headers['content-type'] ?? '').includes('application/json') && raw) {
        try {
          body = JSON.parse(raw);
        } catch {
          body = Symbol('unparsable');
        }
      }
      const rec: Recorded = {
        method: req.method ?? '',
        path: u.pathname,
        query: u.searchParams,
        headers: req.headers,
        body,
      };
      requests.push(rec);
      const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(json === undefined ? '' : JSON.stringify(json));
      };
      const i = queued.findIndex((q) => u.pathname.startsWith(q.path));
      if (i >= 0) {
        const [{ answer }] = queued.splice(i, 1) as [(typeof queued)[number]];
        return send(answer.status, answer.body, answer.headers);
      }
      const violate = (why: string) => {
        violations.push(`${rec.method} ${rec.path}: ${why}`);
        send(400, { status: 'error', message: why, error_code: 'ContractViolation' });
      };
      if (u.pathname.startsWith('/api/')) return freelancerRoute(rec, send, violate);
      if (u.pathname === '/graphql') return upworkRoute(rec, send, violate);
      send(404, { status: 'error', message: 'not found' });
    });
  });

  function freelancerRoute(
    rec: Recorded,
    send: (s: number, j: unknown) => void,
    violate: (w: string) => void,
  ) {
    if (rec.headers['freelancer-oauth-v1'] !== freelancer.token) {
      return send(401, {
        status: 'error',
        message: 'You must be logged in',
        error_code: 'NotAuthorizedException',
      });
    }
    if (rec.method === 'POST' && rec.path === '/api/projects/0.1/projects/') {
      const b = rec.body as Record<string, unknown>;
      if (!b || typeof b !== 'object') return violate('body must be JSON');
      if (!isStr(b.title) || (b.title as string).length < 10)
        return violate('title: a string of at least 10 characters');
      if (!isStr(b.description) || (b.description as string).length < 30)
        return violate('description: a string of at least 30 characters');
      const cur = b.currency as { id?: unknown } | undefined;
      if (!cur || !isNum(cur.id)) return violate('currency: { id: number }');
      const budget = b.budget as { minimum?: unknown; maximum?: unknown } | undefined;
      if (!budget || !isNum(budget.minimum)) return violate('budget: { minimum: number, maximum?: number }');
      if (
        budget.maximum !== undefined &&
        (!isNum(budget.maximum) || (budget.maximum as number) < (budget.minimum as number))
      )
        return violate('budget.maximum: a number not below minimum');
      const jobs = b.jobs as { id?: unknown }[] | undefined;
      if (!Array.isArray(jobs) || jobs.length === 0 || !jobs.every((j) => isNum(j.id)))
        return violate('jobs: [{ id: number }], at least one');
      if (b.type !== undefined && b.type !== 'HOURLY' && b.type !== 'FIXED')
        return violate('type: FIXED or HOURLY');
      if (b.type === 'HOURLY') {
        const h = b.hourly_project_info as
          | { commitment?: { hours?: unknown; interval?: unknown } }
          | undefined;
        if (!h?.commitment || !isNum(h.commitment.hours) || !isStr(h.commitment.interval))
          return violate('hourly_project_info: { commitment: { hours, interval }, duration_enum }');
      }
      const id = 39_000_000 + freelancer.projects.length + 1;
      const seo = `presentation-design/${String(b.title)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')}-${id}`;
      freelancer.projects.push({ ...b, id });
      return send(200, { status: 'success', result: { id, seo_url: seo, title: b.title, status: 'active' } });
    }
    if (rec.method === 'GET' && rec.path === '/api/projects/0.1/bids/') {
      const projects = rec.query.getAll('projects[]');
      if (projects.length === 0) return violate('projects[]: at least one project id');
      const limit = Number(rec.query.get('limit') ?? 10);
      const offset = Number(rec.query.get('offset') ?? 0);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) return violate('limit: 1 to 100');
      const all = freelancer.bids.filter((b) => projects.includes(String(b.project_id)));
      return send(200, {
        status: 'success',
        result: { bids: all.slice(offset, offset + limit), users: null },
      });
    }
    const award = /^\/api\/projects\/0\.1\/bids\/(\d+)\/$/.exec(rec.path);
    if (rec.method === 'PUT' && award) {
      if (rec.query.get('action') !== 'award') return violate('action=award in the query');
      if (!(rec.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
        return violate('Content-Type: application/x-www-form-urlencoded');
      if (!freelancer.bids.some((b) => String(b.id) === award[1]))
        return send(404, { status: 'error', message: 'Bid not found' });
      freelancer.awarded.push(award[1]!);
      return send(200, { status: 'success', result: null });
    }
    return violate('no such endpoint in the contract');
  }

  function upworkRoute(rec: Recorded, send: (s: number, j: unknown) => void, violate: (w: string) => void) {
    if (rec.method !== 'POST') return violate('GraphQL is POST');
    if (rec.headers.authorization !== `Bearer ${upwork.token}`) return send(401, { message: 'Unauthorized' });
    if (rec.headers['x-upwork-api-tenantid'] !== upwork.organizationId)
      return violate('X-Upwork-API-TenantId: the organization id');
    const b = rec.body as { query?: unknown; variables?: Record<string, unknown> };
    if (!b || !isStr(b.query) || typeof b.variables !== 'object')
      return violate('body: { query, variables }');
    const q = b.query as string;
    if (
      /mutation\s+\w*\s*\(\$jobPostingRequest: JobPostingCreateRequest!\)/.test(q) &&
      q.includes('createJobPosting(jobPostingRequest: $jobPostingRequest)')
    ) {
      const r = b.variables?.jobPostingRequest as Record<string, unknown> | undefined;
      if (!r) return violate('variables.jobPostingRequest');
      if (r.organizationId !== upwork.organizationId) return violate('jobPostingRequest.organizationId');
      for (const k of ['questions', 'segmentationData', 'attachmentIds', 'enterpriseCustomFields'])
        if (!Array.isArray(r[k])) return violate(`jobPostingRequest.${k}: a list (non-null in the schema)`);
      const info = r.jobPostingInfo as Record<string, unknown> | undefined;
      if (!info || !isStr(info.title) || !isStr(info.description))
        return violate('jobPostingInfo: { title, description }');
      if (info.type !== 'FIXED_PRICE' && info.type !== 'HOURLY') return violate('jobPostingInfo.type');
      const dec = /^\d+(\.\d+)?$/;
      if (info.type === 'FIXED_PRICE' && !(isStr(info.amount) && dec.test(info.amount as string)))
        return violate('jobPostingInfo.amount: a decimal string');
      if (
        info.type === 'HOURLY' &&
        !(isStr(info.hourlyBudgetMin) && dec.test(info.hourlyBudgetMin as string))
      )
        return violate('jobPostingInfo.hourlyBudgetMin: a decimal string');
      if (!['ENTRY_LEVEL', 'INTERMEDIATE', 'EXPERT'].includes(info.experienceLevel as string))
        return violate('jobPostingInfo.experienceLevel');
      if (!Array.isArray(info.tools)) return violate('jobPostingInfo.tools: a list (non-null in the schema)');
      if (!(r.questions as { question?: unknown }[]).every((x) => isStr(x.question)))
        return violate('questions: [{ question: string }]');
      const id = `0${(1_700_000_000_000_000_000n + BigInt(upwork.postings.length + 1)).toString(16)}`;
      upwork.postings.push({ ...r, id });
      return send(200, { data: { createJobPosting: { id, questionsSaved: true, skillsSaved: false } } });
    }
    if (q.includes('clientProposals(jobPostingId: $jobPostingId')) {
      const v = b.variables as { jobPostingId?: unknown; pagination?: { first?: unknown; after?: unknown } };
      if (!isStr(v.jobPostingId)) return violate('variables.jobPostingId: String!');
      if (!v.pagination || !isNum(v.pagination.first))
        return violate('variables.pagination: { first, after? }');
      const first = v.pagination.first as number;
      const start = v.pagination.after ? Number(v.pagination.after) : 0;
      const mine = upwork.proposals.filter((p) => p.jobPostingId === v.jobPostingId);
      const page = mine.slice(start, start + first);
      return send(200, {
        data: {
          clientProposals: {
            totalCount: mine.length,
            edges: page.map((node, i) => ({
              cursor: String(start + i + 1),
              node: { ...node, jobPostingId: undefined },
            })),
            pageInfo: {
              endCursor: String(start + page.length),
              hasNextPage: start + page.length < mine.length,
            },
          },
        },
      });
    }
    return send(200, {
      data: null,
      errors: [{ message: 'Cannot query this operation in the contract server' }],
    });
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    violations,
    queue: (path, answer) => queued.push({ path, answer }),
    freelancer,
    upwork,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
