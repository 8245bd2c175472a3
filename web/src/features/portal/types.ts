/** The portal's API shapes, from the API contract (../../api/contract.ts). */
import type { Schema } from '../../api/contract.ts';

export type PortalHome = Schema<'PortalHome'>;
export type PortalCall = Schema<'PortalCall'>;
export type PortalBid = Schema<'Bid'>;
export type PortalContract = Schema<'Contract'>;
export type InvitationPeek = Schema<'PortalInvitationPeek'>;
