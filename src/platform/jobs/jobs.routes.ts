/** /api/jobs: the workspace's background jobs for owner and staff — list, show, retry, cancel. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { FIRM, workspaceActor } from '../http/policy.ts';
import type { ApiFeature } from '../http/server.ts';
import { JobDetailOut, JobIdParams, JobListOut, JobListQuery, JobOut } from './jobs.schemas.ts';
import type { WorkspaceJobs } from './workspace-jobs.ts';

const tags = ['jobs'];

export function jobsRoutes(jobs: WorkspaceJobs): ApiFeature[] {
  const plugin: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/',
      {
        config: { policy: FIRM },
        schema: {
          tags,
          summary: 'The workspace’s jobs, newest first (paged with `before`)',
          querystring: JobListQuery,
          response: { 200: JobListOut },
        },
      },
      async (req) => jobs.list(workspaceActor(req).workspace.id, req.query),
    );
    app.get(
      '/:id',
      {
        config: { policy: FIRM },
        schema: {
          tags,
          summary: 'One job: state, progress, the last error, its finished steps and result',
          params: JobIdParams,
          response: { 200: JobDetailOut },
        },
      },
      async (req) => jobs.show(workspaceActor(req).workspace.id, req.params.id),
    );
    app.post(
      '/:id/retry',
      {
        config: { policy: FIRM },
        schema: {
          tags,
          summary:
            'Queue a dead or cancelled job again (it resumes after its finished steps), or run a waiting one now',
          params: JobIdParams,
          response: { 200: JobOut },
        },
      },
      async (req) => jobs.retry(workspaceActor(req).workspace.id, req.params.id),
    );
    app.post(
      '/:id/cancel',
      {
        config: { policy: FIRM },
        schema: {
          tags,
          summary: 'Cancel a queued job at once; ask a running one to stop',
          params: JobIdParams,
          response: { 200: JobOut },
        },
      },
      async (req) => jobs.cancel(workspaceActor(req).workspace.id, req.params.id),
    );
  };
  return [{ prefix: '/jobs', plugin }];
}
