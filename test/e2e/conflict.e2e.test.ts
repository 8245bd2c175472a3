/**
 * Two people edit one task (issue 9, row 5), in a real browser against the real server: the founder has
 * the task's page open while a colleague saves a change through the API. The founder's save is refused
 * (If-Match, 412 STALE_WRITE) instead of silently undoing the colleague's change; the page says who
 * changed what, and offers to load their version or save over it. Screenshots go to a temporary folder.
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

const FLAGSHIP = 'Build the executive interview summary deck';
const hasChromium = chromiumAvailable();

describe.skipIf(!hasChromium)(
  hasChromium
    ? 'an edit conflict in Chromium'
    : `an edit conflict (skipped: ${CHROMIUM_PATH} is not installed)`,
  () => {
    let server: RunningServer;
    let browser: ChromiumSession;
    let page: Page;
    let pageErrors: string[];
    let a11y: PageAudit;
    let colleague: string;
    let taskId: string;
    const shotsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-conflict-shots-'));
    const shot = (name: string) => page.screenshot({ path: path.join(shotsDir, `${name}.png`) });

    /** The colleague: a second session of their own, writing through the API. */
    const colleagueSaves = async (patch: Record<string, unknown>) => {
      const res = await fetch(`${server.url}/api/tasks/${taskId}`, {
        method: 'PATCH',
        headers: { cookie: colleague, 'content-type': 'application/json' },
        body: JSON.stringify(patch),
      });
      expect(res.status).toBe(200);
    };
    const stored = async () =>
      (
        (await (
          await fetch(`${server.url}/api/tasks/${taskId}`, { headers: { cookie: colleague } })
        ).json()) as { task: Record<string, unknown> }
      ).task;

    beforeAll(async () => {
      ensureWebBuild();
      server = await startServer();
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEMO_EMAIL, password: DEMO_PASSWORD }),
      });
      colleague = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const tasks = (await (
        await fetch(`${server.url}/api/tasks`, { headers: { cookie: colleague } })
      ).json()) as { id: string; name: string }[];
      taskId = tasks.find((t) => t.name === FLAGSHIP)!.id;
      browser = await launchChromium({ width: 1440, height: 900 });
      ({ page, pageErrors, a11y } = await openPage(browser));
      await page.goto(`${server.url}/inventory/tasks/${taskId}`);
      await page.locator('#login-email').waitFor();
      await a11y.check('the sign-in page');
      await page.fill('#login-email', DEMO_EMAIL);
      await page.fill('#login-password', DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/inventory\/tasks\//);
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      console.log(`Screenshots: ${shotsDir}`);
    });

    const details = () => page.locator('#task-details');

    it('refuses a save over a colleague’s newer change and shows what they changed', async () => {
      await details().getByLabel('Minutes each time', { exact: true }).waitFor();
      // The colleague changes the turnaround while the founder edits the minutes.
      await colleagueSaves({ turnaroundHours: 12 });
      await details().getByLabel('Minutes each time', { exact: true }).fill('2000');
      await details().getByRole('button', { name: 'Save changes' }).click();

      const notice = page.locator('.task-conflict');
      await notice.waitFor();
      expect(await notice.textContent()).toContain('Someone else saved this task while you were editing it');
      const changed = await notice.locator('li').allTextContents();
      expect(changed).toEqual([expect.stringMatching(/^Turnaround \(hours\): .+ → 12$/)]);
      // Nothing of the founder's form reached the database; the colleague's change stands.
      const now = await stored();
      expect(now.turnaroundHours).toBe(12);
      expect(now.minutesPerOccurrence).not.toBe(2000);
      await details().scrollIntoViewIfNeeded();
      await shot('01-conflict');
      await a11y.check('the task page with an edit conflict');
    });

    it('loads their version on request, and then saves the founder’s edit on top of it', async () => {
      await page.getByRole('button', { name: 'Load their version' }).click();
      await page.locator('.task-conflict').waitFor({ state: 'detached' });
      await expect.poll(() => details().getByLabel('Turnaround (hours)').inputValue()).toBe('12');
      await details().getByLabel('Minutes each time', { exact: true }).fill('2000');
      await details().getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Saved', { exact: true }).first().waitFor();
      const now = await stored();
      expect(now.minutesPerOccurrence).toBe(2000);
      expect(now.turnaroundHours).toBe(12);
    });

    it('keeps the founder’s edits and saves them over a newer change when asked to', async () => {
      await colleagueSaves({ turnaroundHours: 36 });
      await details().getByLabel('Minutes each time', { exact: true }).fill('2100');
      await details().getByRole('button', { name: 'Save changes' }).click();
      await page.locator('.task-conflict').waitFor();
      await page.getByRole('button', { name: /Keep my edits/ }).click();
      await details().getByRole('button', { name: 'Save changes' }).click();
      await expect.poll(async () => (await stored()).minutesPerOccurrence).toBe(2100);
      // The whole form was saved over theirs, as the founder chose: the turnaround is the form's again.
      expect((await stored()).turnaroundHours).toBe(12);
      expect(pageErrors).toEqual([]);
    });

    it('checked every page and dialog it reached with axe-core', () => {
      a11y.assertAllChecked();
    });
  },
);
