/**
 * Out-task → Job posts in a real browser against the real server (demo workspace, signed in as its
 * founder): the flagship task's post compiled from its approved procedure, edited (a new version),
 * rendered for Upwork and Freelancer.com with a copy button per field, the listing's address pasted
 * back (a wrong marketplace's address refused on the page), axe-core on every state reached.
 *
 * Needs Debian's Chromium at /usr/bin/chromium; skipped (saying so) when it is not installed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FLAGSHIP_TASK_NAME } from '../../src/demo/index.ts';
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
    ? 'job posts in Chromium'
    : `job posts in Chromium (skipped: ${CHROMIUM_PATH} is not installed)`,
  () => {
    let server: RunningServer;
    let browser: ChromiumSession;
    let page: Page;
    let pageErrors: string[];
    let a11y: PageAudit;

    beforeAll(async () => {
      ensureWebBuild();
      server = await startServer();
      browser = await launchChromium({ width: 1440, height: 900 });
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      ({ page, pageErrors, a11y } = await openPage(browser));
      await signIn(page, a11y, server.url);
      await page.getByRole('heading', { name: 'Ranking', exact: true }).waitFor();
      await a11y.check('the opportunities');
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('compiles the flagship’s post from its approved procedure and saves an edit as version 2', async () => {
      await page.getByRole('link', { name: 'Job posts' }).first().click();
      await page.waitForURL(/\/outtask\/posts$/);
      await page.getByRole('heading', { name: 'Job posts', level: 1 }).waitFor();
      await a11y.check('the job posts page');
      await page.getByLabel('Task').selectOption({ label: DEMO_FLAGSHIP_TASK_NAME });
      await page.getByRole('button', { name: 'Compile the post' }).click();
      await page.getByRole('heading', { name: 'The post' }).waitFor();
      expect(await page.locator('.post-version').textContent()).toContain(
        'Version 1, from procedure version 1',
      );
      await page.getByRole('link', { name: 'Open Upwork’s posting page' }).waitFor();
      await a11y.check('a compiled post with its Upwork rendering');

      await page.getByLabel('Title', { exact: true }).fill('Deck designer for executive interview summaries');
      await page.getByRole('button', { name: 'Save as a new version' }).click();
      await expect.poll(() => page.locator('.post-version').textContent()).toContain('Version 2');
      expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(
        'Deck designer for executive interview summaries',
      );
    });

    it('renders for each marketplace with a copy button per field, within its limits', async () => {
      const title = page.locator('.render-field').filter({ hasText: 'Title' }).first();
      await expect
        .poll(() => title.locator('pre').textContent())
        .toBe('Deck designer for executive interview summaries');
      await page.getByRole('button', { name: 'Copy Title' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Copy Title' }).textContent()).toBe('Copied');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        'Deck designer for executive interview summaries',
      );

      await page.getByRole('button', { name: 'Freelancer.com' }).click();
      await page.getByRole('link', { name: 'Open Freelancer.com’s posting page' }).waitFor();
      expect(await page.getByRole('button', { name: 'Freelancer.com' }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      const fields = await page.locator('.render-field dt').allTextContents();
      expect(fields.join(' | ')).toMatch(/Project title \(\d+ of 100 characters\)/);
      expect(await page.locator('.render-warnings').textContent()).toContain('takes no price per slide');
      await a11y.check('the Freelancer.com rendering');
    });

    it('records the listing’s address pasted back, and refuses another marketplace’s', async () => {
      const input = page.getByLabel('The listing’s address on Freelancer.com');
      await input.fill('https://www.upwork.com/jobs/~01a2b3c4d5e6f7a8b9');
      await page.getByRole('button', { name: 'Record the listing' }).click();
      await page.getByRole('alert').filter({ hasText: 'is not Freelancer.com' }).waitFor();
      await a11y.check('a refused listing address');

      await input.fill('https://www.freelancer.com/projects/presentation-design/deck-designer-39123456');
      await page.getByRole('button', { name: 'Record the listing' }).click();
      await page.getByRole('status').filter({ hasText: 'Recorded (listing 39123456).' }).waitFor();
      const row = page.locator('.listings-table tbody tr');
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.first().textContent()).toContain('Freelancer.com');
      await a11y.check('the post with its listing');
      expect(pageErrors).toEqual([]);
    });

    it('checked every page and dialog it reached with axe-core', () => {
      a11y.assertAllChecked();
    });
  },
);
