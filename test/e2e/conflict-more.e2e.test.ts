/**
 * Edit conflicts beyond tasks (issue 9, row 5), in a real browser against the real server: while the
 * founder edits a member, the economics settings and a procedure draft, a colleague saves a change to
 * each through the API. Each save of the founder's is refused (If-Match → 412 STALE_WRITE) instead of
 * silently undoing the colleague's; the page says what they changed and offers to load their version
 * or to save over it, and either way nothing the colleague saved is lost unless the founder chose so.
 *
 * Needs Debian's Chromium at /usr/bin/chromium; skipped (saying so) when it is not installed.
 */
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
    ? 'edit conflicts on members, settings and drafts in Chromium'
    : `edit conflicts on members, settings and drafts (skipped: ${CHROMIUM_PATH} is not installed)`,
  () => {
    let server: RunningServer;
    let browser: ChromiumSession;
    let page: Page;
    let pageErrors: string[];
    let a11y: PageAudit;
    let colleague: string;

    /** The colleague: a second session of their own, writing through the API. */
    const colleagueCalls = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${server.url}/api${path}`, {
        method,
        headers: { cookie: colleague, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(res.status, `${method} ${path}`).toBeLessThan(300);
      return res.json() as Promise<Record<string, unknown>>;
    };
    const notice = () => page.locator('.conflict-banner');

    beforeAll(async () => {
      ensureWebBuild();
      server = await startServer();
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEMO_EMAIL, password: DEMO_PASSWORD }),
      });
      colleague = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      browser = await launchChromium({ width: 1440, height: 900 });
      ({ page, pageErrors, a11y } = await openPage(browser));
      await page.goto(`${server.url}/team`);
      await page.locator('#login-email').waitFor();
      await a11y.check('the sign-in page');
      await page.fill('#login-email', DEMO_EMAIL);
      await page.fill('#login-password', DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/team/);
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('a member: refused over a colleague’s change, shows it, loads it, then saves on top', async () => {
      const members = (await colleagueCalls('GET', '/members')) as unknown as { id: string; name: string }[];
      const member = members.find((m) => m.name !== 'x')!;
      await page.getByRole('button', { name: `Change ${member.name}` }).click();
      const form = page.locator('.member-form');
      await form.getByLabel('Capacity (hours a year)').fill('1234');
      await colleagueCalls('PATCH', `/members/${member.id}`, { title: 'Head of research' });
      await form.getByRole('button', { name: 'Save', exact: true }).click();
      await notice().waitFor();
      expect(await notice().textContent()).toContain(
        'Someone else saved this member while you were editing it',
      );
      expect(await notice().locator('li').allTextContents()).toEqual([
        expect.stringMatching(/^Title: .* → Head of research$/),
      ]);
      await a11y.check('the team page with a member edit conflict');
      const now = () =>
        colleagueCalls('GET', '/members') as unknown as Promise<
          { id: string; title: string; yearlyCapacityHours: number }[]
        >;
      expect((await now()).find((m) => m.id === member.id)!.title).toBe('Head of research');

      await page.getByRole('button', { name: 'Load their version' }).click();
      await notice().waitFor({ state: 'detached' });
      expect(await form.getByLabel('Title').inputValue()).toBe('Head of research');
      await form.getByLabel('Capacity (hours a year)').fill('1234');
      await form.getByRole('button', { name: 'Save', exact: true }).click();
      await expect
        .poll(async () => (await now()).find((m) => m.id === member.id)!.yearlyCapacityHours)
        .toBe(1234);
      expect((await now()).find((m) => m.id === member.id)!.title).toBe('Head of research');
    });

    it('the settings: refused over a colleague’s change; the owner keeps theirs and saves over it', async () => {
      const card = page.locator('form[aria-labelledby="settings-title"]');
      await card.getByLabel('Review share (%)').fill('25');
      await colleagueCalls('PATCH', '/settings/economics', { platformFeeBps: 1500 });
      await card.getByRole('button', { name: 'Save settings' }).click();
      await notice().waitFor();
      expect(await notice().locator('li').allTextContents()).toEqual([
        expect.stringMatching(/^Marketplace platform fee: .+ → 15%$/),
      ]);
      await a11y.check('the settings with an edit conflict');
      expect((await colleagueCalls('GET', '/settings/economics')).platformFeeBps).toBe(1500);
      await page.getByRole('button', { name: /Keep my edits/ }).click();
      await card.getByRole('button', { name: 'Save settings' }).click();
      await expect
        .poll(async () => (await colleagueCalls('GET', '/settings/economics')).defaultReviewShare)
        .toBe(0.25);
    });

    it('a draft: a purpose saved over a colleague’s new step is refused, then saved on top, the step kept', async () => {
      const tasks = (await colleagueCalls('GET', '/tasks')) as unknown as { id: string; name: string }[];
      const taskId = tasks.find((t) => t.name === FLAGSHIP)!.id;
      const overview = await colleagueCalls('GET', `/procedures/tasks/${taskId}`);
      const draftId =
        (overview.draftVersionId as string | null) ??
        ((await colleagueCalls('POST', `/procedures/tasks/${taskId}/versions`, {})).id as string);
      await page.goto(`${server.url}/procedures/tasks/${taskId}?tab=procedure`);
      const purpose = page.getByLabel('Purpose');
      await purpose.waitFor();
      await purpose.fill('Why this deck exists, for the out-tasker');
      await colleagueCalls('POST', `/procedures/versions/${draftId}/steps`, {
        name: 'Check the quotes against the recordings',
        performer: { kind: 'outtasker' },
        minutes: 20,
      });
      await page.getByRole('button', { name: 'Save purpose and turnaround' }).click();
      await notice().waitFor();
      expect(await notice().textContent()).toContain(
        'Someone else saved this draft while you were editing it',
      );
      expect(await notice().locator('li').allTextContents()).toEqual([
        expect.stringMatching(/^Steps: .*Check the quotes against the recordings \(20 min\)$/),
      ]);
      await a11y.check('the procedure with an edit conflict');
      await page.getByRole('button', { name: /Keep my edits/ }).click();
      await notice().waitFor({ state: 'detached' });
      const stored = async () =>
        (await colleagueCalls('GET', `/procedures/versions/${draftId}`)).version as {
          purpose: string;
          steps: { name: string }[];
        };
      await expect
        .poll(async () => (await stored()).purpose)
        .toBe('Why this deck exists, for the out-tasker');
      expect((await stored()).steps.map((s) => s.name)).toContain('Check the quotes against the recordings');
      expect(pageErrors).toEqual([]);
    });

    it('checked every page and dialog it reached with axe-core', () => {
      a11y.assertAllChecked();
    });
  },
);
