/** Binds the out-taskers use cases to one context: the object routes, the CLI and the demo call. */
import { FailureWindow } from '../accounts/index.ts';
import type {
  AcceptInvitationInputT,
  AwardInputT,
  BidCallInputT,
  BidImportInputT,
  BidInputT,
  CallAudienceInputT,
  ContractActionInputT,
  FxRateInputT,
  InvitationInputT,
  OuttaskerInputT,
  OuttaskerPatchT,
  PortalBidInputT,
} from './outtaskers.schemas.ts';
import type { BidStatus, ContractStatus } from './outtaskers.ts';
import { awardBid } from './use-cases/award-bid.ts';
import {
  type ConnectorBidsInput,
  importBids,
  importConnectorBids,
  listBids,
  placeBid,
  withdrawBid,
} from './use-cases/bids.ts';
import {
  closeCall,
  deleteFxRate,
  listCalls,
  listFxRates,
  openCall,
  putFxRate,
  setCallAudience,
} from './use-cases/calls-and-rates.ts';
import { compareTaskBids } from './use-cases/compare-bids.ts';
import {
  type OuttaskersActor,
  type OuttaskersDeps,
  outtaskersContext,
  type RecordSource,
} from './use-cases/context.ts';
import { changeContract, getContract, listContracts } from './use-cases/contracts.ts';
import { acceptInvitation, inviteOuttasker, peekInvitation } from './use-cases/invitations.ts';
import {
  createOuttasker,
  getOuttasker,
  listOuttaskers,
  updateOuttasker,
} from './use-cases/manage-outtaskers.ts';
import { portalBid, portalHome, portalWithdraw } from './use-cases/portal.ts';

/** No work orders yet: no record. The work orders feature replaces it (setRecordSource). */
const NO_RECORDS: RecordSource = async () => new Map();

export function createOuttaskersService(deps: OuttaskersDeps) {
  let records = NO_RECORDS;
  const ctx = outtaskersContext(deps, () => records);
  // Invalid invitation links, per address: a token cannot be guessed, but nobody gets to try many.
  const linkThrottle = new FailureWindow({ maxFailures: 20, windowMs: 15 * 60_000 });
  type A = OuttaskersActor;
  return {
    /** Where the out-taskers' records (on-time share, revisions per order) come from: the work orders feature. */
    setRecordSource(source: RecordSource): void {
      records = source;
    },

    listOuttaskers: (actor: A) => listOuttaskers(ctx, actor),
    getOuttasker: (actor: A, id: string) => getOuttasker(ctx, actor, id),
    createOuttasker: (actor: A, input: OuttaskerInputT) => createOuttasker(ctx, actor, input),
    updateOuttasker: (actor: A, id: string, patch: OuttaskerPatchT, expectedVersion?: number) =>
      updateOuttasker(ctx, actor, id, patch, expectedVersion),
    invite: (actor: A, id: string, input: InvitationInputT) => inviteOuttasker(ctx, actor, id, input),
    peekInvitation: (token: string, from: { address: string }) =>
      peekInvitation(ctx, token, linkThrottle, from.address),
    acceptInvitation: (input: AcceptInvitationInputT, from: { address: string }) =>
      acceptInvitation(ctx, input, linkThrottle, from.address),

    placeBid: (actor: A, input: BidInputT) => placeBid(ctx, actor, input),
    importBids: (actor: A, input: BidImportInputT) => importBids(ctx, actor, input),
    /** Bids a marketplace connector read (source `connector`; a re-read updates, never doubles). */
    importConnectorBids: (actor: A, input: ConnectorBidsInput) => importConnectorBids(ctx, actor, input),
    listBids: (
      actor: A,
      filter: { taskId?: string; postId?: string; outtaskerId?: string; status?: BidStatus } = {},
    ) => listBids(ctx, actor, filter),
    withdrawBid: (actor: A, id: string) => withdrawBid(ctx, actor, id),
    compare: (actor: A, query: { taskId: string; postId?: string | undefined }) =>
      compareTaskBids(ctx, actor, query),
    award: (actor: A, bidId: string, input: AwardInputT) => awardBid(ctx, actor, bidId, input),

    listContracts: (
      actor: A,
      filter: { taskId?: string; outtaskerId?: string; status?: ContractStatus } = {},
    ) => listContracts(ctx, actor, filter),
    getContract: (actor: A, id: string) => getContract(ctx, actor, id),
    changeContract: (actor: A, id: string, input: ContractActionInputT) =>
      changeContract(ctx, actor, id, input),

    openCall: (actor: A, input: BidCallInputT) => openCall(ctx, actor, input),
    closeCall: (actor: A, id: string) => closeCall(ctx, actor, id),
    setCallAudience: (actor: A, id: string, input: CallAudienceInputT) =>
      setCallAudience(ctx, actor, id, input),
    listCalls: (actor: A, status?: 'open' | 'closed') => listCalls(ctx, actor, status),

    putFxRate: (actor: A, input: FxRateInputT) => putFxRate(ctx, actor, input),
    listFxRates: (actor: A) => listFxRates(ctx, actor),
    deleteFxRate: (actor: A, id: string) => deleteFxRate(ctx, actor, id),

    portalHome: (actor: A) => portalHome(ctx, actor),
    portalBid: (actor: A, input: PortalBidInputT) => portalBid(ctx, actor, input),
    portalWithdraw: (actor: A, id: string) => portalWithdraw(ctx, actor, id),
  };
}

export type OuttaskersService = ReturnType<typeof createOuttaskersService>;
