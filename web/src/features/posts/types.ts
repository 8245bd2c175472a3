/** The job posts API's JSON shapes, from the API contract (../../api/contract.ts). */
import type { Answer, Body, Schema } from '../../api/contract.ts';

export type JobPost = Schema<'JobPost'>;
/** What an edit sends (PUT /api/posts/:id). */
export type PostContent = Body<'/api/posts/{id}', 'put'>['content'];
export type Rendering = Schema<'PostRendering'>;
export type Listing = Schema<'Listing'>;
export type ListingRecorded = Answer<'/api/posts/{id}/listings', 'post'>;

export const MARKETPLACE_TABS = [
  { id: 'upwork', label: 'Upwork' },
  { id: 'freelancer', label: 'Freelancer.com' },
  { id: 'peopleperhour', label: 'PeoplePerHour' },
  { id: 'truelancer', label: 'Truelancer' },
  { id: 'generic', label: 'Email or own site' },
] as const;
export type MarketplaceId = (typeof MARKETPLACE_TABS)[number]['id'];
