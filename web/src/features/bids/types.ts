/** The bids, out-taskers and contracts API's shapes, from the API contract (../../api/contract.ts). */
import type { Schema } from '../../api/contract.ts';

export type Outtasker = Schema<'Outtasker'>;
export type Invitation = Schema<'PortalInvitation'>;
export type BidCall = Schema<'BidCall'>;
export type Comparison = Schema<'BidComparison'>;
export type ComparisonRow = Comparison['rows'][number];
export type Award = Schema<'Award'>;
export type Contract = Schema<'Contract'>;
