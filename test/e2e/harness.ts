/**
 * Browser-test harness: builds the web app if needed, starts the real server (`bin/outtask serve`) on a
 * free port with a temporary data directory and a known demo password, and drives Debian's Chromium
 * through playwright-core.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { DEMO_FIRM } from '../../src/demo/index.ts';
import { auditPages, type PageAudit } from './a11y.ts';

export type { PageAudit } from './a11y.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** The demo owner's login: the server seeds the demo workspace on an empty data directory. */
export const DEMO_EMAIL = DEMO_FIRM.members.find((m) => m.role === 'founder')!.email;
export const DEMO_PASSWORD = 'e2e-demo-password-1';
/** The owner of the workspace `startServer({ empty: true })` starts with (no tasks, no demo). */
export const EMPTY_OWNER = {
  email: 'owner@empty-firm.example',
  name: 'Olivia Owner',
  password: 'e2e-empty-password-1',
  workspace: 'Empty firm',
} as const;

export const chromiumAvailable = (): boolean => fs.existsSync(CHROMIUM_PATH);

/** Builds web/dist when it is missing or older than web/src (a no-op otherwise). */
export function ensureWebBuild(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'ensure-web-build.mjs'), '--quiet'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 180_000,
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  /** What the server printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The server exited with code ${child.exitCode} before it was ready:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The server did not answer ${url}/api/health within ${timeoutMs / 1000} s:\n${output()}`);
}

/**
 * Starts `outtask serve` on a new data directory: by default it seeds the demo workspace; with
 * `empty: true` the data directory first gets an empty workspace through `outtask setup` (EMPTY_OWNER).
 */
export async function startServer(opts: { empty?: boolean } = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    OUTTASK_DATA_DIR: dataDir,
    OUTTASK_DEMO_PASSWORD: DEMO_PASSWORD,
    OUTTASK_LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    // An answer that its route's response schema would trim fails (500) instead: the pages see every field.
    OUTTASK_STRICT_RESPONSES: 'true',
  };
  if (opts.empty) {
    const o = EMPTY_OWNER;
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'bin', 'outtask'),
        'setup',
        '--email',
        o.email,
        '--name',
        o.name,
        '--password',
        o.password,
        '--workspace-name',
        o.workspace,
      ],
      { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'], timeout: 60_000 },
    );
  }
  let out = '';
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'outtask'), 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b: Buffer) => {
    out += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    out += b.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, () => out, 60_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, dataDir, output: () => out, stop };
}

export interface ChromiumSession {
  context: BrowserContext;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Debian's Chromium with a fresh, throw-away profile (a persistent context over a new temp folder). */
export async function launchChromium(viewport = { width: 1440, height: 900 }): Promise<ChromiumSession> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface OpenedPage {
  page: Page;
  /** Uncaught errors of the page's scripts, and CSP violations (a test expects none). */
  pageErrors: string[];
  /**
   * The accessibility audit of this page: `a11y.check(what)` wherever a page or dialog has rendered, and
   * `a11y.assertAllChecked()` at the end (a test of its own), so that every page and dialog a test
   * reaches is checked with axe-core.
   */
  a11y: PageAudit;
}

/** The browser's first tab, recording script errors and the pages and dialogs it reaches. */
export async function openPage(session: ChromiumSession, timeoutMs = 15_000): Promise<OpenedPage> {
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  // The server's Content-Security-Policy must be one the app passes: a violation is a page error.
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) pageErrors.push(`CSP: ${msg.text()}`);
  });
  page.setDefaultTimeout(timeoutMs);
  const a11y = await auditPages(page);
  return { page, pageErrors, a11y };
}

/**
 * Signs in through the sign-in page as a person does: opens `from` (the sign-in page unless told; a
 * page behind sign-in shows it too), checks it with axe, types the login (the demo founder's unless
 * told) and presses Enter. Returns once the app has left the sign-in page; where it lands is the
 * test's to check.
 */
export async function signIn(
  page: Page,
  a11y: PageAudit,
  serverUrl: string,
  opts: { from?: string; email?: string; password?: string } = {},
): Promise<void> {
  await page.goto(`${serverUrl}${opts.from ?? '/login'}`);
  await page.locator('#login-email').waitFor();
  await a11y.check('the sign-in page');
  await page.fill('#login-email', opts.email ?? DEMO_EMAIL);
  await page.fill('#login-password', opts.password ?? DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
