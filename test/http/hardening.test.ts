/**
 * Issue 9 rows 4, 9, 10, 11, 12: sign-in throttling and auditing, sessions ended by a new password and
 * by idleness, the Secure cookie behind an HTTPS proxy, cross-site refusal, security headers, settings
 * references checked against the workspace, and owner-only data files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemberInput } from '../../src/inventory/inventory.schemas.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { openSqlite } from '../../src/platform/db/connect.ts';
import { APP_CSP } from '../../src/platform/http/security-headers.ts';
import { aUser, aWorkspaceWithOwner } from '../factories/index.ts';
import { signedInApp } from '../helpers/app.ts';

type SignedIn = Awaited<ReturnType<typeof signedInApp>>;

describe('sign-in and sessions', () => {
  const clock = fixedClock('2026-03-02T09:00:00.000Z');
  let app: SignedIn;
  beforeAll(async () => {
    app = await signedInApp('sqlite', { clock, env: { OUTTASK_SESSION_IDLE_MINUTES: '30' } });
  });
  afterAll(() => app.close());

  const login = (email: string, password: string, ip = '203.0.113.9') =>
    app.http.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      remoteAddress: ip,
    });

  it('throttles wrong passwords per account (429 with Retry-After) and audits each failure', async () => {
    const statuses: number[] = [];
    for (let k = 0; k < 8; k++) statuses.push((await login(app.owner.email, 'wrong-password-1')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const refused = await login(app.owner.email, app.owner.password);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('LOGIN_THROTTLED');
    expect(Number(refused.headers['retry-after'])).toBe(15 * 60);
    const audit = (
      await app.http.inject({ method: 'GET', url: '/api/workspace/audit', cookies: app.cookies })
    ).json();
    const failed = audit.filter((e: { action: string }) => e.action === 'login.failed');
    expect(failed).toHaveLength(5);
    expect(failed[0].details).toEqual({ address: '203.0.113.9' });
    clock.advance(15 * 60_000 + 1);
    expect((await login(app.owner.email, app.owner.password)).statusCode).toBe(200);
  });

  it('throttles one address guessing many accounts', async () => {
    const statuses: number[] = [];
    for (let k = 0; k < 32; k++)
      statuses.push((await login(`nobody${k}@x.example`, 'wrong-password-1', '198.51.100.7')).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    // Another address is not held back.
    expect((await login(app.owner.email, app.owner.password, '198.51.100.8')).statusCode).toBe(200);
  });

  it('ends sessions after the idle timeout, and every session when the password changes', async () => {
    const me = (cookies: Record<string, string>) =>
      app.http.inject({ method: 'GET', url: '/api/auth/me', cookies });
    const cookies = await app.login(app.owner.email, app.owner.password);
    clock.advance(29 * 60_000);
    expect((await me(cookies)).statusCode).toBe(200);
    clock.advance(31 * 60_000);
    const idle = await me(cookies);
    expect(idle.statusCode).toBe(401);
    expect(idle.json().error.code).toBe('SESSION_EXPIRED');

    const a = await app.login(app.owner.email, app.owner.password);
    const b = await app.login(app.owner.email, app.owner.password);
    await app.services.accounts.upsertUser({
      email: app.owner.email,
      name: 'Owner',
      password: 'a-new-password-2',
      workspaceId: app.owner.workspace.id,
      role: 'owner',
    });
    expect((await me(a)).statusCode).toBe(401);
    expect((await me(b)).statusCode).toBe(401);
    expect((await login(app.owner.email, 'a-new-password-2', '192.0.2.1')).statusCode).toBe(200);
  });

  it('changing your password in the app ends your other sessions and keeps this one', async () => {
    const me = (cookies: Record<string, string>) =>
      app.http.inject({ method: 'GET', url: '/api/auth/me', cookies });
    const change = (cookies: Record<string, string>, currentPassword: string, newPassword: string) =>
      app.http.inject({
        method: 'POST',
        url: '/api/auth/password',
        cookies,
        payload: { currentPassword, newPassword },
      });
    const staff = await aUser(app.services, app.owner.workspace, 'staff');
    const here = await app.login(staff.email, staff.password);
    const laptop = await app.login(staff.email, staff.password);
    const phone = await app.login(staff.email, staff.password);
    const owner = await app.login(app.owner.email, 'a-new-password-2');
    // A wrong current password changes nothing and ends nothing.
    expect((await change(here, 'not-the-password', 'another-password-3')).statusCode).toBe(400);
    for (const c of [here, laptop, phone]) expect((await me(c)).statusCode).toBe(200);

    const ok = await change(here, staff.password, 'another-password-3');
    expect(ok.statusCode).toBe(200);
    expect((await me(here)).statusCode).toBe(200);
    for (const c of [laptop, phone]) {
      const r = await me(c);
      expect(r.statusCode).toBe(401);
      expect(r.json().error.code).toBe('UNAUTHENTICATED');
    }
    // Someone else's session is not theirs to end.
    expect((await me(owner)).statusCode).toBe(200);
    const audit = (
      await app.http.inject({ method: 'GET', url: '/api/workspace/audit', cookies: owner })
    ).json();
    const changed = audit.find((e: { action: string }) => e.action === 'user.password_change');
    expect(changed.details).toEqual({ otherSessionsEnded: 2 });
    expect((await login(staff.email, staff.password, '192.0.2.2')).statusCode).toBe(401);
    expect((await login(staff.email, 'another-password-3', '192.0.2.2')).statusCode).toBe(200);
  });
});

describe('requests, headers and settings', () => {
  let app: SignedIn;
  beforeAll(async () => {
    app = await signedInApp('sqlite', { env: { OUTTASK_TRUST_PROXY: 'true' } });
  });
  afterAll(() => app.close());

  const post = (headers: Record<string, string>) =>
    app.http.inject({
      method: 'POST',
      url: '/api/processes',
      cookies: app.cookies,
      headers: { host: 'outtask.example', ...headers },
      payload: { name: `P ${Math.random()}` },
    });

  it('refuses a state-changing request from another site; its own pages and clients without Origin pass', async () => {
    const foreign = await post({ origin: 'https://evil.example', 'content-type': 'application/json' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('ORIGIN_FORBIDDEN');
    const plain = await app.http.inject({
      method: 'POST',
      url: '/api/imports?file=x.csv',
      cookies: app.cookies,
      headers: { host: 'outtask.example', origin: 'https://evil.example', 'content-type': 'text/plain' },
      payload: 'Process,Task\n',
    });
    expect(plain.statusCode).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await post({ origin: 'http://outtask.example' })).statusCode).toBe(201);
    expect((await post({ origin: 'https://outtask.example', 'x-forwarded-proto': 'https' })).statusCode).toBe(
      201,
    );
    expect((await post({})).statusCode).toBe(201);
  });

  it('sends the security headers, HSTS and a Secure cookie behind an HTTPS proxy', async () => {
    const page = await app.http.inject({ method: 'GET', url: '/api/health' });
    expect(page.headers['content-security-policy']).toBe(APP_CSP);
    expect(APP_CSP).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('same-origin');
    expect(page.headers['strict-transport-security']).toBeUndefined();
    const viaProxy = await app.http.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: app.owner.email, password: app.owner.password },
    });
    expect(viaProxy.statusCode).toBe(200);
    expect(viaProxy.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(String(viaProxy.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('refuses a reviewer who is not a member of this workspace', async () => {
    const other = await aWorkspaceWithOwner(app.services, { name: 'Other firm' });
    const stranger = await app.services.inventory.createMember(
      other.actor as never,
      MemberInput.parse({
        name: 'Stranger',
        role: 'analyst',
        hourlyCost: { amountMinor: 5000, currency: 'USD' },
      }),
    );
    const res = await app.http.inject({
      method: 'PATCH',
      url: '/api/settings/economics',
      cookies: app.cookies,
      payload: { reviewerId: stranger.id },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'MEMBER_NOT_FOUND', details: { field: 'reviewerId' } });
    expect(
      (await app.http.inject({ method: 'GET', url: '/api/tasks', cookies: app.cookies })).statusCode,
    ).toBe(200);
  });

  it('keeps the database file owner-only (0600), new or found world-readable', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-mode-'));
    try {
      const fresh = path.join(dir, 'fresh.db');
      const db = openSqlite(fresh);
      await db.close();
      expect(fs.statSync(fresh).mode & 0o777).toBe(0o600);
      const old = path.join(dir, 'old.db');
      fs.writeFileSync(old, '', { mode: 0o644 });
      fs.chmodSync(old, 0o644);
      const db2 = openSqlite(old);
      await db2.close();
      expect(fs.statSync(old).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
