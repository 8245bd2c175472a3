/**
 * The demo workspace's own check of one cost per task (issue 11, item 3): in the demo, the inventory,
 * the ranking, the task page and the procedure pages show the same current cost, and a task whose
 * approved procedure is automated or out-tasked is counted as such in the ranking. (The rules
 * themselves are tested with factories beside their code.)
 */
import { describe, expect, it } from 'vitest';
import { demoApp } from '../../test/helpers/app.ts';
import { testDialects } from '../../test/helpers/db.ts';

type Money = { amountMinor: number; currency: string };
type Comparison = {
  inHouseAnnualCost: Money;
  rows: { expectedAnnualCost: Money | null; annualSaving: Money | null }[];
};

describe.each(testDialects)('one cost per task on %s', (dialect) => {
  it('shows the approved procedure’s figure everywhere, and moves with the next approval', async () => {
    const app = await demoApp(dialect);
    const get = async <T>(url: string): Promise<T> => {
      const r = await app.http.inject({ method: 'GET', url, cookies: app.cookies });
      expect(r.statusCode, `${url}: ${r.body}`).toBe(200);
      return r.json() as T;
    };
    const send = async <T>(method: 'POST', url: string, payload?: object): Promise<T> => {
      const r = await app.http.inject({ method, url, cookies: app.cookies, ...(payload ? { payload } : {}) });
      expect(r.statusCode, `${url}: ${r.body}`).toBeLessThan(300);
      return r.json() as T;
    };
    const tasks =
      await get<{ id: string; name: string; costBasis: string; inHouseAnnualCost: Money }[]>('/api/tasks');
    const procedures =
      await get<{ taskId: string; economics: { approvedPerYear: Money | null } | null }[]>('/api/procedures');
    const ranking = await get<{ opportunities: { taskId: string; inHouseAnnualCost: Money }[] }>(
      '/api/opportunities',
    );
    const approved = procedures.filter((p) => p.economics?.approvedPerYear);
    expect(approved.length).toBeGreaterThanOrEqual(2);
    for (const p of approved) {
      const t = tasks.find((x) => x.id === p.taskId)!;
      expect(t.costBasis, t.name).toBe('procedure');
      expect(t.inHouseAnnualCost, t.name).toEqual(p.economics!.approvedPerYear);
      expect(ranking.opportunities.find((o) => o.taskId === t.id)?.inHouseAnnualCost, t.name).toEqual(
        t.inHouseAnnualCost,
      );
      const detail = await get<{
        opportunity: {
          economics: { inHouse: { basis: string; annualCost: Money; standard: { versionNumber: number } } };
        };
      }>(`/api/tasks/${t.id}`);
      expect(detail.opportunity.economics.inHouse).toMatchObject({
        basis: 'procedure',
        annualCost: t.inHouseAnnualCost,
      });
    }

    // The bid comparison saves against the same figure (issue 12): a bid's saving is that cost less the
    // bid's cost a year, not the inventory's raw estimate.
    const deck = tasks.find((t) => t.name === 'Build the executive interview summary deck')!;
    expect(deck.costBasis).toBe('procedure');
    const designer = await send<{ id: string }>('POST', '/api/outtaskers', {
      name: 'Deck Designer',
      currency: 'USD',
    });
    await send('POST', '/api/bids', {
      taskId: deck.id,
      outtaskerId: designer.id,
      unitPriceMinor: 1100,
      currency: 'USD',
      turnaroundHours: 24,
    });
    const compared = await get<Comparison>(`/api/bids/compare/${deck.id}`);
    expect(compared.inHouseAnnualCost).toEqual(deck.inHouseAnnualCost);
    const [bid] = compared.rows;
    expect(bid!.annualSaving!.amountMinor).toBe(
      deck.inHouseAnnualCost.amountMinor - bid!.expectedAnnualCost!.amountMinor,
    );

    // The transcription task's approved procedure gives the typing to software: only the upload and
    // the check (20 min) are left in-house, far below the old estimate of typing it all.
    const transcription = tasks.find((t) => t.name === 'Transcribe interview recordings')!;
    expect(transcription.costBasis).toBe('procedure');
    const estimate = await get<{
      opportunity: { economics: { inHouse: { estimate: { amount: Money } | null; annualCost: Money } } };
    }>(`/api/tasks/${transcription.id}`);
    const ih = estimate.opportunity.economics.inHouse;
    expect(ih.estimate).not.toBeNull();
    expect(ih.annualCost.amountMinor).toBeLessThan(ih.estimate!.amount.amountMinor / 4);

    // A new version that drops the check as waste, approved: every view follows at once.
    const draft = await send<{ id: string; steps: { id: string; name: string }[] }>(
      'POST',
      `/api/procedures/tasks/${transcription.id}/versions`,
      {},
    );
    const check = draft.steps.find((s) => s.name.startsWith('Check names'))!;
    await send('POST', `/api/procedures/versions/${draft.id}/steps/${check.id}/waste`, {
      reason: 'the app is good enough',
    });
    await send('POST', `/api/procedures/versions/${draft.id}/approve`);
    const after = (await get<typeof tasks>('/api/tasks')).find((t) => t.id === transcription.id)!;
    expect(after.inHouseAnnualCost.amountMinor).toBeLessThan(transcription.inHouseAnnualCost.amountMinor);
    const row = (await get<typeof procedures>('/api/procedures')).find((p) => p.taskId === transcription.id)!;
    expect(after.inHouseAnnualCost).toEqual(row.economics!.approvedPerYear);
    expect((await get<Comparison>(`/api/bids/compare/${transcription.id}`)).inHouseAnnualCost).toEqual(
      after.inHouseAnnualCost,
    );
    await app.close();
  });
});
