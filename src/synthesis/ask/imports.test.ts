import { readdirSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

// The ask folder's own import graph (type-only imports included: they tie files together too).
function graph(dir: string): Map<string, string[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const edges = new Map<string, string[]>();
  for (const f of files) {
    const src = readFileSync(join(dir, f), 'utf8');
    const targets = [...src.matchAll(/\bfrom\s+'(\.\/[^']+)'/g)].map((m) => normalize(m[1]!));
    const local = targets.filter((t) => files.includes(t));
    edges.set(f, local);
  }
  return edges;
}

function cycles(edges: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const walk = (node: string, path: string[]) => {
    for (const next of edges.get(node) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) found.push([...path.slice(at), next]);
      else walk(next, [...path, next]);
    }
  };
  for (const f of edges.keys()) walk(f, [f]);
  return found;
}

describe('synthesis/ask imports', () => {
  it('has no import cycle among its files', () => {
    expect(cycles(graph(import.meta.dirname)).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const g = new Map([
      ['compose.ts', ['index.ts']],
      ['index.ts', ['compose.ts']],
    ]);
    expect(cycles(g).length).toBeGreaterThan(0);
  });
});
