/**
 * The migration list is append-only and numbered. Helpers working in parallel have landed two
 * migrations with one number; this test refuses that, and a listed name that is not its file's.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrations } from './migrations/index.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const files = readdirSync(dir)
  .filter((f) => /^\d{4}_.+\.ts$/.test(f) && !f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.ts$/, ''));
const names = Object.keys(migrations);

describe('migration list', () => {
  it('gives every migration its own number', () => {
    const byNumber = new Map<string, string[]>();
    for (const name of [...names, ...files]) {
      const n = name.slice(0, 4);
      const seen = byNumber.get(n) ?? [];
      if (!seen.includes(name)) seen.push(name);
      byNumber.set(n, seen);
    }
    const clashes = [...byNumber.entries()].filter(([, list]) => list.length > 1);
    expect(clashes, `two migrations share a number: ${JSON.stringify(clashes)}`).toEqual([]);
  });

  it('lists every migration file, by its file name, in number order', () => {
    expect([...names].sort()).toEqual([...files].sort());
    expect(names).toEqual([...names].sort());
  });
});
