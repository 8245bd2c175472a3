/** /api/work-orders through HTTP: the firm and the out-tasker each with their own session. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { aPptx } from '../factories/documents.ts';
import { DECK_CHECKLIST } from '../factories/workorders.ts';
import { testDialects } from '../helpers/db.ts';
import { workOrderSides } from '../helpers/work-order-sides.ts';

describe.each(testDialects)('work orders over HTTP (%s)', (dialect) => {
  const s = workOrderSides(dialect);

  const as = (cookies: Record<string, string>) => ({
    get: (url: string) => s.t.http.inject({ method: 'GET', url, cookies }),
    post: (url: string, payload: object) => s.t.http.inject({ method: 'POST', url, cookies, payload }),
  });

  it('runs the path: draft → send → accept → deliver a PPTX → changes → redeliver → approve → statement in CSV and XLSX', async () => {
    const firm = as(s.t.cookies);
    const me = as(s.worker);
    const created = await firm.post('/api/work-orders', {
      contractId: s.c.contractId,
      title: '=HYPERLINK("http://evil.example","Acme")',
      unitsExpected: 12,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;

    const material = await firm.post(`/api/work-orders/${id}/materials`, {
      files: [{ name: 'transcripts.txt', contentBase64: Buffer.from('Interview 1').toString('base64') }],
      redacted: true,
    });
    expect(material.statusCode).toBe(201);
    // The out-tasker sees nothing of a draft.
    expect((await me.get(`/api/work-orders/${id}`)).statusCode).toBe(404);
    expect((await firm.post(`/api/work-orders/${id}/transitions`, { event: 'send' })).json().state).toBe(
      'sent',
    );

    const board = (await me.get('/api/work-orders')).json();
    expect(board.map((b: { order: { id: string } }) => b.order.id)).toEqual([id]);
    expect(board[0].allowedEvents).toEqual(['accept', 'decline']);
    expect((await me.post(`/api/work-orders/${id}/transitions`, { event: 'accept' })).statusCode).toBe(200);

    const file = (await me.get(`/api/work-orders/${id}`)).json().files[0];
    const download = await me.get(`/api/work-orders/${id}/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('Interview 1');

    const pptx = async (n: number, hidden: number[] = []) => (await aPptx(n, hidden)).toString('base64');
    const d1 = await me.post(`/api/work-orders/${id}/deliveries`, {
      note: 'Draft',
      files: [{ name: 'acme.pptx', contentBase64: await pptx(11, [11]) }],
    });
    expect(d1.statusCode).toBe(201);
    expect(d1.json()).toMatchObject({ round: 1, units: 10, hiddenSlides: [11] });

    // Review is the firm's: the out-tasker is refused by the route's policy.
    const checklist = DECK_CHECKLIST.map((item) => ({ item, checked: true }));
    expect(
      (await me.post(`/api/work-orders/${id}/review`, { outcome: 'approve', checklist })).statusCode,
    ).toBe(403);
    const changes = await firm.post(`/api/work-orders/${id}/review`, {
      outcome: 'request_changes',
      checklist: DECK_CHECKLIST.map((item, i) => ({ item, checked: i > 0 })),
      comment: 'One slide per interview, please.',
    });
    expect(changes.json()).toMatchObject({ outcome: 'changes_requested' });
    const illegal = await firm.post(`/api/work-orders/${id}/transitions`, { event: 'invoice' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error).toMatchObject({
      code: 'WORK_ORDER_STATE_INVALID',
      details: { from: 'changes_requested', to: 'invoiced' },
    });

    await me.post(`/api/work-orders/${id}/deliveries`, {
      note: 'Fixed',
      files: [{ name: 'acme-v2.pptx', contentBase64: await pptx(12) }],
    });
    const approved = await firm.post(`/api/work-orders/${id}/review`, {
      outcome: 'approve',
      checklist,
      qualityRating: 4,
      timelinessRating: 5,
    });
    expect(approved.statusCode).toBe(200);

    const today = new Date().toISOString().slice(0, 10);
    const q = `from=${today.slice(0, 8)}01&to=${today}`;
    const statements = (await firm.get(`/api/work-orders/statements?${q}`)).json();
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ units: 12, total: { amountMinor: 13_200, currency: 'USD' } });
    expect((await me.get(`/api/work-orders/statements?${q}`)).json()).toHaveLength(1);

    const csv = await firm.get(`/api/work-orders/statements/export?${q}&format=csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const line = csv.body.split('\n')[1]!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""Acme"")"`);
    expect(line).toMatch(/,12,11,132,USD,no$/);

    const xlsx = await firm.get(`/api/work-orders/statements/export?${q}&format=xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const title = sheet.getRow(3).getCell(3).value;
    expect(title).toBe(`'=HYPERLINK("http://evil.example","Acme")`);
    expect(sheet.getRow(3).getCell(9).value).toBe(132);
    expect(sheet.getRow(4).getCell(9).value).toBe(132);

    const ledger = (await firm.get('/api/work-orders/ledger')).json();
    expect(ledger.total).toMatchObject({
      units: 12,
      paid: { amountMinor: 13_200 },
      inHouse: { amountMinor: 360_000 },
    });
    expect((await me.get('/api/work-orders/ledger')).statusCode).toBe(403);
    const sla = (await firm.get('/api/work-orders/sla')).json();
    expect(sla[0].record).toMatchObject({ orders: 1, onTime: 1, revisionsPerOrder: 1, meanQuality: 4 });
  });

  it('answers 401 to anyone not signed in, and names the field of a bad body', async () => {
    expect((await s.t.http.inject({ method: 'GET', url: '/api/work-orders' })).statusCode).toBe(401);
    const bad = await as(s.t.cookies).post('/api/work-orders', {
      contractId: s.c.contractId,
      title: '',
      unitsExpected: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/Title needs text/);
  });
});
