/**
 * Does heavy work stall other users? (issue 9 row 6, issue 10's read p99.) A real server
 * (`outtask serve`, its embedded job worker on) runs in a child process over a fresh database; a
 * probe process asks `GET /api/health` (no database) and `GET /api/jobs` (a signed-in read) every
 * 10 ms and times each answer — first idle, then while a 50-interview synthesis (50 × ~200 KB
 * WebVTT, posted as the app posts it) and a 200,000-row Toggl import (the raw CSV posted to
 * /api/imports) run at once. Reported per database: health and read p50/p99/max idle and loaded,
 * the loaded/idle ratio (the machine is shared: compare within one run), the read p99 while only
 * the synthesis still runs, and the load average. Target: health p99 < 100 ms while loaded.
 *
 * Run: node --import tsx bench/event-loop.ts [--interviews 50] [--words 30000] [--rows 200000]
 *        [--db sqlite,postgres] [--root <a checkout to serve, e.g. an older commit's>] [--out event-loop]
 * PostgreSQL is measured when TEST_DATABASE_URL is set (a database per run is created and dropped).
 * Writes bench/results/<out>.json.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { formToYaml } from '../src/synthesis/form.ts';
import type { Transcript } from '../src/synthesis/types.ts';
import { aiAdoption, generateCorpus } from './corpus/index.ts';
import { writeResult } from './lib/report.ts';
import { togglCsv } from './lib/toggl-csv.ts';

const { values } = parseArgs({
  options: {
    interviews: { type: 'string', default: '50' },
    words: { type: 'string', default: '30000' },
    rows: { type: 'string', default: '200000' },
    db: { type: 'string' },
    root: { type: 'string', default: path.resolve(import.meta.dirname, '..') },
    out: { type: 'string', default: 'event-loop' },
    /** Write a CPU profile of the server's main thread into this folder (to find what blocks). */
    profile: { type: 'string' },
  },
});
const root = path.resolve(values.root);
const pgUrl = process.env.TEST_DATABASE_URL;
const databases = (values.db ?? (pgUrl ? 'sqlite,postgres' : 'sqlite')).split(',') as (
  | 'sqlite'
  | 'postgres'
)[];

// The probe: two loops, each a request then 10 ms, recording [start offset ms, latency ms].
const PROBE = `
const [base, cookie] = process.argv.slice(1);
const t0 = Date.now();
let stop = false;
process.stdin.on('data', () => { stop = true; });
async function loop(path, headers) {
  const out = [];
  while (!stop) {
    const s = performance.now();
    try { const r = await fetch(base + path, { headers }); await r.arrayBuffer(); } catch {}
    out.push([Date.now() - t0, performance.now() - s]);
    await new Promise((r) => setTimeout(r, 10));
  }
  return out;
}
Promise.all([loop('/api/health', {}), loop('/api/jobs', { cookie })]).then(([health, read]) => {
  process.stdout.write(JSON.stringify({ t0, health, read }));
  process.exit(0);
});`;

const vttTime = (s: number) => new Date(s * 1000).toISOString().slice(11, 23);
function toVtt(t: Transcript): string {
  const out = ['WEBVTT', ''];
  let clock = 0;
  t.turns.forEach((turn, i) => {
    const start = turn.start ?? clock;
    const end = turn.end ?? start + turn.text.split(/\s+/).length / 2.5;
    clock = end + 0.4;
    const text = turn.text.replace(/[<>&]/g, ' ').replace(/-->/g, '—');
    out.push(String(i + 1), `${vttTime(start)} --> ${vttTime(Math.max(end, start + 0.5))}`);
    out.push(turn.speaker ? `<v ${turn.speaker.replace(/[<>&]/g, ' ')}>${text}` : text, '');
  });
  return out.join('\n');
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const figures = (lat: number[]) => ({
  n: lat.length,
  p50Ms: r1(pct(lat, 50)),
  p99Ms: r1(pct(lat, 99)),
  maxMs: r1(lat.length ? Math.max(...lat) : 0),
});
const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

const corpus = generateCorpus(aiAdoption, {
  interviews: Number(values.interviews),
  targetWords: Number(values.words),
  seed: 4242,
});
const synthesisBody = JSON.stringify({
  formYaml: formToYaml(corpus.form),
  files: corpus.transcripts.map((t) => ({
    name: `${t.id}.vtt`,
    contentBase64: Buffer.from(toVtt(t)).toString('base64'),
  })),
  engagement: 'Bench',
});
const transcriptBytes = corpus.transcripts.reduce((n, t) => n + Buffer.byteLength(toVtt(t)), 0);
const csv = Buffer.from(togglCsv(Number(values.rows)));
console.log(
  `inputs: ${corpus.transcripts.length} transcripts (${(transcriptBytes / 1e6).toFixed(1)} MB), import ${values.rows} rows (${(csv.length / 1e6).toFixed(1)} MB); serving ${root}`,
);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} never answered`);
}

async function measure(db: 'sqlite' | 'postgres') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-bench-loop-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OUTTASK_DATA_DIR: dir,
    OUTTASK_IMPORT_MAX_MB: '500',
    OUTTASK_FROM_SOURCE: '1',
    OUTTASK_LOG_LEVEL: 'warn',
    BENCH_LOOP_FILE: path.join(dir, 'loop.json'),
    NODE_OPTIONS: `--import=${path.join(import.meta.dirname, 'lib', 'loop-monitor.mjs')}`,
  };
  delete env.DATABASE_URL;
  let dropDb: (() => Promise<void>) | undefined;
  if (db === 'postgres') {
    if (!pgUrl) throw new Error('PostgreSQL needs TEST_DATABASE_URL');
    const name = `bench_loop_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(pgUrl);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
    dropDb = async () => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const cli = path.join(root, 'bin', 'outtask');
  const email = 'bench@firm.example';
  const password = 'bench-password-1';
  const setup = spawnSync(
    process.execPath,
    [cli, 'setup', '--email', email, '--name', 'Bench', '--password', password, '--workspace-name', 'Bench'],
    { env: { ...env, NODE_OPTIONS: process.env.NODE_OPTIONS ?? '' }, encoding: 'utf8' },
  );
  if (setup.status !== 0) throw new Error(`outtask setup failed: ${setup.stderr}`);
  const port = await freePort();
  const profile = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values.profile)}`] : [];
  const server = spawn(process.execPath, [...profile, cli, 'serve', '--port', String(port)], {
    env: { ...env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${env.NODE_OPTIONS}`.trim() },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise((r) => server.once('exit', r));
  const stopServer = async () => {
    server.kill('SIGTERM');
    await exited;
  };
  try {
    await waitFor(`${base}/api/health`, server);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

    const probe = spawn(process.execPath, ['-e', PROBE, base, cookie], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    probe.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
    });
    const probed = new Promise<void>((r) => probe.on('exit', () => r()));
    const since = Date.now();
    await new Promise((r) => setTimeout(r, 5000));
    const loadBefore = load();
    const t0 = Date.now();
    const importDone = fetch(`${base}/api/imports?file=toggl.csv&skipInvalid=true`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/csv' },
      body: csv,
    }).then(async (r) => {
      const body = (await r.json()) as { timeEntries?: { imported: number }; message?: string };
      if (!r.ok) throw new Error(`import: ${r.status} ${body.message}`);
      return { at: Date.now(), imported: body.timeEntries!.imported };
    });
    const started = await fetch(`${base}/api/interviews/synthesis`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: synthesisBody,
    });
    if (started.status !== 202) throw new Error(`synthesis: ${started.status} ${await started.text()}`);
    const { job } = (await started.json()) as { job: { id: string } };
    const imported = await importDone;
    let status = '';
    let slides = 0;
    while (!['succeeded', 'failed', 'cancelled'].includes(status)) {
      await new Promise((r) => setTimeout(r, 250));
      const j = (await (await fetch(`${base}/api/jobs/${job.id}`, { headers: { cookie } })).json()) as {
        status: string;
        result?: { slides?: number };
        error?: unknown;
      };
      status = j.status;
      slides = j.result?.slides ?? 0;
      if (status === 'failed') throw new Error(`the synthesis job failed: ${JSON.stringify(j.error)}`);
    }
    const synthesisAt = Date.now();
    const loadAfter = load();
    probe.stdin!.write('stop\n');
    await probed;
    const p = JSON.parse(out) as { t0: number; health: [number, number][]; read: [number, number][] };
    await stopServer();
    // The server's own event-loop delay, by epoch time (bench/lib/loop-monitor.mjs).
    const loop = JSON.parse(fs.readFileSync(env.BENCH_LOOP_FILE!, 'utf8')) as [number, number][];
    const delay = (from: number, to: number) =>
      figures(loop.filter(([t]) => t >= from && t < to).map(([, d]) => Math.max(0, d)));
    const at = (ms: number) => ms - p.t0;
    const within = (xs: [number, number][], from: number, to: number) =>
      xs.filter(([s]) => s >= at(from) && s < at(to)).map(([, l]) => l);
    const idleHealth = figures(within(p.health, since, t0));
    const idleRead = figures(within(p.read, since, t0));
    const loadedHealth = figures(within(p.health, t0, synthesisAt));
    const r = {
      database: db,
      loadAverage: { before: loadBefore, after: loadAfter },
      importSeconds: r1((imported.at - t0) / 1000),
      synthesisSeconds: r1((synthesisAt - t0) / 1000),
      importedEntries: imported.imported,
      synthesisSlides: slides,
      idle: { health: idleHealth, read: idleRead, eventLoopDelay: delay(since, t0) },
      loaded: {
        health: loadedHealth,
        read: figures(within(p.read, t0, synthesisAt)),
        eventLoopDelay: delay(t0, synthesisAt),
      },
      duringImport: {
        health: figures(within(p.health, t0, imported.at)),
        read: figures(within(p.read, t0, imported.at)),
        eventLoopDelay: delay(t0, imported.at),
      },
      synthesisAlone: {
        health: figures(within(p.health, imported.at, synthesisAt)),
        read: figures(within(p.read, imported.at, synthesisAt)),
        eventLoopDelay: delay(imported.at, synthesisAt),
      },
      healthP99LoadedOverIdle: r1(loadedHealth.p99Ms / Math.max(1, idleHealth.p99Ms)),
      met: loadedHealth.p99Ms < 100,
    };
    console.log(JSON.stringify(r));
    return r;
  } finally {
    await stopServer();
    await dropDb?.();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const runs = [];
for (const db of databases) runs.push(await measure(db));
const file = writeResult(values.out, {
  served: root === path.resolve(import.meta.dirname, '..') ? 'this checkout' : root,
  inputs: {
    interviews: corpus.transcripts.length,
    transcriptMB: r1(transcriptBytes / 1e6),
    importRows: Number(values.rows),
    importMB: r1(csv.length / 1e6),
  },
  targetHealthP99Ms: 100,
  runs,
});
console.log(`wrote ${file}`);
process.exit(0);
