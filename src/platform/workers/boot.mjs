// The first module of every worker thread of the pool (pool.ts). Plain JavaScript, because it runs
// before anything can load TypeScript: it registers tsx in this thread (Node 20 applies neither the
// parent's loader hooks nor `--import` in execArgv to a worker), then runs the tasks it is sent: a
// module (a TypeScript source of src/, by file URL) and the name of the function it exports.
import { parentPort } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();

const modules = new Map();

parentPort.on('message', async ({ id, module, fn, input }) => {
  try {
    let loaded = modules.get(module);
    if (!loaded) {
      loaded = import(module);
      modules.set(module, loaded);
    }
    const f = (await loaded)[fn];
    if (typeof f !== 'function') throw new Error(`${module} exports no function ${fn}`);
    const value = await f(input);
    // A result wrapped by transferring() (transfer.ts): its buffers are moved, not copied.
    if (value?.__outtaskTransfer === true)
      parentPort.postMessage({ id, ok: true, value: value.value }, value.transfer);
    else parentPort.postMessage({ id, ok: true, value });
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    parentPort.postMessage({
      id,
      ok: false,
      error: { name: e.name, message: e.message, code: e.code, details: e.details, stack: e.stack },
    });
  }
});
