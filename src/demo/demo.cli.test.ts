/**
 * `outtask demo`: creates the demo workspace once, ready to sign in to, with the flagship first and
 * step 6 in use (issue 12): the process exits 0 (a lost branch exited 13 with a second app open).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outtask } from '../../test/helpers/cli.ts';
import { openApp } from '../main.ts';
import { loadConfig } from '../platform/config.ts';
import { DEMO_FIRM, DEMO_FLAGSHIP_TASK_NAME } from './demo-firm.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-demo-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = { OUTTASK_DATA_DIR: dir };

describe('outtask demo', { timeout: 400_000 }, () => {
  it('creates the demo workspace once, with its login, ranks the flagship first and shows it out-tasked', async () => {
    const demo = outtask(['demo', '--password', 'demo-password-1'], env, { timeoutMs: 240_000 });
    expect(demo.code).toBe(0);
    const founder = DEMO_FIRM.members.find((m) => m.role === 'founder')!;
    expect(demo.stdout).toContain(`Demo workspace "${DEMO_FIRM.name}" created.`);
    expect(demo.stdout).toContain(`as ${founder.email}`);

    const r = outtask(['opportunities', '--top', '1', '--json'], env);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { opportunities: { name: string }[] }).opportunities[0]!.name).toBe(
      DEMO_FLAGSHIP_TASK_NAME,
    );
    const show = outtask(['procedures', 'show', DEMO_FLAGSHIP_TASK_NAME], env);
    expect(show.stdout).toContain('Ways recorded: 13 (0 in use, 13 retired by the standard)');

    // Step 6 in use: four months of out-tasked decks with two out-taskers, replayed on the one app.
    type Item = {
      order: { state: string; outtaskerName: string; revisionRounds?: number };
      sla: { flag: string };
    };
    const board = outtask(['work-orders', 'list', '--json'], env);
    expect(board.code, board.stderr).toBe(0);
    const items = JSON.parse(board.stdout) as Item[];
    expect(items).toHaveLength(11);
    const states = (s: string) => items.filter((i) => i.order.state === s).length;
    expect([states('invoiced'), states('approved'), states('delivered')]).toEqual([9, 1, 1]);
    expect(new Set(items.map((i) => i.order.outtaskerName))).toEqual(
      new Set(['Priya Deckwright', 'Tomás Ruiz']),
    );
    const first = new Date();
    first.setUTCMonth(first.getUTCMonth() - 4, 1);
    const statements = outtask(
      [
        'work-orders',
        'statements',
        '--from',
        first.toISOString().slice(0, 10),
        '--to',
        new Date().toISOString().slice(0, 10),
        '--json',
      ],
      env,
    );
    expect(statements.code, statements.stderr).toBe(0);
    const byName = Object.fromEntries(
      (
        JSON.parse(statements.stdout) as {
          outtaskerName: string;
          units: number;
          total: { amountMinor: number };
        }[]
      ).map((st) => [st.outtaskerName, [st.units, st.total.amountMinor]]),
    );
    // Approved slides × price: Priya 241 × $11, Tomás 88 × $12 (his last deck awaits review).
    expect(byName).toEqual({ 'Priya Deckwright': [241, 265_100], 'Tomás Ruiz': [88, 105_600] });

    // The same data through the app: the SLA record (two late, one sent back) and the savings ledger.
    const app = await openApp(loadConfig({ OUTTASK_DATA_DIR: dir }));
    try {
      const ws = (await app.accounts.listWorkspaces()).find((w) => w.settings.demo === true)!;
      const owner = { workspace: ws, userId: null, role: 'owner' as const };
      const sla = await app.workOrders.slaRecords(owner);
      const late = sla.reduce((n, r) => n + r.record.late, 0);
      expect(late).toBe(2);
      const ledger = await app.workOrders.ledger(owner);
      expect(ledger.total).toMatchObject({ orders: 10, units: 329, paid: { amountMinor: 370_700 } });
      expect(ledger.total.saving.amountMinor).toBe(ledger.total.inHouse.amountMinor - 370_700);
      expect(ledger.total.saving.amountMinor).toBeGreaterThan(0);
      expect(ledger.byMonth.length).toBeGreaterThanOrEqual(4);
    } finally {
      await app.close();
    }

    const again = outtask(['demo'], env);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('The demo workspace already exists');
  });
});
