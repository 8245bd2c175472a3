/** Out-taskers, bids, awards and contracts (step 6), and the out-tasker's portal: the public surface. */
export { parseBidTable } from './bids-import.ts';
export { outtaskersRoutes } from './outtaskers.routes.ts';
export { createOuttaskersService, type OuttaskersService } from './outtaskers.service.ts';
export type {
  Bid,
  BidCall,
  Contract,
  ContractStatus,
  FxRate,
  Outtasker,
  OuttaskerRecord,
} from './outtaskers.ts';
export { awardKeyOf } from './outtaskers.ts';
export type { ConnectorBidRow, ConnectorBidsInput } from './use-cases/bids.ts';
export type { RecordSource } from './use-cases/context.ts';
