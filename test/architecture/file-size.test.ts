/**
 * Small modules (../shared/ARCHITECTURE.md): a shipped source file over LONG_FILE lines says at its top
 * why it is kept whole ("Kept in one file: …", in its opening comment), or is split. A newcomer copies
 * the shapes they find; a long file without a reason invites the next one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSources, ROOT } from './import-graph.ts';

/** ~400 lines: past this a file says why it is not split. */
const LONG_FILE = 400;
const REASON = /Kept in one file: \w/;

/**
 * Long files being split or folded by work under way (issue 7), on the terms of imports.test.ts's
 * PENDING: the list only shrinks, and an entry that is no longer long fails the test.
 */
const PENDING = ['src/outtaskers/outtaskers.routes.ts'];

/** The opening comment of a file: every line up to the first one that is not a comment. */
function openingComment(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const t = line.trim();
    if (!(t.startsWith('/*') || t.startsWith('*') || t.startsWith('//'))) break;
    out.push(t.replace(/^(\/\*\*?|\*\/|\*|\/\/)\s*/, '').replace(/\*\/$/, ''));
  }
  return out.join(' ');
}

/** Files longer than LONG_FILE lines whose opening comment gives no reason, with their length. */
function unexplainedLongFiles(files: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > LONG_FILE && !REASON.test(openingComment(text))) out.push(`${file} (${lines} lines)`);
  }
  return out;
}

describe('file size', () => {
  it('has no long source file without a reason at its top', () => {
    const files = [...listSources(ROOT, 'src'), ...listSources(ROOT, 'web/src')];
    expect(files.length).toBeGreaterThan(300);
    const texts = new Map(files.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));
    const found = unexplainedLongFiles(texts);
    expect(found.filter((f) => !PENDING.some((p) => f.startsWith(`${p} `)))).toEqual([]);
    expect(
      PENDING.filter((p) => !found.some((f) => f.startsWith(`${p} `))),
      'split or explained: strike these off PENDING',
    ).toEqual([]);
  });

  it('finds a planted long file, and takes the reason only from the opening comment', () => {
    const body = 'export const x = 1;\n'.repeat(LONG_FILE + 1);
    const reason = '/**\n * A thing.\n *\n * Kept in one file: one reader of one layout.\n */\n';
    expect(
      unexplainedLongFiles(
        new Map([
          ['src/a/short.ts', 'export const x = 1;\n'],
          ['src/a/long.ts', body],
          ['src/a/explained.ts', reason + body],
          ['src/a/late.ts', `${body}// Kept in one file: said too late.\n`],
          ['src/a/empty-reason.ts', `/** Kept in one file: */\n${body}`],
        ]),
      ),
    ).toEqual([
      `src/a/long.ts (${LONG_FILE + 1} lines)`,
      `src/a/late.ts (${LONG_FILE + 2} lines)`,
      `src/a/empty-reason.ts (${LONG_FILE + 2} lines)`,
    ]);
  });
});
