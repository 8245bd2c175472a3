/**
 * Work orders in a real browser against the real server (demo workspace, signed in as its founder):
 * an order under a contract for the interview deck, delivered by the out-tasker as a PPTX of 13
 * slides with one hidden, waits on the board under "To review"; the firm ticks the checklist, rates
 * and approves; the statement shows 12 slides × $11 and the savings ledger what that saved.
 * The contract and the out-tasker's side are made through the services on the server's own database
 * (the award and the portal are other features' pages).
 *
 * Needs Debian's Chromium at /usr/bin/chromium; skipped (saying so) when it is not installed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FLAGSHIP_TASK_NAME } from '../../src/demo/index.ts';
import { type AppServices, openApp } from '../../src/main.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { aPptx } from '../factories/documents.ts';
import { aContractFor, DECK_CHECKLIST } from '../factories/workorders.ts';
import {
  CHROMIUM_PATH,
  type ChromiumSession,
  chromiumAvailable,
  ensureWebBuild,
  launchChromium,
  openPage,
  type PageAudit,
  type RunningServer,
  signIn,
  startServer,
} from './harness.ts';

const hasChromium = chromiumAvailable();

describe.skipIf(!hasChromium)(
  hasChromium
    ? 'work orders in Chromium'
    : `work orders in Chromium (skipped: ${CHROMIUM_PATH} is not installed)`,
  () => {
    let server: RunningServer;
    let browser: ChromiumSession;
    let page: Page;
    let pageErrors: string[];
    let a11y: PageAudit;
    let services: AppServices;
    let ref = '';

    beforeAll(async () => {
      ensureWebBuild();
      server = await startServer();
      // The firm's side up to a delivery, through the services on the server's database.
      services = await openApp(loadConfig({ OUTTASK_DATA_DIR: server.dataDir }), { migrate: false });
      const [workspace] = await services.accounts.listWorkspaces();
      const firm = { workspace: workspace!, userId: null, role: 'owner' as const };
      const task = await services.inventory.resolveTask(firm, DEMO_FLAGSHIP_TASK_NAME);
      const c = await aContractFor(services, firm, task.id, undefined, { name: 'Priya Deckwright' });
      const worker = { workspace: workspace!, userId: c.outtasker.user.id, role: 'outtasker' as const };
      const wo = services.workOrders;
      const order = await wo.create(firm, {
        contractId: c.contractId,
        title: 'Northwind interviews',
        unitsExpected: 12,
      });
      ref = order.ref;
      await wo.addMaterials(
        firm,
        order.id,
        [{ name: 'northwind-transcripts.txt', bytes: Buffer.from('Q1 …') }],
        {
          redacted: true,
        },
      );
      await wo.move(firm, order.id, 'send');
      await wo.move(worker, order.id, 'accept');
      await wo.deliver(worker, order.id, {
        note: 'Deck attached',
        files: [{ name: 'northwind.pptx', bytes: await aPptx(13, [13]) }],
      });

      browser = await launchChromium({ width: 1440, height: 900 });
      ({ page, pageErrors, a11y } = await openPage(browser));
      await signIn(page, a11y, server.url);
      await a11y.check('the page after sign-in');
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await services?.close();
      await server?.stop();
    });

    it('reviews a delivered deck against the checklist, approves it, and bills 12 slides × $11', async () => {
      await page.goto(`${server.url}/work-orders`);
      await page.getByRole('heading', { name: 'Work orders', exact: true }).waitFor();
      const column = page.locator('section.wo-column', {
        has: page.getByRole('heading', { name: /^To review/ }),
      });
      await column.getByText(`${ref} · Northwind interviews`).waitFor();
      await a11y.check('the work-order board');

      await column.getByRole('link').first().click();
      await page.getByRole('heading', { name: 'Review the delivery' }).waitFor();
      expect(await page.locator('.wo-delivery').first().textContent()).toContain(
        '12 slides counted (hidden slides not counted: 13)',
      );
      await a11y.check('a work order waiting for review');

      // Approving with an item not ticked is refused, and says which.
      await page.getByRole('button', { name: 'Approve' }).click();
      await page.getByText(/Not ticked: Every interview has a slide/).waitFor();
      for (const item of DECK_CHECKLIST) await page.getByLabel(item).check();
      await page.getByLabel('Quality (1–5)').selectOption('5');
      await page.getByLabel('Timeliness (1–5)').selectOption('4');
      await page.getByRole('button', { name: 'Approve' }).click();
      await page.getByText('12 × $11.00 = $132.00').waitFor();
      expect(await page.locator('.lede').first().textContent()).toContain('Approved');
      await a11y.check('an approved work order');

      await page.goto(`${server.url}/statements`);
      await page.getByRole('heading', { name: 'Priya Deckwright: $132.00' }).waitFor();
      await a11y.check('the statements');

      await page.goto(`${server.url}/savings-ledger`);
      await page.getByRole('heading', { name: 'Savings ledger' }).waitFor();
      await page.getByText(/Saved so far:/).waitFor();
      expect(await page.locator('main').textContent()).toContain(DEMO_FLAGSHIP_TASK_NAME);
      await a11y.check('the savings ledger');
      expect(pageErrors).toEqual([]);
    }, 120_000);

    it('checked every page it reached with axe-core', () => {
      a11y.assertAllChecked();
    });
  },
);
