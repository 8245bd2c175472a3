#!/usr/bin/env node
// npm run test:fuzz: every test file with fast-check properties, each property with a new random seed
// and 1,000 runs (test/setup/fast-check-settings.ts). A failure prints its seed: replay it with
// FC_SEED=<seed> FC_PATH=<path> npx vitest run <file>.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const files = [];
function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.test.ts') && readFileSync(p, 'utf8').includes("from 'fast-check'")) {
      files.push(path.relative(root, p));
    }
  }
}
for (const d of ['src', 'test', 'bench', 'web/src']) walk(path.join(root, d));
const r = spawnSync('npx', ['vitest', 'run', ...files, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, OUTTASK_FUZZ: '1' },
});
process.exit(r.status ?? 1);
