/**
 * What pg-boss 10 (the PostgreSQL queue the issue suggested) measures on this machine, for the
 * decision in docs/architecture.md. Not a dependency of Outtask: install it for the run only.
 *
 *   npm i --no-save pg-boss@10.4.2 && BENCH_DATABASE_URL=postgres://… node --import tsx bench/compare/pgboss10.ts
 *
 * Measures: whether a send inside the caller's transaction rolls back with it; the latency from a
 * send in one instance (another process) to the handler in another, at the smallest polling
 * interval pg-boss allows (0.5 s); jobs per second with one job per fetch, 1 and 4 workers.
 */
import pg from 'pg';
import { writeResult } from '../lib/report.ts';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const moduleName = 'pg-boss';
// biome-ignore lint/suspicious/noExplicitAny: pg-boss is installed for this run only, without types
const PgBoss: any = (await import(moduleName).catch(() => null))?.default;
if (!PgBoss) {
  console.log('pg-boss is not installed: npm i --no-save pg-boss@10.4.2');
  process.exit(0);
}
const schema = `pgboss_eval_${process.pid}`;
const pct = (a: number[], p: number) =>
  [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(p * a.length))]!;

const workers = new PgBoss({ connectionString: url, schema, pollingIntervalSeconds: 0.5 });
workers.on('error', (e: Error) => console.error('pg-boss:', e.message));
await workers.start();
const producer = new PgBoss({
  connectionString: url,
  schema,
  supervise: false,
  schedule: false,
  migrate: false,
});
await producer.start();
await workers.createQueue('probe');

const client = new pg.Client({ connectionString: url });
await client.connect();
await client.query('begin');
await producer.send(
  'probe',
  { probe: true },
  { db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) } },
);
await client.query('rollback');
const left = (await client.query(`select count(*)::int as n from ${schema}.job where name = 'probe'`)).rows[0]
  .n;

const latencies: number[] = [];
let arrived: (() => void) | undefined;
await workers.work('probe', { pollingIntervalSeconds: 0.5 }, async ([job]: { data: { t: number } }[]) => {
  latencies.push(Date.now() - job!.data.t);
  arrived?.();
});
for (let i = 0; i < 40; i++) {
  const done = new Promise<void>((r) => {
    arrived = r;
  });
  await producer.send('probe', { t: Date.now() });
  await done;
}
await workers.offWork('probe');

const throughput: Record<string, number> = {};
for (const n of [1, 4]) {
  const queue = `tput${n}`;
  await workers.createQueue(queue);
  const total = 60 * n;
  await producer.insert(Array.from({ length: total }, (_, i) => ({ name: queue, data: { i } })));
  let seen = 0;
  let finish!: () => void;
  const all = new Promise<void>((r) => {
    finish = r;
  });
  const t0 = performance.now();
  for (let w = 0; w < n; w++)
    await workers.work(queue, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async (jobs: unknown[]) => {
      seen += jobs.length;
      if (seen >= total) finish();
    });
  await all;
  throughput[`${n}worker${n > 1 ? 's' : ''}`] = Math.round(total / ((performance.now() - t0) / 1000));
  await workers.offWork(queue);
}
await producer.stop({ graceful: false, wait: true });
await workers.stop({ graceful: false, wait: true });
await client.query(`drop schema ${schema} cascade`);
await client.end();

const result = {
  pgBoss: '10.4.2',
  sendInRolledBackTransactionLeavesJob: left > 0,
  claimLatencyMs: { p50: pct(latencies, 0.5), p99: pct(latencies, 0.99), samples: latencies.length },
  jobsPerSecondBatchSize1: throughput,
};
console.log(result);
console.log(writeResult('pgboss10-compare', result));
process.exit(0);
