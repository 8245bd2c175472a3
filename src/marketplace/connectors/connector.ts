/**
 * One interface for every marketplace, with capability flags: what a connector can do there. The
 * assisted connector (render, copy, paste the listing URL back) works everywhere with nothing
 * configured; an API connector (Freelancer.com, Upwork) adds posting, reading bids and awarding where
 * the marketplace's API allows it and the firm has given a token. Pure types.
 */
import type { Money } from '../../platform/money.ts';
import type { Marketplace } from '../limits.ts';
import type { PostContent } from '../post.ts';
import type { Rendering } from '../render.ts';

export interface Capabilities {
  /** Renders within the marketplace's fields (every connector). */
  render: boolean;
  /** Posts the listing itself (else a person posts the rendering and pastes the URL back). */
  post: boolean;
  readBids: boolean;
  award: boolean;
  /** Pays through the marketplace (milestones): not built. */
  pay: boolean;
}

export const ASSISTED: Capabilities = {
  render: true,
  post: false,
  readBids: false,
  award: false,
  pay: false,
};

/** A bid as a connector reads it, before it becomes a row of the bids table (the `bids` feature's). */
export interface NormalizedBid {
  marketplace: Marketplace;
  /** The marketplace's id of the bid or proposal: a second read does not double it. */
  externalId: string;
  /** The marketplace's id (and name, when given) of the bidder. */
  bidder: { externalId: string; name: string | null; profileUrl: string | null };
  /** What they ask: for the order (fixed) or per hour. */
  amount: Money;
  kind: 'fixed' | 'hourly';
  /** Delivery time they state, in hours (Freelancer.com's `period` is days). */
  turnaroundHours: number | null;
  message: string;
  submittedAt: string | null;
  status: string;
}

export interface BidTerms {
  currency: string;
  kind: 'fixed' | 'hourly';
}

export interface Posted {
  externalId: string;
  url: string;
}

export interface ApiConnector {
  marketplace: Marketplace;
  capabilities: Capabilities;
  post(content: PostContent, signal: AbortSignal): Promise<Posted>;
  /** The listing's bids; `terms` says how to read their amounts (the post's currency and price kind). */
  readBids(externalId: string, terms: BidTerms, signal: AbortSignal): Promise<NormalizedBid[]>;
  award(listingExternalId: string, bidExternalId: string, signal: AbortSignal): Promise<void>;
}

export interface MarketplaceInfo {
  marketplace: Marketplace;
  label: string;
  postingUrl: string | null;
  capabilities: Capabilities;
  /** An API connector exists for it (Freelancer.com, Upwork). */
  api: boolean;
  /** The firm saved a token that opens with the configured key. */
  connected: boolean;
  /** Non-secret settings of the connection. */
  settings: Record<string, unknown>;
  connectedAt: string | null;
}

export type PublishOutcome =
  | { mode: 'api'; jobId: string; created: boolean }
  | { mode: 'assisted'; postingUrl: string | null; rendering: Rendering };
