/**
 * Hostile imports over HTTP: a file of 200,000 bad rows answers a short 422 (the first 1,000 errors and
 * the count), a zip bomb a 413 naming the entry, and an import cannot store what the API refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZip } from '../factories/zip.ts';
import { signedInApp } from '../helpers/app.ts';

type SignedIn = Awaited<ReturnType<typeof signedInApp>>;

describe('hostile imports over HTTP', () => {
  let app: SignedIn;
  beforeAll(async () => {
    app = await signedInApp('sqlite');
  });
  afterAll(() => app.close());

  const post = (file: string, payload: string | Buffer, type = 'text/csv', query = '') =>
    app.http.inject({
      method: 'POST',
      url: `/api/imports?file=${file}${query}`,
      cookies: app.cookies,
      headers: { 'content-type': type },
      payload,
    });

  it('answers 200,000 bad rows with the first 1,000 errors and the count, in a small body', async () => {
    const header =
      'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration\n';
    const bad =
      'Ann Lee,,Acme,Pricing,Desk research,Read,Yes,2025-02-03,09:00:00,2025-02-03,10:30:00,later\n';
    const res = await post('toggl.csv', header + bad.repeat(200_000));
    expect(res.statusCode).toBe(422);
    expect(res.body.length).toBeLessThan(300_000);
    const { details, code } = res.json().error;
    expect(code).toBe('IMPORT_ROWS_INVALID');
    expect(details.errors).toHaveLength(1_000);
    expect(details).toMatchObject({ errorCount: 200_000, invalidRows: 200_000 });
    const skipped = await post('toggl.csv', header + bad.repeat(200_000), 'text/csv', '&skipInvalid=true');
    expect(skipped.statusCode).toBe(200);
    expect(skipped.json()).toMatchObject({ skippedRows: 200_000, errorCount: 200_000 });
    expect(skipped.json().errors).toHaveLength(1_000);
  });

  it('refuses an XLSX whose central directory lies, with 413 ARCHIVE_TOO_LARGE naming the entry', async () => {
    const liar = await buildZip([
      { name: 'xl/workbook.xml', head: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', chunk: '<pad/>', times: 23_000_000, declaredSize: 1024 },
    ]);
    const res = await post('time.xlsx', liar, 'application/octet-stream');
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'ARCHIVE_TOO_LARGE',
      details: { entry: 'xl/worksheets/sheet1.xml' },
    });
  });

  it('stores no field the API would refuse (a 10 MB task name)', async () => {
    const huge = 'x'.repeat(1_000_000);
    const res = await post(
      'tasks.csv',
      `Process,Task,Occurrences per year,Minutes per occurrence\nDelivery,${huge},12,30\nDelivery,Deck,12,30\n`,
      'text/csv',
      '&skipInvalid=true',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().errors[0].message).toMatch(
      /tasks\.csv:2 \(column Task\): "x{60}…" is 1,000,000 characters long; the limit is 300$/,
    );
    const tasks = (await app.http.inject({ method: 'GET', url: '/api/tasks', cookies: app.cookies })).json();
    expect(tasks.map((t: { name: string }) => t.name)).toEqual(['Deck']);
  });
});
