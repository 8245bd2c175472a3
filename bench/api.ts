/**
 * API under load: GET /api/opportunities (the demo workspace, signed in) with 50 concurrent
 * connections on loopback, next to a bare Fastify route in the same run. Each server runs in its
 * own process; the load generator (autocannon) in this one.
 * Run: node --import tsx bench/api.ts [--seconds 10] [--connections 50]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { writeResult } from './lib/report.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } },
});
const ROOT = path.resolve(import.meta.dirname, '..');
const PASSWORD = 'bench-password-1';

function start(
  cmd: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ child: ChildProcess; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (ready.test(out)) resolve({ child, out });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`${cmd} exited with ${code}: ${out}`)));
  });
}

async function load(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({
    url,
    headers,
    connections: Number(values.connections),
    duration: Number(values.seconds),
  });
  return {
    requestsPerSecond: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    non2xx: r.non2xx,
    errors: r.errors,
    requests: r.requests.total,
  };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-api-bench-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  const outtask = await start(
    process.execPath,
    ['bin/outtask', 'serve', '--port', String(port)],
    { OUTTASK_DATA_DIR: dir, OUTTASK_DEMO_PASSWORD: PASSWORD, OUTTASK_LOG_LEVEL: 'warn', HOST: '127.0.0.1' },
    /Outtask is running/,
  );
  const bare = await start(
    process.execPath,
    ['--import', 'tsx', 'bench/bare-server.ts', '0'],
    {},
    /listening \d+/,
  );
  const barePort = Number(/listening (\d+)/.exec(bare.out)![1]);
  try {
    const email = /as (\S+@\S+)/.exec(outtask.out)![1]!;
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const sample = await fetch(`http://127.0.0.1:${port}/api/opportunities`, { headers: { cookie } });
    const body = await sample.text();
    if (sample.status !== 200) throw new Error(`opportunities answered ${sample.status}: ${body}`);
    // Warm both servers, then measure them one after the other.
    await load(`http://127.0.0.1:${barePort}/bare`);
    const bareResult = await load(`http://127.0.0.1:${barePort}/bare`);
    await load(`http://127.0.0.1:${port}/api/opportunities`, { cookie });
    const api = await load(`http://127.0.0.1:${port}/api/opportunities`, { cookie });
    // What a browser does: ask for gzip, and revalidate the copy it holds by its ETag.
    const gzip = await load(`http://127.0.0.1:${port}/api/opportunities`, {
      cookie,
      'accept-encoding': 'gzip',
    });
    const etag = sample.headers.get('etag') ?? '';
    const revalidate = await load(`http://127.0.0.1:${port}/api/opportunities`, {
      cookie,
      'if-none-match': etag,
    });
    const result = {
      connections: Number(values.connections),
      seconds: Number(values.seconds),
      opportunities: {
        ...api,
        responseBytes: body.length,
        tasks: (JSON.parse(body) as { opportunities: unknown[] }).opportunities.length,
      },
      opportunitiesGzip: gzip,
      opportunitiesRevalidated304: revalidate,
      bareFastify: bareResult,
      ratio: Math.round((api.requestsPerSecond / bareResult.requestsPerSecond) * 1000) / 1000,
    };
    const file = writeResult('api', result);
    console.log(JSON.stringify(result, null, 2));
    console.log(`written to ${file}`);
  } finally {
    outtask.child.kill('SIGTERM');
    bare.child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
