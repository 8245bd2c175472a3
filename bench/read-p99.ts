/**
 * Reads while a synthesis runs: p50/p99 of GET /api/jobs (4 connections, autocannon) idle, then while a
 * 50-interview synthesis job runs in the worker embedded in the same process (SQLite, `npm start`'s shape).
 * Run: node --import tsx bench/read-p99.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { stringify } from 'yaml';
import { buildHttpApp, openApp, startJobWorker } from '../src/main.ts';
import { loadConfig } from '../src/platform/config.ts';
import { aWorkspaceWithOwner } from '../test/factories/accounts.ts';
import { aiAdoption, generateCorpus } from './corpus/index.ts';
import { toHeadingText } from './corpus/write.ts';
import { writeResult } from './lib/report.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-read-p99-'));
const app = await openApp(loadConfig({ OUTTASK_DATA_DIR: dir }));
const owner = await aWorkspaceWithOwner(app);
const http = await buildHttpApp(app, { web: false });
await http.listen({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${(http.server.address() as { port: number }).port}`;
const login = await fetch(`${url}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: owner.email, password: owner.password }),
});
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const corpus = generateCorpus(aiAdoption, { seed: aiAdoption.seed, interviews: 50 });
const body = JSON.stringify({
  formYaml: stringify(corpus.form),
  files: corpus.transcripts.map((t) => ({
    name: `${t.id}.txt`,
    contentBase64: Buffer.from(toHeadingText(t)).toString('base64'),
  })),
});
const load = (seconds: number) =>
  autocannon({ url: `${url}/api/jobs`, headers: { cookie }, connections: 4, duration: seconds });
const figures = (r: autocannon.Result) => ({
  p50Ms: r.latency.p50,
  p99Ms: r.latency.p99,
  maxMs: r.latency.max,
  requestsPerSecond: r.requests.average,
});

const idle = await load(5);
const worker = await startJobWorker(app);
const started = await fetch(`${url}/api/interviews/synthesis`, {
  method: 'POST',
  headers: { cookie, 'content-type': 'application/json' },
  body,
});
const { job } = (await started.json()) as { job: { id: string } };
const during = await load(8);
const finished = await app.jobs.queue.get(job.id);
const result = {
  endpoint: 'GET /api/jobs',
  interviews: corpus.transcripts.length,
  idle: figures(idle),
  duringSynthesis: {
    ...figures(during),
    jobStatusAfter: finished?.status,
    jobStartedAt: finished?.startedAt,
    jobFinishedAt: finished?.finishedAt,
  },
};
console.log(JSON.stringify(result, null, 2));
console.log(`written to ${writeResult('read-p99', result)}`);
await worker.stop();
await http.close();
await app.close();
fs.rmSync(dir, { recursive: true, force: true });
