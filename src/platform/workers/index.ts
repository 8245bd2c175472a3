export {
  createInlinePool,
  createWorkerPool,
  defaultPoolSize,
  setWorkerPool,
  type WorkerPool,
  workerPool,
} from './pool.ts';
export { type Transferring, transferring } from './transfer.ts';
