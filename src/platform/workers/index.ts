export { createWorkerPool, defaultPoolSize, type WorkerPool, workerPool } from './pool.ts';
