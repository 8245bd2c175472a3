/**
 * A saved synthesis in a real browser against the real server: build the deck from the sample
 * interviews with an engagement and the transcripts kept, open the saved synthesis, rename a theme,
 * merge two, drop one, pick another quote from the transcript, meet someone else's edit (412: their
 * version shown), download the edited deck and find the edit in its slides; the list shows it. axe-core
 * on every page reached.
 *
 * Needs Debian's Chromium at /usr/bin/chromium; skipped (saying so) when it is not installed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    ? 'saved syntheses in Chromium'
    : `saved syntheses in Chromium (skipped: ${CHROMIUM_PATH} is not installed)`,
  () => {
    let server: RunningServer;
    let browser: ChromiumSession;
    let page: Page;
    let pageErrors: string[];
    let a11y: PageAudit;
    let synthesisUrl = '';
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-saved-'));

    beforeAll(async () => {
      ensureWebBuild();
      server = await startServer();
      browser = await launchChromium({ width: 1440, height: 900 });
      ({ page, pageErrors, a11y } = await openPage(browser, 30_000));
      await signIn(page, a11y, server.url);
      await page.waitForURL(/\/opportunities$/);
      await page.getByRole('heading', { name: 'Opportunities' }).waitFor();
      await a11y.check('the opportunities');
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const firstQuestion = () => page.locator('.syn-edit-question').first();
    const themesOfQ1 = () => firstQuestion().locator('.syn-edit-theme');
    const labelsOfQ1 = () => themesOfQ1().locator('.syn-edit-label').allTextContents();

    it('saves the deck it builds, under its engagement with the transcripts kept', async () => {
      await page.goto(`${server.url}/interviews/synthesis`);
      await page.getByRole('heading', { name: 'Interview synthesis' }).waitFor();
      await expect
        .poll(() => page.locator('#syn-form option:checked').textContent())
        .toMatch(/Executive interview form/);
      await page.getByRole('button', { name: 'Use the sample interviews' }).click();
      await page.locator('.syn-files li').first().waitFor();
      await page.fill('#syn-engagement', 'Larkspur client review');
      await page.getByLabel('Keep the transcripts with the saved synthesis').check();
      await a11y.check('the synthesis with an engagement and the transcripts kept');
      await page.getByRole('button', { name: 'Build the deck' }).click();
      const open = page.getByRole('link', { name: 'Open the saved synthesis' });
      await open.waitFor({ timeout: 90_000 });
      await a11y.check('the built deck, saved');
      await open.click();
      await page.waitForURL(/\/interviews\/syntheses\/[^/]+$/);
      synthesisUrl = page.url();
      await firstQuestion().waitFor();
      expect(await page.locator('.lede').first().textContent()).toContain('Larkspur client review');
      expect(await page.locator('.syn-edit-meta').textContent()).toContain('Transcripts kept (24)');
      await a11y.check('a saved synthesis, as built');
      expect(pageErrors).toEqual([]);
    }, 180_000);

    it('renames, merges, drops and picks another quote; counts follow and the edit log says who', async () => {
      const before = await labelsOfQ1();
      expect(before.length).toBeGreaterThanOrEqual(3);

      // Rename the first theme.
      const first = themesOfQ1().first();
      await first.locator('summary', { hasText: 'Rename' }).click();
      await first.getByLabel('Headline', { exact: true }).fill('Service revenue has to carry the growth');
      await a11y.check('a theme being renamed');
      await first.getByRole('button', { name: 'Save the name' }).click();
      await expect.poll(() => labelsOfQ1()).toContain('Service revenue has to carry the growth');

      // Merge the second into the first: one theme fewer, the first counts more people.
      const countOf = async (i: number) =>
        Number((await themesOfQ1().nth(i).locator('.prevalence-text').textContent())!.split(' of ')[0]);
      const firstCount = await countOf(0);
      const target = themesOfQ1().first();
      await target.locator('summary', { hasText: 'Merge' }).click();
      await target.getByLabel('Merge into this theme').selectOption({ index: 0 });
      await target.getByRole('button', { name: 'Merge', exact: true }).click();
      await expect.poll(async () => (await labelsOfQ1()).length).toBe(before.length - 1);
      expect(await countOf(0)).toBeGreaterThanOrEqual(firstCount);

      // Drop the last one.
      const last = (await labelsOfQ1()).at(-1)!;
      await themesOfQ1().last().getByRole('button', { name: 'Drop' }).click();
      await expect.poll(() => labelsOfQ1()).not.toContain(last);

      // Pick another quote for the first theme from the interviewee's own words.
      const quote = themesOfQ1().first().locator('.syn-quote').first();
      const oldQuote = await quote.textContent();
      await themesOfQ1().first().getByRole('button', { name: 'Pick another quote' }).first().click();
      await themesOfQ1().first().getByRole('button', { name: 'Find passages' }).click();
      const passages = themesOfQ1().first().locator('.syn-passages li');
      await passages.first().waitFor();
      await a11y.check('passages to pick a quote from');
      const chosen = (await passages.nth(1).locator('span').first().textContent())!.split('”')[0]!.slice(1);
      await passages.nth(1).getByRole('button', { name: 'Use this quote' }).click();
      await expect
        .poll(() => themesOfQ1().first().locator('.syn-quote').first().textContent())
        .toContain(chosen.slice(0, 40));
      expect(await themesOfQ1().first().locator('.syn-quote').first().textContent()).not.toBe(oldQuote);

      const log = page.locator('.syn-edit-log li');
      await expect.poll(() => log.count()).toBe(4);
      expect(await log.first().textContent()).toMatch(/v5 · .+ · .*Picked another quote/);
      expect(await log.last().textContent()).toContain('Renamed');
      await a11y.check('a saved synthesis after four edits');
      expect(pageErrors).toEqual([]);
    }, 120_000);

    it('refuses an edit over a version someone else changed, and shows theirs', async () => {
      const id = synthesisUrl.split('/').at(-1)!;
      // Someone else renames the first theme meanwhile (same session here; the version is what counts).
      const other = await page.request.post(`${server.url}/api/syntheses/${id}/edits`, {
        headers: { 'if-match': '"v5"', origin: server.url },
        data: {
          op: 'rename',
          themeId: await page.locator('.syn-edit-theme').first().getAttribute('data-theme'),
          label: 'Renamed by a colleague meanwhile',
        },
      });
      expect(other.status()).toBe(200);
      await themesOfQ1().last().getByRole('button', { name: 'Drop' }).click();
      const banner = page.locator('.banner', { hasText: 'Someone else changed this synthesis first' });
      await banner.waitFor();
      await expect.poll(() => labelsOfQ1()).toContain('Renamed by a colleague meanwhile');
      await a11y.check('a stale edit refused');
      expect(pageErrors).toEqual([]);
    }, 60_000);

    it('downloads the deck rendered from the edited version, and lists the synthesis', async () => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download the edited deck (.pptx)' }).click(),
      ]);
      const pptx = path.join(dir, file.suggestedFilename());
      await file.saveAs(pptx);
      const zip = await JSZip.loadAsync(fs.readFileSync(pptx));
      const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
      const text = (await Promise.all(slides.map((f) => zip.file(f)!.async('string')))).join('\n');
      expect(text.includes('Renamed by a colleague meanwhile'), 'the colleague’s name in the slides').toBe(
        true,
      );
      expect(text.includes('Service revenue has to carry the growth'), 'the overwritten name').toBe(false);

      await page.getByRole('link', { name: 'Saved syntheses' }).first().click();
      await page.getByRole('heading', { name: 'Saved syntheses' }).waitFor();
      const row = page.locator('.syntheses-table tbody tr', { hasText: 'Larkspur client review' });
      await row.waitFor();
      expect(await row.locator('td').nth(5).textContent()).toBe('5');
      await a11y.check('the saved syntheses');
      expect(pageErrors).toEqual([]);
    }, 60_000);

    it('checked every page and dialog it reached with axe-core', () => {
      a11y.assertAllChecked();
    });
  },
);
