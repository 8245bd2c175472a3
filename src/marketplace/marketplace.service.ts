/**
 * The marketplace feature as one object for the edges (routes, CLI, demo, other features): each
 * method a use case of ./use-cases/, given the context built here once.
 */
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
  };
}

export type MarketplaceService = ReturnType<typeof createMarketplaceService>;
