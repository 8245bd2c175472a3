/**
 * The team over HTTP (issue 11, item 4), on SQLite and PostgreSQL: invitations (shown once, revoked,
 * replaced by a newer one for the same email, accepted once: twice never makes two accounts, racing
 * acceptances make one), role changes and removal (never the last owner: 409 LAST_OWNER, also when two
 * owners demote each other at once), members who left (kept, with the day), loaded costs and roles
 * the owner's, the workspace's currency (fixed once costs are stored) and fiscal year, and each change
 * in the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser } from '../factories/index.ts';
import { signedInApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

type App = Awaited<ReturnType<typeof signedInApp>>;
type Cookies = Record<string, string>;

describe.each(testDialects)('team and workspace settings over HTTP (%s)', (dialect) => {
  let app: App;
  let staff: Cookies;
  const call = (cookies: Cookies | undefined, method: string, url: string, payload?: unknown) =>
    app.http.inject({
      method: method as 'GET',
      url: `/api${url}`,
      ...(cookies ? { cookies } : {}),
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  const users = async () =>
    (await call(app.cookies, 'GET', '/workspace/users')).json() as {
      id: string;
      email: string;
      role: string;
    }[];
  const actions = async () =>
    ((await call(app.cookies, 'GET', '/workspace/audit?limit=100')).json() as { action: string }[]).map(
      (a) => a.action,
    );

  beforeAll(async () => {
    app = await signedInApp(dialect);
    const s = await aUser(app.services, app.owner.workspace, 'staff');
    staff = await app.login(s.email, s.password);
  }, 60_000);
  afterAll(() => app?.close());

  it('invites someone, shows the link once, and lets them join once with the role given', async () => {
    const made = await call(app.cookies, 'POST', '/workspace/invitations', {
      email: 'Noor.Haddad@Example.com',
      name: 'Noor Haddad',
      role: 'staff',
    });
    expect(made.statusCode).toBe(201);
    const inv = made.json() as { id: string; path: string; token: string; email: string };
    expect(inv.email).toBe('noor.haddad@example.com');
    expect(inv.path).toBe(`/join#${inv.token}`);
    const open = (await call(app.cookies, 'GET', '/workspace/invitations')).json() as object[];
    expect(open).toHaveLength(1);
    expect(JSON.stringify(open)).not.toContain(inv.token);
    expect(JSON.stringify(await actions())).not.toContain(inv.token);

    const peek = await call(undefined, 'POST', '/join/peek', { token: inv.token });
    expect(peek.json()).toMatchObject({ email: 'noor.haddad@example.com', role: 'staff', hasAccount: false });

    const joined = await call(undefined, 'POST', '/join/accept', {
      token: inv.token,
      password: 'noor-password-1',
    });
    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toMatchObject({ user: { name: 'Noor Haddad' }, role: 'staff' });
    expect(joined.cookies.some((c) => c.name === 'outtask_session')).toBe(true);
    expect((await users()).filter((u) => u.email === 'noor.haddad@example.com')).toHaveLength(1);

    // Twice: the link is used; no second account.
    const again = await call(undefined, 'POST', '/join/accept', {
      token: inv.token,
      password: 'other-password-1',
    });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('INVITATION_INVALID');
    expect(await app.login('noor.haddad@example.com', 'noor-password-1')).toBeTruthy();
    expect((await call(app.cookies, 'GET', '/workspace/invitations')).json()).toEqual([]);

    // Someone who has access already is not invited again.
    const dup = await call(app.cookies, 'POST', '/workspace/invitations', {
      email: 'noor.haddad@example.com',
      role: 'owner',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('EMAIL_TAKEN');
    expect(await actions()).toEqual(expect.arrayContaining(['invitation.create', 'invitation.accept']));
  });

  it('revokes: by hand, and a newer invitation for the same email revokes the older', async () => {
    const first = (
      await call(app.cookies, 'POST', '/workspace/invitations', { email: 'ada@example.com', role: 'staff' })
    ).json() as { id: string; token: string };
    const second = (
      await call(app.cookies, 'POST', '/workspace/invitations', { email: 'ada@example.com', role: 'owner' })
    ).json() as { id: string; token: string };
    const open = (await call(app.cookies, 'GET', '/workspace/invitations')).json() as { id: string }[];
    expect(open.map((i) => i.id)).toEqual([second.id]);
    expect((await call(undefined, 'POST', '/join/peek', { token: first.token })).statusCode).toBe(410);

    expect((await call(app.cookies, 'DELETE', `/workspace/invitations/${second.id}`)).statusCode).toBe(204);
    expect((await call(app.cookies, 'DELETE', `/workspace/invitations/${second.id}`)).statusCode).toBe(404);
    const used = await call(undefined, 'POST', '/join/accept', {
      token: second.token,
      password: 'ada-password-1',
    });
    expect(used.statusCode).toBe(410);
    expect((await users()).some((u) => u.email === 'ada@example.com')).toBe(false);
    expect(await actions()).toContain('invitation.revoke');
  });

  it('makes one account of two acceptances racing for one link', async () => {
    const inv = (
      await call(app.cookies, 'POST', '/workspace/invitations', { email: 'race@example.com', role: 'staff' })
    ).json() as { token: string };
    const answers = await Promise.all(
      [1, 2, 3].map((n) =>
        call(undefined, 'POST', '/join/accept', { token: inv.token, password: `race-password-${n}x` }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 410, 410]);
    expect((await users()).filter((u) => u.email === 'race@example.com')).toHaveLength(1);
  });

  it('changes roles and removes access, never leaving the workspace without an owner', async () => {
    const me = app.owner.owner.id;
    const lone = await call(app.cookies, 'PATCH', `/workspace/users/${me}`, { role: 'staff' });
    expect(lone.statusCode).toBe(409);
    expect(lone.json().error.code).toBe('LAST_OWNER');
    expect((await call(app.cookies, 'DELETE', `/workspace/users/${me}`)).json().error.code).toBe(
      'LAST_OWNER',
    );

    const other = await aUser(app.services, app.owner.workspace, 'staff');
    expect(
      (await call(app.cookies, 'PATCH', `/workspace/users/${other.user.id}`, { role: 'owner' })).json(),
    ).toEqual({
      id: other.user.id,
      role: 'owner',
    });
    // Staff may not change roles.
    expect(
      (await call(staff, 'PATCH', `/workspace/users/${other.user.id}`, { role: 'staff' })).statusCode,
    ).toBe(403);

    // Two owners demoting each other at once: one wins, one owner stays.
    const otherCookies = await app.login(other.email, other.password);
    const [a, b] = await Promise.all([
      call(app.cookies, 'PATCH', `/workspace/users/${other.user.id}`, { role: 'staff' }),
      call(otherCookies, 'PATCH', `/workspace/users/${me}`, { role: 'staff' }),
    ]);
    const owners = (await users()).filter((u) => u.role === 'owner');
    expect(owners).toHaveLength(1);
    // The second to take the workspace lock has just been demoted: refused as no longer an owner.
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 403]);
    if (owners[0]!.id !== me) {
      // The other demoted the first owner first: give it back for the rest of the file.
      expect(
        (await call(otherCookies, 'PATCH', `/workspace/users/${me}`, { role: 'owner' })).statusCode,
      ).toBe(200);
    }

    // Removing access ends the sessions in this workspace; the account stays.
    expect((await call(app.cookies, 'DELETE', `/workspace/users/${other.user.id}`)).statusCode).toBe(204);
    expect((await call(otherCookies, 'GET', '/auth/me')).statusCode).toBe(401);
    expect((await users()).some((u) => u.id === other.user.id)).toBe(false);
    expect(await actions()).toEqual(expect.arrayContaining(['user.role_change', 'user.remove']));
  });

  it('keeps loaded costs and member roles the owner’s, and keeps a member who left', async () => {
    const made = await call(app.cookies, 'POST', '/members', {
      name: 'Priya Raman',
      role: 'consultant',
      hourlyCost: { amountMinor: 12_000, currency: 'USD' },
    });
    expect(made.statusCode).toBe(201);
    const id = (made.json() as { id: string }).id;
    expect(
      (
        await call(staff, 'POST', '/members', {
          name: 'Staff Made',
          role: 'analyst',
          hourlyCost: { amountMinor: 100, currency: 'USD' },
        })
      ).statusCode,
    ).toBe(403);
    const cost = await call(staff, 'PATCH', `/members/${id}`, {
      hourlyCost: { amountMinor: 1, currency: 'USD' },
    });
    expect(cost.statusCode).toBe(403);
    expect(cost.json().error.message).toContain('loaded hourly cost');
    expect((await call(staff, 'PATCH', `/members/${id}`, { title: 'Senior consultant' })).statusCode).toBe(
      200,
    );

    const left = await call(app.cookies, 'PATCH', `/members/${id}`, { leftOn: '2026-10-31' });
    expect(left.json()).toMatchObject({
      name: 'Priya Raman',
      leftOn: '2026-10-31',
      title: 'Senior consultant',
    });
    const bad = await call(app.cookies, 'PATCH', `/members/${id}`, { leftOn: '31/10/2026' });
    expect(bad.statusCode).toBe(400);
    const listed = (await call(app.cookies, 'GET', '/members')).json() as {
      id: string;
      leftOn: string | null;
    }[];
    expect(listed.find((m) => m.id === id)?.leftOn).toBe('2026-10-31');
    expect((await call(app.cookies, 'PATCH', `/members/${id}`, { leftOn: null })).json().leftOn).toBeNull();
  });

  it('changes the fiscal year, and the currency only while no cost is stored in it', async () => {
    const before = await call(staff, 'GET', '/workspace/settings');
    expect(before.json()).toMatchObject({ currency: 'USD', fiscalYearStartMonth: 1, currencyFixed: true });
    const etag = before.headers.etag as string;
    expect((await call(staff, 'PATCH', '/workspace/settings', { fiscalYearStartMonth: 4 })).statusCode).toBe(
      403,
    );

    const set = await app.http.inject({
      method: 'PATCH',
      url: '/api/workspace/settings',
      cookies: app.cookies,
      headers: { 'if-match': etag },
      payload: { fiscalYearStartMonth: 4 },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().fiscalYearStartMonth).toBe(4);
    const stale = await app.http.inject({
      method: 'PATCH',
      url: '/api/workspace/settings',
      cookies: app.cookies,
      headers: { 'if-match': etag },
      payload: { fiscalYearStartMonth: 7 },
    });
    expect(stale.statusCode).toBe(412);
    expect(
      (await call(app.cookies, 'PATCH', '/workspace/settings', { fiscalYearStartMonth: 13 })).statusCode,
    ).toBe(400);
    // The signed-in workspace carries it (the web app reads it from /auth/me).
    expect((await call(app.cookies, 'GET', '/auth/me')).json().workspace.settings.fiscalYearStartMonth).toBe(
      4,
    );

    const cur = await call(app.cookies, 'PATCH', '/workspace/settings', { currency: 'eur' });
    expect(cur.statusCode).toBe(409);
    expect(cur.json().error.code).toBe('CURRENCY_IN_USE');
    expect((await call(app.cookies, 'GET', '/settings/economics')).json().currency).toBe('USD');
    expect(await actions()).toContain('settings.workspace.update');
  });

  it('lets a new workspace with no costs stored change its currency', async () => {
    const fresh = await signedInApp(dialect);
    try {
      const r = await fresh.http.inject({
        method: 'PATCH',
        url: '/api/workspace/settings',
        cookies: fresh.cookies,
        payload: { currency: 'gbp' },
      });
      expect(r.json()).toMatchObject({ currency: 'GBP', currencyFixed: false });
      const econ = await fresh.http.inject({
        method: 'GET',
        url: '/api/settings/economics',
        cookies: fresh.cookies,
      });
      expect(econ.json().currency).toBe('GBP');
    } finally {
      await fresh.close();
    }
  });
});
