/** The durable jobs of the API connectors: every outbound call runs as one (retried, idempotent, visible). */
import { z } from 'zod';
import { defineJob } from '../platform/jobs/index.ts';

const backoff = { baseMs: 30_000, maxMs: 30 * 60_000 };
const ApiMarketplace = z.enum(['freelancer', 'upwork']);

export const postListingJob = defineJob({
  kind: 'marketplace.post',
  version: 1,
  payload: z.object({
    postId: z.string().min(1),
    version: z.number().int().min(1),
    marketplace: ApiMarketplace,
  }),
  maxAttempts: 6,
  backoff,
  timeoutMs: 10 * 60_000,
});

export const readBidsJob = defineJob({
  kind: 'marketplace.read-bids',
  version: 1,
  payload: z.object({ listingId: z.string().min(1) }),
  maxAttempts: 6,
  backoff,
  timeoutMs: 10 * 60_000,
});

export const awardBidJob = defineJob({
  kind: 'marketplace.award',
  version: 1,
  payload: z.object({ listingId: z.string().min(1), bidExternalId: z.string().min(1).max(200) }),
  maxAttempts: 6,
  backoff,
  timeoutMs: 10 * 60_000,
});
