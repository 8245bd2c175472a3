/**
 * The API contract, walked like the policies are: every /api route declares the answer it gives (a
 * response schema for a success status), so the OpenAPI document describes answers as well as
 * requests; and the real answers pass through their schemas unchanged (the test app runs with strict
 * responses, where a field the schema would drop is a 500 naming it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDeckWithHistory } from '../factories/index.ts';
import { signedInApp } from '../helpers/app.ts';

type SignedIn = Awaited<ReturnType<typeof signedInApp>>;

/**
 * Routes not yet given a response schema. It only shrinks: a new route declares its answer from the
 * start (docs/architecture.md, "The API contract"), and a listed route that gains one must leave the list.
 */
const PENDING = new Set<string>([]);

const isSuccess = (status: string) => /^2\d\d$/.test(status) || status === '2XX';

describe('every API route declares its answer', () => {
  let app: SignedIn;
  let ids: Record<string, string>;
  let approvedVersion: string;
  beforeAll(async () => {
    app = await signedInApp('sqlite');
    const deck = await aDeckWithHistory(app.services, app.owner.actor);
    approvedVersion = deck.v1.id;
    ids = {
      '/api/tasks/:id': deck.firm.deck.id,
      '/api/procedures/tasks/:taskId': deck.firm.deck.id,
      '/api/procedures/variants/:id': deck.variants[0]!.id,
      '/api/procedures/versions/:id': deck.v2.id,
      '/api/forms/:id': deck.form.id,
    };
  });
  afterAll(() => app.close());

  it('has a response schema for a success status on every /api route', () => {
    const table = app.http.routeTable.map((r) => ({
      route: `${r.method} ${r.url}`,
      declared: Object.keys(r.response ?? {}).some(isSuccess),
    }));
    const missing = table.filter((r) => !r.declared && !PENDING.has(r.route)).map((r) => r.route);
    expect(missing, 'routes without a response schema (add schema.response)').toEqual([]);
    const stale = table.filter((r) => r.declared && PENDING.has(r.route)).map((r) => r.route);
    expect(stale, 'routes that declare their answer now: remove them from PENDING').toEqual([]);
    const unknown = [...PENDING].filter((p) => !table.some((r) => r.route === p));
    expect(unknown, 'PENDING names routes that do not exist').toEqual([]);
  });

  it('publishes every answer in the OpenAPI document, errors included', async () => {
    const res = await app.http.inject({ method: 'GET', url: '/api/docs/json' });
    const doc = res.json() as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: object }> }>>;
      components: { schemas: Record<string, unknown> };
    };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(app.http.routeTable.length);
    const undocumented = operations
      .filter(({ route }) => !PENDING.has(route.replace(/\{(\w+)\}/g, ':$1').replace(/(.)\/$/, '$1')))
      .filter(({ op }) => !Object.entries(op.responses ?? {}).some(([s, r]) => isSuccess(s) && r))
      .map(({ route }) => route);
    expect(undocumented).toEqual([]);
    const noErrorBody = operations.filter(({ op }) => !op.responses?.default?.content).map((o) => o.route);
    expect(noErrorBody).toEqual([]);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Money', 'Task', 'TaskListItem', 'ErrorBody']),
    );
  });

  it('answers every GET it can reach with what its schema declares (strict: nothing trimmed)', async () => {
    const checked: string[] = [];
    for (const r of app.http.routeTable) {
      if (r.method !== 'GET' || PENDING.has(`${r.method} ${r.url}`)) continue;
      const prefix = Object.keys(ids).find((p) => r.url === p || r.url.startsWith(`${p}/`));
      const url = prefix ? r.url.replace(prefix, prefix.replace(/:\w+$/, ids[prefix]!)) : r.url;
      if (url.includes(':')) continue; // a parameter this walk cannot fill: the feature's tests cover it
      // The walk signs in as the owner; a route only others may call (the out-tasker's portal) is covered
      // by its feature's tests.
      if (r.policy && 'roles' in r.policy && !r.policy.roles.includes('owner')) continue;
      const query = r.url.endsWith('/diff') ? `?from=${approvedVersion}` : '';
      const res = await app.http.inject({ method: 'GET', url: url + query, cookies: app.cookies });
      expect(res.statusCode, `GET ${url}: ${res.body.slice(0, 500)}`).toBe(200);
      checked.push(r.url);
    }
    expect(checked).toEqual(expect.arrayContaining(['/api/tasks', '/api/tasks/:id', '/api/opportunities']));
  });
});
