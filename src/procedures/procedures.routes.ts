/**
 * /api/procedures: the list, progress and each task's procedures here; a variant, a version and a
 * draft's step edits in variants.routes.ts, versions.routes.ts and draft-steps.routes.ts; /api/forms in
 * forms.routes.ts. Owner and staff only: out-taskers see nothing here. Thin:
 * validate, call, shape. Variants and versions answer with their version as ETag; every write takes
 * If-Match (a draft's version covers its steps) and answers 412 STALE_WRITE when it is stale.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileResponse } from '../platform/contract.ts';
import { workspaceActor as actor } from '../platform/http/policy.ts';
import type { ApiFeature } from '../platform/http/server.ts';
import { draftStepRoutes } from './draft-steps.routes.ts';
import { formsRoutes } from './forms.routes.ts';
import {
  NewDraftInput,
  ProcedureListRowView,
  ProgressView,
  StandardInput,
  TaskComparisonView,
  TaskOverviewView,
  VariantInput,
  VariantView,
  VersionView,
} from './procedures.schemas.ts';
import type { ProceduresService } from './procedures.service.ts';
import { BRIEF_TYPES, bool, config, TaskParams, tags } from './route-params.ts';
import { variantRoutes } from './variants.routes.ts';
import { versionRoutes } from './versions.routes.ts';

export function proceduresRoutes(procedures: ProceduresService): ApiFeature[] {
  const plugin: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/',
      {
        config,
        schema: {
          response: { 200: z.array(ProcedureListRowView) },
          tags,
          summary: 'Tasks with recorded ways of working or a standard procedure',
        },
      },
      async (req) => procedures.list(actor(req)),
    );
    app.get(
      '/progress',
      {
        config,
        schema: {
          response: { 200: ProgressView },
          tags,
          summary:
            'Where every task stands in the six steps of the method (derived from data): taskId → stage, and counts per stage',
        },
      },
      async (req) => procedures.progress(actor(req)),
    );

    // ——— By task ———
    app.get(
      '/tasks/:taskId',
      {
        config,
        schema: {
          response: { 200: TaskOverviewView },
          tags,
          summary: "A task's variants, versions, forms and progress (task id or name)",
          params: TaskParams,
        },
      },
      async (req) => procedures.taskOverview(actor(req), req.params.taskId),
    );
    app.get(
      '/tasks/:taskId/variants',
      {
        config,
        schema: {
          response: { 200: z.array(VariantView) },
          tags,
          summary: 'How each person does the task today',
          params: TaskParams,
          querystring: z.object({ includeRetired: bool }),
        },
      },
      async (req) =>
        procedures.listVariants(actor(req), req.params.taskId, { includeRetired: req.query.includeRetired }),
    );
    app.post(
      '/tasks/:taskId/variants',
      {
        config,
        schema: {
          response: { 201: VariantView },
          tags,
          summary: "Record a person's way of doing the task",
          params: TaskParams,
          body: VariantInput,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await procedures.createVariant(actor(req), req.params.taskId, req.body)),
    );
    app.get(
      '/tasks/:taskId/comparison',
      {
        config,
        schema: {
          response: { 200: TaskComparisonView },
          tags,
          summary:
            'The variants side by side: aligned steps, minutes per variant, steps only some do, spread',
          params: TaskParams,
          querystring: z.object({ variantIds: z.string().max(10_000).optional(), includeRetired: bool }),
        },
      },
      async (req) =>
        procedures.compare(actor(req), req.params.taskId, {
          ...(req.query.variantIds ? { variantIds: req.query.variantIds.split(',').filter(Boolean) } : {}),
          includeRetired: req.query.includeRetired,
        }),
    );
    app.post(
      '/tasks/:taskId/standard',
      {
        config,
        schema: {
          response: { 201: VersionView },
          tags,
          summary:
            'Make the standard procedure from one variant or by merging several (a new draft; the variants retire)',
          params: TaskParams,
          body: StandardInput,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await procedures.createStandard(actor(req), req.params.taskId, req.body)),
    );
    app.post(
      '/tasks/:taskId/versions',
      {
        config,
        schema: {
          response: { 201: VersionView },
          tags,
          summary: 'Start a new draft (a copy of the latest approved version, or of the one given)',
          params: TaskParams,
          body: NewDraftInput.optional(),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await procedures.newDraft(actor(req), req.params.taskId, req.body ?? {})),
    );
    app.get(
      '/tasks/:taskId/brief',
      {
        config,
        schema: {
          response: { 200: fileResponse('The brief, DOCX or Markdown', BRIEF_TYPES) },
          tags,
          summary: "The brief for an out-tasker (DOCX or Markdown) of the task's current or given version",
          params: TaskParams,
          querystring: z.object({
            format: z.enum(['docx', 'md']).default('docx'),
            version: z.coerce.number().int().min(1).optional(),
          }),
        },
      },
      async (req, reply) => {
        const file = await procedures.briefForTask(actor(req), req.params.taskId, {
          format: req.query.format,
          ...(req.query.version ? { version: req.query.version } : {}),
        });
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.bytes);
      },
    );

    variantRoutes(app, procedures);
    versionRoutes(app, procedures);
    draftStepRoutes(app, procedures);
  };

  return [
    { prefix: '/procedures', plugin },
    { prefix: '/forms', plugin: formsRoutes(procedures) },
  ];
}
