/**
 * Zod contracts of the marketplace's edges: requests and responses of /api/posts (the OpenAPI document,
 * so the web's generated types, come from these) and the CLI's options. zod and the domain's constants only.
 */
import { z } from 'zod';
import { MoneyOut, sameShape } from '../platform/contract.ts';
import type { Capabilities, MarketplaceInfo, PublishOutcome } from './connectors/connector.ts';
import { MARKETPLACES } from './limits.ts';
import {
  EXPERIENCE_LEVELS,
  type JobPost,
  type Listing,
  POST_LIMITS,
  type PostContent,
  type PostListRow,
  type PostVersionSummary,
  PRICING_KINDS,
} from './post.ts';
import type { Rendering } from './render.ts';

export { MARKETPLACES };
export const MarketplaceName = z.enum(MARKETPLACES);

const Item = z.string().max(POST_LIMITS.item);

export const PostContentIn = z.object({
  title: z.string().max(POST_LIMITS.title),
  summary: z.string().max(POST_LIMITS.summary),
  deliverables: z.array(Item).max(POST_LIMITS.items),
  acceptanceCriteria: z.array(Item).max(POST_LIMITS.items),
  pricing: z.object({
    kind: z.enum(PRICING_KINDS),
    amount: z.object({
      amountMinor: z.number().int().min(0).max(1e12),
      currency: z.string().regex(/^[A-Z]{3}$/, 'a 3-letter ISO currency code'),
    }),
    unit: z.string().max(60),
  }),
  turnaroundHours: z.number().min(0).max(POST_LIMITS.maxTurnaroundHours),
  volume: z.object({
    ordersPerYear: z.number().min(0).max(1e6),
    unitsPerOrder: z.number().min(0).max(1e6),
  }),
  skills: z.array(z.string().max(100)).max(POST_LIMITS.skills),
  screeningQuestions: z.array(Item).max(POST_LIMITS.questions),
  ndaRequired: z.boolean(),
  experienceLevel: z.enum(EXPERIENCE_LEVELS),
  category: z.string().max(120),
});

export const PostCompileIn = z.object({ taskId: z.string().min(1).max(300) });

export const PostEditIn = z.object({
  content: PostContentIn,
  /** The version the edit was made on: refused (412 STALE_WRITE) when another edit came first. */
  version: z.number().int().min(1).optional(),
  note: z.string().max(300).optional(),
});

export const ListingIn = z.object({
  marketplace: MarketplaceName,
  url: z.string().min(1).max(2000),
});

export const PostContentOut = PostContentIn.extend({
  pricing: z.object({ kind: z.enum(PRICING_KINDS), amount: MoneyOut, unit: z.string() }),
}).meta({ id: 'PostContent' });
sameShape<z.output<typeof PostContentOut>, PostContent>(true);

export const PostView = z
  .object({
    id: z.string(),
    taskId: z.string(),
    taskName: z.string(),
    version: z.number(),
    procedureVersion: z.object({ id: z.string(), number: z.number() }),
    newerProcedureVersion: z.number().nullable(),
    content: PostContentOut,
    edited: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'JobPost' });
sameShape<z.output<typeof PostView>, JobPost>(true);

export const PostListView = z.array(
  z.object({
    id: z.string(),
    taskId: z.string(),
    taskName: z.string(),
    title: z.string(),
    version: z.number(),
    procedureVersion: z.number(),
    edited: z.boolean(),
    updatedAt: z.string(),
  }),
);
sameShape<z.output<typeof PostListView>[number], PostListRow>(true);

const VersionSummaryOut = z.object({
  version: z.number(),
  procedureVersion: z.number(),
  edited: z.boolean(),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
sameShape<z.output<typeof VersionSummaryOut>, PostVersionSummary>(true);
export const PostVersionsView = z.array(VersionSummaryOut);
export const PostVersionView = VersionSummaryOut.extend({ content: PostContentOut });

const FieldValueOut = z.union([z.string(), z.array(z.string())]);

export const RenderingView = z
  .object({
    marketplace: MarketplaceName,
    label: z.string(),
    postingUrl: z.string().nullable(),
    fields: z.record(z.string(), FieldValueOut),
    layout: z.array(
      z.object({
        field: z.string(),
        label: z.string(),
        max: z.number().nullable(),
        maxItems: z.number().nullable(),
      }),
    ),
    warnings: z.array(
      z.object({
        field: z.string(),
        code: z.enum([
          'SHORTENED',
          'ITEMS_DROPPED',
          'TOO_SHORT',
          'NO_WORD_FITS',
          'PRICE_CONVERTED',
          'CHOOSE_ON_SITE',
        ]),
        message: z.string(),
      }),
    ),
    postId: z.string().nullable(),
    postVersion: z.number().nullable(),
  })
  .meta({ id: 'PostRendering' });
sameShape<z.output<typeof RenderingView>, Rendering & { postId: string | null; postVersion: number | null }>(
  true,
);

export const ListingView = z
  .object({
    id: z.string(),
    postId: z.string(),
    postVersion: z.number(),
    marketplace: MarketplaceName,
    via: z.enum(['assisted', 'api']),
    url: z.string(),
    externalId: z.string().nullable(),
    status: z.enum(['open', 'closed']),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Listing' });
sameShape<z.output<typeof ListingView>, Listing>(true);
export const ListingRecordedView = z.object({ listing: ListingView, created: z.boolean() });

// Connectors: the marketplaces, the firm's API connections, the outbound jobs.

export const FreelancerSettingsIn = z.object({
  currencyId: z.number().int().min(1),
  jobIds: z.array(z.number().int().min(1)).min(1).max(20),
  hoursPerWeek: z.number().int().min(1).max(80).optional(),
});
export const UpworkSettingsIn = z.object({
  organizationId: z.string().min(1).max(200),
  categoryId: z.string().min(1).max(200).optional(),
  durationId: z.string().min(1).max(200).optional(),
});

export const ConnectionIn = z.object({
  /** The API token (Freelancer.com: OAuth or personal access token; Upwork: OAuth2 access token). Never answered. */
  token: z.string().trim().min(8).max(4000),
  settings: z.record(z.string(), z.unknown()),
});

export const ApiMarketplaceName = z.enum(['freelancer', 'upwork']);

const CapabilitiesOut = z.object({
  render: z.boolean(),
  post: z.boolean(),
  readBids: z.boolean(),
  award: z.boolean(),
  pay: z.boolean(),
});
sameShape<z.output<typeof CapabilitiesOut>, Capabilities>(true);

export const MarketplaceInfoView = z
  .object({
    marketplace: MarketplaceName,
    label: z.string(),
    postingUrl: z.string().nullable(),
    capabilities: CapabilitiesOut,
    api: z.boolean(),
    connected: z.boolean(),
    settings: z.record(z.string(), z.unknown()),
    connectedAt: z.string().nullable(),
  })
  .meta({ id: 'MarketplaceInfo' });
sameShape<z.output<typeof MarketplaceInfoView>, MarketplaceInfo>(true);

export const PublishIn = z.object({ marketplace: MarketplaceName });
export const PublishView = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('api'), jobId: z.string(), created: z.boolean() }),
  z.object({
    mode: z.literal('assisted'),
    postingUrl: z.string().nullable(),
    rendering: RenderingView.omit({ postId: true, postVersion: true }),
  }),
]);
sameShape<z.output<typeof PublishView>, PublishOutcome>(true);

export const JobRefView = z.object({ jobId: z.string(), created: z.boolean() });
export const AwardIn = z.object({ bidExternalId: z.string().trim().min(1).max(200) });
