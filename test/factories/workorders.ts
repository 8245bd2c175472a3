/**
 * An awarded contract to send work orders under: the small firm's summary deck, an out-tasker who can
 * sign in to the portal, their bid and the contract the award made ($11 a slide, 24 hours, a
 * three-item checklist). The rows are written as the award writes them (migration 0009).
 */
import type { AppServices } from '../../src/main.ts';
import { aUser, type FactoryActor, type SignIn } from './accounts.ts';
import { factoryId } from './ids.ts';
import { aSmallFirm, storeFirm } from './inventory.ts';

export const DECK_CHECKLIST = [
  'Every interview has a slide',
  'Quotes are attributed by role, not name',
  'The firm template is used',
];

export interface ContractFixture {
  contractId: string;
  outtaskerId: string;
  outtasker: SignIn;
  taskId: string;
  firm: ReturnType<typeof aSmallFirm> | undefined;
}

export async function aContract(
  app: Pick<AppServices, 'accounts' | 'inventory' | 'db'>,
  actor: FactoryActor,
  over: { unitPriceMinor?: number; slaHours?: number; timeZone?: string; name?: string } = {},
): Promise<ContractFixture> {
  const firm = await storeFirm(app, actor, aSmallFirm());
  return { ...(await aContractFor(app, actor, firm.deck.id, firm, over)), firm };
}

export async function aContractFor(
  app: Pick<AppServices, 'accounts' | 'db'>,
  actor: FactoryActor,
  taskId: string,
  firm: ReturnType<typeof aSmallFirm> | undefined,
  over: { unitPriceMinor?: number; slaHours?: number; timeZone?: string; name?: string } = {},
): Promise<ContractFixture> {
  const ws = actor.workspace.id;
  const outtasker = await aUser(app, actor.workspace, 'outtasker', over.name ? { name: over.name } : {});
  const now = '2026-11-01T09:00:00.000Z';
  const outtaskerId = factoryId('outtasker');
  const bidId = factoryId('bid');
  const contractId = factoryId('contract');
  const k = app.db.kysely;
  await k
    .insertInto('outtaskers')
    .values({
      id: outtaskerId,
      workspace_id: ws,
      name: outtasker.user.name,
      email: outtasker.email,
      currency: 'USD',
      time_zone: over.timeZone ?? 'Asia/Kolkata',
      profiles_json: '[]',
      rates_json: '[]',
      notes: '',
      status: 'active',
      user_id: outtasker.user.id,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const price = over.unitPriceMinor ?? 1100;
  await k
    .insertInto('bids')
    .values({
      id: bidId,
      workspace_id: ws,
      task_id: taskId,
      award_key: `task:${taskId}:${bidId}`,
      outtasker_id: outtaskerId,
      marketplace: 'upwork',
      source: 'manual',
      unit: 'slide',
      unit_price_minor: price,
      currency: 'USD',
      turnaround_hours: over.slaHours ?? 24,
      message: '',
      status: 'awarded',
      submitted_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await k
    .insertInto('contracts')
    .values({
      id: contractId,
      workspace_id: ws,
      task_id: taskId,
      award_key: `task:${taskId}:${bidId}`,
      bid_id: bidId,
      outtasker_id: outtaskerId,
      unit: 'slide',
      unit_price_minor: price,
      currency: 'USD',
      sla_hours: over.slaHours ?? 24,
      acceptance_json: JSON.stringify(DECK_CHECKLIST),
      status: 'active',
      started_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { contractId, outtaskerId, outtasker, taskId, firm };
}
