/**
 * Money out of work orders: statements per out-tasker per period (and their CSV and XLSX exports,
 * formula-safe), the savings ledger against step 1's in-house cost, and the SLA record per
 * out-tasker (which bid comparison shows too: `recordsFor`).
 */
import { stringify } from 'csv-stringify/sync';
import { money, toMajor } from '../../platform/money.ts';
import {
  type BillableOrder,
  checkPeriod,
  formulaSafe,
  type LedgerInput,
  monthIn,
  type Period,
  type SavingsLedger,
  type Statement,
  savingsLedger,
  statements,
} from '../billing.ts';
import { type OuttaskerRecord, outtaskerRecord } from '../sla.ts';
import type { OuttaskerSla } from '../views.ts';
import { workOrdersStore as store, type WorkOrder } from '../workorders.store.ts';
import { outtaskerIdOf, requireFirm, type WorkOrdersActor, type WorkOrdersContext } from './context.ts';
import { firmTimeZone } from './orders.ts';

export type { OuttaskerSla } from '../views.ts';

/** The period asked for; a missing end filled from the current month in the zone. */
export function periodOrThisMonth(asked: Partial<Period>, now: Date, timeZone: string): Period {
  const month = monthIn(now.toISOString(), timeZone);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: asked.from ?? `${month}-01`, to: asked.to ?? `${month}-${String(last).padStart(2, '0')}` };
}

const billed = (o: WorkOrder) => (o.state === 'approved' || o.state === 'invoiced') && o.approvedAt !== null;

function billable(o: WorkOrder): BillableOrder {
  return {
    workOrderId: o.id,
    ref: o.ref,
    title: o.title,
    outtaskerId: o.outtaskerId,
    outtaskerName: o.outtaskerName,
    taskId: o.taskId,
    taskName: o.taskName,
    unit: o.unit,
    units: o.approvedUnits ?? 0,
    unitPrice: money(o.unitPriceMinor, o.currency),
    approvedAt: o.approvedAt!,
    invoiced: o.state === 'invoiced',
  };
}

/** Statements for the period: the firm sees every out-tasker's, an out-tasker only their own. */
export async function listStatements(
  ctx: WorkOrdersContext,
  actor: WorkOrdersActor,
  asked: Partial<Period> = {},
): Promise<Statement[]> {
  const period = checkPeriod(periodOrThisMonth(asked, ctx.deps.clock.now(), firmTimeZone(actor)));
  const mine = actor.role === 'outtasker' ? await outtaskerIdOf(ctx, actor) : undefined;
  const orders = await store.list(ctx.db, actor.workspace.id, mine ? { outtaskerId: mine } : {});
  return statements(orders.filter(billed).map(billable), period, firmTimeZone(actor));
}

export const STATEMENT_COLUMNS = [
  'Out-tasker',
  'Work order',
  'Title',
  'Task',
  'Approved on',
  'Unit',
  'Units',
  'Unit price',
  'Amount',
  'Currency',
  'Invoiced',
] as const;

function statementRows(list: readonly Statement[]): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const s of list) {
    for (const l of s.lines) {
      rows.push([
        formulaSafe(s.outtaskerName),
        l.ref,
        formulaSafe(l.title),
        formulaSafe(l.taskName),
        l.approvedOn,
        formulaSafe(l.unit),
        l.units,
        toMajor(l.unitPrice),
        toMajor(l.amount),
        s.currency,
        l.invoiced ? 'yes' : 'no',
      ]);
    }
  }
  return rows;
}

/** The statements as CSV: one line per order, text cells formula-safe. */
export function statementsCsv(list: readonly Statement[]): string {
  return stringify([[...STATEMENT_COLUMNS], ...statementRows(list)]);
}

/** The statements as an XLSX workbook: one sheet per out-tasker with a total row, text cells formula-safe. */
export async function statementsXlsx(list: readonly Statement[]): Promise<Buffer> {
  const { default: Excel } = await import('exceljs'); // loaded on first use (heavy)
  const book = new Excel.Workbook();
  book.creator = 'Outtask';
  const used = new Set<string>();
  const sheetName = (name: string) => {
    // Excel: at most 31 characters, none of : \ / ? * [ ]; unique in the book.
    const base =
      name
        .replace(/[:\\/?*[\]]/g, ' ')
        .slice(0, 28)
        .trim() || 'Out-tasker';
    let n = base;
    for (let i = 2; used.has(n.toLowerCase()); i++) n = `${base} ${i}`;
    used.add(n.toLowerCase());
    return n;
  };
  if (list.length === 0) book.addWorksheet('Statements').addRow(['No approved work orders in the period']);
  for (const s of list) {
    const sheet = book.addWorksheet(sheetName(s.outtaskerName));
    sheet.addRow([`Statement for ${formulaSafe(s.outtaskerName)}`, `${s.period.from} to ${s.period.to}`]);
    sheet.addRow([...STATEMENT_COLUMNS]).font = { bold: true };
    for (const r of statementRows([s])) sheet.addRow(r);
    const total = sheet.addRow(['Total', '', '', '', '', '', s.units, '', toMajor(s.total), s.currency, '']);
    total.font = { bold: true };
    sheet.columns.forEach((c, i) => {
      c.width = [22, 10, 34, 28, 12, 10, 8, 11, 12, 9, 9][i] ?? 12;
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The savings ledger in the workspace currency (orders priced in another are counted apart). */
export async function savingsLedgerOf(
  ctx: WorkOrdersContext,
  actor: WorkOrdersActor,
): Promise<SavingsLedger & { otherCurrencyOrders: number }> {
  requireFirm(actor, 'see the savings ledger');
  const currency = actor.workspace.currency;
  const orders = (await store.list(ctx.db, actor.workspace.id)).filter(billed);
  const inHouse = await ctx.deps.inHouse(actor.workspace);
  const entries: LedgerInput[] = [];
  let other = 0;
  for (const o of orders) {
    if (o.currency !== currency) {
      other++;
      continue;
    }
    const b = billable(o);
    entries.push({
      taskId: o.taskId,
      taskName: o.taskName,
      approvedAt: b.approvedAt,
      units: b.units,
      paid: money(b.units * o.unitPriceMinor, currency),
      inHouse: inHouse.get(o.taskId) ?? null,
    });
  }
  return { ...savingsLedger(entries, currency, firmTimeZone(actor)), otherCurrencyOrders: other };
}

/** The SLA record of every out-tasker who has had work orders (firm only). */
export async function slaRecords(ctx: WorkOrdersContext, actor: WorkOrdersActor): Promise<OuttaskerSla[]> {
  requireFirm(actor, 'see the out-taskers’ records');
  const orders = await store.list(ctx.db, actor.workspace.id);
  const byOuttasker = new Map<string, WorkOrder[]>();
  for (const o of orders) byOuttasker.set(o.outtaskerId, [...(byOuttasker.get(o.outtaskerId) ?? []), o]);
  const now = ctx.deps.clock.now();
  return [...byOuttasker.values()]
    .map((list) => ({
      outtaskerId: list[0]!.outtaskerId,
      outtaskerName: list[0]!.outtaskerName,
      record: outtaskerRecord(list, now),
    }))
    .sort((a, b) => a.outtaskerName.localeCompare(b.outtaskerName));
}

/**
 * For bid comparison (marketplace/out-taskers): each named out-tasker's record with the firm, an
 * empty record (nothing judged) for one who has had no order.
 */
export async function recordsFor(
  ctx: WorkOrdersContext,
  workspaceId: string,
  outtaskerIds: readonly string[],
): Promise<Map<string, OuttaskerRecord>> {
  const now = ctx.deps.clock.now();
  const out = new Map<string, OuttaskerRecord>();
  for (const id of new Set(outtaskerIds)) {
    const list = await store.list(ctx.db, workspaceId, { outtaskerId: id });
    out.set(id, outtaskerRecord(list, now));
  }
  return out;
}
