/**
 * /api/procedures/versions/:id: a procedure version read, changed, deleted or approved, and what is
 * made of it (the diff from another version, the process map, the brief). Step edits are in
 * draft-steps.routes.ts.
 */
import { z } from 'zod';
import { fileResponse, noContent } from '../platform/contract.ts';
import { withVersion, writeCondition } from '../platform/http/if-match.ts';
import { workspaceActor as actor } from '../platform/http/policy.ts';
import type { ZodRoutes } from '../platform/http/server.ts';
import { VersionDetailView, VersionDiffView, VersionPatch, VersionView } from './procedures.schemas.ts';
import type { ProceduresService } from './procedures.service.ts';
import { BRIEF_TYPES, bool, config, IdParams, tags } from './route-params.ts';

export function versionRoutes(app: ZodRoutes, procedures: ProceduresService): void {
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
}
