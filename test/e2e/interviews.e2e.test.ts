/**
 * Interview synthesis in a real browser against the real server: load the shipped sample interviews,
 * build the deck on the demo's interview form, check the themes, the split and the quotes on the
 * page, download the deck and check LibreOffice-free that it is a PPTX with every slide; then drop a
 * file that is not a transcript and build without it.
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
  DEMO_EMAIL,
  DEMO_PASSWORD,
  EMPTY_OWNER,
  ensureWebBuild,
  launchChromium,
  openPage,
  type PageAudit,
  ROOT,
  type RunningServer,
  startServer,
} from './harness.ts';

const hasChromium = chromiumAvailable();
const FLAGSHIP = 'Build the executive interview summary deck';
const SAMPLES = path.join(ROOT, 'examples', 'executive-interviews');

describe.skipIf(!hasChromium)(
  hasChromium
    ? 'interview synthesis in Chromium'
    : `interview synthesis in Chromium (skipped: ${CHROMIUM_PATH} is not installed)`,
  () => {
    let server: RunningServer;
    let browser: ChromiumSession;
    let page: Page;
    let pageErrors: string[];
    let a11y: PageAudit;
    const shotsDir =
      process.env.OUTTASK_E2E_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-shots-'));
    const shot = (name: string, fullPage = false) =>
      page.screenshot({ path: path.join(shotsDir, `interviews-${name}.png`), fullPage });

    beforeAll(async () => {
      fs.mkdirSync(shotsDir, { recursive: true });
      ensureWebBuild();
      server = await startServer();
      browser = await launchChromium({ width: 1440, height: 900 });
      ({ page, pageErrors, a11y } = await openPage(browser, 30_000));
      await page.goto(`${server.url}/interviews/synthesis`);
      await page.waitForURL(/\/login/);
      await page.locator('#login-email').waitFor();
      await a11y.check('the sign-in page');
      await page.fill('#login-email', DEMO_EMAIL);
      await page.fill('#login-password', DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/interviews\/synthesis$/);
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      console.log(`Screenshots: ${shotsDir}`);
    });

    it('offers the synthesis on the interview-deck task, the one software can do', async () => {
      await page.goto(`${server.url}/opportunities`);
      // The ranking marks it: the only demo task with an interview form.
      const badges = page.locator('.opportunities-table .software-badge');
      await expect.poll(() => badges.count()).toBe(1);
      await a11y.check('the opportunities');
      expect(
        await page
          .locator('.opportunities-table tbody tr', { has: page.locator('.software-badge') })
          .locator('.task-name')
          .textContent(),
      ).toBe(FLAGSHIP);
      await page.getByRole('link', { name: FLAGSHIP }).first().click();
      await page.getByRole('heading', { name: FLAGSHIP }).waitFor();
      const callout = page.locator('.automate-callout');
      await callout.waitFor();
      expect(await callout.textContent()).toContain('Software can do this one.');
      await a11y.check('the interview-deck task, offering the synthesis');
      await callout.getByRole('link', { name: 'Build the deck' }).click();
      await page.waitForURL(/\/interviews\/synthesis\?form=/);
      // A task without a form gets no such offer.
      await page.goto(`${server.url}/inventory`);
      await page.getByRole('heading', { name: 'Task inventory' }).waitFor();
      await a11y.check('the inventory');
      await page.getByRole('link', { name: 'Update the project plan' }).first().click();
      await page.getByRole('heading', { name: 'Update the project plan' }).waitFor();
      await page.locator('.stats').waitFor();
      expect(await page.locator('.automate-callout').count()).toBe(0);
      await page.goBack();
      await page.goBack();
      await page.waitForURL(/\/interviews\/synthesis\?form=/);
    });

    // The build is a job on a shared two-core machine: the test waits for it as long as its own step does.
    it('builds the deck from the sample interviews on the demo form, with the evidence on the page', {
      timeout: 120_000,
    }, async () => {
      await page.getByRole('heading', { name: 'Interview synthesis' }).waitFor();
      // The demo's interview form (attached to the interview-deck task) is preselected.
      await expect
        .poll(() => page.locator('#syn-form option:checked').textContent())
        .toMatch(/Executive interview form · v2 · 8 questions/);
      await page.getByRole('button', { name: 'Use the sample interviews' }).click();
      const transcripts = fs.readdirSync(SAMPLES).filter((f) => /\.(vtt|txt|srt|json)$/.test(f));
      await expect.poll(() => page.locator('.syn-files li').count()).toBe(transcripts.length + 1); // and interviews.csv
      expect(await page.locator('.syn-files').textContent()).toContain('roles and dates');
      await shot('01-chosen');
      await a11y.check('the synthesis with the sample interviews chosen');

      await page.getByRole('button', { name: 'Build the deck' }).click();
      const download = page.getByRole('link', { name: 'Download the deck (.pptx)' });
      await download.waitFor({ timeout: 60_000 });
      expect(await page.locator('.syn-result h2').first().textContent()).toBe('Executive interview');
      // The deck and the report are anonymised; the evidence file says it keeps the names.
      expect(await page.getByRole('link', { name: 'insights.json (with names)' }).count()).toBe(1);
      expect(await page.locator('.syn-result .muted').first().textContent()).toContain(
        `${transcripts.length} interviews · 8 questions`,
      );
      // A section per question, themes with prevalence, and quotes attributed by role, anonymised.
      await expect.poll(() => page.locator('.syn-result h2[id^="syn-q-"]').count()).toBe(8);
      expect(await page.locator('.syn-theme').count()).toBeGreaterThan(12);
      expect(await page.locator('.prevalence-text').first().textContent()).toMatch(/^\d+ of \d+$/);
      const source = await page.locator('.syn-quote footer').first().textContent();
      expect(source).toMatch(/, Interview \d+/);
      expect(await page.getByRole('heading', { name: 'Where they split' }).count()).toBe(1);
      await shot('02-built');
      await a11y.check('the built deck’s evidence');

      const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
      expect(file.suggestedFilename()).toBe('executive-interview.pptx');
      const pptxPath = path.join(shotsDir, file.suggestedFilename());
      await file.saveAs(pptxPath);
      const zip = await JSZip.loadAsync(fs.readFileSync(pptxPath));
      const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
      const shownSlides = Number(
        (await page.locator('.stat', { hasText: 'Slides' }).locator('.stat-value').textContent())!,
      );
      expect(slides.length).toBe(shownSlides);
      expect(shownSlides).toBeGreaterThan(10);

      // A question the form did not ask, answered from the same transcripts, anonymised like the deck.
      await page.locator('#syn-question').fill('What do they say about replacing the ERP?');
      await page.getByRole('button', { name: 'Ask', exact: true }).click();
      const answer = page.locator('.syn-answer-text');
      await answer.waitFor({ timeout: 60_000 });
      expect(await answer.textContent()).toMatch(/ERP/);
      const cites = await page.locator('.syn-citations li').allTextContents();
      expect(cites.length).toBeGreaterThan(0);
      for (const c of cites) expect(c).toMatch(/^Interview \d+/);
      const names = fs
        .readdirSync(SAMPLES)
        .filter((f) => f.endsWith('.vtt'))
        .map((f) => /<v ([^>]+)>/.exec(fs.readFileSync(path.join(SAMPLES, f), 'utf8'))![1]!);
      const asked = `${await answer.textContent()} ${cites.join(' ')}`;
      for (const name of names) expect(asked).not.toContain(name);
      await page.locator('.syn-ask').scrollIntoViewIfNeeded();
      await shot('03-asked');
      await a11y.check('an answer to a question of its own');
      expect(pageErrors).toEqual([]);
    });

    it('names a file that is not a transcript, builds nothing, then builds without it', async () => {
      const junk = path.join(shotsDir, 'notes.txt');
      fs.writeFileSync(junk, Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
      await page.locator('input[type=file]').setInputFiles(junk);
      await page.getByRole('button', { name: 'Build the deck' }).click();
      const bad = page.locator('.syn-bad');
      await bad.waitFor();
      expect(await bad.locator('h2').textContent()).toBe('No deck was built');
      expect(await bad.locator('td.task-name').allTextContents()).toEqual(['notes.txt']);
      await shot('04-bad-file');
      await a11y.check('the report of a file that is not a transcript');
      await page.getByRole('button', { name: 'Build it without them' }).click();
      await page.getByRole('link', { name: 'Download the deck (.pptx)' }).waitFor({ timeout: 60_000 });
      expect(await page.locator('.banner-warning').textContent()).toContain('notes.txt');
      expect(pageErrors).toEqual([]);
    });

    it('ran each build and question as a background job, listed done on the Background jobs page', async () => {
      await page.getByRole('link', { name: 'Background jobs' }).first().click();
      await page.getByRole('heading', { name: 'Background jobs' }).waitFor();
      const rows = page.locator('.jobs-table tbody tr');
      await expect.poll(() => rows.count()).toBe(3); // two decks and one question above; the refused build made none
      const labels = await page.locator('.jobs-table .job-label').allTextContents();
      expect(labels.sort()).toEqual(
        ['Interview synthesis', 'Interview synthesis', 'Question across interviews'].sort(),
      );
      expect(await page.locator('.jobs-table .badge').allTextContents()).toEqual(['Done', 'Done', 'Done']);
      await shot('05-jobs');
      await a11y.check('the background jobs page');
      await page.getByRole('button', { name: 'Failed' }).click();
      await page.getByRole('heading', { name: 'No jobs in this state' }).waitFor();
      expect(pageErrors).toEqual([]);
    });

    it('checked every page and dialog it reached with axe-core', () => {
      a11y.assertAllChecked();
    });
  },
);

describe.skipIf(!hasChromium)(
  hasChromium
    ? 'interview synthesis in a new workspace, in Chromium'
    : `interview synthesis in a new workspace (skipped: ${CHROMIUM_PATH} is not installed)`,
  () => {
    let server: RunningServer;
    let browser: ChromiumSession;
    let page: Page;
    let a11y: PageAudit;

    beforeAll(async () => {
      ensureWebBuild();
      server = await startServer({ empty: true });
      browser = await launchChromium({ width: 1440, height: 900 });
      ({ page, a11y } = await openPage(browser, 30_000));
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('with no form yet, adds the sample form in one click and builds the deck from the samples', async () => {
      await page.goto(`${server.url}/login`);
      await page.locator('#login-email').waitFor();
      await a11y.check('the sign-in page');
      await page.fill('#login-email', EMPTY_OWNER.email);
      await page.fill('#login-password', EMPTY_OWNER.password);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/opportunities$/);
      await page.getByRole('heading', { name: 'Opportunities' }).waitFor();
      await a11y.check('the opportunities of an empty workspace');
      await page.goto(`${server.url}/interviews/synthesis`);
      await page.getByRole('button', { name: 'Add the sample form' }).waitFor();
      await a11y.check('the synthesis with no form yet');
      await page.getByRole('button', { name: 'Add the sample form' }).click();
      await expect
        .poll(() => page.locator('#syn-form option:checked').textContent())
        .toMatch(/Executive interview form \(sample\) · v1 · 8 questions/);
      expect(await page.getByRole('button', { name: 'Add the sample form' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Use the sample interviews' }).click();
      await page.locator('.syn-files li').first().waitFor();
      await page.getByRole('button', { name: 'Build the deck' }).click();
      await page.getByRole('link', { name: 'Download the deck (.pptx)' }).waitFor({ timeout: 60_000 });
      await expect.poll(() => page.locator('.syn-result h2[id^="syn-q-"]').count()).toBe(8);
      await a11y.check('the deck built in a new workspace');
    });

    it('checked every page and dialog it reached with axe-core', () => {
      a11y.assertAllChecked();
    });
  },
);
