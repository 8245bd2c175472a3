/** /api/procedures/variants/:id: one person's recorded way of doing a task, read, changed or deleted. */
import { noContent } from '../platform/contract.ts';
import { withVersion, writeCondition } from '../platform/http/if-match.ts';
import { workspaceActor as actor } from '../platform/http/policy.ts';
import type { ZodRoutes } from '../platform/http/server.ts';
import { VariantPatch, VariantView } from './procedures.schemas.ts';
import type { ProceduresService } from './procedures.service.ts';
import { config, IdParams, tags } from './route-params.ts';

export function variantRoutes(app: ZodRoutes, procedures: ProceduresService): void {
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
}
