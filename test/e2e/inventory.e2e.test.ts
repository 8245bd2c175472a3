/**
 * The founder's first session, in a real browser against the real server: sign in (and be sent back to
 * the page asked for), see where each task stands in the method and filter by step, import a Toggl
 * Track export through the import page, see the summary, import it again without doubling anything, see
 * the ranking with the interview deck on top, read a bad file's error report by line, import its valid
 * rows, edit a task in place, compare out-tasking with an outsourcing offer, sign out. Then an empty
 * workspace: the inventory explains how to start. Screenshots go to a temporary folder (printed at the
 * end).
 *
 * Needs Debian's Chromium at /usr/bin/chromium; skipped (saying so) when it is not installed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGE_LABEL, STAGE_ORDER } from '../../web/src/app/steps.ts';
import type { ProgressResponse } from '../../web/src/features/procedures/types.ts';
import {
  CHROMIUM_PATH,
  type ChromiumSession,
  chromiumAvailable,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  EMPTY_OWNER,
  ensureWebBuild,
  launchChromium,
  openPage,
  type PageAudit,
  type RunningServer,
  startServer,
} from './harness.ts';

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');
const FLAGSHIP = 'Build the executive interview summary deck';
const hasChromium = chromiumAvailable();

if (!hasChromium) {
  console.warn(`Skipping the browser test: ${CHROMIUM_PATH} is not installed (apt-get install chromium).`);
}

describe.skipIf(!hasChromium)(
  hasChromium ? 'web UI in Chromium' : `web UI in Chromium (skipped: ${CHROMIUM_PATH} is not installed)`,
  () => {
    let server: RunningServer;
    let browser: ChromiumSession;
    let page: Page;
    let pageErrors: string[];
    let a11y: PageAudit;
    const shotsDir =
      process.env.OUTTASK_E2E_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-shots-'));
    const shot = (name: string) =>
      page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: false });

    beforeAll(async () => {
      ensureWebBuild();
      server = await startServer();
      browser = await launchChromium({ width: 1440, height: 900 });
      ({ page, pageErrors, a11y } = await openPage(browser));
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      fs.mkdirSync(shotsDir, { recursive: true });
      console.log(`Screenshots: ${shotsDir}`);
    });

    it('signs in and returns to the page that asked for it', async () => {
      await page.goto(`${server.url}/inventory`);
      await page.waitForURL(/\/login\?next=%2Finventory$/);
      await page.fill('#login-email', DEMO_EMAIL);
      await page.fill('#login-password', 'not-the-password');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('Email or password is wrong');
      await shot('01-login-error');
      await a11y.check('the sign-in page with its error');

      await page.fill('#login-password', DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/inventory$/);
      await page.getByRole('heading', { name: 'Task inventory' }).waitFor();
      expect(await page.locator('.toolbar .count').textContent()).toBe('76 tasks');
      expect(await page.locator('.workspace-name').textContent()).toBe('Larkspur Advisory');
      // Money as money, never raw ids on screen.
      const table = (await page.locator('.inventory-table').textContent()) ?? '';
      expect(table).toContain('$85,480'); // the interview deck's approved procedure: its current cost
      expect(table).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
      await shot('02-inventory');
      await a11y.check('the inventory');
    });

    it('shows each task’s step of the method, the tasks at each step, and filters by step', async () => {
      // What the server derives from the procedures data: the page must agree with it.
      const progress = (await (
        await page.request.get(`${server.url}/api/procedures/progress`)
      ).json()) as ProgressResponse;
      const apiTasks = (await (await page.request.get(`${server.url}/api/tasks`)).json()) as {
        id: string;
        name: string;
      }[];
      const flagshipId = apiTasks.find((t) => t.name === FLAGSHIP)!.id;
      const flagshipStage = progress.byTask[flagshipId]!;
      const flagshipStep = STAGE_ORDER.indexOf(flagshipStage) + 1;

      const row = page.locator('.inventory-table tbody tr', { hasText: FLAGSHIP });
      const badge = row.locator('td.col-stage .stage-badge');
      expect(await badge.locator('.stage-num').textContent()).toBe(String(flagshipStep));
      expect(await badge.locator('.stage-name').textContent()).toBe(STAGE_LABEL[flagshipStage]);

      // The progress tiles: one per step, each the API's count, together every task of the inventory.
      const tiles = page.locator('.stage-funnel .stage-tile');
      expect(await tiles.count()).toBe(6);
      const shown = (await tiles.locator('.stage-tile-count').allTextContents()).map(Number);
      expect(shown).toEqual(STAGE_ORDER.map((s) => progress.counts[s]));
      const total = shown.reduce((a, b) => a + b, 0);
      expect(total).toBe(apiTasks.length);
      expect(await page.locator('.toolbar .count').textContent()).toBe(`${total} tasks`);
      expect(await page.locator('.stage-funnel h2').textContent()).toContain(`${total} tasks`);

      // A tile links to the inventory filtered to its step; only the tasks at that step remain.
      const atFlagship = progress.counts[flagshipStage];
      expect(atFlagship).toBeLessThan(total);
      await tiles.nth(flagshipStep - 1).click();
      await page.waitForURL(new RegExp(`/inventory\\?stage=${flagshipStage}$`));
      const rows = page.locator('.inventory-table tbody tr');
      await expect.poll(() => rows.count()).toBe(atFlagship);
      expect(new Set(await rows.locator('td.col-stage .stage-name').allTextContents())).toEqual(
        new Set([STAGE_LABEL[flagshipStage]]),
      );
      expect(await row.count()).toBe(1);
      expect(await page.locator('.toolbar .count').textContent()).toBe(`${atFlagship} of ${total} tasks`);
      expect(await tiles.nth(flagshipStep - 1).getAttribute('aria-current')).toBe('true');
      await shot('02b-inventory-by-stage');
      await a11y.check('the inventory filtered by step');

      // The address alone filters (the link other pages use); another step, another set of tasks.
      const other = STAGE_ORDER.find((s) => s !== flagshipStage && (progress.counts[s] ?? 0) > 0)!;
      await page.goto(`${server.url}/inventory?stage=${other}`);
      await page.getByRole('heading', { name: 'Task inventory' }).waitFor();
      await expect.poll(() => rows.count()).toBe(progress.counts[other] ?? 0);
      expect(await row.count()).toBe(0);

      // Removing the step filter brings every task back; the Stage column sorts in the method's order,
      // furthest along first.
      await page.getByRole('button', { name: 'Show every stage' }).click();
      await page.waitForURL(/\/inventory$/);
      await expect.poll(() => page.locator('.toolbar .count').textContent()).toBe(`${total} tasks`);
      await page.locator('th.col-stage').getByRole('button').click();
      const furthest = STAGE_ORDER.filter((s) => (progress.counts[s] ?? 0) > 0).at(-1)!;
      expect(await rows.first().locator('.stage-name').textContent()).toBe(STAGE_LABEL[furthest]);
      const steps = (await rows.locator('td.col-stage .stage-num').allTextContents()).map(Number);
      expect(steps).toEqual([...steps].sort((a, b) => b - a));
      await page.locator('th.col-stage').getByRole('button').click();
      expect(await rows.first().locator('.stage-name').textContent()).toBe(STAGE_LABEL.consolidated);
    });

    it('imports a Toggl Track export through the import page and shows the summary', async () => {
      await nav(page, 'Import').click();
      await page.getByRole('heading', { name: 'Import tasks and time' }).waitFor();
      await page.setInputFiles('input[type=file]', path.join(FIXTURES, 'toggl-larkspur.csv'));
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      // Before anything is stored: each activity with its hours, people and engagements, and where it goes.
      const preview = page.locator('.import-preview');
      await preview.waitFor();
      expect(await preview.locator('.card-head p').textContent()).toContain(
        'entries from 2025-03-03 to 2025-04-07 (5 weeks)',
      );
      const activity = (name: string) =>
        preview
          .locator('tbody tr')
          .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
      expect(await activity('Update the benchmark database').locator('td').first().textContent()).toBe('5.5');
      expect(await activity('Prepare client invoices').locator('th .sub').textContent()).toContain(
        'same name',
      );
      const invoices = activity('Prepare client invoices').locator('select');
      expect(await invoices.locator('option:checked').textContent()).toBe(
        'Prepare client invoices (Finance & administration)',
      );
      const benchmark = activity('Update the benchmark database');
      expect(await benchmark.locator('select').inputValue()).toBe('new');
      expect(await benchmark.locator('input.import-process').inputValue()).toBe('Imported activities');
      await shot('03a-import-preview');
      await a11y.check('the import preview');
      expect(
        await page
          .locator('section', { has: page.getByRole('heading', { name: 'Past imports' }) })
          .locator('tbody tr')
          .count(),
      ).toBe(0);

      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const summary = page.locator('.import-summary');
      await summary.waitFor();
      const text = (await summary.textContent()) ?? '';
      expect(text).toContain('Imported toggl-larkspur.csv');
      expect(text).toContain('Read as Toggl Track');
      expect(await summaryNumber(page, 'new time entries')).toBe('8');
      expect(await summaryNumber(page, 'task created')).toBe('1');
      expect(await summaryNumber(page, 'process created')).toBe('1');
      await shot('03-import-summary');
      await a11y.check('the import summary');

      // The same file again: the decisions are remembered, and nothing is counted twice.
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      await preview.waitFor();
      expect(await activity('Update the benchmark database').locator('th .sub').textContent()).toContain(
        'as at the last import',
      );
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByText('Nothing new: everything in this file was already imported').waitFor();
      expect(await summaryNumber(page, 'new time entries')).toBe('0');
      expect(await summaryNumber(page, 'already imported before')).toBe('8');
      const history = page.locator('section', { has: page.getByRole('heading', { name: 'Past imports' }) });
      await expect.poll(() => history.locator('tbody tr').count()).toBe(2);
      // The import that added nothing is undone as a whole; the first one stands.
      await history.locator('tbody tr').first().getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => history.locator('tbody tr').first().textContent()).toContain('Undone');
      expect(await history.locator('tbody tr').nth(1).getByRole('button', { name: 'Undo' }).count()).toBe(1);
    });

    it('ranks the opportunities with the interview deck first and explains its score', async () => {
      await nav(page, 'Opportunities').click();
      await page.getByRole('heading', { name: 'Ranking', exact: true }).waitFor();
      const first = page.locator('.opportunities-table tbody tr').first();
      expect(await first.locator('.task-name').textContent()).toBe(FLAGSHIP);
      expect(await first.textContent()).toContain('$71,704');
      expect(await page.locator('.chart .label').first().textContent()).toContain('Build the executive');
      expect(await page.locator('.stat').first().textContent()).toContain('Saving from the top 10');
      await shot('04-opportunities');
      // The chart is drawn largest saving first, says so, and has the same figures as a table.
      expect(await page.locator('.chart-caption').textContent()).toContain('Largest saving first');
      const alt = page.locator('figure.chart-box table');
      const savings = (await alt.locator('tbody td').allTextContents()).map((m) =>
        Number(m.replace(/[^\d.-]/g, '')),
      );
      expect(savings.length).toBeGreaterThan(1);
      expect(savings).toEqual([...savings].sort((a, b) => b - a));
      expect(await alt.locator('tbody th').first().textContent()).toBe(FLAGSHIP);
      await a11y.check('the opportunities');

      await first.getByRole('button', { name: /^Score \d+: show the factors$/ }).click();
      const factors = page.locator('.detail-row .factor');
      expect(await factors.count()).toBe(7);
      const detail = (await page.locator('.detail-row').textContent()) ?? '';
      expect(detail).toMatch(/Out-taskability \d+\/100 = volume [\d.]+ \+ standardization/);
      expect(detail).toContain('Confidential client material');
      await shot('05-score-factors');
      await a11y.check('the opportunities with a score’s factors open');
    });

    it('shows a bad file’s errors by line and imports the valid rows on request', async () => {
      await nav(page, 'Import').click();
      await page.setInputFiles('input[type=file]', path.join(FIXTURES, 'toggl-bad.csv'));
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      const report = page.locator('.import-errors');
      await report.waitFor();
      expect(await report.locator('h3').textContent()).toBe('2 rows have errors and will not be imported');
      const rows = await report
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())),
        );
      expect(rows).toHaveLength(2);
      expect(rows[0]?.slice(0, 2)).toEqual(['3', 'Start date']);
      expect(rows[0]?.[2]).toContain('"2025-06-31" is not a date');
      expect(rows[1]?.slice(0, 2)).toEqual(['4', 'Duration']);
      await shot('06-import-errors');
      await a11y.check('the import error report');

      await page.getByRole('button', { name: 'Import the valid rows only' }).click();
      await page.locator('.import-summary').waitFor();
      expect(await page.locator('.import-summary').textContent()).toContain('2 bad rows skipped');
      expect(await summaryNumber(page, 'new time entries')).toBe('2');
    });

    it('edits a task in place and shows the imported hours', async () => {
      await nav(page, 'Inventory').click();
      await page.fill('input[type=search]', 'benchmark database');
      const row = page.locator('.inventory-table tbody tr', { hasText: 'Update the benchmark database' });
      await expect.poll(() => row.count()).toBe(1);
      // 2.5 + 1 + 2 hours from the first file, 1 more from the bad file's valid row.
      expect(await row.locator('td.col-measured').textContent()).toBe('6.5 h');

      // The editor's row spans the columns on screen: opening it leaves the task's column as wide as it was.
      const nameWidth = async () => (await row.locator('td').first().boundingBox())!.width;
      const widthBefore = await nameWidth();
      await row.getByRole('button', { name: /^Edit / }).click();
      const editor = page.locator('form.quick-edit');
      await editor.waitFor();
      expect(Math.abs((await nameWidth()) - widthBefore)).toBeLessThan(2);
      await a11y.check('the inventory’s in-place editor');
      await editor.getByLabel('Known variants').fill('0');
      await page.keyboard.press('Enter');
      expect(await editor.locator('.field-error').textContent()).toContain('must be 1 or more');
      await editor.getByLabel('Known variants').fill('2');
      await editor.getByLabel('Minutes each time').fill('90');
      await page.keyboard.press('Enter');
      await editor.waitFor({ state: 'detached' });
      await page.getByText('Saved', { exact: false }).first().waitFor();
      await page.locator('input[type=search]').fill('');
    });

    it('compares out-tasking the interview deck with an outsourcing offer', async () => {
      await nav(page, 'Opportunities').click();
      await page.getByRole('link', { name: FLAGSHIP }).first().click();
      await page.getByRole('heading', { name: FLAGSHIP }).waitFor();
      expect(await page.locator('#cost-title').locator('..').locator('..').textContent()).toContain(
        '40 slides/occurrence × 8 occurrences/yr × $11.00 = $3,520.00',
      );
      await shot('07-task');
      await a11y.check('a task’s page');
      await page.getByLabel('Up-front investment').fill('2500');
      await page.getByLabel('Price per slide', { exact: true }).fill('9');
      await page.getByRole('button', { name: 'Compare' }).click();
      const rec = page.locator('.recommendation');
      await rec.waitFor();
      expect(await rec.textContent()).toMatch(/^(Out-task it|Outsource it)/);
      expect(await page.locator('.compare-result table.data tbody tr').count()).toBe(3);
      // The chart's text alternative: the same three scenarios, each option's cost a year.
      const alt = page.locator('.compare-result figure table');
      expect(await alt.locator('tbody tr').count()).toBe(3);
      expect(await alt.locator('caption').textContent()).toBe('Cost a year under each scenario');
      expect(await page.locator('.compare-result').textContent()).toMatch(/Break-even|No break-even/);
      await page.locator('.compare-result').scrollIntoViewIfNeeded();
      await shot('08-compare');
      await a11y.check('a task’s comparison with an outsourcing offer');
    });

    it('fits a 1024×768 laptop screen', async () => {
      await page.setViewportSize({ width: 1024, height: 768 });
      await nav(page, 'Inventory').click();
      await page.getByRole('heading', { name: 'Task inventory' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await shot('09-inventory-1024');
      await nav(page, 'Opportunities').click();
      await page.getByRole('heading', { name: 'Ranking', exact: true }).waitFor();
      await shot('10-opportunities-1024');
      await a11y.check('the opportunities at 1024×768');
      await page.setViewportSize({ width: 1440, height: 900 });
    });

    it('signs out from the user menu', async () => {
      await page.getByRole('button', { name: /Elena Marchetti/ }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.waitForURL(/\/login$/);
      await page.goto(`${server.url}/opportunities`);
      await page.waitForURL(/\/login\?next=%2Fopportunities$/);
      await a11y.check('the sign-in page after signing out');
      expect(pageErrors).toEqual([]);
    });

    it('checked every page and dialog it reached with axe-core', () => {
      a11y.assertAllChecked();
    });
  },
);

describe.skipIf(!hasChromium)('an empty workspace in Chromium', () => {
  let server: RunningServer;
  let browser: ChromiumSession;
  let page: Page;
  let pageErrors: string[];
  let a11y: PageAudit;

  beforeAll(async () => {
    ensureWebBuild();
    server = await startServer({ empty: true });
    browser = await launchChromium({ width: 1440, height: 900 });
    ({ page, pageErrors, a11y } = await openPage(browser));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('explains the inventory and offers the template, the import and a first task by hand', async () => {
    await page.goto(`${server.url}/inventory`);
    await page.locator('#login-email').waitFor();
    await a11y.check('the sign-in page');
    await page.fill('#login-email', EMPTY_OWNER.email);
    await page.fill('#login-password', EMPTY_OWNER.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your inventory is empty' }).waitFor();
    await a11y.check('the empty inventory');
    expect(await page.locator('.workspace-name').textContent()).toBe(EMPTY_OWNER.workspace);
    // Nothing to count yet: no table, no progress tiles.
    expect(await page.locator('.inventory-table').count()).toBe(0);
    expect(await page.locator('.stage-funnel').count()).toBe(0);

    // The template downloads as a real spreadsheet.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download XLSX' }).click(),
    ]);
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK'); // an XLSX is a ZIP
    expect(await page.getByRole('link', { name: 'CSV version' }).getAttribute('href')).toBe(
      '/api/imports/template?kind=csv',
    );

    await page.getByRole('button', { name: 'Add a task' }).click();
    await page.getByRole('dialog').waitFor();
    await a11y.check('the Add a task dialog');
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: 'Import a file' }).click();
    await page.getByRole('heading', { name: 'Import tasks and time' }).waitFor();
    await a11y.check('the import page');
    expect(pageErrors).toEqual([]);
  });

  it('checked every page and dialog it reached with axe-core', () => {
    a11y.assertAllChecked();
  });
});

function nav(page: Page, name: string) {
  return page.locator('nav.steps').getByRole('link', { name, exact: true });
}

async function summaryNumber(page: Page, what: string): Promise<string | null> {
  const item = page.locator('.import-summary .summary-item', {
    has: page.locator('.what', { hasText: what }),
  });
  return (await item.locator('.n').first().textContent())?.trim() ?? null;
}
