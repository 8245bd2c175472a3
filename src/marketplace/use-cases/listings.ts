/** A post rendered for a marketplace, and the listing URL pasted back (recorded once, its id parsed). */
import { nowIso } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Marketplace } from '../limits.ts';
import { parseListingUrl } from '../listing.ts';
import { type Listing, type PostRow, marketplaceStore as store } from '../marketplace.store.ts';
import { type Rendering, renderPost } from '../render.ts';
import type { MarketplaceActor, MarketplaceContext, Trx } from './context.ts';
import { draftPost, requirePost } from './posts.ts';

/** The task's post (or, when none is stored, the one its approved procedure compiles to) for a marketplace. */
export async function renderTaskPost(
  ctx: MarketplaceContext,
  actor: MarketplaceActor,
  taskRef: string,
  marketplace: Marketplace,
): Promise<Rendering & { postId: string | null; postVersion: number | null }> {
  const overview = await ctx.procedures.taskOverview(actor, taskRef);
  const post = await store.findPostByTask(ctx.db, actor.workspace.id, overview.task.id);
  if (post) {
    const v = await store.getVersion(ctx.db, post.id, post.version);
    if (v) return { ...renderPost(v.content, marketplace), postId: post.id, postVersion: post.version };
  }
  const { content } = await draftPost(ctx, actor, overview.task.id);
  return { ...renderPost(content, marketplace), postId: null, postVersion: null };
}

export async function renderStoredPost(
  ctx: MarketplaceContext,
  actor: MarketplaceActor,
  postId: string,
  marketplace: Marketplace,
): Promise<Rendering & { postId: string | null; postVersion: number | null }> {
  const post = await requirePost(ctx, actor, postId);
  const v = await store.getVersion(ctx.db, post.id, post.version);
  if (!v) throw new AppError('INTERNAL', `Post ${post.id} has no version ${post.version}`);
  return { ...renderPost(v.content, marketplace), postId: post.id, postVersion: post.version };
}

export async function listListings(
  ctx: MarketplaceContext,
  actor: MarketplaceActor,
  postId: string,
): Promise<Listing[]> {
  const post = await requirePost(ctx, actor, postId);
  return store.listListings(ctx.db, actor.workspace.id, post.id);
}

/**
 * Records where the post's current version was listed: the URL pasted back (assisted) or the one an
 * API connector got. The same URL again returns the listing already recorded.
 */
/** Inserts the listing unless the same URL is recorded for the post already (then returns that one). */
export async function insertListingOnce(
  ctx: MarketplaceContext,
  trx: Trx,
  actor: MarketplaceActor,
  post: PostRow,
  input: {
    marketplace: Marketplace;
    url: string;
    externalId: string | null;
    via: Listing['via'];
    version: number;
  },
): Promise<{ listing: Listing; created: boolean }> {
  const seen = await store.findListingByUrl(trx, post.id, input.marketplace, input.url);
  if (seen) return { listing: seen, created: false };
  const now = nowIso(ctx.deps);
  const listing: Listing = {
    id: ctx.deps.newId(),
    postId: post.id,
    postVersion: input.version,
    marketplace: input.marketplace,
    via: input.via,
    url: input.url,
    externalId: input.externalId,
    status: 'open',
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  await store.insertListing(trx, actor.workspace.id, listing);
  await ctx.audit(trx, actor, 'post.listing.record', 'job_post', post.id, {
    marketplace: listing.marketplace,
    url: listing.url,
    externalId: listing.externalId,
    via: listing.via,
  });
  return { listing, created: true };
}

/**
 * Records where the post's current version was listed: the URL pasted back from the marketplace (its
 * id parsed). The same URL again returns the listing already recorded.
 */
export async function recordListing(
  ctx: MarketplaceContext,
  actor: MarketplaceActor,
  postId: string,
  input: { marketplace: Marketplace; url: string },
): Promise<{ listing: Listing; created: boolean }> {
  const post = await requirePost(ctx, actor, postId);
  const parsed = parseListingUrl(input.marketplace, input.url);
  return ctx.db.transaction().execute((trx) =>
    insertListingOnce(ctx, trx, actor, post, {
      marketplace: input.marketplace,
      url: parsed.url,
      externalId: parsed.externalId,
      via: 'assisted',
      version: post.version,
    }),
  );
}

export async function closeListing(
  ctx: MarketplaceContext,
  actor: MarketplaceActor,
  listingId: string,
): Promise<Listing> {
  const l = await store.findListing(ctx.db, actor.workspace.id, listingId);
  if (!l)
    throw new AppError('LISTING_NOT_FOUND', `No listing ${listingId} in this workspace`, { id: listingId });
  const now = nowIso(ctx.deps);
  await ctx.db.transaction().execute(async (trx) => {
    await store.setListingStatus(trx, actor.workspace.id, l.id, 'closed', now);
    await ctx.audit(trx, actor, 'post.listing.close', 'job_post', l.postId, { listingId: l.id });
  });
  return { ...l, status: 'closed', updatedAt: now };
}
