/**
 * The marketplace feature as one object for the edges (routes, CLI, demo, other features): each
 * method a use case of ./use-cases/, given the context built here once.
 */
import {
  awardOnMarketplace,
  deleteConnection,
  fetchBids,
  listMarketplaces,
  publishPost,
  runAward,
  runPostListing,
  runReadBids,
  saveConnection,
} from './use-cases/connectors.ts';
import { type MarketplaceContext, type MarketplaceDeps, marketplaceContext } from './use-cases/context.ts';
import {
  closeListing,
  listListings,
  recordListing,
  renderStoredPost,
  renderTaskPost,
} from './use-cases/listings.ts';
import {
  compileTaskPost,
  editPost,
  getPost,
  listPosts,
  postForTask,
  postVersion,
  postVersions,
} from './use-cases/posts.ts';

export type { MarketplaceInfo, PublishOutcome } from './connectors/connector.ts';
export type { MarketplaceActor, MarketplaceDeps } from './use-cases/context.ts';

function bound<A extends unknown[], R>(
  ctx: MarketplaceContext,
  f: (ctx: MarketplaceContext, ...args: A) => R,
) {
  return (...args: A): R => f(ctx, ...args);
}

export function createMarketplaceService(deps: MarketplaceDeps) {
  const ctx = marketplaceContext(deps);
  const use = <A extends unknown[], R>(f: (ctx: MarketplaceContext, ...args: A) => R) => bound(ctx, f);
  return {
    // Posts
    listPosts: use(listPosts),
    getPost: use(getPost),
    postForTask: use(postForTask),
    compile: use(compileTaskPost),
    edit: use(editPost),
    versions: use(postVersions),
    version: use(postVersion),
    // Renderings and listings
    renderTask: use(renderTaskPost),
    render: use(renderStoredPost),
    listings: use(listListings),
    recordListing: use(recordListing),
    closeListing: use(closeListing),
    // Connectors: the marketplaces, the firm's tokens, the outbound jobs
    marketplaces: use(listMarketplaces),
    connect: use(saveConnection),
    disconnect: use(deleteConnection),
    publish: use(publishPost),
    fetchBids: use(fetchBids),
    award: use(awardOnMarketplace),
    /** The job handlers (registered by the composition root). */
    handlers: { postListing: use(runPostListing), readBids: use(runReadBids), award: use(runAward) },
  };
}

export type MarketplaceService = ReturnType<typeof createMarketplaceService>;
