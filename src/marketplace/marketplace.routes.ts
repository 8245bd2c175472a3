/** /api/posts: job posts for owner and staff. Thin: validate, call the service, shape the answer. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noContent } from '../platform/contract.ts';
import { AppError } from '../platform/errors.ts';
import { FIRM, OWNER, workspaceActor } from '../platform/http/policy.ts';
import type { ApiFeature } from '../platform/http/server.ts';
import {
  ApiMarketplaceName,
  AwardIn,
  ConnectionIn,
  FreelancerSettingsIn,
  JobRefView,
  ListingIn,
  ListingRecordedView,
  ListingView,
  MarketplaceInfoView,
  MarketplaceName,
  PostCompileIn,
  PostEditIn,
  PostListView,
  PostVersionsView,
  PostVersionView,
  PostView,
  PublishIn,
  PublishView,
  RenderingView,
  UpworkSettingsIn,
} from './marketplace.schemas.ts';
import type { MarketplaceService } from './marketplace.service.ts';

const Id = z.object({ id: z.string().min(1).max(300) });
const config = { policy: FIRM };

export function marketplaceRoutes(market: MarketplaceService): ApiFeature[] {
  const posts: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['posts'];

    app.get(
      '/',
      {
        config,
        schema: { tags, summary: 'Job posts, newest change first', response: { 200: PostListView } },
      },
      async (req) => market.listPosts(workspaceActor(req)),
    );
    app.post(
      '/',
      {
        config,
        schema: {
          tags,
          summary:
            'Compile the task’s post from its latest approved standard procedure (a new post, or a new version of the task’s post)',
          body: PostCompileIn,
          response: { 200: PostView },
        },
      },
      async (req) => market.compile(workspaceActor(req), req.body.taskId),
    );
    app.get(
      '/by-task/:id',
      {
        config,
        schema: {
          tags,
          summary: 'The task’s post, or null when none was compiled yet',
          params: Id,
          response: { 200: PostView.nullable() },
        },
      },
      async (req) => market.postForTask(workspaceActor(req), req.params.id),
    );
    app.get(
      '/:id',
      {
        config,
        schema: {
          tags,
          summary: 'One job post (its current version)',
          params: Id,
          response: { 200: PostView },
        },
      },
      async (req) => market.getPost(workspaceActor(req), req.params.id),
    );
    app.put(
      '/:id',
      {
        config,
        schema: {
          tags,
          summary: 'Edit the post: a new version (412 STALE_WRITE when `version` is not the current one)',
          params: Id,
          body: PostEditIn,
          response: { 200: PostView },
        },
      },
      async (req) =>
        market.edit(workspaceActor(req), req.params.id, {
          content: req.body.content,
          ...(req.body.version !== undefined ? { expectedVersion: req.body.version } : {}),
          ...(req.body.note !== undefined ? { note: req.body.note } : {}),
        }),
    );
    app.get(
      '/:id/versions',
      {
        config,
        schema: {
          tags,
          summary: 'The post’s versions, newest first',
          params: Id,
          response: { 200: PostVersionsView },
        },
      },
      async (req) => market.versions(workspaceActor(req), req.params.id),
    );
    app.get(
      '/:id/versions/:version',
      {
        config,
        schema: {
          tags,
          summary: 'One past version of the post, with its content',
          params: Id.extend({ version: z.coerce.number().int().min(1) }),
          response: { 200: PostVersionView },
        },
      },
      async (req) => market.version(workspaceActor(req), req.params.id, req.params.version),
    );
    app.get(
      '/:id/render/:marketplace',
      {
        config,
        schema: {
          tags,
          summary: 'The post rendered within a marketplace’s fields and limits (shortened fields warned)',
          params: Id.extend({ marketplace: MarketplaceName }),
          response: { 200: RenderingView },
        },
      },
      async (req) => market.render(workspaceActor(req), req.params.id, req.params.marketplace),
    );
    app.get(
      '/:id/listings',
      {
        config,
        schema: {
          tags,
          summary: 'Where the post is listed',
          params: Id,
          response: { 200: z.array(ListingView) },
        },
      },
      async (req) => market.listings(workspaceActor(req), req.params.id),
    );
    app.post(
      '/:id/listings',
      {
        config,
        schema: {
          tags,
          summary:
            'Record the listing URL pasted back from a marketplace (its id parsed; the same URL again is no new listing)',
          params: Id,
          body: ListingIn,
          response: { 200: ListingRecordedView },
        },
      },
      async (req) => market.recordListing(workspaceActor(req), req.params.id, req.body),
    );
    app.post(
      '/:id/publish',
      {
        config,
        schema: {
          tags,
          summary:
            'Publish the current version on a marketplace: a job through its API connector when connected (once per version), else the assisted rendering and the page to post it on',
          params: Id,
          body: PublishIn,
          response: { 200: PublishView },
        },
      },
      async (req) => market.publish(workspaceActor(req), req.params.id, req.body.marketplace),
    );
  };

  const listings: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/:id/close',
      {
        config,
        schema: {
          tags: ['posts'],
          summary: 'Mark a listing closed (filled or withdrawn on the marketplace)',
          params: Id,
          response: { 200: ListingView },
        },
      },
      async (req) => market.closeListing(workspaceActor(req), req.params.id),
    );
    app.post(
      '/:id/fetch-bids',
      {
        config,
        schema: {
          tags: ['posts'],
          summary: 'Read the listing’s bids through the marketplace’s API (a job; its result holds the bids)',
          params: Id,
          response: { 200: JobRefView },
        },
      },
      async (req) => market.fetchBids(workspaceActor(req), req.params.id),
    );
    app.post(
      '/:id/award',
      {
        config,
        schema: {
          tags: ['posts'],
          summary: 'Award a bid on the marketplace through its API (a job, once per listing)',
          params: Id,
          body: AwardIn,
          response: { 200: JobRefView },
        },
      },
      async (req) => market.award(workspaceActor(req), req.params.id, req.body.bidExternalId),
    );
  };

  const marketplaces: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['marketplaces'];
    const M = z.object({ marketplace: ApiMarketplaceName });
    app.get(
      '/',
      {
        config,
        schema: {
          tags,
          summary:
            'The marketplaces: posting page, connector capabilities, whether the firm connected its API (never the token)',
          response: { 200: z.array(MarketplaceInfoView) },
        },
      },
      async (req) => market.marketplaces(workspaceActor(req)),
    );
    app.put(
      '/:marketplace/connection',
      {
        config: { policy: OWNER },
        schema: {
          tags,
          summary:
            'Save the firm’s API token (stored encrypted, never shown again) and the connection’s settings',
          params: M,
          body: ConnectionIn,
          response: { 200: MarketplaceInfoView },
        },
      },
      async (req) => {
        const schema = req.params.marketplace === 'freelancer' ? FreelancerSettingsIn : UpworkSettingsIn;
        const parsed = schema.safeParse(req.body.settings);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new AppError(
            'VALIDATION_FAILED',
            `settings.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
            { field: `settings.${issue?.path.join('.') ?? ''}` },
          );
        }
        return market.connect(workspaceActor(req), req.params.marketplace, {
          token: req.body.token,
          settings: parsed.data as Record<string, unknown>,
        });
      },
    );
    app.delete(
      '/:marketplace/connection',
      {
        config: { policy: OWNER },
        schema: {
          tags,
          summary: 'Forget the firm’s API token: the marketplace is served the assisted way again',
          params: M,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await market.disconnect(workspaceActor(req), req.params.marketplace);
        return reply.code(204).send();
      },
    );
  };

  return [
    { prefix: '/posts', plugin: posts },
    { prefix: '/listings', plugin: listings },
    { prefix: '/marketplaces', plugin: marketplaces },
  ];
}
