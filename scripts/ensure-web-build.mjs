#!/usr/bin/env node
/**
 * Builds the web app (web/dist) when it is missing or older than its sources; a fast no-op otherwise.
 * `npm start` and the browser tests run it before serving. Exit code 1 when the build fails or cannot run.
 *
 *   node scripts/ensure-web-build.mjs [--force] [--quiet]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webDir = path.join(root, 'web');
const builtIndex = path.join(webDir, 'dist', 'index.html');
// Inside node_modules so it is never committed.
const lockFile = path.join(root, 'node_modules', '.cache', 'outtask-web-build.lock');
const args = new Set(process.argv.slice(2));
const quiet = args.has('--quiet');
const log = (msg) => {
  if (!quiet) console.log(msg);
};

/** Newest modification time (ms) among the files that make up the web app. */
function newestSourceTime() {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    } else if (st.mtimeMs > newest) {
      newest = st.mtimeMs;
    }
  };
  for (const p of ['index.html', 'vite.config.ts', 'src', 'public']) visit(path.join(webDir, p));
  return newest;
}

function builtTime() {
  try {
    return fs.statSync(builtIndex).mtimeMs;
  } catch {
    return null;
  }
}

function isUpToDate() {
  const built = builtTime();
  return built !== null && built >= newestSourceTime();
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** One build at a time: a second caller waits for the first and then finds the build fresh. */
async function withLock(fn) {
  const deadline = Date.now() + 5 * 60_000;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  for (;;) {
    try {
      const fd = fs.openSync(lockFile, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      // A lock left behind by a killed build is stale after two minutes.
      const age = Date.now() - (fs.statSync(lockFile, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) fs.rmSync(lockFile, { force: true });
      else if (Date.now() > deadline)
        throw new Error(`Another web build holds ${lockFile}; remove it if stale`);
      else await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

async function main() {
  if (!args.has('--force') && isUpToDate()) return 0;
  // A build for serving, whatever the caller's NODE_ENV (vitest sets "test", which would give React's
  // development build: several times slower).
  process.env.NODE_ENV = 'production';
  let vite;
  try {
    vite = await import('vite');
  } catch {
    console.error(
      builtTime() === null
        ? 'The web app is not built (web/dist is missing) and vite is not installed. Run `npm install` (with dev dependencies) and try again.'
        : 'web/dist is older than web/src but vite is not installed; serving the existing build.',
    );
    return builtTime() === null ? 1 : 0;
  }
  return withLock(async () => {
    if (!args.has('--force') && isUpToDate()) return 0;
    log('Building the web app (web/dist)…');
    const started = Date.now();
    await vite.build({
      configFile: path.join(webDir, 'vite.config.ts'),
      mode: 'production',
      logLevel: quiet ? 'error' : 'warn',
    });
    log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  });
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`Building the web app failed: ${err?.message ?? err}`);
    process.exit(1);
  },
);
