/**
 * A member's loaded hourly cost and role are the owner's to set (PATCH /api/members refuses staff);
 * an import is another way in, so staff may import a file only when it sets neither. Nothing is
 * stored when it is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSmallFirm, aUser, storeFirm, togglCsv } from '../factories/index.ts';
import { signedInApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

type SignedIn = Awaited<ReturnType<typeof signedInApp>>;
const firm = aSmallFirm();
const b64 = (text: string) => Buffer.from(text).toString('base64');
// The template's task rows describe their performer too: here the analyst's cost goes up to $95.
const raisesCost = {
  file: 'inventory.csv',
  contentBase64: b64(
    'Process,Task,Minutes per occurrence,Occurrences per year,Performer,Performer hourly cost\n' +
      'Client research,Check the references,30,12,Andy Analyst,95\n',
  ),
};
const newPersonWithCost = {
  file: 'inventory.csv',
  contentBase64: b64(
    'Process,Task,Minutes per occurrence,Occurrences per year,Performer,Performer hourly cost\n' +
      'Client research,Check the references,30,12,Nina New,70\n',
  ),
};
const timeOnly = {
  file: 'toggl.csv',
  contentBase64: b64(
    togglCsv([
      { user: 'Andy Analyst', project: 'Acme', task: 'Summary deck', date: '2025-03-03', minutes: 90 },
    ]),
  ),
};

describe.each(testDialects)('imports of member costs on %s', (dialect) => {
  let app: SignedIn;
  let staff: Awaited<ReturnType<SignedIn['login']>>;
  beforeAll(async () => {
    app = await signedInApp(dialect);
    await storeFirm(app.services, app.owner.actor, firm);
    const s = await aUser(app.services, app.owner.workspace, 'staff');
    staff = await app.login(s.email, s.password);
  });
  afterAll(() => app.close());
  const post = (cookies: typeof staff, url: string, payload: object) =>
    app.http.inject({ method: 'POST', url, cookies, payload });
  const members = async () =>
    (await app.http.inject({ method: 'GET', url: '/api/members', cookies: app.cookies })).json() as {
      name: string;
      hourlyCost: { amountMinor: number };
    }[];

  it('refuses staff a file that sets a loaded hourly cost, in the preview and the import, storing nothing', async () => {
    const before = await members();
    for (const [url, body] of [
      ['/api/imports/preview', raisesCost],
      ['/api/imports/apply', raisesCost],
      ['/api/imports/apply', newPersonWithCost],
    ] as const) {
      const res = await post(staff, url, body);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const refused = await post(staff, '/api/imports/apply', raisesCost);
    expect(refused.json().error.message).toBe(
      "inventory.csv sets what only an owner can: Andy Analyst's loaded hourly cost. " +
        'Ask an owner to import it, or leave the cost and role columns empty',
    );
    expect(await members()).toEqual(before);
    const imports = await app.http.inject({ method: 'GET', url: '/api/imports', cookies: app.cookies });
    expect(imports.json()).toEqual([]);
  });

  it('lets staff import time entries, and the owner the same cost file', async () => {
    expect((await post(staff, '/api/imports/apply', timeOnly)).statusCode).toBe(200);
    const owner = await post(app.cookies, '/api/imports/apply', raisesCost);
    expect(owner.statusCode).toBe(200);
    const analyst = (await members()).find((m) => m.name === 'Andy Analyst');
    expect(analyst?.hourlyCost.amountMinor).toBe(9500);
  });
});
