export {
  createInlinePool,
  createWorkerPool,
  defaultPoolSize,
  setWorkerPool,
  type WorkerPool,
  workerPool,
} from './pool.ts';
