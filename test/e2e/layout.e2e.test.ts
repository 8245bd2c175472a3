/**
 * Layout (issue 11, item 6) in a real browser against the demo workspace: every main page at 1440×900,
 * 1024×768 and 390×844 — nothing wider than the window (the page never scrolls sideways: a wide table
 * scrolls inside its card), nothing sticking out of the window outside such a card, and at 1440 px no
 * table needing to scroll at all (the waste table and the ways' heatmap fit). At 1024×768 the buttons of
 * the task and step dialogs are in view without scrolling. A screenshot of each page and size is kept
 * (OUTTASK_E2E_SHOTS names the folder).
 *
 * Needs Debian's Chromium at /usr/bin/chromium; skipped (saying so) when it is not installed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageAudit } from './a11y.ts';
import {
  CHROMIUM_PATH,
  type ChromiumSession,
  chromiumAvailable,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  ensureWebBuild,
  launchChromium,
  openPage,
  type RunningServer,
  startServer,
} from './harness.ts';

const hasChromium = chromiumAvailable();
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
] as const;

/** What a page shows past the window's right edge: the page's own width, and what sticks out. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
    /** The nearest ancestor that scrolls or clips sideways, if any. */
    const scroller = (el: Element): Element | null => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const ox = getComputedStyle(a).overflowX;
        if (ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip') return a;
      }
      return null;
    };
    const sticking: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= vw + 1) continue;
      // Screen-reader text is not on screen (and kept out of the page's width: base.css).
      if (el.closest('.visually-hidden')) continue;
      const box = scroller(el);
      if (box && box.getBoundingClientRect().right <= vw + 1) continue;
      // The outermost box that sticks out names the fault; its contents follow it.
      const parent = el.parentElement;
      if (parent && parent !== document.body && parent.getBoundingClientRect().right > vw + 1) continue;
      sticking.push(`${name(el)} to ${Math.round(r.right)}`);
    }
    /** Tables that need sideways scrolling inside their card (fine on a phone, not on a desktop). */
    const scrolling = [...document.querySelectorAll('.table-wrap, .pr-scroll, .pr-compare, [data-scrolls]')]
      .filter((w) => w.scrollWidth > w.clientWidth + 1)
      .map((w) => `${name(w)} (${w.scrollWidth} in ${w.clientWidth})`);
    return {
      pageWidth: document.documentElement.scrollWidth,
      windowWidth: vw,
      sticking: sticking.slice(0, 6),
      scrolling,
    };
  });
}

describe.skipIf(!hasChromium)(
  hasChromium ? 'layout in Chromium' : `layout in Chromium (skipped: ${CHROMIUM_PATH} is not installed)`,
  () => {
    let server: RunningServer;
    let browser: ChromiumSession;
    let page: Page;
    let pageErrors: string[];
    let a11y: PageAudit;
    let pages: { path: string; heading: string }[];
    const shotsDir =
      process.env.OUTTASK_E2E_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-layout-'));

    beforeAll(async () => {
      ensureWebBuild();
      server = await startServer();
      browser = await launchChromium({ width: 1440, height: 900 });
      ({ page, pageErrors, a11y } = await openPage(browser, 30_000));
      await page.goto(`${server.url}/login`);
      await page.locator('#login-email').waitFor();
      await a11y.check('the sign-in page');
      await page.fill('#login-email', DEMO_EMAIL);
      await page.fill('#login-password', DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      const tasks = (await (await page.request.get(`${server.url}/api/tasks`)).json()) as {
        id: string;
        name: string;
      }[];
      const deck = tasks.find((t) => t.name === 'Build the executive interview summary deck');
      if (!deck) throw new Error('the demo has no interview-deck task');
      pages = [
        { path: '/opportunities', heading: 'Opportunities' },
        { path: '/inventory', heading: 'Task inventory' },
        { path: '/inventory/import', heading: '' },
        { path: `/inventory/tasks/${deck.id}`, heading: '' },
        { path: '/procedures', heading: '' },
        { path: '/procedures/steps', heading: '' },
        { path: '/procedures/waste', heading: '' },
        { path: `/procedures/tasks/${deck.id}?tab=ways`, heading: '' },
        { path: `/procedures/tasks/${deck.id}?tab=procedure`, heading: '' },
        { path: '/forms', heading: '' },
        { path: '/interviews/synthesis', heading: '' },
        { path: '/automate/pipelines', heading: '' },
        { path: '/jobs', heading: '' },
        { path: '/outtask/posts', heading: '' },
        { path: '/outtask/outtaskers', heading: '' },
        { path: '/outtask/bids', heading: '' },
        { path: '/work-orders', heading: '' },
        { path: '/statements', heading: '' },
        { path: '/savings-ledger', heading: '' },
        { path: '/team', heading: 'Team and settings' },
      ];
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    for (const size of SIZES) {
      it(`lets nothing overflow the window at ${size.width}×${size.height}`, async () => {
        await page.setViewportSize(size);
        const wrong: string[] = [];
        for (const p of pages) {
          await page.goto(`${server.url}${p.path}`, { waitUntil: 'networkidle' });
          const h1 = page.locator('main h1').first();
          await h1.waitFor();
          if (p.heading) expect(await h1.textContent(), p.path).toContain(p.heading);
          await page.waitForLoadState('networkidle');
          // Each page audited once, at the first size (the audit knows pages by path, not by size).
          if (size === SIZES[0]) await a11y.check(p.path);
          const o = await overflow(page);
          const slug = p.path.replace(/[^a-z]+/gi, '-').replace(/^-|-$/g, '') || 'home';
          await page.screenshot({ path: path.join(shotsDir, `${size.width}-${slug}.png`), fullPage: true });
          if (o.pageWidth > o.windowWidth)
            wrong.push(`${p.path}: the page is ${o.pageWidth} px wide in ${o.windowWidth}`);
          if (o.sticking.length > 0)
            wrong.push(`${p.path}: sticks out of the window: ${o.sticking.join(', ')}`);
          if (size.width === 1440 && o.scrolling.length > 0)
            wrong.push(`${p.path}: scrolls sideways at 1440 px: ${o.scrolling.join(', ')}`);
        }
        console.log(`Screenshots: ${shotsDir}`);
        expect(wrong).toEqual([]);
        expect(pageErrors).toEqual([]);
      }, 300_000);
    }

    it('shows the dialogs’ buttons without scrolling at 1024×768', async () => {
      await page.setViewportSize({ width: 1024, height: 768 });
      const inView = async (what: string) => {
        const dialog = page.locator('dialog[open]');
        await dialog.waitFor();
        const buttons = dialog.locator('.form-actions button, .page-actions button');
        expect(await buttons.count(), what).toBeGreaterThan(0);
        const boxes = await buttons.evaluateAll((els) =>
          els.map((b) => {
            const r = b.getBoundingClientRect();
            return { text: b.textContent, top: r.top, bottom: r.bottom };
          }),
        );
        for (const b of boxes) {
          expect(b.bottom, `${what}: “${b.text}” is below the window`).toBeLessThanOrEqual(768);
          expect(b.top, `${what}: “${b.text}” is above the window`).toBeGreaterThanOrEqual(0);
        }
        await page.screenshot({ path: path.join(shotsDir, `1024-dialog-${what.replace(/\W+/g, '-')}.png`) });
        await a11y.check(`the ${what} dialog at 1024×768`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' }).catch(() => undefined);
      };

      await page.goto(`${server.url}/inventory`, { waitUntil: 'networkidle' });
      await page
        .getByRole('button', { name: /^Add (a )?task$/ })
        .first()
        .click();
      await inView('add a task');

      const deck = pages.find((p) => p.path.includes('tab=procedure'))!;
      await page.goto(`${server.url}${deck.path}`, { waitUntil: 'networkidle' });
      await page
        .getByRole('button', { name: /Add a step/ })
        .first()
        .click();
      await inView('add a step');
    }, 120_000);

    it('checked every page and dialog it reached with axe-core', () => {
      a11y.assertAllChecked();
    });
  },
);
