/**
 * The team and settings screen in a real browser against the real server (demo workspace, signed in as
 * its founder, the owner): reached from the user menu; members with their loaded hourly cost and
 * capacity, the founder marked; a member added (a missing name is named on the page) and changed; the
 * economics settings saved; a wrong current password refused without ending the session; every change
 * in the audit trail. Then an invitation: the link shown once, accepted in a second browser, the new
 * person's access changed, the last owner's demotion refused on the page, their access removed; a
 * member who left no longer offered for new work; the fiscal year set and offered on the statements.
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

    it('invites someone who joins in another browser, changes their access, and refuses to leave no owner', async () => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(`${server.url}/team`);
      await page.getByRole('heading', { name: 'Team and settings' }).waitFor();
      const invite = page.locator('form.invite-form');
      await invite.getByLabel('Email').fill('noor.haddad@larkspur.example');
      await invite.getByLabel('Their name').fill('Noor Haddad');
      await invite.getByRole('button', { name: 'Create invitation link' }).click();
      const link = await page.getByLabel('Invitation link').inputValue();
      expect(link).toMatch(/\/join#[\w-]{40,}$/);
      await page.screenshot({ path: path.join(shotsDir, 'team-invitation-1440.png') });
      await a11y.check('the team page with a new invitation link');
      expect(await page.locator('.invitations-table tbody tr').count()).toBe(1);

      // The invitee, in a browser of their own: the link, a password, and they are in.
      const other = await launchChromium({ width: 1024, height: 768 });
      try {
        const theirs = await openPage(other);
        await theirs.page.goto(link);
        await theirs.page.getByRole('heading', { name: /Join Larkspur Advisory/ }).waitFor();
        await theirs.a11y.check('the join page');
        await theirs.page.screenshot({ path: path.join(shotsDir, 'join-1024.png') });
        expect(theirs.page.url()).not.toContain('#');
        await theirs.page.getByLabel('Choose a password').fill('noor-password-2026');
        await theirs.page.getByLabel('The password again').fill('noor-password-2026');
        await theirs.page.getByRole('button', { name: 'Join and sign in' }).click();
        await theirs.page.waitForURL(/\/opportunities$/);
        await theirs.page.getByRole('heading', { name: 'Ranking', exact: true }).waitFor();
        // The link was used: opened again, it says so.
        await theirs.page.goto(link);
        await theirs.page.getByRole('heading', { name: 'This link cannot be used' }).waitFor();
        expect(theirs.pageErrors).toEqual([]);
      } finally {
        await other.close();
      }

      await page.reload();
      const noor = page.locator('.users-table tbody tr').filter({ hasText: 'Noor Haddad' });
      await expect.poll(() => noor.count()).toBe(1);
      expect(await page.locator('.invitations-table').count()).toBe(0);
      const access = noor.getByLabel('Access of Noor Haddad');
      expect(await access.inputValue()).toBe('staff');
      await access.selectOption('owner');
      await page.getByText('Noor Haddad is now owner').waitFor();
      await access.selectOption('staff');
      await page.getByText('Noor Haddad is now staff').waitFor();

      // The founder is now the only owner: demoting her is refused, on the page, and nothing changes.
      const elena = page.locator('.users-table tbody tr').filter({ hasText: '(you)' });
      await elena.getByRole('combobox').selectOption('staff');
      const refusal = page.locator('section[aria-labelledby="users-title"] .banner-error');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('only owner');
      await expect.poll(() => elena.getByRole('combobox').inputValue()).toBe('owner');
      await page.screenshot({ path: path.join(shotsDir, 'team-last-owner-1440.png') });

      // Removing Noor's access (after the confirmation) takes her off the list.
      page.once('dialog', (d) => void d.accept());
      await noor.getByRole('button', { name: 'Remove Noor Haddad’s access' }).click();
      await expect.poll(() => noor.count()).toBe(0);

      const audit = (await (await page.request.get(`${server.url}/api/workspace/audit?limit=30`)).json()) as {
        action: string;
      }[];
      expect(audit.map((a) => a.action)).toEqual(
        expect.arrayContaining(['invitation.create', 'invitation.accept', 'user.role_change', 'user.remove']),
      );
      expect(pageErrors).toEqual([]);
    }, 180_000);

    it('marks a member who left, and offers them no more for new work', async () => {
      await page.goto(`${server.url}/team`);
      const members = page.locator('.members-table tbody tr');
      const noor = members.filter({ hasText: 'Noor Haddad' });
      await noor.getByRole('button', { name: 'Change Noor Haddad' }).click();
      const form = page.locator('form.member-form');
      await form.getByLabel('Left the firm on').fill('2026-10-31');
      await form.getByRole('button', { name: 'Save' }).click();
      await noor.locator('.left-flag').waitFor();
      expect(await noor.locator('.left-flag').textContent()).toContain('Left');
      // The inventory's performer picker offers everyone still with the firm, not her.
      await page.goto(`${server.url}/inventory`);
      await page.getByRole('heading', { name: 'Task inventory', exact: true }).waitFor();
      await a11y.check('the inventory');
      await page
        .getByRole('button', { name: /^Add (a )?task$/ })
        .first()
        .click();
      await page.getByRole('dialog').waitFor();
      await a11y.check('the Add a task dialog');
      const performer = page.locator('dialog[open] select[data-field="performerId"]');
      const offered = await performer.locator('option').allTextContents();
      expect(offered).toContain('Elena Marchetti');
      expect(offered).not.toContain('Noor Haddad');
      await page.keyboard.press('Escape');
    });

    it('sets the fiscal year, and the statements offer it as a period', async () => {
      await page.goto(`${server.url}/team`);
      const card = page.locator('form[aria-labelledby="workspace-title"]');
      expect(await card.getByLabel('Currency').isDisabled()).toBe(true);
      await card.getByLabel('Fiscal year starts in').selectOption({ label: 'April' });
      await card.getByRole('button', { name: 'Save workspace settings' }).click();
      await page.getByText('Workspace settings saved').waitFor();
      await expect.poll(() => card.locator('p.muted').textContent()).toMatch(/1 Apr|Apr 1/);
      await page.goto(`${server.url}/statements`);
      const fy = page.getByRole('button', { name: /^Fiscal year / });
      await fy.click();
      const from = await page.getByLabel('From').inputValue();
      const to = await page.getByLabel('To').inputValue();
      expect(from).toMatch(/^\d{4}-04-01$/);
      expect(to).toBe(`${Number(from.slice(0, 4)) + 1}-03-31`);
      await a11y.check('the statements with the fiscal year');
    });

    it('checked every page and dialog it reached with axe-core', () => {
      a11y.assertAllChecked();
    });
  },
);
