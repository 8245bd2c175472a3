/**
 * Does heavy work stall other users? (issue 9, row 6.) The server runs in this process over a fresh
 * SQLite file; a separate process asks `/api/health` every 10 ms and times each answer, while this
 * process runs a 50-interview synthesis and a 200,000-row Toggl import through the app's services
 * (the work a request hands over; the HTTP body parsing is not part of it). Reported: health p50/p99/max
 * and the event loop's max delay (monitorEventLoopDelay), with the CPU work in worker threads ("after")
 * and inline on the main thread as before the pool ("before"). Target: health p99 < 100 ms.
 * Run: node --import tsx bench/event-loop.ts [--interviews N] [--words N] [--rows N]
 * Writes bench/results/event-loop.json.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildHttpApp, openApp } from '../src/main.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createInlinePool, createWorkerPool, setWorkerPool } from '../src/platform/workers/index.ts';
import { formToYaml } from '../src/synthesis/form.ts';
import type { Transcript } from '../src/synthesis/types.ts';
import { aiAdoption, generateCorpus } from './corpus/index.ts';
import { machine, writeResult } from './lib/report.ts';
import { togglCsv } from './lib/toggl-csv.ts';

const { values } = parseArgs({
  options: {
    interviews: { type: 'string', default: '50' },
    words: { type: 'string', default: '9000' },
    rows: { type: 'string', default: '200000' },
  },
});

const PROBE = `
const url = process.argv[1];
const lat = [];
let stop = false;
process.stdin.on('data', () => { stop = true; });
(async () => {
  while (!stop) {
    const t = performance.now();
    try { await fetch(url); } catch {}
    lat.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 10));
  }
  process.stdout.write(JSON.stringify(lat));
  process.exit(0);
})();`;

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
const ms = (x: number) => Math.round(x * 10) / 10;

const corpus = generateCorpus(aiAdoption, {
  interviews: Number(values.interviews),
  targetWords: Number(values.words),
  seed: 4242,
});
const files = corpus.transcripts.map((t) => ({ file: `${t.id}.vtt`, bytes: Buffer.from(toVtt(t)) }));
const formYaml = formToYaml(corpus.form);
const csv = Buffer.from(togglCsv(Number(values.rows)));
console.log(
  `inputs: ${files.length} transcripts (${(files.reduce((n, f) => n + f.bytes.length, 0) / 1e6).toFixed(1)} MB), import ${(csv.length / 1e6).toFixed(1)} MB`,
);

async function measure(mode: 'inline' | 'workers') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-bench-loop-'));
  const pool = mode === 'workers' ? createWorkerPool() : createInlinePool();
  setWorkerPool(pool);
  const config = loadConfig({ OUTTASK_DATA_DIR: dir, OUTTASK_IMPORT_MAX_MB: '500' });
  const app = await openApp(config);
  const http = await buildHttpApp(app, { web: false });
  const url = await http.listen({ port: 0, host: '127.0.0.1' });
  const workspace = await app.accounts.createWorkspace({ name: 'Bench', currency: 'USD' });
  const actor = { workspace, userId: null };
  // Warm: the worker threads (and the synthesis library) loaded before the clock starts, in both modes.
  await app.interviews.synthesize(actor, { form: { yaml: formYaml }, files: files.slice(0, 2) });

  const probe = spawn(process.execPath, ['-e', PROBE, `${url}/api/health`], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  probe.stdout.on('data', (b: Buffer) => {
    out += b.toString();
  });
  const done = new Promise<void>((r) => probe.on('exit', () => r()));
  await new Promise((r) => setTimeout(r, 500));
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t0 = performance.now();
  const [synth, imported] = await Promise.all([
    app.interviews.synthesize(actor, { form: { yaml: formYaml }, files }),
    app.inventory.importFile(actor, { file: 'toggl.csv', bytes: csv, skipInvalid: true }),
  ]);
  const seconds = (performance.now() - t0) / 1000;
  loop.disable();
  probe.stdin.write('stop\n');
  await done;
  const lat = JSON.parse(out) as number[];
  await http.close();
  await pool.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const r = {
    mode,
    seconds: Math.round(seconds * 10) / 10,
    healthRequests: lat.length,
    healthP50Ms: ms(pct(lat, 50)),
    healthP99Ms: ms(pct(lat, 99)),
    healthMaxMs: ms(Math.max(...lat)),
    eventLoopMaxDelayMs: ms(loop.max / 1e6),
    eventLoopP99DelayMs: ms(loop.percentile(99) / 1e6),
    synthesisSlides: synth.report.slideCount,
    importedEntries: imported.timeEntries.imported,
  };
  console.log(JSON.stringify(r));
  return r;
}

const before = await measure('inline');
const after = await measure('workers');
const file = writeResult('event-loop', {
  machine: machine(),
  inputs: {
    interviews: files.length,
    transcriptMB: Math.round(files.reduce((n, f) => n + f.bytes.length, 0) / 1e5) / 10,
    importRows: Number(values.rows),
    importMB: Math.round(csv.length / 1e5) / 10,
  },
  before,
  after,
  targetHealthP99Ms: 100,
  met: after.healthP99Ms < 100,
});
console.log(`wrote ${file}`);
process.exit(0);
