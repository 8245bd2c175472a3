/**
 * The app without a mouse, in a real browser against the real server: sign in with the keyboard, skip to
 * the content, walk every page of the navigation (each checked with axe-core), tab through a page to its
 * end and back round (every stop shows where focus is; nothing traps it), open the ranking's factors,
 * a dialog and the user menu by key, and find focus back where it was when they close.
 *
 * Needs Debian's Chromium at /usr/bin/chromium; skipped (saying so) when it is not installed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FocusStop, focusStop } from './a11y.ts';
import {
  CHROMIUM_PATH,
  type ChromiumSession,
  chromiumAvailable,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  ensureWebBuild,
  launchChromium,
  openPage,
  type PageAudit,
  type RunningServer,
  startServer,
} from './harness.ts';

const hasChromium = chromiumAvailable();

/** Presses Tab until focus is on an element matching `is` (at most `max` presses); returns the stops. */
async function tabTo(page: Page, is: (s: FocusStop) => boolean, max = 60): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const s = await focusStop(page);
    stops.push(s);
    if (is(s)) return stops;
  }
  throw new Error(
    `Tab did not reach the element within ${max} presses; stops:\n${stops.map((s) => s.name).join('\n')}`,
  );
}

/** Focus at the document's start, as on arrival from the address bar: the next Tab goes to the first stop. */
const blur = (page: Page) =>
  page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });

const invisible = (stops: FocusStop[]) => stops.filter((s) => !s.body && !s.indicated).map((s) => s.name);

describe.skipIf(!hasChromium)(
  hasChromium
    ? 'the keyboard in Chromium'
    : `the keyboard in Chromium (skipped: ${CHROMIUM_PATH} is not installed)`,
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
      ({ page, pageErrors, a11y } = await openPage(browser));
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('signs in with the keyboard alone', async () => {
      await page.goto(`${server.url}/login`);
      await page.locator('#login-email').waitFor();
      await a11y.check('the sign-in page');
      // The email field has focus on arrival; Tab moves on to the password, Enter signs in.
      expect((await focusStop(page)).id).toBe('login-email');
      await page.keyboard.type(DEMO_EMAIL);
      await page.keyboard.press('Tab');
      expect((await focusStop(page)).id).toBe('login-password');
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/opportunities$/);
      await page.getByRole('heading', { name: 'Ranking', exact: true }).waitFor();
    });

    it('skips to the content, and every page of the navigation passes axe-core', async () => {
      // The first Tab on a page shows the skip link; following it puts focus on the content.
      await page.goto(`${server.url}/inventory`);
      await page.getByRole('heading', { name: 'Task inventory' }).waitFor();
      await blur(page);
      await page.keyboard.press('Tab');
      const skip = await focusStop(page);
      expect(skip.name).toBe('Skip to content');
      expect(skip.indicated).toBe(true);
      expect(skip.inViewport).toBe(true);
      await page.keyboard.press('Enter');
      expect((await focusStop(page)).id).toBe('main');

      const links = page.locator('nav.steps a');
      const labels = await links.allTextContents();
      expect(labels.length).toBeGreaterThanOrEqual(8);
      for (const label of labels) {
        const link = page.locator('nav.steps').getByRole('link', { name: label, exact: true });
        const already = (await link.getAttribute('aria-current')) === 'page';
        await link.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => link.getAttribute('aria-current')).toBe('page');
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        // Focus moves to the new page's content, so the next Tab starts there.
        if (!already) expect((await focusStop(page)).id, `focus after opening ${label}`).toBe('main');
        await a11y.check(`the ${label} page`);
      }
    }, 120_000);

    it('tabs through a whole page and round again, every stop visible, nothing trapping focus', async () => {
      await page.goto(`${server.url}/opportunities`);
      await page.getByRole('heading', { name: 'Ranking', exact: true }).waitFor();
      await page.locator('.opportunities-table tbody tr').first().waitFor();
      await blur(page);
      // After the last stop focus leaves the document (Chromium reports the body): the round is done.
      const stops = await tabTo(page, (s) => s.body, 400);
      expect(stops.length).toBeGreaterThan(20);
      expect(stops[0]?.name).toBe('Skip to content');
      expect(stops.some((s) => s.name === 'Inventory')).toBe(true);
      expect(invisible(stops)).toEqual([]);
      // A second round starts from the top again: nothing held focus.
      await page.keyboard.press('Tab');
      expect((await focusStop(page)).name).toBe('Skip to content');
    });

    it('opens a score’s factors with Enter and closes them with Space', async () => {
      const score = page.getByRole('button', { name: /^Score \d+: show the factors$/ }).first();
      await score.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => score.getAttribute('aria-expanded')).toBe('true');
      await page.locator('.detail-row .factor').first().waitFor();
      await a11y.check('the opportunities with a score’s factors open by keyboard');
      await page.keyboard.press('Space');
      await expect.poll(() => score.getAttribute('aria-expanded')).toBe('false');
      expect((await focusStop(page)).name).toMatch(/^Score \d+/);
    });

    it('keeps focus inside a dialog and returns it to the button that opened it', async () => {
      await page.goto(`${server.url}/inventory`);
      await page.getByRole('heading', { name: 'Task inventory' }).waitFor();
      const opener = page.getByRole('button', { name: 'Add task', exact: true });
      await opener.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await a11y.check('the Add a task dialog');
      // Focus is inside; a round of Tab stays inside (modal) and every stop is visible.
      const inside = () => page.evaluate(() => !!document.activeElement?.closest('dialog[open]'));
      expect(await inside()).toBe(true);
      const stops: FocusStop[] = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const s = await focusStop(page);
        if (s.body) continue; // the browser's own chrome between the last and the first stop
        stops.push(s);
        expect(await inside(), `Tab left the dialog at “${s.name}”`).toBe(true);
      }
      expect(invisible(stops)).toEqual([]);
      expect(new Set(stops.map((s) => s.name)).size).toBeGreaterThan(4);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' }).catch(() => dialog.waitFor({ state: 'hidden' }));
      expect((await focusStop(page)).name).toBe('Add task');

      // The close button does the same.
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Close' }).focus();
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      expect((await focusStop(page)).name).toBe('Add task');
    });

    it('opens the user menu by key and returns focus when Escape closes it', async () => {
      const button = page.getByRole('button', { name: /Elena Marchetti/ });
      await button.focus();
      await page.keyboard.press('Enter');
      const item = page.getByRole('menuitem', { name: 'Sign out' });
      await item.waitFor();
      expect((await focusStop(page)).name).toBe('Sign out');
      expect((await focusStop(page)).indicated).toBe(true);
      await a11y.check('the user menu');
      await page.keyboard.press('Escape');
      await item.waitFor({ state: 'detached' });
      expect((await focusStop(page)).name).toMatch(/Elena Marchetti/);
      expect(pageErrors).toEqual([]);
    });

    it('checked every page and dialog it reached with axe-core', () => {
      a11y.assertAllChecked();
    });
  },
);
