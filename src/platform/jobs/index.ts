/** Durable background jobs: define a job type, enqueue it in your transaction, run workers. See docs/architecture.md. */
export { createJobQueue } from './create-queue.ts';
export {
  type AfterFailure,
  backoffMs,
  type ClaimedJob,
  defineJob,
  FINISHED,
  JOB_STATUSES,
  type Job,
  type JobDefinition,
  type JobProgress,
  type JobStatus,
  type JobWithPayload,
} from './job.ts';
export { jobsRoutes } from './jobs.routes.ts';
export type { JobDetailOutT, JobListOutT, JobOutT } from './jobs.schemas.ts';
export type { Executor, JobFilter } from './jobs.store.ts';
export { jobDetailView, jobView, labelJobKind } from './jobs.view.ts';
export type { EnqueueOptions, EnqueueResult, JobQueue } from './queue.ts';
export { type JobContext, type JobHandler, JobRegistry } from './registry.ts';
export { type JobLog, JobWorker, type WorkerOptions } from './worker.ts';
export { type JobListRequest, type WorkspaceJobs, workspaceJobs } from './workspace-jobs.ts';
