/**
 * GET /api/work-orders/:id/package: the hand-off package as one real ZIP (read back with JSZip) —
 * README with the terms and checklist, the brief, the materials byte for byte (two of one name kept
 * apart) — for the firm and the assigned out-tasker only, every material read audited.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { aContractFor, DECK_CHECKLIST } from '../factories/workorders.ts';
import { testDialects } from '../helpers/db.ts';
import { workOrderSides } from '../helpers/work-order-sides.ts';

describe.each(testDialects)('the hand-off package (%s)', (dialect) => {
  const s = workOrderSides(dialect);

  const get = (url: string, cookies: Record<string, string>) =>
    s.t.http.inject({ method: 'GET', url, cookies });
  const post = (url: string, payload: object, cookies = s.t.cookies) =>
    s.t.http.inject({ method: 'POST', url, cookies, payload });

  it('zips the README, the brief and the materials for the assigned out-tasker, and audits the read', async () => {
    const id = (
      await post('/api/work-orders', {
        contractId: s.c.contractId,
        title: 'Acme interviews: Q4',
        instructions: 'Use the firm template.',
        unitsExpected: 12,
        acceptance: DECK_CHECKLIST,
      })
    ).json().id as string;
    const transcript = Buffer.from('Interview 1\nPERSON_1: the ERP rollout…');
    const binary = Buffer.from([0, 1, 2, 250, 251, 252]);
    const added = await post(`/api/work-orders/${id}/materials`, {
      files: [
        { name: 'transcript.txt', contentBase64: transcript.toString('base64') },
        { name: 'transcript.txt', contentBase64: binary.toString('base64') },
      ],
      redacted: true,
    });
    expect(added.statusCode).toBe(201);

    // A draft is the firm's: the out-tasker cannot see its package.
    expect((await get(`/api/work-orders/${id}/package`, s.worker)).statusCode).toBe(404);
    await post(`/api/work-orders/${id}/transitions`, { event: 'send' });

    const res = await get(`/api/work-orders/${id}/package`, s.worker);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const ref = (await get(`/api/work-orders/${id}`, s.t.cookies)).json().order.ref as string;
    expect(res.headers['content-disposition']).toContain(`${ref}-acme-interviews-q4-handoff.zip`);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    expect(names).toContain('README.txt');
    expect(names).toContain('materials/transcript.txt');
    expect(names).toContain('materials/transcript (2).txt');
    expect(await zip.file('materials/transcript.txt')!.async('nodebuffer')).toEqual(transcript);
    expect(await zip.file('materials/transcript (2).txt')!.async('nodebuffer')).toEqual(binary);
    const readme = await zip.file('README.txt')!.async('string');
    expect(readme).toContain(`${ref} · Acme interviews: Q4`);
    expect(readme).toContain('$11.00 a slide; 12 expected');
    expect(readme).toContain('Use the firm template.');
    for (const item of DECK_CHECKLIST) expect(readme).toContain(`[ ] ${item}`);
    // The brief (the task's procedure) when the task has one; the README says which.
    const brief = names.find((n) => n.endsWith('.md'));
    if (brief) expect(readme).toContain(`${brief}  the brief`);
    else expect(readme).toContain('(no brief attached)');

    const audit = (await get('/api/workspace/audit?limit=200', s.t.cookies)).json() as {
      action: string;
      subjectId: string;
      userId: string | null;
      details?: { files?: { name: string }[] };
    }[];
    const read = audit.find((a) => a.action === 'workorder.package.read' && a.subjectId === id);
    expect(read?.userId).toBe(s.c.outtasker.user.id);
    expect(read?.details?.files?.map((f) => f.name)).toEqual(['transcript.txt', 'transcript.txt']);
  });

  it('is not found for an out-tasker the order is not assigned to', async () => {
    const id = (
      await post('/api/work-orders', { contractId: s.c.contractId, title: 'Another', unitsExpected: 3 })
    ).json().id as string;
    await post(`/api/work-orders/${id}/transitions`, { event: 'send' });
    const other = await aContractFor(s.t.services, s.t.owner.actor, s.c.taskId, undefined, {
      name: 'Otto Other',
    });
    const res = await get(
      `/api/work-orders/${id}/package`,
      await s.t.login(other.outtasker.email, other.outtasker.password),
    );
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('WORK_ORDER_NOT_FOUND');
    expect((await get(`/api/work-orders/${id}/package`, s.t.cookies)).statusCode).toBe(200);
  });
});
