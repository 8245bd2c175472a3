/** The portal's API shapes, from the server's contract (type-only: no server code reaches the bundle). */
import type { z } from 'zod';
import type {
  BidView,
  ContractView,
  InvitationPeekView,
  PortalCallView,
  PortalHomeView,
} from '../../../../src/outtaskers/outtaskers.schemas.ts';

export type PortalHome = z.infer<typeof PortalHomeView>;
export type PortalCall = z.infer<typeof PortalCallView>;
export type PortalBid = z.infer<typeof BidView>;
export type PortalContract = z.infer<typeof ContractView>;
export type InvitationPeek = z.infer<typeof InvitationPeekView>;
