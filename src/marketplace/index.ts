/**
 * Step 6, out-tasking: job posts compiled from approved standard procedures, rendered within each
 * marketplace's fields and limits, listings pasted back. See docs/architecture.md.
 */
export type { Capabilities, NormalizedBid } from './connectors/connector.ts';
export { type HttpDeps, realSleep } from './connectors/http.ts';
export { MARKETPLACE_LABELS, MARKETPLACE_SPECS, MARKETPLACES, type Marketplace } from './limits.ts';
export { type ParsedListing, parseListingUrl } from './listing.ts';
export { awardBidJob, postListingJob, readBidsJob } from './marketplace.jobs.ts';
export { marketplaceRoutes } from './marketplace.routes.ts';
export {
  createMarketplaceService,
  type MarketplaceActor,
  type MarketplaceDeps,
  type MarketplaceInfo,
  type MarketplaceService,
  type PublishOutcome,
} from './marketplace.service.ts';
export * from './post.ts';
export { type Rendering, type RenderWarning, renderPost } from './render.ts';
export { shorten } from './shorten.ts';
