/**
 * /api/procedures (variants, comparison, standard, versions, steps, diff, map, brief, progress), and
 * /api/forms from forms.routes.ts. Owner and staff only: out-taskers see nothing here. Thin:
 * validate, call, shape. Variants and versions answer with their version as ETag; every write takes
 * If-Match (a draft's version covers its steps) and answers 412 STALE_WRITE when it is stale.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileResponse, noContent } from '../platform/contract.ts';
import { withVersion, writeCondition } from '../platform/http/if-match.ts';
import { FIRM, workspaceActor } from '../platform/http/policy.ts';
import type { ApiFeature } from '../platform/http/server.ts';
import { formsRoutes } from './forms.routes.ts';
import {
  AddStepInput,
  MergeInput,
  MoveInput,
  NewDraftInput,
  ProcedureListRowView,
  ProgressView,
  ReorderInput,
  StandardInput,
  StepPatch,
  StepsInput,
  TaskComparisonView,
  TaskOverviewView,
  VariantInput,
  VariantPatch,
  VariantView,
  VersionDetailView,
  VersionDiffView,
  VersionPatch,
  VersionView,
  WasteInput,
} from './procedures.schemas.ts';
import type { ProceduresService } from './procedures.service.ts';

const actor = workspaceActor;

const TaskParams = z.object({ taskId: z.string().min(1).max(300) });
const IdParams = z.object({ id: z.string().min(1).max(100) });
const StepParams = z.object({ id: z.string().min(1).max(100), stepId: z.string().min(1).max(100) });
const BRIEF_TYPES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/markdown',
];
const bool = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

export function proceduresRoutes(procedures: ProceduresService): ApiFeature[] {
  const plugin: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['procedures'];
    const config = { policy: FIRM };

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

    // ——— Variants ———
    app.get(
      '/variants/:id',
      {
        config,
        schema: {
          response: { 200: VariantView },
          tags,
          summary: 'One variant (retired ones stay readable)',
          params: IdParams,
        },
      },
      async (req, reply) => withVersion(reply, await procedures.getVariant(actor(req), req.params.id)),
    );
    app.patch(
      '/variants/:id',
      {
        config,
        schema: {
          response: { 200: VariantView },
          tags,
          summary: 'Change an active variant',
          params: IdParams,
          body: VariantPatch,
        },
      },
      async (req, reply) =>
        withVersion(
          reply,
          await procedures.updateVariant(actor(req), req.params.id, req.body, writeCondition(req)),
        ),
    );
    app.delete(
      '/variants/:id',
      {
        config,
        schema: { response: { 204: noContent }, tags, summary: 'Delete an active variant', params: IdParams },
      },
      async (req, reply) => {
        await procedures.deleteVariant(actor(req), req.params.id, writeCondition(req));
        return reply.status(204).send();
      },
    );

    // ——— Versions ———
    app.get(
      '/versions/:id',
      {
        config,
        schema: {
          response: { 200: VersionDetailView },
          tags,
          summary: 'A version with its steps and before/after minutes and cost',
          params: IdParams,
        },
      },
      async (req, reply) => {
        const detail = await procedures.getVersion(actor(req), req.params.id);
        withVersion(reply, detail.version);
        return detail;
      },
    );
    app.patch(
      '/versions/:id',
      {
        config,
        schema: {
          response: { 200: VersionView },
          tags,
          summary: "Change a draft's purpose, turnaround or note",
          params: IdParams,
          body: VersionPatch,
        },
      },
      async (req, reply) =>
        withVersion(
          reply,
          await procedures.updateVersion(actor(req), req.params.id, req.body, writeCondition(req)),
        ),
    );
    app.delete(
      '/versions/:id',
      { config, schema: { response: { 204: noContent }, tags, summary: 'Delete a draft', params: IdParams } },
      async (req, reply) => {
        await procedures.deleteDraft(actor(req), req.params.id, writeCondition(req));
        return reply.status(204).send();
      },
    );
    app.post(
      '/versions/:id/approve',
      {
        config,
        schema: {
          response: { 200: VersionView },
          tags,
          summary: 'Approve a draft; it never changes again',
          params: IdParams,
        },
      },
      async (req, reply) =>
        withVersion(reply, await procedures.approve(actor(req), req.params.id, writeCondition(req))),
    );
    app.get(
      '/versions/:id/diff',
      {
        config,
        schema: {
          response: { 200: VersionDiffView },
          tags,
          summary: 'What changed from another version: added, removed, changed, moved steps and minutes',
          params: IdParams,
          querystring: z.object({ from: z.string().min(1).max(100) }),
        },
      },
      async (req) => procedures.diff(actor(req), req.query.from, req.params.id),
    );
    app.get(
      '/versions/:id/map.svg',
      {
        config,
        schema: {
          response: { 200: fileResponse('The process map', ['image/svg+xml']) },
          tags,
          summary: 'The process map as SVG (swimlanes per performer kind, waste struck through)',
          params: IdParams,
          querystring: z.object({ download: bool }),
        },
      },
      async (req, reply) => {
        const map = await procedures.processMap(actor(req), req.params.id);
        if (req.query.download) reply.header('content-disposition', `attachment; filename="${map.fileName}"`);
        return reply.header('content-type', 'image/svg+xml; charset=utf-8').send(map.svg);
      },
    );
    app.get(
      '/versions/:id/brief',
      {
        config,
        schema: {
          response: { 200: fileResponse('The brief, DOCX or Markdown', BRIEF_TYPES) },
          tags,
          summary: 'The brief of this version for an out-tasker, DOCX or Markdown',
          params: IdParams,
          querystring: z.object({ format: z.enum(['docx', 'md']).default('docx') }),
        },
      },
      async (req, reply) => {
        const file = await procedures.brief(actor(req), req.params.id, req.query.format);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.bytes);
      },
    );

    // ——— Steps of a draft ———
    app.put(
      '/versions/:id/steps',
      {
        config,
        schema: {
          response: { 200: VersionView },
          tags,
          summary: "Save a draft's whole step list",
          params: IdParams,
          body: StepsInput,
        },
      },
      async (req, reply) =>
        withVersion(
          reply,
          await procedures.replaceSteps(actor(req), req.params.id, req.body, writeCondition(req)),
        ),
    );
    app.post(
      '/versions/:id/steps',
      {
        config,
        schema: {
          response: { 201: VersionView },
          tags,
          summary: 'Add a step to a draft',
          params: IdParams,
          body: AddStepInput,
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            withVersion(
              reply,
              await procedures.addStep(actor(req), req.params.id, req.body, writeCondition(req)),
            ),
          ),
    );
    app.patch(
      '/versions/:id/steps/:stepId',
      {
        config,
        schema: {
          response: { 200: VersionView },
          tags,
          summary: 'Change a step of a draft',
          params: StepParams,
          body: StepPatch,
        },
      },
      async (req, reply) =>
        withVersion(
          reply,
          await procedures.updateStep(
            actor(req),
            req.params.id,
            req.params.stepId,
            req.body,
            writeCondition(req),
          ),
        ),
    );
    app.delete(
      '/versions/:id/steps/:stepId',
      {
        config,
        schema: {
          response: { 200: VersionView },
          tags,
          summary: 'Remove a step from a draft',
          params: StepParams,
        },
      },
      async (req, reply) =>
        withVersion(
          reply,
          await procedures.deleteStep(actor(req), req.params.id, req.params.stepId, writeCondition(req)),
        ),
    );
    app.post(
      '/versions/:id/steps/:stepId/move',
      {
        config,
        schema: {
          response: { 200: VersionView },
          tags,
          summary: 'Move a step to a position (0-based)',
          params: StepParams,
          body: MoveInput,
        },
      },
      async (req, reply) =>
        withVersion(
          reply,
          await procedures.moveStep(
            actor(req),
            req.params.id,
            req.params.stepId,
            req.body.to,
            writeCondition(req),
          ),
        ),
    );
    app.post(
      '/versions/:id/reorder',
      {
        config,
        schema: {
          response: { 200: VersionView },
          tags,
          summary: 'Put the steps in a new order',
          params: IdParams,
          body: ReorderInput,
        },
      },
      async (req, reply) =>
        withVersion(
          reply,
          await procedures.reorderSteps(actor(req), req.params.id, req.body, writeCondition(req)),
        ),
    );
    app.post(
      '/versions/:id/merge',
      {
        config,
        schema: {
          response: { 200: VersionView },
          tags,
          summary: 'Merge steps into one',
          params: IdParams,
          body: MergeInput,
        },
      },
      async (req, reply) =>
        withVersion(
          reply,
          await procedures.mergeSteps(actor(req), req.params.id, req.body, writeCondition(req)),
        ),
    );
    app.post(
      '/versions/:id/steps/:stepId/waste',
      {
        config,
        schema: {
          response: { 200: VersionView },
          tags,
          summary: 'Mark a step as waste, with the reason',
          params: StepParams,
          body: WasteInput,
        },
      },
      async (req, reply) =>
        withVersion(
          reply,
          await procedures.markWaste(
            actor(req),
            req.params.id,
            req.params.stepId,
            req.body,
            writeCondition(req),
          ),
        ),
    );
    app.delete(
      '/versions/:id/steps/:stepId/waste',
      {
        config,
        schema: {
          response: { 200: VersionView },
          tags,
          summary: 'Keep a step marked as waste after all',
          params: StepParams,
        },
      },
      async (req, reply) =>
        withVersion(
          reply,
          await procedures.clearWaste(actor(req), req.params.id, req.params.stepId, writeCondition(req)),
        ),
    );
  };

  return [
    { prefix: '/procedures', plugin },
    { prefix: '/forms', plugin: formsRoutes(procedures) },
  ];
}
