/**
 * The accessibility audit itself (test/e2e/a11y.ts), on small pages of known faults, so that the checks
 * the other browser tests rely on are known to fail when they should: a serious violation names its rule
 * and element; a page or a dialog reached but never checked is reported by name.
 *
 * Needs Debian's Chromium at /usr/bin/chromium; skipped (saying so) when it is not installed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPages, focusStop, pageKey } from './a11y.ts';
import { CHROMIUM_PATH, type ChromiumSession, chromiumAvailable, launchChromium } from './harness.ts';

const hasChromium = chromiumAvailable();

describe('every browser test audits what it visits', () => {
  it('opens its tabs through openPage and ends with assertAllChecked', () => {
    const dir = import.meta.dirname;
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.e2e.test.ts') && f !== 'a11y.e2e.test.ts');
    expect(files.length).toBeGreaterThan(3);
    const missing = files.filter((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      return !text.includes('openPage(') || !text.includes('a11y.assertAllChecked()');
    });
    expect(
      missing,
      'browser tests that do not check their pages with axe-core (see test/e2e/a11y.ts)',
    ).toEqual([]);
  });
});

describe('pageKey', () => {
  it('names a page by its route, with ids replaced', () => {
    expect(pageKey('http://127.0.0.1:5/inventory/tasks/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b?x=1')).toBe(
      '/inventory/tasks/:id',
    );
    expect(pageKey('http://127.0.0.1:5/procedures/tasks/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/x')).toBe(
      '/procedures/tasks/:id/x',
    );
    expect(pageKey('http://127.0.0.1:5/forms')).toBe('/forms');
  });
});

describe.skipIf(!hasChromium)(
  hasChromium ? 'the axe-core audit' : `the axe-core audit (skipped: ${CHROMIUM_PATH} is not installed)`,
  () => {
    let browser: ChromiumSession;
    /** A new tab per test: an audit registers its binding on the page once. */
    const newPage = (): Promise<Page> => browser.context.newPage();
    /** Opens `html` as a page of its own (init scripts and bindings apply, as on the app's pages). */
    const show = (page: Page, html: string) => page.goto(`data:text/html,${encodeURIComponent(html)}`);

    beforeAll(async () => {
      browser = await launchChromium({ width: 800, height: 600 });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('fails on grey text too faint to read, naming the rule and the element', async () => {
      const page = await newPage();
      const a11y = await auditPages(page);
      await show(
        page,
        `<html lang="en"><head><title>t</title></head><body><main><h1>Title</h1>
         <p class="hint" style="color:#aaaaaa;background:#ffffff">A faint hint</p></main></body></html>`,
      );
      const err = await a11y.check('a page with a faint hint').catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toContain('serious color-contrast');
      expect((err as Error).message).toContain('<p class="hint"');
      expect(a11y.log.at(-1)!.findings.map((f) => f.rule)).toContain('color-contrast');
    });

    it('fails on a button whose name leaves out its visible label, and on a link inside a button', async () => {
      const page = await newPage();
      const a11y = await auditPages(page);
      await show(
        page,
        `<html lang="en"><head><title>t</title></head><body><main><h1>Title</h1>
         <a href="#x" aria-label="Tasks at step 1">Consolidated 73</a>
         <div role="button" tabindex="0">Row <a href="#y">task</a></div></main></body></html>`,
      );
      const message = await a11y.check('a page of bad names').then(
        () => '',
        (e: Error) => e.message,
      );
      expect(message).toContain('label-content-name-mismatch');
      expect(message).toContain('nested-interactive');
    });

    it('passes a clean page, and reports a dialog that opened but was never checked', async () => {
      const page = await newPage();
      const a11y = await auditPages(page);
      await show(
        page,
        `<html lang="en"><head><title>t</title></head><body><main><h1>Title</h1>
         <button id="open" onclick="document.getElementById('d').showModal()">Open</button>
         <dialog id="d" aria-labelledby="dt"><h2 id="dt">Confirm the thing</h2>
         <button onclick="document.getElementById('d').close()">Close</button></dialog></main></body></html>`,
      );
      await a11y.check('a clean page');
      await page.getByRole('button', { name: 'Open' }).click();
      await page.getByRole('dialog').waitFor();
      await page.getByRole('button', { name: 'Close' }).click();
      expect(() => a11y.assertAllChecked()).toThrow(/dialog “Confirm the thing”/);
      await page.getByRole('button', { name: 'Open' }).click();
      await a11y.check('the open dialog');
      expect(() => a11y.assertAllChecked()).not.toThrow();
    });

    it('tells a focus ring from none', async () => {
      const page = await newPage();
      await show(
        page,
        `<html lang="en"><body><style>#b:focus{outline:none}</style>
         <button id="a">Shown</button><button id="b">Hidden</button></body></html>`,
      );
      await page.keyboard.press('Tab');
      expect(await focusStop(page)).toMatchObject({ name: 'Shown', indicated: true, inViewport: true });
      await page.keyboard.press('Tab');
      expect(await focusStop(page)).toMatchObject({ name: 'Hidden', indicated: false });
    });
  },
);
