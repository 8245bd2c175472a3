// Preloaded into the benchmarked server (NODE_OPTIONS=--import): every 10 ms timer notes how late it
// fired — the event loop's delay as the server's own requests feel it — and the samples
// ([epoch ms, delay ms]) are written to BENCH_LOOP_FILE when the process exits.
import fs from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.BENCH_LOOP_FILE;
if (file && isMainThread) {
  const samples = [];
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    samples.push([Date.now(), Math.round((now - last - 10) * 10) / 10]);
    last = now;
  }, 10).unref();
  process.on('exit', () => fs.writeFileSync(file, JSON.stringify(samples)));
}
