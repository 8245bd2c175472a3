/**
 * Accessibility checks for the browser tests: axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) run
 * inside the page, and a record of what a test visited so that no page or dialog goes unchecked.
 *
 * `const a11y = auditPages(page)` right after the page is made; `await a11y.check('what is on screen')`
 * wherever a page or a dialog has rendered (it fails on any serious or critical violation and names the
 * rule and the elements); `a11y.assertAllChecked()` in `afterAll` fails when the test reached a page
 * (path pattern, ids replaced) or opened a dialog (by its title) that no `check` saw. A new page or
 * dialog a future test visits is therefore checked too, or the test says which one was not.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** The WCAG 2.0/2.1/2.2 A and AA rule tags of axe-core. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] as const;
const FAILING_IMPACTS = new Set(['serious', 'critical']);

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** Runs axe-core on the page as it is now (the open dialog included) and returns every violation. */
export async function runAxe(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  // Evaluated, not added as an inline <script>: the app's CSP (script-src 'self') rightly blocks inline scripts.
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: [...tags] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String).join(' '),
        html: n.html.slice(0, 200),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim().slice(0, 300),
      })),
    }));
  }, WCAG_AA_TAGS);
  return violations;
}

/** One line per rule and an indented line per element: what to fix and where. */
export function describeFindings(findings: AxeFinding[]): string {
  return findings
    .map(
      (f) =>
        `${f.impact} ${f.rule}: ${f.help} (${f.helpUrl})\n` +
        f.nodes.map((n) => `    ${n.target}  ${n.html}\n      ${n.summary}`).join('\n'),
    )
    .join('\n');
}

export function failing(findings: AxeFinding[]): AxeFinding[] {
  return findings.filter((f) => FAILING_IMPACTS.has(f.impact));
}

/** "/inventory/tasks/0193…" → "/inventory/tasks/:id": a page is its route, not one task's copy of it. */
export function pageKey(url: string): string {
  const { protocol, pathname } = new URL(url);
  if (!protocol.startsWith('http')) return protocol; // a test's own page (data:, about:)
  return pathname.replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi, '/:id');
}

export interface PageAudit {
  /**
   * Checks what is on screen now; throws (naming rule and elements) on a serious or critical violation.
   * Lesser ones are printed, not failed.
   */
  check(what: string): Promise<void>;
  /** Throws when a visited page or an opened dialog was never checked. */
  assertAllChecked(): void;
  /** Every check so far: where, and how many violations of each impact (for reports). */
  readonly log: { what: string; page: string; dialog: string | null; findings: AxeFinding[] }[];
}

const openDialogTitle = (page: Page) =>
  page.evaluate(() => {
    const d = [...document.querySelectorAll('dialog[open], [role="dialog"], [role="alertdialog"]')].at(-1);
    if (!d) return null;
    const byId = d.getAttribute('aria-labelledby');
    const title = byId ? document.getElementById(byId)?.textContent : d.getAttribute('aria-label');
    return (title ?? 'an unnamed dialog').trim();
  });

/**
 * Starts recording the pages `page` reaches and the dialogs it opens (a MutationObserver inside the page
 * reports each dialog that opens, through an exposed binding).
 */
export async function auditPages(page: Page): Promise<PageAudit> {
  const visited = new Set<string>();
  const opened = new Set<string>();
  const checkedPages = new Set<string>();
  const checkedDialogs = new Set<string>();
  const log: PageAudit['log'] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url().startsWith('http')) visited.add(pageKey(frame.url()));
  });
  await page.exposeBinding('__outtaskDialogOpened', (_source, title: string) => {
    opened.add(title);
  });
  await page.addInitScript(() => {
    const seen = new WeakSet<Element>();
    const report = () => {
      for (const d of document.querySelectorAll('dialog[open], [role="dialog"], [role="alertdialog"]')) {
        if (seen.has(d)) continue;
        const byId = d.getAttribute('aria-labelledby');
        const title = byId ? document.getElementById(byId)?.textContent : d.getAttribute('aria-label');
        if (!title && !d.querySelector('*')) continue; // not rendered yet
        seen.add(d);
        (window as unknown as { __outtaskDialogOpened(t: string): void }).__outtaskDialogOpened(
          (title ?? 'an unnamed dialog').trim(),
        );
      }
      for (const d of document.querySelectorAll('dialog:not([open])')) seen.delete(d);
    };
    new MutationObserver(report).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['open', 'role'],
    });
  });
  return {
    log,
    async check(what) {
      const key = pageKey(page.url());
      const dialog = await openDialogTitle(page);
      const findings = await runAxe(page);
      log.push({ what, page: key, dialog, findings });
      const bad = failing(findings);
      const minor = findings.filter((f) => !bad.includes(f));
      if (minor.length) console.warn(`axe, ${what} (${key}), not failing:\n${describeFindings(minor)}`);
      if (bad.length) {
        throw new Error(
          `axe-core found ${bad.length} serious or critical WCAG 2.2 A/AA violation(s) on ${what} (${key}${
            dialog ? `, dialog “${dialog}”` : ''
          }):\n${describeFindings(bad)}`,
        );
      }
      checkedPages.add(key);
      if (dialog) checkedDialogs.add(dialog);
    },
    assertAllChecked() {
      const pages = [...visited].filter((p) => !checkedPages.has(p));
      const dialogs = [...opened].filter((d) => !checkedDialogs.has(d));
      if (pages.length || dialogs.length) {
        throw new Error(
          'Reached without an accessibility check (call a11y.check where each renders):' +
            pages.map((p) => `\n  page ${p}`).join('') +
            dialogs.map((d) => `\n  dialog “${d}”`).join(''),
        );
      }
    },
  };
}

/** Where keyboard focus is, and whether the page shows it. */
export interface FocusStop {
  /** Its accessible name, roughly: aria-label, its label's text, or its text. */
  name: string;
  id: string;
  tag: string;
  /** Focus is on no element (the document, or the browser's own controls). */
  body: boolean;
  /** An outline or a focus ring (box-shadow) is drawn on it. */
  indicated: boolean;
  /** Some of it is inside the viewport (a focused element scrolled out of sight is no help). */
  inViewport: boolean;
}

export function focusStop(page: Page): Promise<FocusStop> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) {
      return { name: '', id: '', tag: 'body', body: true, indicated: false, inViewport: false };
    }
    const cs = getComputedStyle(el);
    const outlined = cs.outlineStyle !== 'none' && Number.parseFloat(cs.outlineWidth) > 0;
    const ringed = cs.boxShadow !== 'none' && cs.boxShadow !== '';
    const r = el.getBoundingClientRect();
    const labels = (el as HTMLInputElement).labels;
    const name = (
      el.getAttribute('aria-label') ??
      (labels?.length ? labels[0]!.textContent : null) ??
      el.textContent ??
      ''
    )
      .replace(/\s+/g, ' ')
      .trim();
    return {
      name,
      id: el.id,
      tag: el.tagName.toLowerCase(),
      body: false,
      indicated: outlined || ringed,
      inViewport: r.bottom > 0 && r.right > 0 && r.top < window.innerHeight && r.left < window.innerWidth,
    };
  });
}
