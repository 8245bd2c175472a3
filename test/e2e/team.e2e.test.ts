/**
 * The team and settings screen in a real browser against the real server (demo workspace, signed in as
 * its founder, the owner): reached from the user menu; members with their loaded hourly cost and
 * capacity, the founder marked; a member added (a missing name is named on the page) and changed; the
 * economics settings saved; a wrong current password refused without ending the session; every change
 * in the audit trail.
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
    ? 'team screen in Chromium'
    : `team screen in Chromium (skipped: ${CHROMIUM_PATH} is not installed)`,
  () => {
    let server: RunningServer;
    let browser: ChromiumSession;
    let page: Page;
    let pageErrors: string[];
    let a11y: PageAudit;
    const shotsDir =
      process.env.OUTTASK_E2E_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-shots-'));

    beforeAll(async () => {
      ensureWebBuild();
      server = await startServer();
      browser = await launchChromium({ width: 1440, height: 900 });
      ({ page, pageErrors, a11y } = await openPage(browser));
      await signIn(page, a11y, server.url);
      await page.getByRole('heading', { name: 'Ranking', exact: true }).waitFor();
      await a11y.check('the opportunities');
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('shows the members, adds and changes one, saves the settings, and audits each change', async () => {
      await page.locator('.user-button').click();
      await page.getByRole('menuitem', { name: 'Team and settings' }).click();
      await page.waitForURL(/\/team$/);
      await page.getByRole('heading', { name: 'Team and settings' }).waitFor();
      const members = page.locator('.members-table tbody tr');
      await expect.poll(() => members.count()).toBeGreaterThan(3);
      const founder = members.filter({ has: page.locator('.founder-flag') });
      expect(await founder.count()).toBe(1);
      expect(await founder.locator('th').textContent()).toContain('Elena Marchetti');
      expect(await founder.textContent()).toContain('$420');
      await page.screenshot({ path: path.join(shotsDir, 'team-1440.png') });
      await a11y.check('the team and settings page');

      // A missing name is named on the page; nothing is sent.
      const form = page.locator('form.member-form');
      await form.getByLabel('Loaded hourly cost').fill('95');
      await form.getByRole('button', { name: 'Add member' }).click();
      expect(await form.locator('.field-error').first().textContent()).toBe('Name needs text');
      await form.getByLabel('Name', { exact: true }).fill('Noor Haddad');
      await form.getByLabel('Title').fill('Research analyst');
      await form.getByLabel('Role').selectOption('analyst');
      await form.getByRole('button', { name: 'Add member' }).click();
      const noor = members.filter({ hasText: 'Noor Haddad' });
      await expect.poll(() => noor.count()).toBe(1);
      expect(await noor.textContent()).toContain('$95');

      await noor.getByRole('button', { name: 'Change Noor Haddad' }).click();
      await form.getByLabel('Capacity (hours a year)').fill('1200');
      await form.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => noor.locator('td').nth(3).textContent()).toBe('1,200');

      // The economics settings, the owner's to change.
      await page.getByLabel('Marketplace platform fee (%)').fill('7.5');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expect
        .poll(
          async () =>
            (await (await page.request.get(`${server.url}/api/settings/economics`)).json()).platformFeeBps,
        )
        .toBe(750);

      // A wrong current password is refused on the page, and the session goes on.
      await page.getByLabel('Current password').fill('not-it');
      await page.getByLabel('New password').fill('a-new-password-2026');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByText('The current password is wrong').waitFor();
      expect(page.url()).toMatch(/\/team$/);

      const audit = (await (await page.request.get(`${server.url}/api/workspace/audit?limit=20`)).json()) as {
        action: string;
      }[];
      const actions = audit.map((a) => a.action);
      expect(actions).toEqual(
        expect.arrayContaining(['member.create', 'member.update', 'settings.economics.update']),
      );
      expect(pageErrors).toEqual([]);
    });

    it('lets tables scroll inside their card on a phone', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await page.getByRole('heading', { name: 'Team and settings' }).waitFor();
      // What sticks out of the page, if anything (none should: wide tables scroll inside their card).
      const sticking = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .filter((el) => !el.parentElement?.closest('.table-wrap'))
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
      );
      expect(sticking).toEqual([]);
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((el) => !el.closest('main') && el.getBoundingClientRect().right > window.innerWidth + 1)
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
      );
      console.log(`Outside the page content at 390 px: ${outside.join(', ') || 'nothing'}`);
      await page.screenshot({ path: path.join(shotsDir, 'team-390.png') });
      // At 390 px the user button shows only initials: it must still have a name (axe button-name).
      await a11y.check('the team and settings page at 390 px');
      console.log(`Screenshots: ${shotsDir}`);
    });

    it('checked every page and dialog it reached with axe-core', () => {
      a11y.assertAllChecked();
    });
  },
);
