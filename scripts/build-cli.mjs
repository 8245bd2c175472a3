#!/usr/bin/env node
/**
 * Bundles the CLI and server (src/cli/main.ts) into dist/ with esbuild — npm packages left external,
 * code split at every dynamic import so that a command loads only what it uses — and copies the
 * assets the code reads next to its module (the word vectors). bin/outtask runs the bundle when it is
 * newer than every source file, else the TypeScript sources through tsx: the bundle starts several
 * times faster, because tsx's loader hooks cost most of a cold start.
 *
 *   node scripts/build-cli.mjs [--quiet]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const staging = path.join(root, `dist.${process.pid}.tmp`);
const quiet = process.argv.includes('--quiet');
const started = performance.now();

fs.rmSync(staging, { recursive: true, force: true });
await build({
  entryPoints: { outtask: path.join(root, 'src', 'cli', 'main.ts') },
  outdir: staging,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
const embeddings = path.join(root, 'src', 'synthesis', 'embeddings');
for (const file of fs.readdirSync(embeddings)) {
  if (!file.endsWith('.bin')) continue;
  // Modules that read them may land in dist/ or dist/chunks/: put a copy (hard link) in both.
  for (const dir of [staging, path.join(staging, 'chunks')]) {
    fs.mkdirSync(dir, { recursive: true });
    fs.linkSync(path.join(embeddings, file), path.join(dir, file));
  }
}
// Swapped into place last, so a running bin/outtask never sees a half-written bundle.
const old = `${dist}.${process.pid}.old`;
if (fs.existsSync(dist)) fs.renameSync(dist, old);
fs.renameSync(staging, dist);
fs.rmSync(old, { recursive: true, force: true });
if (!quiet) console.log(`Built dist/outtask.mjs in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
