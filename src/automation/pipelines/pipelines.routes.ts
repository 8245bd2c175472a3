/** /api/pipelines and /api/pipeline-runs: intake pipelines for owner and staff. Thin: validate, call, shape. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileResponse } from '../../platform/contract.ts';
import { AppError } from '../../platform/errors.ts';
import { FIRM, workspaceActor } from '../../platform/http/policy.ts';
import type { ApiFeature } from '../../platform/http/server.ts';
import { RUN_STATUSES } from './pipeline.ts';
import {
  DecisionIn,
  DecisionOut,
  IntakeOut,
  PipelineCreate,
  PipelineListOut,
  PipelineOut,
  PipelinePatch,
  ReviewOut,
  RUN_FILES,
  RunDetailOut,
  RunOut,
  RunWithStagesOut,
} from './pipelines.schemas.ts';
import type { PipelinesService } from './pipelines.service.ts';
import type { ReviewService } from './review.service.ts';

const Id = z.object({ id: z.string().min(1).max(300) });
const config = { policy: FIRM };

export function pipelinesRoutes(pipelines: PipelinesService, review: ReviewService): ApiFeature[] {
  const list: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['pipelines'];

    app.get(
      '/',
      {
        config,
        schema: {
          tags,
          summary: 'Intake pipelines, with their runs per status',
          response: { 200: PipelineListOut },
        },
      },
      async (req) => pipelines.list(workspaceActor(req)),
    );
    app.post(
      '/',
      {
        config,
        schema: {
          tags,
          summary: 'Create a pipeline for a task',
          body: PipelineCreate,
          response: { 200: PipelineOut },
        },
      },
      async (req) => {
        const b = req.body;
        return pipelines.create(workspaceActor(req), {
          name: b.name,
          task: b.taskId,
          ...(b.formId !== undefined ? { form: b.formId } : {}),
          ...(b.engine !== undefined ? { engine: b.engine } : {}),
          ...(b.watchDir !== undefined ? { watchDir: b.watchDir } : {}),
          ...(b.terms !== undefined ? { terms: b.terms } : {}),
          ...(b.reviewRequired !== undefined ? { reviewRequired: b.reviewRequired } : {}),
        });
      },
    );
    app.get(
      '/:id',
      { config, schema: { tags, summary: 'One pipeline', params: Id, response: { 200: PipelineOut } } },
      async (req) => pipelines.requirePipeline(workspaceActor(req), req.params.id),
    );
    app.patch(
      '/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Change a pipeline',
          params: Id,
          body: PipelinePatch,
          response: { 200: PipelineOut },
        },
      },
      async (req) => {
        const b = req.body;
        return pipelines.update(workspaceActor(req), req.params.id, {
          ...(b.name !== undefined ? { name: b.name } : {}),
          ...(b.taskId !== undefined ? { task: b.taskId } : {}),
          ...(b.formId !== undefined ? { form: b.formId } : {}),
          ...(b.engine !== undefined ? { engine: b.engine } : {}),
          ...(b.watchDir !== undefined ? { watchDir: b.watchDir } : {}),
          ...(b.terms !== undefined ? { terms: b.terms } : {}),
          ...(b.reviewRequired !== undefined ? { reviewRequired: b.reviewRequired } : {}),
        });
      },
    );
    app.delete(
      '/:id',
      {
        config,
        schema: {
          tags,
          summary:
            'Delete a pipeline with its runs and its pseudonym key (drafts kept as saved syntheses stay)',
          params: Id,
          response: { 200: z.object({ ok: z.literal(true), runs: z.number() }) },
        },
      },
      async (req) => ({ ok: true as const, ...(await pipelines.remove(workspaceActor(req), req.params.id)) }),
    );
    app.get(
      '/:id/runs',
      {
        config,
        schema: {
          tags,
          summary: 'A pipeline’s runs, newest first, each with its stages',
          params: Id,
          querystring: z.object({
            status: z.enum(RUN_STATUSES).optional(),
            limit: z.coerce.number().int().min(1).max(1000).optional(),
          }),
          response: { 200: z.array(RunWithStagesOut) },
        },
      },
      async (req) =>
        pipelines.runs(workspaceActor(req), {
          pipeline: req.params.id,
          ...(req.query.status ? { status: req.query.status } : {}),
          ...(req.query.limit ? { limit: req.query.limit } : {}),
        }),
    );
  };

  // Recordings and transcripts arrive as the raw body of any type, streamed into the blob store (the
  // store's size limit applies; nothing is held whole in memory). A context of its own, so the other
  // routes keep their JSON bodies.
  const uploads: FastifyPluginAsync = async (fastify) => {
    fastify.removeAllContentTypeParsers();
    fastify.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['pipelines'];
    app.post(
      '/:id/files',
      {
        config,
        schema: {
          tags,
          summary:
            'Take a file in (the raw body; its name in ?name=): a recording (m4a, mp3, wav, ogg, webm, mp4) or a transcript (vtt, srt, txt, json, docx). The same bytes twice give the same run.',
          params: Id,
          querystring: z.object({ name: z.string().trim().min(1).max(255) }),
          response: { 200: IntakeOut },
        },
      },
      async (req) => {
        const body = req.body as NodeJS.ReadableStream | Buffer | undefined;
        if (!body) throw new AppError('FILE_EMPTY', `${req.query.name}: the request had no body`);
        const [outcome] = await pipelines.intake(
          workspaceActor(req),
          req.params.id,
          [{ name: req.query.name, data: body as Buffer }],
          'upload',
        );
        return outcome!;
      },
    );
  };

  const runs: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['pipelines'];
    app.get(
      '/:id',
      {
        config,
        schema: {
          tags,
          summary: 'A run with its stages (state, timings, log, error)',
          params: Id,
          response: { 200: RunDetailOut },
        },
      },
      async (req) => pipelines.run(workspaceActor(req), req.params.id),
    );
    app.post(
      '/:id/retry',
      {
        config,
        schema: {
          tags,
          summary: 'Retry a failed run from its failed stage',
          params: Id,
          response: { 200: RunOut },
        },
      },
      async (req) => pipelines.retry(workspaceActor(req), req.params.id),
    );
    app.get(
      '/:id/files/:which',
      {
        config,
        schema: {
          tags,
          summary: 'Download what a run holds or made: input, transcript, redacted, deck, package',
          params: Id.extend({ which: z.enum(RUN_FILES) }),
          response: { 200: fileResponse('The file, as bytes', ['application/octet-stream']) },
        },
      },
      async (req, reply) => {
        const f = await pipelines.output(workspaceActor(req), req.params.id, req.params.which);
        return reply
          .type('application/octet-stream')
          .header(
            'content-disposition',
            `attachment; filename="${f.name.replace(/["\\\r\n]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(f.name)}`,
          )
          .send(f.bytes);
      },
    );
    app.get(
      '/:id/review',
      {
        config,
        schema: {
          tags,
          summary: 'The redaction review: findings, decisions, the redacted text',
          params: Id,
          response: { 200: ReviewOut },
        },
      },
      async (req) => review.view(workspaceActor(req), req.params.id),
    );
    app.post(
      '/:id/review/decisions',
      {
        config,
        schema: {
          tags,
          summary: 'Accept (redact) or reject (keep) a finding, or add a term to redact',
          params: Id,
          body: DecisionIn,
          response: { 200: DecisionOut },
        },
      },
      async (req) =>
        review.decide(workspaceActor(req), req.params.id, {
          text: req.body.text,
          action: req.body.action,
          ...(req.body.kind ? { kind: req.body.kind } : {}),
        }),
    );
    app.delete(
      '/:id/review/decisions/:decisionId',
      {
        config,
        schema: {
          tags,
          summary: 'Take a review decision back',
          params: Id.extend({ decisionId: z.string().min(1).max(300) }),
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (req) => {
        await review.undo(workspaceActor(req), req.params.id, req.params.decisionId);
        return { ok: true as const };
      },
    );
    app.post(
      '/:id/review/apply',
      {
        config,
        schema: {
          tags,
          summary: 'Redact again with the decisions (the run comes back to review)',
          params: Id,
          response: { 200: RunOut },
        },
      },
      async (req) => review.apply(workspaceActor(req), req.params.id),
    );
    app.post(
      '/:id/review/approve',
      {
        config,
        schema: {
          tags,
          summary: 'Approve the redaction: the hand-off package is built from it',
          params: Id,
          response: { 200: RunOut },
        },
      },
      async (req) => review.approve(workspaceActor(req), req.params.id),
    );
  };

  return [
    { prefix: '/pipelines', plugin: list },
    { prefix: '/pipelines', plugin: uploads },
    { prefix: '/pipeline-runs', plugin: runs },
  ];
}
