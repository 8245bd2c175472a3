/** /api/forms: the standard forms (YAML in and out, or data from the editor), attached to a task's procedure. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileResponse } from '../platform/contract.ts';
import { withVersion, writeCondition } from '../platform/http/if-match.ts';
import { workspaceActor as actor, FIRM } from '../platform/http/policy.ts';
import {
  FormAttachInput,
  FormDetailView,
  FormJsonInput,
  FormSummaryView,
  SavedFormView,
} from './procedures.schemas.ts';
import type { ProceduresService } from './procedures.service.ts';

const IdParams = z.object({ id: z.string().min(1).max(100) });

export function formsRoutes(procedures: ProceduresService): FastifyPluginAsync {
  return async (fastify) => {
    // Forms arrive as YAML; text/plain and octet-stream are read as bytes by the platform already.
    fastify.addContentTypeParser(
      ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'],
      { parseAs: 'string' },
      (_req, body, done) => done(null, body),
    );
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['forms'];
    const config = { policy: FIRM };

    app.get(
      '/',
      {
        config,
        schema: {
          response: { 200: z.array(FormSummaryView) },
          tags,
          summary: 'Forms with their latest version',
        },
      },
      async (req) => procedures.listForms(actor(req)),
    );
    app.post(
      '/import',
      {
        config,
        schema: {
          response: { 200: SavedFormView, 201: SavedFormView },
          tags,
          summary:
            'Import a form from YAML (the body; the format `outtask deck --form` reads): a new form or its next version',
          querystring: z.object({
            file: z.string().max(255).optional(),
            name: z.string().max(120).optional(),
            taskId: z.string().max(300).optional(),
          }),
        },
      },
      async (req, reply) => {
        const text = Buffer.isBuffer(req.body)
          ? req.body.toString('utf8')
          : typeof req.body === 'string'
            ? req.body
            : '';
        const r = await procedures.importFormYaml(actor(req), {
          text,
          ...(req.query.file ? { file: req.query.file } : {}),
          ...(req.query.name ? { name: req.query.name } : {}),
          ...(req.query.taskId ? { taskRef: req.query.taskId } : {}),
        });
        return reply.status(r.created ? 201 : 200).send(r);
      },
    );
    app.post(
      '/',
      {
        config,
        schema: {
          response: { 200: SavedFormView, 201: SavedFormView },
          tags,
          summary: 'Create a form from data (title and questions)',
          querystring: z.object({ taskId: z.string().max(300).optional() }),
          body: FormJsonInput,
        },
      },
      async (req, reply) => {
        const r = await procedures.saveForm(actor(req), null, req.body, req.query.taskId);
        return reply.status(r.created ? 201 : 200).send(r);
      },
    );
    app.get(
      '/:id',
      {
        config,
        schema: {
          response: { 200: FormDetailView },
          tags,
          summary: 'A form (id or name) with every version',
          params: IdParams,
        },
      },
      async (req, reply) => withVersion(reply, await procedures.getForm(actor(req), req.params.id)),
    );
    app.post(
      '/:id/versions',
      {
        config,
        schema: {
          response: { 200: SavedFormView },
          tags,
          summary:
            "Save a form's next version from data. With If-Match (the form's ETag), refused with 412 STALE_WRITE when someone saved a newer one first",
          params: IdParams,
          body: FormJsonInput,
        },
      },
      async (req, reply) => {
        const r = await procedures.saveForm(
          actor(req),
          req.params.id,
          req.body,
          undefined,
          writeCondition(req),
        );
        withVersion(reply, r.form);
        return r;
      },
    );
    app.patch(
      '/:id',
      {
        config,
        schema: {
          response: { 200: FormSummaryView },
          tags,
          summary: "Attach the form to a task's procedure, or detach it",
          params: IdParams,
          body: FormAttachInput,
        },
      },
      async (req, reply) =>
        withVersion(
          reply,
          await procedures.attachForm(actor(req), req.params.id, req.body.taskId, writeCondition(req)),
        ),
    );
    app.get(
      '/:id/export.yaml',
      {
        config,
        schema: {
          response: { 200: fileResponse('The form as YAML', ['application/yaml']) },
          tags,
          summary: 'The form as YAML for `outtask deck --form` (latest version or the given one)',
          params: IdParams,
          querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
        },
      },
      async (req, reply) => {
        const r = await procedures.exportFormYaml(actor(req), req.params.id, req.query.version);
        return reply
          .header('content-type', 'application/yaml; charset=utf-8')
          .header('content-disposition', `attachment; filename="${r.fileName}"`)
          .send(r.yaml);
      },
    );
  };
}
