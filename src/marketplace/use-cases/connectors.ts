/**
 * The marketplaces as the firm has them: which connector serves each (capability flags), the firm's
 * API tokens (sealed at rest, never answered), and the outbound work as durable jobs: post a listing,
 * read its bids, award a bid. With no token, the assisted way answers instead.
 */
import type { WorkspaceActor } from '../../platform/actor.ts';
import { nowIso } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { JobContext } from '../../platform/jobs/index.ts';
import { sealSecret } from '../../platform/secrets.ts';
import { bidRowOf } from '../bid-rows.ts';
import type { MarketplaceInfo, NormalizedBid, PublishOutcome } from '../connectors/connector.ts';
import { apiConnector, capabilitiesOf, isApiMarketplace, tokenContext } from '../connectors/registry.ts';
import { MARKETPLACE_SPECS, MARKETPLACES, type Marketplace } from '../limits.ts';
import { awardBidJob, postListingJob, readBidsJob } from '../marketplace.jobs.ts';
import { marketplaceStore as store } from '../marketplace.store.ts';
import type { Listing } from '../post.ts';
import { renderPost } from '../render.ts';
import type { MarketplaceActor, MarketplaceContext } from './context.ts';
import { insertListingOnce } from './listings.ts';
import { requirePost } from './posts.ts';

export async function listMarketplaces(
  ctx: MarketplaceContext,
  actor: MarketplaceActor,
): Promise<MarketplaceInfo[]> {
  const conns = await store.listConnections(ctx.db, actor.workspace.id);
  return MARKETPLACES.map((m) => {
    const conn = conns.find((c) => c.marketplace === m);
    let capabilities = capabilitiesOf(null);
    let connected = false;
    try {
      const c = apiConnector(ctx.connectors, actor.workspace.id, m, conn);
      capabilities = capabilitiesOf(c);
      connected = c !== null;
    } catch {
      // A token this key cannot open: assisted until it is saved again.
    }
    return {
      marketplace: m,
      label: MARKETPLACE_SPECS[m].label,
      postingUrl: MARKETPLACE_SPECS[m].postingUrl,
      capabilities,
      api: isApiMarketplace(m),
      connected,
      settings: conn?.settings ?? {},
      connectedAt: conn?.updatedAt ?? null,
    };
  });
}

export async function saveConnection(
  ctx: MarketplaceContext,
  actor: MarketplaceActor,
  marketplace: Marketplace,
  input: { token: string; settings: Record<string, unknown> },
): Promise<MarketplaceInfo> {
  if (!isApiMarketplace(marketplace)) {
    throw new AppError(
      'MARKETPLACE_UNSUPPORTED',
      `${MARKETPLACE_SPECS[marketplace].label} has no API to connect: post it the assisted way`,
    );
  }
  const key = ctx.connectors.secretsKey;
  if (!key) {
    throw new AppError(
      'MARKETPLACE_NOT_CONFIGURED',
      'Tokens are stored encrypted: set OUTTASK_SECRETS_KEY (32 bytes, `openssl rand -base64 32`) on the server first',
    );
  }
  const now = nowIso(ctx.deps);
  await ctx.db.transaction().execute(async (trx) => {
    await store.saveConnection(trx, actor.workspace.id, {
      marketplace,
      tokenSealed: sealSecret(key, input.token, tokenContext(actor.workspace.id, marketplace)),
      settings: input.settings,
      createdBy: actor.userId,
      updatedAt: now,
    });
    await ctx.audit(trx, actor, 'marketplace.connect', 'marketplace', marketplace, {
      settings: input.settings,
    });
  });
  return (await listMarketplaces(ctx, actor)).find((m) => m.marketplace === marketplace)!;
}

export async function deleteConnection(
  ctx: MarketplaceContext,
  actor: MarketplaceActor,
  marketplace: Marketplace,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if (await store.deleteConnection(trx, actor.workspace.id, marketplace)) {
      await ctx.audit(trx, actor, 'marketplace.disconnect', 'marketplace', marketplace);
    }
  });
}

async function connectorOf(ctx: MarketplaceContext, workspaceId: string, marketplace: Marketplace) {
  const conn = await store.findConnection(ctx.db, workspaceId, marketplace);
  try {
    return apiConnector(ctx.connectors, workspaceId, marketplace, conn);
  } catch {
    return null;
  }
}

/**
 * Publishes the post's current version on a marketplace: as a job through its API connector when the
 * firm connected one (once per post version and marketplace), else the assisted way (the rendering and
 * the page to post it on; the listing URL is pasted back).
 */
export async function publishPost(
  ctx: MarketplaceContext,
  actor: MarketplaceActor,
  postId: string,
  marketplace: Marketplace,
): Promise<PublishOutcome> {
  const post = await requirePost(ctx, actor, postId);
  const connector = await connectorOf(ctx, actor.workspace.id, marketplace);
  if (!connector?.capabilities.post || !isApiMarketplace(marketplace)) {
    const v = await store.getVersion(ctx.db, post.id, post.version);
    if (!v) throw new AppError('INTERNAL', `Post ${post.id} has no version ${post.version}`);
    return {
      mode: 'assisted',
      postingUrl: MARKETPLACE_SPECS[marketplace].postingUrl,
      rendering: renderPost(v.content, marketplace),
    };
  }
  const r = await ctx.db.transaction().execute(async (trx) => {
    const e = await ctx.queue.enqueue(
      trx,
      postListingJob,
      { postId: post.id, version: post.version, marketplace },
      {
        workspaceId: actor.workspace.id,
        createdBy: actor.userId,
        idempotencyKey: `post:${post.id}:v${post.version}:${marketplace}`,
      },
    );
    if (e.created) {
      await ctx.audit(trx, actor, 'post.publish', 'job_post', post.id, {
        marketplace,
        version: post.version,
        job: e.job.id,
      });
    }
    return e;
  });
  return { mode: 'api', jobId: r.job.id, created: r.created };
}

async function requireListing(ctx: MarketplaceContext, workspaceId: string, id: string): Promise<Listing> {
  const l = await store.findListing(ctx.db, workspaceId, id);
  if (!l) throw new AppError('LISTING_NOT_FOUND', `No listing ${id} in this workspace`, { id });
  return l;
}

async function apiFor(ctx: MarketplaceContext, workspaceId: string, l: Listing, what: 'readBids' | 'award') {
  const c = await connectorOf(ctx, workspaceId, l.marketplace);
  if (!c) {
    throw new AppError(
      'MARKETPLACE_NOT_CONFIGURED',
      `${MARKETPLACE_SPECS[l.marketplace].label} is not connected: enter or paste its bids by hand, or connect its API in the marketplace settings`,
    );
  }
  if (!c.capabilities[what]) {
    throw new AppError(
      'MARKETPLACE_UNSUPPORTED',
      what === 'award'
        ? `${MARKETPLACE_SPECS[l.marketplace].label}: the award is made on the marketplace; record it here afterwards`
        : `${MARKETPLACE_SPECS[l.marketplace].label}: bids cannot be read through its API`,
    );
  }
  if (!l.externalId) throw new AppError('LISTING_NOT_FOUND', 'The listing has no marketplace id');
  return c;
}

/** Queues a read of the listing's bids (the job's result is the bids, normalized). */
export async function fetchBids(
  ctx: MarketplaceContext,
  actor: MarketplaceActor,
  listingId: string,
): Promise<{ jobId: string; created: boolean }> {
  const l = await requireListing(ctx, actor.workspace.id, listingId);
  await apiFor(ctx, actor.workspace.id, l, 'readBids');
  const r = await ctx.db
    .transaction()
    .execute((trx) =>
      ctx.queue.enqueue(
        trx,
        readBidsJob,
        { listingId: l.id },
        { workspaceId: actor.workspace.id, createdBy: actor.userId },
      ),
    );
  return { jobId: r.job.id, created: r.created };
}

/**
 * Queues the award of one bid on the marketplace: once per listing (a second request, for whichever
 * bid, returns the first job; a different bid is refused).
 */
export async function awardOnMarketplace(
  ctx: MarketplaceContext,
  actor: MarketplaceActor,
  listingId: string,
  bidExternalId: string,
): Promise<{ jobId: string; created: boolean }> {
  const l = await requireListing(ctx, actor.workspace.id, listingId);
  await apiFor(ctx, actor.workspace.id, l, 'award');
  const r = await ctx.db.transaction().execute(async (trx) => {
    const e = await ctx.queue.enqueue(
      trx,
      awardBidJob,
      { listingId: l.id, bidExternalId },
      { workspaceId: actor.workspace.id, createdBy: actor.userId, idempotencyKey: `award:${l.id}` },
    );
    if (e.created) {
      await ctx.audit(trx, actor, 'post.award', 'job_post', l.postId, {
        listingId: l.id,
        bid: bidExternalId,
        job: e.job.id,
      });
    }
    return e;
  });
  const first = r.created ? undefined : await ctx.queue.get(r.job.id);
  const asked = (first?.payload as { bidExternalId?: string } | undefined)?.bidExternalId;
  if (asked !== undefined && asked !== bidExternalId) {
    throw new AppError('BID_ALREADY_AWARDED', `This listing's award already went to bid ${asked}`, {
      jobId: r.job.id,
    });
  }
  return { jobId: r.job.id, created: r.created };
}

// The handlers, registered in the composition root: they run in a worker, one job at a time.

async function jobActor(ctx: MarketplaceContext, job: JobContext['job']): Promise<WorkspaceActor> {
  if (!job.workspaceId) throw new AppError('JOB_PAYLOAD_INVALID', `Job ${job.id} has no workspace`);
  return { workspace: await ctx.resolveWorkspace(job.workspaceId), userId: job.createdBy };
}

export async function runPostListing(
  ctx: MarketplaceContext,
  p: { postId: string; version: number; marketplace: 'freelancer' | 'upwork' },
  job: JobContext,
): Promise<{ listingId: string; url: string; externalId: string }> {
  const actor = await jobActor(ctx, job.job);
  const post = await requirePost(ctx, actor, p.postId);
  const v = await store.getVersion(ctx.db, post.id, p.version);
  if (!v) throw new AppError('POST_NOT_FOUND', `Job post ${p.postId} has no version ${p.version}`);
  const connector = await connectorOf(ctx, actor.workspace.id, p.marketplace);
  if (!connector?.capabilities.post) {
    throw new AppError(
      'MARKETPLACE_NOT_CONFIGURED',
      `${MARKETPLACE_SPECS[p.marketplace].label} is not connected any more: post it the assisted way`,
    );
  }
  // Once per job across attempts: a retried job does not post twice (see docs for the one window left).
  const posted = await job.step('post', () => connector.post(v.content, job.signal));
  const listing = await job.transact('record', async (trx) => {
    const { listing } = await insertListingOnce(ctx, trx, actor, post, {
      marketplace: p.marketplace,
      url: posted.url,
      externalId: posted.externalId,
      via: 'api',
      version: p.version,
    });
    return listing;
  });
  return { listingId: listing.id, url: listing.url, externalId: posted.externalId };
}

export interface ReadBidsResult {
  listingId: string;
  bids: NormalizedBid[];
  /** What went into the bids table (null: nothing wired to keep them). */
  stored: {
    created: number;
    updated: number;
    newOuttaskers: number;
    skipped: { line: number; reason: string }[];
  } | null;
}

export async function runReadBids(
  ctx: MarketplaceContext,
  p: { listingId: string },
  job: JobContext,
): Promise<ReadBidsResult> {
  const actor = await jobActor(ctx, job.job);
  const l = await requireListing(ctx, actor.workspace.id, p.listingId);
  const c = await apiFor(ctx, actor.workspace.id, l, 'readBids');
  const post = await requirePost(ctx, actor, l.postId);
  const v =
    (await store.getVersion(ctx.db, l.postId, l.postVersion)) ??
    (await store.getVersion(ctx.db, post.id, post.version));
  if (!v) throw new AppError('POST_NOT_FOUND', `Job post ${post.id} has no version ${l.postVersion}`);
  const content = v.content;
  const terms = {
    currency: content.pricing.amount.currency,
    kind: content.pricing.kind === 'hourly' ? ('hourly' as const) : ('fixed' as const),
  };
  // Reading is harmless to repeat, and so is storing: the bids are keyed by the marketplace's bid id.
  const bids = await c.readBids(l.externalId!, terms, job.signal);
  if (!ctx.bids || (l.marketplace !== 'freelancer' && l.marketplace !== 'upwork')) {
    return { listingId: l.id, bids, stored: null };
  }
  const stored = await ctx.bids(actor, {
    taskId: post.taskId,
    postId: post.id,
    marketplace: l.marketplace,
    bids: bids.map((b) => bidRowOf(b, content)),
  });
  return { listingId: l.id, bids, stored };
}

export async function runAward(
  ctx: MarketplaceContext,
  p: { listingId: string; bidExternalId: string },
  job: JobContext,
): Promise<{ listingId: string; awarded: string }> {
  const actor = await jobActor(ctx, job.job);
  const l = await requireListing(ctx, actor.workspace.id, p.listingId);
  const c = await apiFor(ctx, actor.workspace.id, l, 'award');
  await job.step('award', () => c.award(l.externalId!, p.bidExternalId, job.signal));
  return { listingId: l.id, awarded: p.bidExternalId };
}
