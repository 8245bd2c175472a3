/**
 * Screenshots of every page at 1440×900 and 1024×768, for looking at the UI and for the docs.
 * Starts its own servers like the browser test: the demo workspace, then an empty one (`*-empty-*`).
 *
 *   node --import tsx test/e2e/screenshots.ts [OUT_DIR]      (default: a new temp folder, printed)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  chromiumAvailable,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  EMPTY_OWNER,
  ensureWebBuild,
  launchChromium,
  ROOT,
  startServer,
} from './harness.ts';

const FLAGSHIP = 'Build the executive interview summary deck';
const fixtures = path.join(ROOT, 'test', 'e2e', 'fixtures');

async function main() {
  if (!chromiumAvailable()) throw new Error('/usr/bin/chromium is not installed');
  const out = process.argv[2] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-screens-'));
  fs.mkdirSync(out, { recursive: true });
  ensureWebBuild();
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/login`);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('#login-email').waitFor();
    await page.screenshot({ path: path.join(out, 'login-1440.png') });
    await page.fill('#login-email', DEMO_EMAIL);
    await page.fill('#login-password', DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/opportunities$/);

    for (const [w, h] of [
      [1440, 900],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      const shot = async (name: string, full = false) => {
        await page.waitForTimeout(150);
        await page.screenshot({ path: path.join(out, `${name}-${w}.png`), fullPage: full });
      };
      await go(page, server.url, '/opportunities', 'Ranking');
      await shot('opportunities');
      await shot('opportunities-full', true);
      await go(page, server.url, '/inventory', 'Task inventory');
      await shot('inventory');
      await page.getByRole('button', { name: `Edit ${FLAGSHIP}` }).click();
      await shot('inventory-edit');
      await page.keyboard.press('Escape');
      await go(page, server.url, '/inventory?stage=deconstructed', 'Task inventory');
      await page.locator('.inventory-table tbody tr').first().waitFor();
      await shot('inventory-by-stage');
      await page.getByRole('button', { name: 'Add task' }).click();
      await shot('add-task');
      await page.keyboard.press('Escape');
      await go(page, server.url, '/inventory/import', 'Import tasks and time');
      await page.setInputFiles('input[type=file]', path.join(fixtures, 'toggl-bad.csv'));
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.locator('.import-errors').waitFor();
      await shot('import-errors');
      await page.setInputFiles('input[type=file]', path.join(fixtures, 'toggl-larkspur.csv'));
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.locator('.import-summary').waitFor();
      await shot('import-summary');
      await go(page, server.url, '/opportunities', 'Ranking');
      await page.getByRole('link', { name: FLAGSHIP }).first().click();
      await page.getByRole('heading', { name: FLAGSHIP }).waitFor();
      await shot('task');
      await shot('task-full', true);
      await page.getByLabel('Up-front investment').fill('2500');
      await page.getByLabel('Price per slide', { exact: true }).fill('9');
      await page.getByRole('button', { name: 'Compare' }).click();
      await page.locator('.recommendation').waitFor();
      await page.locator('.recommendation').scrollIntoViewIfNeeded();
      await shot('compare');
      await page.getByRole('button', { name: /Elena Marchetti/ }).click();
      await shot('user-menu');
      await page.keyboard.press('Escape');
      await go(page, server.url, '/procedures', 'Ways of working');
      await page.locator('.pr-stage').first().waitFor();
      await shot('procedures-ways');
      await go(page, server.url, '/procedures/steps', 'Procedures');
      await page.locator('table.data').waitFor();
      await shot('procedures-steps');
      await go(page, server.url, '/procedures/waste', 'Waste and savings');
      await page.locator('table.data').waitFor();
      await shot('procedures-waste');
      await page.getByRole('link', { name: FLAGSHIP }).first().click();
      await page.getByRole('heading', { name: FLAGSHIP }).waitFor();
      await page.locator('.pr-step').first().waitFor();
      await shot('procedure-steps', true);
      await page.getByRole('tab', { name: /Ways of working/ }).click();
      await page.locator('.pr-compare table').waitFor();
      await shot('procedure-ways');
      await page.getByRole('tab', { name: /Versions/ }).click();
      await page.getByRole('heading', { name: 'Versions' }).waitFor();
      await shot('procedure-versions', true);
      await page.getByRole('tab', { name: /Forms/ }).click();
      await shot('procedure-forms');
      await go(page, server.url, '/forms', 'Forms');
      await page.getByRole('heading', { name: 'Executive interview' }).waitFor();
      await shot('forms', true);
      await go(page, server.url, '/interviews/synthesis', 'Interview synthesis');
      await page.getByRole('button', { name: 'Use the sample interviews' }).click();
      await page.locator('.syn-files li').first().waitFor();
      await shot('synthesis-chosen');
      await page.getByRole('button', { name: 'Build the deck' }).click();
      await page.getByRole('link', { name: 'Download the deck (.pptx)' }).waitFor({ timeout: 60_000 });
      await shot('synthesis-built');
      await shot('synthesis-full', true);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  await emptyWorkspace(out);
  console.log(`Screenshots in ${out}`);
}

/** The inventory and the ranking of a workspace with no task yet. */
async function emptyWorkspace(out: string) {
  const server = await startServer({ empty: true });
  const browser = await launchChromium();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/login`);
    await page.fill('#login-email', EMPTY_OWNER.email);
    await page.fill('#login-password', EMPTY_OWNER.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/opportunities$/);
    for (const [w, h] of [
      [1440, 900],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await go(page, server.url, '/inventory', 'Task inventory');
      await page.getByRole('heading', { name: 'Your inventory is empty' }).waitFor();
      await page.screenshot({ path: path.join(out, `inventory-empty-${w}.png`) });
      await go(page, server.url, '/opportunities', 'Opportunities');
      await page.screenshot({ path: path.join(out, `opportunities-empty-${w}.png`) });
      await go(page, server.url, '/interviews/synthesis', 'Interview synthesis');
      await page.locator('.banner-info').waitFor();
      await page.screenshot({ path: path.join(out, `synthesis-empty-${w}.png`) });
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function go(page: Page, base: string, route: string, heading: string) {
  await page.goto(`${base}${route}`);
  await page.getByRole('heading', { name: heading, exact: true }).waitFor();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
