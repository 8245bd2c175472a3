/**
 * The import API the app's preview uses: POST /api/imports/preview (stores nothing), /apply with the
 * firm's decisions and a stated period, GET /api/imports, POST /api/imports/:id/undo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSmallFirm, storeFirm, togglCsv } from '../factories/index.ts';
import { signedInApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

type SignedIn = Awaited<ReturnType<typeof signedInApp>>;
const firm = aSmallFirm();
const csv = togglCsv([
  { user: 'Fiona Founder', project: 'Acme', task: 'Summary deck', date: '2025-03-03', minutes: 120 },
  { user: 'Andy Analyst', project: 'Acme', task: 'Lunch', date: '2025-03-05', minutes: 45 },
]);
const body = { file: 'toggl.csv', contentBase64: Buffer.from(csv).toString('base64') };

describe.each(testDialects)('imports API on %s', (dialect) => {
  let app: SignedIn;
  beforeAll(async () => {
    app = await signedInApp(dialect);
    await storeFirm(app.services, app.owner.actor, firm);
  });
  afterAll(() => app.close());
  const post = (url: string, payload?: object) =>
    app.http.inject({ method: 'POST', url, cookies: app.cookies, ...(payload ? { payload } : {}) });

  it('previews, applies with decisions and a stated period, lists and undoes', async () => {
    const preview = await post('/api/imports/preview', body);
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p.activities.map((a: { name: string; match: string }) => [a.name, a.match])).toEqual([
      ['Summary deck', 'similar'],
      ['Lunch', 'none'],
    ]);
    expect(p.tasks.map((t: { name: string }) => t.name)).toEqual(['Build the summary deck']);
    expect(
      (await app.http.inject({ method: 'GET', url: '/api/imports', cookies: app.cookies })).json(),
    ).toEqual([]);

    const applied = await post('/api/imports/apply', {
      ...body,
      decisions: [{ activity: 'Lunch', action: 'ignore' }],
      period: { from: '2025-03-01', to: '2025-03-28' },
    });
    expect(applied.statusCode).toBe(200);
    const report = applied.json();
    expect(report.timeEntries).toEqual({ imported: 1, alreadyImported: 0, ignored: 1 });
    expect(report.period).toMatchObject({
      from: '2025-03-01',
      to: '2025-03-28',
      days: 28,
      length: '4 weeks',
      stated: true,
    });

    const badPeriod = await post('/api/imports/apply', {
      ...body,
      period: { from: '2025-03-04', to: '2025-03-28' },
    });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().error.message).toContain('outside the period 2025-03-04 to 2025-03-28');

    const undone = await post(`/api/imports/${report.importId}/undo`);
    expect(undone.statusCode).toBe(200);
    expect(undone.json().undoneAt).not.toBeNull();
    expect((await post(`/api/imports/${report.importId}/undo`)).statusCode).toBe(409);
    expect((await post('/api/imports/nope/undo')).statusCode).toBe(404);
  });
});
