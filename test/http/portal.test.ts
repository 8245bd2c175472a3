/**
 * The out-tasker portal's sign-in and isolation (issue 12): a one-time invitation link (only its hash
 * stored, single use, expiring), the out-tasker's own password, then ordinary sign-in throttled per
 * account; an out-tasker sees only their own bids and contracts and none of the firm's routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSmallFirm, storeFirm } from '../factories/index.ts';
import { signedInApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

describe.each(testDialects)('out-tasker portal (%s)', (dialect) => {
  let app: Awaited<ReturnType<typeof signedInApp>>;
  let taskId: string;

  beforeAll(async () => {
    app = await signedInApp(dialect);
    taskId = (await storeFirm(app.services, app.owner.actor, aSmallFirm())).deck.id;
  });
  afterAll(() => app.close());

  const post = (url: string, payload: object, cookies?: Record<string, string>) =>
    app.http.inject({ method: 'POST', url, payload, ...(cookies ? { cookies } : {}) });

  async function anOuttasker(name: string, email: string) {
    const r = await post(
      '/api/outtaskers',
      { name, email, currency: 'EUR', timeZone: 'Europe/Lisbon', notes: 'Firm-only note' },
      app.cookies,
    );
    expect(r.statusCode).toBe(201);
    return r.json() as { id: string };
  }

  async function join(outtaskerId: string, password: string) {
    const inv = await post(`/api/outtaskers/${outtaskerId}/invitation`, {}, app.cookies);
    expect(inv.statusCode).toBe(201);
    const { token, path } = inv.json();
    expect(path).toBe(`/portal/join#${token}`);
    const accepted = await post('/api/portal/invitation/accept', { token, password });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const cookie = accepted.cookies.find((c) => c.name === 'outtask_session')!;
    return { token, cookies: { outtask_session: cookie.value }, me: accepted.json() };
  }

  it('a link is used once, stored only as its hash, and ends at its expiry', async () => {
    const ana = await anOuttasker('Ana Reyes', 'ana@example.com');
    const { token, me } = await join(ana.id, 'ana-password-1');
    expect(me.role).toBe('outtasker');
    const again = await post('/api/portal/invitation/accept', { token, password: 'ana-password-1' });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('INVITATION_INVALID');
    const rows = await app.services.db.kysely
      .selectFrom('outtasker_invitations')
      .select('token_hash')
      .execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);

    const ben = await anOuttasker('Ben Okoro', 'ben@example.com');
    const inv = await post(`/api/outtaskers/${ben.id}/invitation`, { expiresInHours: 1 }, app.cookies);
    await app.services.db.kysely
      .updateTable('outtasker_invitations')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('outtasker_id', '=', ben.id)
      .execute();
    const late = await post('/api/portal/invitation/peek', { token: inv.json().token });
    expect(late.json().error.code).toBe('INVITATION_INVALID');
  });

  it('an out-tasker signs in with their own password, sees only their own bids and contracts, and no firm route', async () => {
    const cara = await anOuttasker('Cara Lim', 'cara@example.com');
    const dev = await anOuttasker('Dev Patel', 'dev@example.com');
    const { cookies: caraCookies } = await join(cara.id, 'cara-password-1');
    await join(dev.id, 'dev-password-1');
    const devCookies = await app.login('dev@example.com', 'dev-password-1');

    const call = await post(
      '/api/bid-calls',
      { taskId, brief: 'Turn interview notes into a summary deck' },
      app.cookies,
    );
    expect(call.statusCode).toBe(201);
    const caraBid = await post(
      '/api/portal/bids',
      { callId: call.json().id, unitPriceMinor: 1000, turnaroundHours: 24 },
      caraCookies,
    );
    expect(caraBid.statusCode, caraBid.body).toBe(200);
    expect(caraBid.json()).toMatchObject({
      source: 'portal',
      unitPrice: { amountMinor: 1000, currency: 'EUR' },
      unit: 'slide',
    });
    const devBid = await post(
      '/api/portal/bids',
      { callId: call.json().id, unitPriceMinor: 900, turnaroundHours: 20 },
      devCookies,
    );
    expect(devBid.statusCode).toBe(200);

    const home = await app.http.inject({ method: 'GET', url: '/api/portal', cookies: caraCookies });
    expect(home.statusCode).toBe(200);
    const h = home.json();
    expect(h.outtasker.name).toBe('Cara Lim');
    expect(h.outtasker.notes).toBeUndefined();
    expect(h.bids.map((b: { id: string }) => b.id)).toEqual([caraBid.json().id]);
    expect(h.calls[0].myBid.id).toBe(caraBid.json().id);

    // Another's bid: not theirs to withdraw, and not even said to exist.
    const steal = await post(`/api/portal/bids/${devBid.json().id}/withdraw`, {}, caraCookies);
    expect(steal.statusCode).toBe(404);
    for (const url of [
      '/api/bids',
      '/api/outtaskers',
      '/api/contracts',
      '/api/tasks',
      `/api/bids/compare/${taskId}`,
    ]) {
      const r = await app.http.inject({ method: 'GET', url, cookies: caraCookies });
      expect(r.statusCode, url).toBe(403);
    }
    // The firm's owner is not an out-tasker: the portal refuses them.
    expect(
      (await app.http.inject({ method: 'GET', url: '/api/portal', cookies: app.cookies })).statusCode,
    ).toBe(403);

    // Award Dev's bid: Cara's contract list stays empty, Dev's has it.
    const award = await post(`/api/bids/${devBid.json().id}/award`, {}, app.cookies);
    expect(award.statusCode).toBe(201);
    const caraAfter = (
      await app.http.inject({ method: 'GET', url: '/api/portal', cookies: caraCookies })
    ).json();
    expect(caraAfter.contracts).toEqual([]);
    expect(caraAfter.bids[0].status).toBe('declined');
    expect(caraAfter.calls).toEqual([]);
    const devAfter = (
      await app.http.inject({ method: 'GET', url: '/api/portal', cookies: devCookies })
    ).json();
    expect(devAfter.contracts.map((c: { id: string }) => c.id)).toEqual([award.json().contract.id]);
  });

  it('a call for invited out-taskers: the others neither see it nor bid (404), until it is opened to all', async () => {
    const gil = await anOuttasker('Gil Moreno', 'gil@example.com');
    const hana = await anOuttasker('Hana Sato', 'hana@example.com');
    const { cookies: gilCookies } = await join(gil.id, 'gil-password-1');
    const { cookies: hanaCookies } = await join(hana.id, 'hana-password-1');
    const home = async (cookies: Record<string, string>) =>
      (await app.http.inject({ method: 'GET', url: '/api/portal', cookies })).json() as {
        calls: { id: string; invitedOuttaskerIds?: unknown }[];
      };

    const opened = await post(
      '/api/bid-calls',
      { taskId, postId: 'post-invited', brief: 'Summary deck', outtaskerIds: [gil.id] },
      app.cookies,
    );
    expect(opened.statusCode, opened.body).toBe(201);
    const call = opened.json();
    expect(call).toMatchObject({ audience: 'invited', invitedOuttaskerIds: [gil.id] });

    const gilSees = await home(gilCookies);
    expect(gilSees.calls.map((c) => c.id)).toContain(call.id);
    // Who else was invited is the firm's business.
    expect(gilSees.calls.find((c) => c.id === call.id)!.invitedOuttaskerIds).toBeUndefined();
    expect((await home(hanaCookies)).calls.map((c) => c.id)).not.toContain(call.id);
    const bid = { callId: call.id, unitPriceMinor: 1000, turnaroundHours: 24 };
    const refused = await post('/api/portal/bids', bid, hanaCookies);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('NOT_FOUND');
    expect((await post('/api/portal/bids', bid, gilCookies)).statusCode).toBe(200);

    // Invitees are this firm's out-taskers: an unknown id is refused, and the stored list stays.
    const bad = await app.http.inject({
      method: 'PUT',
      url: `/api/bid-calls/${call.id}/audience`,
      cookies: app.cookies,
      payload: { audience: 'invited', outtaskerIds: [hana.id, 'no-such-outtasker'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('no-such-outtasker');
    expect((await home(hanaCookies)).calls.map((c) => c.id)).not.toContain(call.id);

    const toAll = await app.http.inject({
      method: 'PUT',
      url: `/api/bid-calls/${call.id}/audience`,
      cookies: app.cookies,
      payload: { audience: 'all' },
    });
    expect(toAll.statusCode, toAll.body).toBe(200);
    expect(toAll.json()).toMatchObject({ audience: 'all', invitedOuttaskerIds: [] });
    expect((await home(hanaCookies)).calls.map((c) => c.id)).toContain(call.id);
    expect((await post('/api/portal/bids', bid, hanaCookies)).statusCode).toBe(200);
  });

  it('sign-in is throttled per account for out-taskers too', async () => {
    const eve = await anOuttasker('Eve Adams', 'eve@example.com');
    await join(eve.id, 'eve-password-1');
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await post('/api/auth/login', { email: 'eve@example.com', password: 'wrong-password' });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    const right = await post('/api/auth/login', { email: 'eve@example.com', password: 'eve-password-1' });
    expect(right.statusCode).toBe(429);
  });

  it('the comparison shows bids in the firm currency at the dated rate', async () => {
    const rate = await app.http.inject({
      method: 'PUT',
      url: '/api/fx-rates',
      cookies: app.cookies,
      payload: { currency: 'EUR', rate: 1.1, effectiveOn: '2020-01-01' },
    });
    expect(rate.statusCode, rate.body).toBe(200);
    const imported = await post(
      '/api/bids/import',
      {
        taskId,
        postId: 'post-compare',
        marketplace: 'freelancer',
        source: 'csv',
        text: 'Freelancer,Bid Amount,Currency,Delivery,Proposal ID\nFay Wong,11.00,USD,24h,F-1\nGus Berg,"9,00",EUR,1 day,F-2\n',
      },
      app.cookies,
    );
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ created: 2, newOuttaskers: 2, errors: [] });
    const cmp = await app.http.inject({
      method: 'GET',
      url: `/api/bids/compare/${taskId}?postId=post-compare`,
      cookies: app.cookies,
    });
    expect(cmp.statusCode, cmp.body).toBe(200);
    const rows = cmp.json().rows;
    expect(
      rows.map((r: { bid: { outtaskerName: string }; unitPriceFirm: { amountMinor: number } }) => [
        r.bid.outtaskerName,
        r.unitPriceFirm.amountMinor,
      ]),
    ).toEqual([
      ['Gus Berg', 990],
      ['Fay Wong', 1100],
    ]);
    expect(cmp.json().annualUnits).toBe(320);
    expect(rows[0].annualSaving.amountMinor).toBeGreaterThan(rows[1].annualSaving.amountMinor);
  });
});
