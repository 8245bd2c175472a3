/**
 * SQLite's WAL checkpoints, off the event loop (issue 9 row 6). By default the connection that
 * commits runs the checkpoint once the WAL passes 1,000 pages — copying the whole log into the
 * database inside that commit, synchronously: after a 200k-row import that was seconds during which
 * no request was answered. Here the app's connection never checkpoints (wal_autocheckpoint=0); a
 * worker thread with a connection of its own runs a PASSIVE checkpoint (it waits for no reader or
 * writer) whenever the WAL has grown past CHECKPOINT_BYTES, looked at every CHECK_MS.
 *
 * Should the thread fail, the app's connection checkpoints itself again, as SQLite does by default.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

const CHECK_MS = 1000;
/** About SQLite's own threshold (1,000 pages of 4 KiB). */
const CHECKPOINT_BYTES = 4 * 1024 * 1024;

// Plain CommonJS, evaluated as the thread's code: nothing of the app (nor tsx) is loaded there.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
parentPort.on('message', (m) => {
  if (m === 'close') { db.close(); process.exit(0); }
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, ...r });
  } catch (err) {
    parentPort.postMessage({ ok: false, message: String(err && err.message || err) });
  }
});
`;

export interface Checkpointer {
  /** Checkpoints now (tests, and before a backup reads the file); resolves with the pages moved. */
  checkpoint(): Promise<{ log: number; checkpointed: number }>;
  close(): Promise<void>;
}

export function startCheckpointer(sqlite: SQLite.Database, file: string): Checkpointer {
  const wal = `${file}-wal`;
  sqlite.pragma('wal_autocheckpoint = 0');
  // The thread starts with the first large log: a small database (a test's, a CLI command's) never needs it.
  let worker: Worker | undefined;
  let failed = false;
  let closed = false;
  let busy: Promise<{ log: number; checkpointed: number }> | undefined;
  const fallBack = () => {
    // Without the thread, SQLite's default: the committing connection checkpoints.
    if (!failed && !closed) sqlite.pragma('wal_autocheckpoint = 1000');
    failed = true;
    worker = undefined;
    clearInterval(timer);
  };
  const thread = (): Worker | undefined => {
    if (worker || failed || closed) return worker;
    try {
      worker = new Worker(THREAD, {
        eval: true,
        workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
      });
    } catch {
      fallBack();
      return undefined;
    }
    worker.unref();
    worker.on('error', fallBack);
    worker.on('exit', fallBack);
    return worker;
  };

  const checkpoint = () => {
    const w = thread();
    if (!w) return Promise.resolve({ log: 0, checkpointed: 0 });
    busy ??= new Promise<{ log: number; checkpointed: number }>((resolve, reject) => {
      w.ref();
      w.once('message', (m: { ok: boolean; log?: number; checkpointed?: number; message?: string }) => {
        w.unref();
        busy = undefined;
        if (m.ok) resolve({ log: m.log ?? 0, checkpointed: m.checkpointed ?? 0 });
        else reject(new Error(`WAL checkpoint of ${file}: ${m.message}`));
      });
      w.postMessage('checkpoint');
    });
    return busy;
  };

  const timer = setInterval(() => {
    if (busy || failed) return;
    let size = 0;
    try {
      size = fs.statSync(wal).size;
    } catch {
      return;
    }
    // A checkpoint that cannot finish now (a reader is in the log) is simply tried again later.
    if (size > CHECKPOINT_BYTES) checkpoint().catch(() => undefined);
  }, CHECK_MS);
  timer.unref();

  return {
    checkpoint,
    async close() {
      closed = true;
      clearInterval(timer);
      const w = worker;
      worker = undefined;
      if (!w) return;
      await busy?.catch(() => undefined);
      // Held (ref) until it has exited: an unref'd thread would let a process whose last work is this
      // close drain its event loop with the close still pending (`outtask demo` exited 13 so).
      w.ref();
      await new Promise<void>((resolve) => {
        w.once('exit', () => resolve());
        w.postMessage('close');
      });
    },
  };
}
