/**
 * The whole out-tasking path in real browsers against the real server (demo workspace): two
 * Chromium profiles, the firm's founder and an out-tasker, each with their own session.
 *
 * Firm: compile the flagship's job post from its approved procedure → add two out-taskers → invite
 * one to the portal (the one-time link) → open the post for bids in the portal → enter the other's
 * marketplace bid by hand. Out-tasker: join by the link, bid $11 a slide in the portal. Firm: compare
 * the two side by side (cost a year, saving against in-house) → award → contract → a new work order
 * with a material, sent. Out-tasker: accept, download the hand-off package (a real ZIP), deliver a
 * real PPTX (10 slides, 1 hidden). Firm: request changes. Out-tasker: reads the comment, redelivers
 * (13 slides, 1 hidden). Firm: approve. Both statements bill 12 slides × $11 = $132.
 *
 * Screenshots of each page when OUTTASK_E2E_SHOTS names a folder.
 *
 * Needs Debian's Chromium at /usr/bin/chromium; skipped (saying so) when it is not installed.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FLAGSHIP_TASK_NAME } from '../../src/demo/index.ts';
import { aPptx } from '../factories/documents.ts';
import {
  CHROMIUM_PATH,
  type ChromiumSession,
  chromiumAvailable,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  ensureWebBuild,
  launchChromium,
  type OpenedPage,
  openPage,
  type RunningServer,
  startServer,
} from './harness.ts';

const hasChromium = chromiumAvailable();
const PRIYA = { name: 'Priya Deckwright', email: 'priya@decks.example', password: 'priya-portal-pass-1' };
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const SHOTS = process.env.OUTTASK_E2E_SHOTS;
const shot = async (p: Page, name: string) => {
  if (SHOTS) await p.screenshot({ path: path.join(SHOTS, `outtasking-${name}.png`), fullPage: true });
};

describe.skipIf(!hasChromium)(
  hasChromium
    ? 'the whole out-tasking path in Chromium'
    : `the whole out-tasking path in Chromium (skipped: ${CHROMIUM_PATH} is not installed)`,
  () => {
    let server: RunningServer;
    let firmBrowser: ChromiumSession;
    let workerBrowser: ChromiumSession;
    let firm: OpenedPage;
    let worker: OpenedPage;
    let page: Page;
    let portal: Page;
    let inviteUrl = '';
    let orderPath = '';

    beforeAll(async () => {
      ensureWebBuild();
      server = await startServer();
      firmBrowser = await launchChromium({ width: 1440, height: 900 });
      workerBrowser = await launchChromium({ width: 1280, height: 900 });
      firm = await openPage(firmBrowser);
      worker = await openPage(workerBrowser);
      page = firm.page;
      portal = worker.page;
      await page.goto(`${server.url}/login`);
      await page.locator('#login-email').waitFor();
      await firm.a11y.check('the sign-in page');
      await page.fill('#login-email', DEMO_EMAIL);
      await page.fill('#login-password', DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.getByRole('heading', { name: 'Ranking', exact: true }).waitFor();
      await firm.a11y.check('the opportunities');
    }, 240_000);

    afterAll(async () => {
      await firmBrowser?.close();
      await workerBrowser?.close();
      await server?.stop();
    });

    it('compiles the post, adds two out-taskers and invites one to the portal', async () => {
      await page.getByRole('link', { name: 'Job posts' }).first().click();
      await page.getByRole('heading', { name: 'Job posts', level: 1 }).waitFor();
      await page.getByLabel('Task').selectOption({ label: DEMO_FLAGSHIP_TASK_NAME });
      await page.getByRole('button', { name: 'Compile the post' }).click();
      await page.getByRole('heading', { name: 'The post' }).waitFor();
      await firm.a11y.check('the compiled job post');

      await page.getByRole('link', { name: 'Out-taskers' }).first().click();
      await page.getByRole('heading', { name: 'Out-taskers', level: 1 }).waitFor();
      await firm.a11y.check('the out-taskers page, empty');
      const add = page.getByRole('form', { name: 'Add an out-tasker' });
      await add.getByLabel('Name').fill(PRIYA.name);
      await add.getByLabel('Email').fill(PRIYA.email);
      await add.getByLabel('Time zone').fill('Asia/Kolkata');
      await add.getByRole('button', { name: 'Add the out-tasker' }).click();
      await page.getByRole('cell', { name: PRIYA.name, exact: true }).waitFor();
      // A bad time zone is refused, and the form says which field.
      await add.getByLabel('Name').fill('Marco Slides');
      await add.getByLabel('Time zone').fill('Mars/Olympus');
      await add.getByRole('button', { name: 'Add the out-tasker' }).click();
      await page.getByText('Not a time zone (use an IANA name: Europe/Lisbon)').waitFor();
      await add.getByLabel('Time zone').fill('Europe/Lisbon');
      await add.getByRole('button', { name: 'Add the out-tasker' }).click();
      await page.getByRole('cell', { name: 'Marco Slides', exact: true }).waitFor();

      await page.getByRole('button', { name: `Invite to the portal: ${PRIYA.name}` }).click();
      const link = page.getByLabel(`Portal link for ${PRIYA.name}`);
      await link.waitFor();
      inviteUrl = await link.inputValue();
      expect(inviteUrl).toMatch(new RegExp(`^${server.url}/portal/join#[A-Za-z0-9_-]{40,}$`));
      await firm.a11y.check('the out-taskers page with a portal link');
      await shot(page, 'outtaskers');
    });

    it('opens the post for bids in the portal and enters a marketplace bid by hand', async () => {
      await page.getByRole('link', { name: 'Bids and award' }).click();
      await page.getByRole('heading', { name: 'Bids', level: 1 }).waitFor();
      const postSelect = page.getByLabel('Job post');
      const value = await postSelect
        .locator('option', { hasText: DEMO_FLAGSHIP_TASK_NAME })
        .first()
        .getAttribute('value');
      await postSelect.selectOption(value!);
      await page.getByRole('heading', { name: 'Bids compared' }).waitFor();
      await page.getByText('No bids yet').waitFor();
      await firm.a11y.check('the bids page of a post without bids');
      // Open to Priya only (per-post invitation): Marco, another out-tasker of the firm, is not asked.
      await page.getByLabel('Only the out-taskers I invite').check();
      await page.getByRole('list', { name: 'Invited out-taskers' }).getByLabel(PRIYA.name).check();
      await firm.a11y.check('the call form with invitees');
      await page.getByRole('button', { name: 'Open for bids in the portal' }).click();
      await page.getByText('Open in the portal').waitFor();
      await page.getByText(`seen only by ${PRIYA.name}`).waitFor();

      const enter = page.getByRole('form', { name: 'Enter a bid by hand' });
      await enter.getByLabel('Out-tasker').selectOption({ label: 'Marco Slides' });
      await enter.getByLabel('Marketplace').selectOption('freelancer');
      await enter.getByLabel(/^Price per/).fill('14.50');
      await enter.getByLabel('Turnaround (hours)').fill('400');
      await enter.getByRole('button', { name: 'Enter the bid' }).click();
      await page.getByRole('row', { name: /Marco Slides/ }).waitFor();
    });

    it('lets the invited out-tasker join by the one-time link and bid in the portal', async () => {
      await portal.goto(inviteUrl);
      await portal.getByRole('heading', { name: /^Join / }).waitFor();
      // The token leaves the address bar once read.
      expect(new URL(portal.url()).hash).toBe('');
      await worker.a11y.check('the portal invitation');
      await shot(portal, 'portal-join');
      await portal.getByLabel('Password', { exact: true }).fill(PRIYA.password);
      await portal.getByLabel('The password again').fill('something else');
      await portal.getByRole('button', { name: 'Join and sign in' }).click();
      await portal.getByText('The two passwords differ').waitFor();
      await portal.getByLabel('The password again').fill(PRIYA.password);
      await portal.getByRole('button', { name: 'Join and sign in' }).click();
      await portal.waitForURL((u) => u.pathname === '/portal');
      await portal.getByRole('heading', { name: `Welcome, ${PRIYA.name}` }).waitFor();
      await worker.a11y.check('the portal home with an open call');

      // The link is used: opening it again says so.
      await portal.goto(inviteUrl);
      await portal.getByRole('heading', { name: 'This link cannot be used' }).waitFor();
      await worker.a11y.check('a used portal link');
      await portal.goto(`${server.url}/portal`);
      await portal.getByRole('heading', { name: `Welcome, ${PRIYA.name}` }).waitFor();
      const call = portal.locator('article.portal-call').first();
      await call.getByLabel(/^Your price per slide/).fill('11');
      await call.getByLabel('Turnaround (hours)').fill('24');
      await call.getByLabel('Message to the firm').fill('Twelve years of consulting decks.');
      await call.getByRole('button', { name: 'Send your bid' }).click();
      await portal.getByText('Your bid is sent').waitFor();
      await portal.getByRole('button', { name: 'Update your bid' }).waitFor();
      expect(await portal.locator('article.portal-call').first().textContent()).toContain(
        'Your bid $11.00 a slide, 24 hours',
      );
      await worker.a11y.check('the portal home with a bid sent');
      await shot(portal, 'portal-home-bid');
    });

    it('compares the bids side by side and awards the portal bid: a contract', async () => {
      await page.reload();
      await page.getByRole('heading', { name: 'Bids compared' }).waitFor();
      const rows = page.locator('table tbody tr');
      await expect.poll(() => rows.count()).toBe(2);
      const first = await rows.nth(0).textContent();
      const second = await rows.nth(1).textContent();
      // Priya is within the SLA and cheaper: ranked first; Marco is over the SLA.
      expect(first).toContain(PRIYA.name);
      expect(first).toContain('$11.00 a slide');
      expect(first).toContain('within SLA');
      expect(second).toContain('Marco Slides');
      expect(second).toContain('h over SLA');
      const basis = await page.locator('.bids-basis').textContent();
      expect(basis).toMatch(/In-house today: \$[\d,]+ a year for [\d,]+ slides/);
      // The saving a year is the in-house cost less the bid's cost a year.
      const money = (s: string) => Number(s.replace(/[^\d.-]/g, ''));
      const inHouse = money(/\$[\d,]+/.exec(basis!)![0]);
      const cells = rows.nth(0).locator('td');
      const cost = money((await cells.nth(5).textContent())!);
      const saving = money((await cells.nth(6).textContent())!);
      expect(cost).toBeGreaterThan(0);
      expect(Math.abs(inHouse - cost - saving)).toBeLessThanOrEqual(1);
      await firm.a11y.check('two bids compared');
      await shot(page, 'bids-compared');

      await page.getByRole('button', { name: `Award to ${PRIYA.name}` }).click();
      const dialog = page.getByRole('dialog', { name: `Award the work to ${PRIYA.name}` });
      await dialog.waitFor();
      expect(
        (await dialog.getByLabel('Acceptance criteria, one a line').inputValue()).length,
      ).toBeGreaterThan(0);
      await firm.a11y.check(`Award the work to ${PRIYA.name}`);
      await shot(page, 'award-dialog');
      await dialog.getByRole('button', { name: 'Award and make the contract' }).click();
      await page.getByText(`Awarded to ${PRIYA.name}: $11.00 a slide, 24 hours.`).waitFor();
      await page.getByText('1 other bid declined.').waitFor();
      expect(await rows.nth(1).textContent()).toContain('Declined');
      expect(await page.getByRole('button', { name: /^Award to/ }).count()).toBe(0);
      await firm.a11y.check('the bids page after the award');
      await shot(page, 'bids-awarded');
    });

    it('sends a new work order with a material under the contract', async () => {
      await page.getByRole('link', { name: 'Send the first work order under this contract' }).click();
      await page.getByRole('heading', { name: 'New work order' }).waitFor();
      const form = page.getByRole('form', { name: 'New work order' });
      expect(await form.getByLabel('Contract').inputValue()).not.toBe('');
      await firm.a11y.check('the new work order form');
      await shot(page, 'new-work-order');
      // Units must be a number: said at the field.
      await form.getByLabel('Title', { exact: true }).fill('Northwind interviews');
      await form.getByRole('button', { name: 'Create and send' }).click();
      await form.getByText('A whole number of units, e.g. 12').waitFor();
      await form.getByLabel('Slides expected').fill('12');
      await form.getByLabel('Due time counted in').fill('America/New_York');
      await form.getByLabel('Materials', { exact: true }).setInputFiles({
        name: 'northwind-transcripts.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Interview 1 (PERSON_1, COO): the ERP rollout slipped twice.\n'),
      });
      await form.getByRole('button', { name: 'Create and send' }).click();
      await page.waitForURL((u) => /^\/work-orders\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new'));
      orderPath = new URL(page.url()).pathname;
      await page.getByRole('heading', { name: /Northwind interviews/ }).waitFor();
      expect(await page.locator('.lede').first().textContent()).toContain('Sent');
      expect(await page.locator('main').textContent()).toContain('northwind-transcripts.txt');
      await firm.a11y.check('a sent work order');
    });

    it('lets the out-tasker accept, download the hand-off package and deliver a PPTX', async () => {
      await portal.goto(`${server.url}/portal`);
      const row = portal.getByRole('row', { name: /Northwind interviews/ });
      await row.waitFor();
      expect(await row.textContent()).toContain('Waiting for you to accept');
      await row.getByRole('link').click();
      await portal.getByRole('button', { name: 'Accept the order' }).waitFor();
      await worker.a11y.check('a sent order in the portal');
      await shot(portal, 'portal-order-sent');
      await portal.getByRole('button', { name: 'Accept the order' }).click();
      await portal.getByRole('heading', { name: 'Deliver', exact: true }).waitFor();

      const [download] = await Promise.all([
        portal.waitForEvent('download'),
        portal.getByRole('link', { name: 'Download the hand-off package (ZIP)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^WO-\d+-northwind-interviews-handoff\.zip$/);
      const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
      expect(await zip.file('materials/northwind-transcripts.txt')!.async('string')).toContain(
        'the ERP rollout slipped twice',
      );
      const readme = await zip.file('README.txt')!.async('string');
      expect(readme).toContain('Northwind interviews');
      expect(readme).toContain('$11.00 a slide; 12 expected');
      expect(readme).toContain('(your time)');

      // Delivered without a file: said, nothing sent.
      await portal.getByRole('button', { name: 'Deliver', exact: true }).click();
      await portal.getByText('Choose the files to deliver').waitFor();
      await portal.getByLabel('Files').setInputFiles({
        name: 'northwind-v1.pptx',
        mimeType: PPTX,
        buffer: await aPptx(11, [11]),
      });
      await portal.getByLabel('Note to the firm').fill('First cut.');
      await portal.getByRole('button', { name: 'Deliver', exact: true }).click();
      await portal.getByText('10 slides counted (hidden slides not counted: 11)').first().waitFor();
      await portal.getByText('Waiting for the firm’s review.').waitFor();
      await worker.a11y.check('a delivered order in the portal');
      await shot(portal, 'portal-order-delivered');
    });

    it('lets the firm request changes; the out-tasker reads them and delivers again', async () => {
      await page.goto(`${server.url}${orderPath}`);
      await page.getByRole('heading', { name: 'Review the delivery' }).waitFor();
      expect(await page.locator('.wo-delivery').first().textContent()).toContain('10 slides counted');
      await page.getByLabel('Comment for the out-tasker').fill('Interview 11 has no slide.');
      await page.getByRole('button', { name: 'Request changes' }).click();
      await page.getByText('Changes requested', { exact: true }).first().waitFor();
      await firm.a11y.check('a work order with changes requested');

      await portal.reload();
      await portal.getByRole('heading', { name: 'Changes the firm asked for' }).waitFor();
      await portal.getByText('Interview 11 has no slide.').first().waitFor();
      await worker.a11y.check('changes requested in the portal');
      await shot(portal, 'portal-changes');
      await portal.getByLabel('Files').setInputFiles({
        name: 'northwind-v2.pptx',
        mimeType: PPTX,
        buffer: await aPptx(13, [13]),
      });
      await portal.getByRole('button', { name: 'Deliver', exact: true }).click();
      await portal.getByText('12 slides counted (hidden slides not counted: 13)').first().waitFor();
    });

    it('approves against the checklist, and both statements bill 12 slides × $11', async () => {
      await page.reload();
      await page.getByRole('heading', { name: 'Review the delivery' }).waitFor();
      const boxes = page.locator('.wo-checklist input[type="checkbox"]');
      for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
      await page.getByLabel('Quality (1–5)').selectOption('5');
      await page.getByLabel('Timeliness (1–5)').selectOption('5');
      await page.getByRole('button', { name: 'Approve' }).click();
      await page.getByText('12 × $11.00 = $132.00').waitFor();
      await firm.a11y.check('the approved work order');

      await page.getByRole('link', { name: 'Statements' }).first().click();
      await page.getByRole('heading', { name: `${PRIYA.name}: $132.00` }).waitFor();
      await firm.a11y.check('the firm’s statements');

      await portal.getByRole('link', { name: 'Statements' }).click();
      await portal.getByRole('heading', { name: 'Your statements' }).waitFor();
      await portal.getByRole('heading', { name: `${PRIYA.name}: $132.00` }).waitFor();
      const line = await portal.locator('table tbody tr').first().textContent();
      expect(line).toContain('Northwind interviews');
      expect(line).toContain('12 slides');
      await worker.a11y.check('the out-tasker’s statements');
      await shot(portal, 'portal-statements');
      expect(firm.pageErrors).toEqual([]);
      expect(worker.pageErrors).toEqual([]);
    });

    it('checked every page and dialog it reached with axe-core', () => {
      firm.a11y.assertAllChecked();
      worker.a11y.assertAllChecked();
    });
  },
);
