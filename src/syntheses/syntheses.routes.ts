/** /api/syntheses: saved syntheses for owner and staff. Thin: validate, call the service, shape the answer. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileResponse, noContent } from '../platform/contract.ts';
import { versionEtag, withVersion, writeCondition } from '../platform/http/if-match.ts';
import { FIRM, workspaceActor } from '../platform/http/policy.ts';
import type { ApiFeature } from '../platform/http/server.ts';
import {
  PassageQuery,
  PassageView,
  SavedSynthesisSummaryView,
  SavedSynthesisView,
  SynthesisEditBody,
  SynthesisEditEntryView,
  SynthesisListQuery,
  SynthesisPatch,
} from './syntheses.schemas.ts';
import type { SynthesesService } from './syntheses.service.ts';

const tags = ['syntheses'];
const IdParams = z.object({ id: z.string().min(1).max(64) });
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

export function synthesesRoutes(syntheses: SynthesesService): ApiFeature[] {
  const plugin: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/',
      {
        config: { policy: FIRM },
        schema: {
          tags,
          summary: 'Saved syntheses, last changed first (optionally of one task or engagement)',
          querystring: SynthesisListQuery,
          response: { 200: z.array(SavedSynthesisSummaryView) },
        },
      },
      async (req) => syntheses.list(workspaceActor(req), req.query),
    );
    app.get(
      '/:id',
      {
        config: { policy: FIRM },
        schema: {
          tags,
          summary:
            'A saved synthesis: its edited insights, the preview the page shows, its transcripts’ names; the ETag is its version',
          params: IdParams,
          response: { 200: SavedSynthesisView },
        },
      },
      async (req, reply) => withVersion(reply, await syntheses.get(workspaceActor(req), req.params.id)),
    );
    app.patch(
      '/:id',
      {
        config: { policy: FIRM },
        schema: {
          tags,
          summary:
            'Change the engagement or the task. With If-Match (its ETag), refused with 412 STALE_WRITE when someone changed it first',
          params: IdParams,
          body: SynthesisPatch,
          response: { 200: SavedSynthesisView },
        },
      },
      async (req, reply) =>
        withVersion(
          reply,
          await syntheses.update(workspaceActor(req), req.params.id, req.body, writeCondition(req)),
        ),
    );
    app.delete(
      '/:id',
      {
        config: { policy: FIRM },
        schema: {
          tags,
          summary: 'Delete a saved synthesis and let its transcripts go (with If-Match: only that version)',
          params: IdParams,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await syntheses.remove(workspaceActor(req), req.params.id, writeCondition(req));
        return reply.status(204).send();
      },
    );
    app.post(
      '/:id/edits',
      {
        config: { policy: FIRM },
        schema: {
          tags,
          summary:
            'One edit: rename, merge, split or drop a theme, move a quote or pick another, reorder, retitle. Kept in the edit log with who made it. With If-Match, 412 STALE_WRITE when someone edited first',
          params: IdParams,
          body: SynthesisEditBody,
          response: { 200: SavedSynthesisView },
        },
      },
      async (req, reply) =>
        withVersion(
          reply,
          await syntheses.edit(workspaceActor(req), req.params.id, req.body, writeCondition(req)),
        ),
    );
    app.get(
      '/:id/edits',
      {
        config: { policy: FIRM },
        schema: {
          tags,
          summary: 'The edit log, newest first: what changed, who changed it, when',
          params: IdParams,
          response: { 200: z.array(SynthesisEditEntryView) },
        },
      },
      async (req) => syntheses.edits(workspaceActor(req), req.params.id),
    );
    app.get(
      '/:id/passages',
      {
        config: { policy: FIRM },
        schema: {
          tags,
          summary:
            'Passages of one interviewee’s own words from the kept transcripts, to pick another quote (409 TRANSCRIPTS_NOT_KEPT when they were not kept)',
          params: IdParams,
          querystring: PassageQuery,
          response: { 200: z.array(PassageView) },
        },
      },
      async (req) => syntheses.passages(workspaceActor(req), req.params.id, req.query.interview, req.query.q),
    );
    const exported = (name: 'deck' | 'report' | 'insights', what: string, media: string) =>
      app.get(
        `/:id/${name}`,
        {
          config: { policy: FIRM },
          schema: {
            tags,
            summary: `${what}, rendered from the edited version`,
            params: IdParams,
            response: { 200: fileResponse(what, [media]) },
          },
        },
        async (req, reply) => {
          const out = await syntheses.render(workspaceActor(req), req.params.id);
          const base = out.deck.fileName.replace(/\.pptx$/, '');
          reply.header('etag', versionEtag(out.version)).type(media);
          if (name === 'deck')
            return reply
              .header('content-disposition', `attachment; filename="${out.deck.fileName}"`)
              .send(Buffer.from(out.deck.bytes));
          if (name === 'report')
            return reply
              .header('content-disposition', `attachment; filename="${base}.md"`)
              .send(out.markdown);
          return reply
            .header('content-disposition', 'attachment; filename="insights.json"')
            .send(`${JSON.stringify(out.insightsFile, null, 2)}\n`);
        },
      );
    exported('deck', 'The editable deck (PPTX)', PPTX);
    exported('report', 'The Markdown report', 'text/markdown; charset=utf-8');
    exported('insights', 'insights.json (the insights and the deck report)', 'application/json');
  };
  return [{ prefix: '/syntheses', plugin }];
}
