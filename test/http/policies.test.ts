import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import { aUser } from '../factories/index.ts';
import { signedInApp } from '../helpers/app.ts';

type SignedIn = Awaited<ReturnType<typeof signedInApp>>;

describe('every API route declares who may call it', () => {
  let app: SignedIn;
  beforeAll(async () => {
    app = await signedInApp('sqlite');
  });
  afterAll(() => app.close());

  it('has a policy on every /api route', () => {
    expect(app.http.routeTable.length).toBeGreaterThan(15);
    const missing = app.http.routeTable.filter((r) => !r.policy).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('refuses every non-public route without a session', async () => {
    for (const r of app.http.routeTable) {
      if (r.policy && 'public' in r.policy) continue;
      const url = r.url.replace(/:(\w+)/g, 'x');
      const res = await app.http.inject({
        method: r.method as 'GET',
        url,
        payload: r.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('publishes the OpenAPI document with each route and its policy', async () => {
    const res = await app.http.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { paths: Record<string, Record<string, { 'x-policy'?: string }>> };
    expect(
      doc.paths['/api/opportunities/']?.get?.['x-policy'] ??
        doc.paths['/api/opportunities']?.get?.['x-policy'],
    ).toBe('owner|staff');
  });

  it('refuses an out-tasker on firm routes and a staff member on owner routes', async () => {
    const ws = app.owner.workspace;
    const fay = await aUser(app.services, ws, 'outtasker');
    const sam = await aUser(app.services, ws, 'staff');
    const outtasker = await app.login(fay.email, fay.password);
    const staff = await app.login(sam.email, sam.password);
    const tasks = await app.http.inject({ method: 'GET', url: '/api/tasks', cookies: outtasker });
    expect(tasks.statusCode).toBe(403);
    expect(tasks.json().error.code).toBe('FORBIDDEN');
    expect((await app.http.inject({ method: 'GET', url: '/api/tasks', cookies: staff })).statusCode).toBe(
      200,
    );
    expect(
      (await app.http.inject({ method: 'GET', url: '/api/workspace/audit', cookies: staff })).statusCode,
    ).toBe(403);
    expect(
      (await app.http.inject({ method: 'GET', url: '/api/workspace/audit', cookies: app.cookies }))
        .statusCode,
    ).toBe(200);
    const me = await app.http.inject({ method: 'GET', url: '/api/auth/me', cookies: outtasker });
    expect(me.json().role).toBe('outtasker');
  });
});

describe('sessions', () => {
  it('signs in, answers who I am, signs out, and refuses a wrong password', async () => {
    const app = await signedInApp('sqlite');
    const wrong = await app.http.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: app.owner.email, password: 'not-the-password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('LOGIN_FAILED');
    const login = await app.http.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: app.owner.email.toUpperCase(), password: app.owner.password },
    });
    const cookie = login.cookies.find((c) => c.name === 'outtask_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const cookies = { outtask_session: cookie.value };
    const me = await app.http.inject({ method: 'GET', url: '/api/auth/me', cookies });
    expect(me.json().user.email).toBe(app.owner.email);
    await app.http.inject({ method: 'POST', url: '/api/auth/logout', cookies });
    expect((await app.http.inject({ method: 'GET', url: '/api/auth/me', cookies })).statusCode).toBe(401);
    await app.close();
  });

  it('expires a session after its time to live', async () => {
    const clock = fixedClock('2026-03-01T09:00:00Z');
    const app = await signedInApp('sqlite', { clock });
    expect(
      (await app.http.inject({ method: 'GET', url: '/api/auth/me', cookies: app.cookies })).statusCode,
    ).toBe(200);
    clock.advance(15 * 24 * 3600 * 1000); // default TTL is 14 days
    const res = await app.http.inject({ method: 'GET', url: '/api/auth/me', cookies: app.cookies });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
    await app.close();
  });

  it('answers unknown API routes with a JSON 404 and hides internals of a 500', async () => {
    const app = await signedInApp('sqlite');
    const res = await app.http.inject({ method: 'GET', url: '/api/nope', cookies: app.cookies });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    await app.close();
  });
});
