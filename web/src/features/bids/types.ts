/** The bids, out-taskers and contracts API's shapes, from the server's contract (type-only imports). */
import type { z } from 'zod';
import type {
  AwardView,
  BidCallView,
  BidComparisonView,
  ComparisonView,
  ContractView,
  InvitationView,
  OuttaskerView,
} from '../../../../src/outtaskers/outtaskers.schemas.ts';

export type Outtasker = z.infer<typeof OuttaskerView>;
export type Invitation = z.infer<typeof InvitationView>;
export type BidCall = z.infer<typeof BidCallView>;
export type Comparison = z.infer<typeof ComparisonView>;
export type ComparisonRow = z.infer<typeof BidComparisonView>;
export type Award = z.infer<typeof AwardView>;
export type Contract = z.infer<typeof ContractView>;
