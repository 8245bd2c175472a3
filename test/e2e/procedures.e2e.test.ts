/**
 * Steps 2–4 in a real browser against the real server: record two ways of doing a task, compare them,
 * merge them into a standard procedure, reorder a step with the keyboard and by dragging, mark a step
 * as waste, approve the version, see it refuse changes, and export the brief (Word and Markdown).
 * Screenshots go to a temporary folder (printed at the end), or OUTTASK_E2E_SHOTS.
 *
 * Needs Debian's Chromium at /usr/bin/chromium; skipped (saying so) when it is not installed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const TASK = 'Clean CRM contact data';
const hasChromium = chromiumAvailable();

describe.skipIf(!hasChromium)(
  hasChromium
    ? 'procedures in Chromium'
    : `procedures in Chromium (skipped: ${CHROMIUM_PATH} is not installed)`,
  () => {
    let server: RunningServer;
    let browser: ChromiumSession;
    let page: Page;
    let pageErrors: string[];
    let a11y: PageAudit;
    const shotsDir =
      process.env.OUTTASK_E2E_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-shots-'));
    const shot = (name: string, fullPage = false) =>
      page.screenshot({ path: path.join(shotsDir, `procedures-${name}.png`), fullPage });

    beforeAll(async () => {
      ensureWebBuild();
      server = await startServer();
      browser = await launchChromium({ width: 1440, height: 900 });
      ({ page, pageErrors, a11y } = await openPage(browser, 20_000));
      await page.goto(`${server.url}/procedures`);
      await page.waitForURL(/\/login/);
      await page.locator('#login-email').waitFor();
      await a11y.check('the sign-in page');
      await page.fill('#login-email', DEMO_EMAIL);
      await page.fill('#login-password', DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/procedures$/);
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      fs.mkdirSync(shotsDir, { recursive: true });
      console.log(`Screenshots: ${shotsDir}`);
    });

    it('shows where the demo tasks stand and the interview deck’s 13 ways side by side', async () => {
      await page.getByRole('heading', { name: 'Ways of working' }).waitFor();
      const stages = page.locator('.pr-stage');
      await stages.first().waitFor();
      expect(await stages.count()).toBe(6);
      await page.locator('table.data').waitFor();
      expect(await page.locator('table.data').textContent()).toContain(
        'Build the executive interview summary deck',
      );
      await shot('01-overview');
      await a11y.check('the ways of working overview');
      await page.getByRole('link', { name: 'Build the executive interview summary deck' }).click();
      await page.getByRole('tab', { name: /Ways of working \(13\)/ }).click();
      await page.locator('.pr-compare table').waitFor();
      expect(await page.locator('.pr-compare thead th').count()).toBe(1 + 13 + 2);
      await shot('02-comparison', true);
      await a11y.check('a task’s ways of working side by side');
    });

    it('records two ways of a task, merges them into a standard, edits, approves and exports the brief', async () => {
      await page.goto(`${server.url}/procedures`);
      await page.locator('#pr-start').selectOption({ label: `${TASK} (Business development)` });
      await page.getByRole('button', { name: 'Record its ways of working' }).click();
      await page.getByRole('heading', { name: TASK }).waitFor();
      await a11y.check('a task with no way of working recorded');

      const record = async (who: string, label: string, steps: [string, string, string, string][]) => {
        const form = page.locator('form', {
          has: page.getByRole('heading', { name: 'Record how someone does it' }),
        });
        await form.getByLabel('Whose way').selectOption({ label: who });
        await form.getByLabel('A short name for this way').fill(label);
        for (let i = 0; i < steps.length; i++) {
          if (i >= 3) await form.getByRole('button', { name: 'Add a step' }).click();
          const [name, minutes, tool, outputs] = steps[i]!;
          await form.getByLabel(`Step ${i + 1}`, { exact: true }).fill(name);
          await form.getByLabel('Minutes').nth(i).fill(minutes);
          await form.getByLabel('Tool').nth(i).fill(tool);
          await form.getByLabel('Outputs').nth(i).fill(outputs);
        }
        await form.getByRole('button', { name: 'Save this way' }).click();
        await page.getByText('Way of working recorded').first().waitFor();
      };
      await record('Janet Pruitt (Office Manager)', 'Export, fix in Excel, re-import', [
        ['Export the contacts from the CRM', '20', 'CRM', 'Contact export'],
        ['Print the list and tick duplicates', '90', 'Paper', 'Duplicates marked'],
        ['Merge duplicates in Excel', '180', 'Excel', 'Clean list'],
        ['Re-import the clean list', '30', 'CRM', 'Clean CRM'],
      ]);
      await record("Liam O'Connor (Analyst)", 'Fix in the CRM directly', [
        ['Export contacts from the CRM', '15', 'CRM', 'Contact export'],
        ['Merge the duplicates in Excel', '150', 'Excel', 'Clean list'],
        ['Re-import the cleaned list', '20', 'CRM', 'Clean CRM'],
      ]);
      await page.locator('.pr-compare table').waitFor();
      // The two ways line up: export, merge and re-import are shared; only Janet prints the list.
      await expect
        .poll(async () => (await page.locator('.pr-compare tbody tr').allTextContents()).length)
        .toBe(4);
      // The table with only the first way also has 4 rows: wait for the second way to be compared.
      await expect.poll(() => page.locator('.pr-compare tbody tr.pr-row-partial').count()).toBe(1);
      await shot('03-two-ways', true);
      await a11y.check('two ways compared');

      await page.getByRole('button', { name: /Merge 2 ways into the standard/ }).click();
      await page.getByRole('tab', { name: 'Procedure', selected: true }).waitFor();
      await page.getByRole('heading', { name: /Version 1/ }).waitFor();
      const names = () => page.locator('.pr-step .pr-step-name').allTextContents();
      await expect
        .poll(names)
        .toEqual([
          'Export the contacts from the CRM',
          'Print the list and tick duplicates',
          'Merge duplicates in Excel',
          'Re-import the clean list',
        ]);

      // Reorder with the keyboard alternative, then back by dragging.
      await page.getByRole('button', { name: 'Move “Print the list and tick duplicates” down' }).click();
      await expect
        .poll(names)
        .toEqual([
          'Export the contacts from the CRM',
          'Merge duplicates in Excel',
          'Print the list and tick duplicates',
          'Re-import the clean list',
        ]);
      await page.locator('.pr-step').nth(2).locator('.pr-handle').dragTo(page.locator('.pr-step').nth(1));
      await expect
        .poll(names)
        .toEqual([
          'Export the contacts from the CRM',
          'Print the list and tick duplicates',
          'Merge duplicates in Excel',
          'Re-import the clean list',
        ]);

      // Mark the printing as waste.
      await page.locator('.pr-step').nth(1).getByRole('button', { name: 'Mark as waste' }).click();
      await page.getByLabel('Why').fill('Done out of habit: Excel finds the duplicates.');
      await a11y.check('the Mark as waste dialog');
      await page.getByRole('dialog').getByRole('button', { name: 'Mark as waste' }).click();
      await expect.poll(() => page.locator('.pr-step.waste').count()).toBe(1);
      expect(await page.locator('.pr-waste-reason').textContent()).toContain('Excel finds the duplicates');
      await page
        .locator('.pr-map img')
        .evaluate((img: HTMLImageElement) =>
          img.complete ? undefined : new Promise((r) => img.addEventListener('load', r, { once: true })),
        );
      expect(
        await page.locator('.pr-map img').evaluate((img: HTMLImageElement) => img.naturalWidth),
      ).toBeGreaterThan(400);
      await shot('04-waste-marked', true);
      await a11y.check('a procedure with a step marked as waste');

      // Approve; the version then offers no editing and the task reaches "Edited".
      await page.getByRole('button', { name: 'Approve version 1' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Approve' }).waitFor();
      await a11y.check('the approval dialog');
      await page.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
      await page.getByText('Version 1 approved').first().waitFor();
      await expect.poll(() => page.locator('.pr-step .pr-handle').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Mark as waste' }).count()).toBe(0);
      // The progress stage is refetched after the approval; wait for it.
      await expect.poll(() => page.locator('.lede').textContent()).toContain('Edited');
      await shot('05-approved', true);
      await a11y.check('an approved procedure');

      // The brief, in Word and in Markdown.
      const [docx] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Brief (Word)' }).click(),
      ]);
      const docxPath = path.join(shotsDir, docx.suggestedFilename());
      await docx.saveAs(docxPath);
      expect(docx.suggestedFilename()).toBe('clean-crm-contact-data-v1.docx');
      expect(fs.readFileSync(docxPath).subarray(0, 2).toString()).toBe('PK');
      const [md] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Brief (Markdown)' }).click(),
      ]);
      const mdPath = path.join(shotsDir, md.suggestedFilename());
      await md.saveAs(mdPath);
      const text = fs.readFileSync(mdPath, 'utf8');
      expect(text).toContain('# Clean CRM contact data');
      expect(text).toContain('| 2 | Merge duplicates in Excel |');
      expect(text).not.toContain('Print the list');

      // The history shows the version; the server refuses a change to it.
      await page.getByRole('tab', { name: /Versions/ }).click();
      await page.getByRole('heading', { name: 'Versions' }).waitFor();
      const refused = await page.evaluate(async () => {
        const overview = await (await fetch(`/api${window.location.pathname}`)).json();
        const id = overview.versions[0].id as string;
        const r = await fetch(`/api/procedures/versions/${id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ purpose: 'changed' }),
        });
        return { status: r.status, body: await r.json() };
      });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('VERSION_APPROVED');
      await shot('06-versions');
      await a11y.check('a procedure’s versions');
      expect(pageErrors).toEqual([]);
    }, 120_000);

    it('says in words how a draft’s cost compares with the approved version, and fits the page', async () => {
      await page.goto(`${server.url}/procedures/waste`);
      await page.getByRole('heading', { name: 'Waste and savings' }).waitFor();
      const row = page.locator('table.data tbody tr', {
        hasText: 'Build the executive interview summary deck',
      });
      await row.waitFor();
      expect(await row.textContent()).toMatch(/\$[\d,]+ (less|more) than approved/);
      expect(await row.textContent()).not.toMatch(/[−-]\$/);
      const wrap = page.locator('.table-wrap').first();
      expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      await a11y.check('the waste and savings');
    });

    it('shows the interview form, attached to the deck task', async () => {
      await page.goto(`${server.url}/forms`);
      await page.getByRole('heading', { name: 'Executive interview' }).waitFor();
      expect(await page.locator('.pr-question-list li').count()).toBe(8);
      await shot('07-forms');
      await a11y.check('the forms');
    });

    it('writes a new form without ids: a question without text is named beside it, counts agree', async () => {
      await page.getByRole('button', { name: 'New form' }).click();
      const editor = page.locator('form', { has: page.getByRole('heading', { name: 'New form' }) });
      await editor.getByLabel('Title').fill('Partner check-in');
      await editor.getByLabel('Question 1', { exact: true }).fill('What slows your team down this quarter?');
      await editor.getByRole('button', { name: 'Add a question' }).click();
      await editor.getByRole('button', { name: 'Save' }).click();
      // Said beside the empty question, nothing sent.
      await editor.getByText('Question 2 needs text').waitFor();
      expect(await editor.locator('.field-invalid input').getAttribute('aria-invalid')).toBe('true');
      await shot('08-form-error');
      await a11y.check('a new form with a question missing its text');
      await editor.getByRole('button', { name: 'Remove question 2' }).click();
      await editor.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { name: 'Partner check-in' }).waitFor();
      // One question, said in the singular; its id made from its words.
      const card = page.locator('section.card', {
        has: page.getByRole('heading', { name: 'Partner check-in' }),
      });
      await expect.poll(() => card.locator('p.muted').textContent()).toMatch(/version 1 of 1 · 1 question$/);
      expect(await card.locator('.pr-question-list code').textContent()).toBe('slows-team-down-quarter');
      expect(await page.getByRole('button', { name: /Partner check-in/ }).textContent()).toContain(
        'v1 · 1 question ·',
      );
      expect(pageErrors).toEqual([]);
    });

    it('checked every page and dialog it reached with axe-core', () => {
      a11y.assertAllChecked();
    });
  },
);
