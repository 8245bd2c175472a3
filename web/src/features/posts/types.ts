/**
 * The job posts API's JSON shapes, from the routes' response schemas (type-only imports: no server
 * code reaches the browser bundle).
 */
import type { z } from 'zod';
import type {
  ListingRecordedView,
  ListingView,
  PostContentIn,
  PostView,
  RenderingView,
} from '../../../../src/marketplace/marketplace.schemas.ts';

export type JobPost = z.infer<typeof PostView>;
export type PostContent = z.infer<typeof PostContentIn>;
export type Rendering = z.infer<typeof RenderingView>;
export type Listing = z.infer<typeof ListingView>;
export type ListingRecorded = z.infer<typeof ListingRecordedView>;

export const MARKETPLACE_TABS = [
  { id: 'upwork', label: 'Upwork' },
  { id: 'freelancer', label: 'Freelancer.com' },
  { id: 'peopleperhour', label: 'PeoplePerHour' },
  { id: 'truelancer', label: 'Truelancer' },
  { id: 'generic', label: 'Email or own site' },
] as const;
export type MarketplaceId = (typeof MARKETPLACE_TABS)[number]['id'];
