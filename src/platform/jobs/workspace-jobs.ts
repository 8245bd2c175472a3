/**
 * The jobs of one workspace, for the people of that workspace (the API) — a job of another workspace
 * is answered as not found. The CLI, run by whoever runs the server, sees every job.
 */
import { AppError } from '../errors.ts';
import type { Job, JobStatus } from './job.ts';
import type { JobDetailOutT, JobListOutT, JobOutT } from './jobs.schemas.ts';
import { jobDetailView, jobView } from './jobs.view.ts';
import type { JobQueue } from './queue.ts';

export interface JobListRequest {
  status?: JobStatus;
  kind?: string;
  before?: string;
  limit?: number;
}

export function workspaceJobs(queue: JobQueue) {
  /** `workspaceId` undefined: any workspace (the CLI). */
  const find = async (workspaceId: string | undefined, id: string): Promise<Job> => {
    const job = await queue.get(id);
    if (!job || (workspaceId !== undefined && job.workspaceId !== workspaceId))
      throw new AppError(
        'JOB_NOT_FOUND',
        `No job ${id}${workspaceId !== undefined ? ' in this workspace' : ''}`,
      );
    return job;
  };
  return {
    async list(workspaceId: string | undefined, req: JobListRequest): Promise<JobListOutT> {
      const limit = req.limit ?? 50;
      const jobs = await queue.list({
        ...(workspaceId !== undefined ? { workspaceId } : {}),
        ...(req.status ? { status: req.status } : {}),
        ...(req.kind ? { kind: req.kind } : {}),
        ...(req.before ? { before: req.before } : {}),
        limit,
      });
      return { jobs: jobs.map(jobView), next: jobs.length === limit ? (jobs.at(-1)?.id ?? null) : null };
    },
    async show(workspaceId: string | undefined, id: string): Promise<JobDetailOutT> {
      const job = await find(workspaceId, id);
      return jobDetailView(job, await queue.steps(id));
    },
    async retry(workspaceId: string | undefined, id: string): Promise<JobOutT> {
      await find(workspaceId, id);
      return jobView(await queue.retry(id));
    },
    async cancel(workspaceId: string | undefined, id: string): Promise<JobOutT> {
      await find(workspaceId, id);
      return jobView(await queue.cancel(id));
    },
  };
}

export type WorkspaceJobs = ReturnType<typeof workspaceJobs>;
