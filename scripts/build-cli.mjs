#!/usr/bin/env node
/**
 * Bundles the CLI and server (src/cli/main.ts) into dist/ with esbuild — npm packages left external,
 * code split at every dynamic import so that a command loads only what it uses. Assets (the word
 * vectors in assets/embeddings/) stay where they are: the code finds them by walking up from its
 * module, from src/ and from dist/ alike. bin/outtask runs the bundle when it is
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
// Swapped into place last, so a running bin/outtask never sees a half-written bundle.
const old = `${dist}.${process.pid}.old`;
if (fs.existsSync(dist)) fs.renameSync(dist, old);
fs.renameSync(staging, dist);
fs.rmSync(old, { recursive: true, force: true });
if (!quiet) console.log(`Built dist/outtask.mjs in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
