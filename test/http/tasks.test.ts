import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSmallFirm, storeFirm } from '../factories/index.ts';
import { signedInApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

type SignedIn = Awaited<ReturnType<typeof signedInApp>>;

// Enough tasks for the ranking to be a list worth compressing.
const firm = aSmallFirm({ extraTasks: 40 });

describe.each(testDialects)('tasks API on %s', (dialect) => {
  let app: SignedIn;
  beforeAll(async () => {
    app = await signedInApp(dialect);
    await storeFirm(app.services, app.owner.actor, firm);
  });
  afterAll(() => app.close());

  const flagship = async () => {
    const list = (
      await app.http.inject({ method: 'GET', url: '/api/tasks', cookies: app.cookies })
    ).json() as {
      id: string;
      name: string;
      marketPricePerUnit: { amountMinor: number } | null;
      unitsPerOccurrence: number;
      minutesPerOccurrence: number;
    }[];
    return list.find((t) => t.name === firm.deck.name)!;
  };

  it('changes only the fields a PATCH sends', async () => {
    const before = await flagship();
    expect(before.marketPricePerUnit?.amountMinor).toBe(1100);
    const res = await app.http.inject({
      method: 'PATCH',
      url: `/api/tasks/${before.id}`,
      cookies: app.cookies,
      payload: { minutesPerOccurrence: 1500 },
    });
    expect(res.statusCode).toBe(200);
    const after = await flagship();
    expect(after.minutesPerOccurrence).toBe(1500);
    expect(after.marketPricePerUnit?.amountMinor).toBe(1100);
    expect(after.unitsPerOccurrence).toBe(before.unitsPerOccurrence);
  });

  it('answers 304 to a browser that holds the same revision, gzips big lists, and changes the ETag on a write', async () => {
    const get = (headers: Record<string, string> = {}) =>
      app.http.inject({ method: 'GET', url: '/api/opportunities', cookies: app.cookies, headers });
    const first = await get();
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const again = await get({ 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get({ 'if-none-match': `"other", W/${etag}` })).statusCode).toBe(304);

    const zipped = await get({ 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(zipped.rawPayload).toString()).toBe(first.body);
    expect(zipped.rawPayload.length).toBeLessThan(first.body.length / 4);
    expect((await get({ 'accept-encoding': 'gzip;q=0' })).headers['content-encoding']).toBeUndefined();

    const t = await flagship();
    await app.http.inject({
      method: 'PATCH',
      url: `/api/tasks/${t.id}`,
      cookies: app.cookies,
      payload: { turnaroundHours: 30 },
    });
    const after = await get({ 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
  });

  it('ranks again after any change: the cached ranking never goes stale', async () => {
    const opp = async () =>
      (await app.http.inject({ method: 'GET', url: '/api/opportunities', cookies: app.cookies })).json() as {
        opportunities: { taskId: string; annualSaving: { amountMinor: number } | null }[];
      };
    const t = await flagship();
    const saving = (o: Awaited<ReturnType<typeof opp>>) =>
      o.opportunities.find((x) => x.taskId === t.id)!.annualSaving!;
    const before = saving(await opp());
    expect(saving(await opp())).toEqual(before); // served again, unchanged
    await app.http.inject({
      method: 'PATCH',
      url: `/api/tasks/${t.id}`,
      cookies: app.cookies,
      payload: { marketPricePerUnit: { amountMinor: 2200, currency: 'USD' } },
    });
    expect(saving(await opp()).amountMinor).toBeLessThan(before.amountMinor);
    await app.http.inject({
      method: 'PATCH',
      url: '/api/settings/economics',
      cookies: app.cookies,
      payload: { platformFeeBps: 2000 },
    });
    const afterFee = saving(await opp()).amountMinor;
    await app.http.inject({
      method: 'PATCH',
      url: '/api/settings/economics',
      cookies: app.cookies,
      payload: { platformFeeBps: 500 },
    });
    expect(saving(await opp()).amountMinor).toBeGreaterThan(afterFee);
    await app.http.inject({
      method: 'PATCH',
      url: `/api/tasks/${t.id}`,
      cookies: app.cookies,
      payload: { marketPricePerUnit: { amountMinor: 1100, currency: 'USD' } },
    });
    expect(saving(await opp())).toEqual(before);
  });

  it('refuses negative minutes with the field named, and keeps the task as it was', async () => {
    const before = await flagship();
    const res = await app.http.inject({
      method: 'PATCH',
      url: `/api/tasks/${before.id}`,
      cookies: app.cookies,
      payload: { minutesPerOccurrence: -5 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/minutesPerOccurrence/);
    expect(await flagship()).toEqual(before);
  });

  it('imports a file sent as the request body and reports bad rows with their line', async () => {
    const csv =
      'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (USD)\n' +
      'Ann Lee,ann@x.example,Acme,Pricing,Desk research,Read reports,Yes,2025-02-03,09:00:00,2025-02-03,10:30:00,01:30:00,,\n' +
      'Ann Lee,ann@x.example,Acme,Pricing,Desk research,Read more,Yes,2025-02-04,09:00:00,2025-02-04,10:30:00,later,,\n';
    const bad = await app.http.inject({
      method: 'POST',
      url: '/api/imports?file=toggl.csv',
      cookies: app.cookies,
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.errors[0].line).toBe(3);
    const ok = await app.http.inject({
      method: 'POST',
      url: '/api/imports?file=toggl.csv&skipInvalid=true',
      cookies: app.cookies,
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().timeEntries.imported).toBe(1);
    const history = (
      await app.http.inject({ method: 'GET', url: '/api/imports', cookies: app.cookies })
    ).json();
    expect(history[0]).toMatchObject({ fileName: 'toggl.csv', format: 'toggl', skipped: 1 });
  });

  it('exports the inventory as CSV with formula-like text made safe', async () => {
    const t = await flagship();
    await app.http.inject({
      method: 'PATCH',
      url: `/api/tasks/${t.id}`,
      cookies: app.cookies,
      payload: { name: '=HYPERLINK("x")' },
    });
    const res = await app.http.inject({ method: 'GET', url: '/api/tasks/export.csv', cookies: app.cookies });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.body).toContain(`"'=HYPERLINK(""x"")"`);
    expect(res.body).not.toMatch(/^=|,=/m);
  });
});
