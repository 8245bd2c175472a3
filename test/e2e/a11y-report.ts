/**
 * axe-core (WCAG 2.0–2.2 A/AA) on the sign-in page and every page the navigation reaches, on the demo
 * workspace at 1440×900: prints the violations per page and impact, and the elements of the serious and
 * critical ones. The browser tests fail on those; this is the overview for a review or a report.
 *
 *   node --import tsx test/e2e/a11y-report.ts [--json FILE]
 */
import fs from 'node:fs';
import { type AxeFinding, describeFindings, failing, runAxe } from './a11y.ts';
import {
  chromiumAvailable,
  DEMO_EMAIL,
  DEMO_PASSWORD,
  ensureWebBuild,
  launchChromium,
  startServer,
} from './harness.ts';

const count = (fs: AxeFinding[], impact: string) =>
  fs.filter((f) => f.impact === impact).reduce((n, f) => n + f.nodes.length, 0);

async function main() {
  if (!chromiumAvailable()) throw new Error('/usr/bin/chromium is not installed');
  const jsonAt = process.argv.indexOf('--json');
  ensureWebBuild();
  const server = await startServer();
  const browser = await launchChromium({ width: 1440, height: 900 });
  const rows: { page: string; findings: AxeFinding[] }[] = [];
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/login`);
    await page.locator('#login-email').waitFor();
    rows.push({ page: '/login', findings: await runAxe(page) });
    await page.fill('#login-email', DEMO_EMAIL);
    await page.fill('#login-password', DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/opportunities$/);
    await page.locator('nav.steps a').first().waitFor();
    const paths = await page
      .locator('nav.steps a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    for (const path of paths) {
      await page.goto(`${server.url}${path}`);
      await page.locator('main h1').first().waitFor();
      // Let the page's data arrive (tables, charts) before judging it.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      rows.push({ page: path, findings: await runAxe(page) });
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  for (const { page, findings } of rows) {
    const line = ['critical', 'serious', 'moderate', 'minor']
      .map((i) => `${i} ${count(findings, i)}`)
      .join(', ');
    console.log(`${page.padEnd(24)} elements by impact: ${line}`);
  }
  for (const { page, findings } of rows) {
    const bad = failing(findings);
    if (bad.length) console.log(`\n== ${page}\n${describeFindings(bad)}`);
  }
  if (jsonAt > 0) fs.writeFileSync(process.argv[jsonAt + 1]!, JSON.stringify(rows, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
