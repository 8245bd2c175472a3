/**
 * The hand-off package of a work order: one ZIP with what the out-tasker needs to do the work — the
 * brief (the task's procedure as Markdown), the materials, and a README with the order's terms and
 * its acceptance checklist. Materials are the order's inputs only (never earlier deliveries). Each
 * material put in the package is a read, and audited as one, like a download of that file.
 */
import JSZip from 'jszip';
import { AppError } from '../../platform/errors.ts';
import { formatMoney } from '../../platform/money.ts';
import { describeInZone } from '../sla.ts';
import { workOrdersStore as store, type WorkOrder } from '../workorders.store.ts';
import { requireOrder, type WorkOrdersActor, type WorkOrdersContext } from './context.ts';

export interface HandoffPackage {
  fileName: string;
  bytes: Buffer;
  /** The entries in the order they were added, for the answer and the audit. */
  contents: string[];
}

/** The order's number and title as a file name: letters, digits and dashes. */
function packageName(order: WorkOrder): string {
  const slug = order.title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `${order.ref}${slug ? `-${slug}` : ''}-handoff.zip`;
}

/** Two materials called the same get "name (2).ext": a ZIP keeps both. */
function uniqueName(name: string, taken: Set<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function readme(order: WorkOrder, materials: string[], briefName: string | null): string {
  const price = formatMoney({ amountMinor: order.unitPriceMinor, currency: order.currency });
  const due = order.dueAt
    ? `${describeInZone(new Date(order.dueAt), order.outtaskerTimeZone)} (your time)`
    : `${order.slaHours} hours after the order is sent`;
  return [
    `Hand-off package: ${order.ref} · ${order.title}`,
    '',
    `Task: ${order.taskName}`,
    `Price: ${price} a ${order.unit}; ${order.unitsExpected} expected`,
    `Due: ${due}`,
    '',
    ...(order.instructions ? ['Instructions:', order.instructions, ''] : []),
    'Acceptance checklist (the firm ticks each item in review):',
    ...(order.acceptance.length ? order.acceptance.map((a) => `  [ ] ${a}`) : ['  (none given)']),
    '',
    'Contents:',
    briefName ? `  ${briefName}  the brief: the task's standard procedure` : '  (no brief attached)',
    ...(materials.length
      ? materials.map((m) => `  materials/${m}`)
      : ['  (no materials: the brief is all there is)']),
    '',
  ].join('\n');
}

export async function handoffPackage(
  ctx: WorkOrdersContext,
  actor: WorkOrdersActor,
  id: string,
): Promise<HandoffPackage> {
  const order = await requireOrder(ctx, actor, id);
  if (order.state === 'cancelled') {
    throw new AppError('WORK_ORDER_STATE_INVALID', `${order.ref} is cancelled: it has no hand-off package.`, {
      workOrderId: id,
      from: order.state,
    });
  }
  const files = (await store.files(ctx.db, actor.workspace.id, id)).filter((f) => f.role === 'material');
  const zip = new JSZip();
  // Entries dated by the order, so the same order makes the same bytes.
  const date = new Date(order.createdAt);
  const contents: string[] = [];
  const briefName = order.briefMd ? (order.briefFileName ?? 'brief.md') : null;
  const taken = new Set<string>();
  const names: string[] = [];
  for (const f of files) {
    const name = uniqueName(f.name, taken);
    taken.add(name);
    names.push(name);
  }
  zip.file('README.txt', readme(order, names, briefName), { date });
  contents.push('README.txt');
  if (briefName) {
    zip.file(briefName, order.briefMd, { date });
    contents.push(briefName);
  }
  for (const [n, f] of files.entries()) {
    zip.file(`materials/${names[n]}`, await ctx.deps.blobs.read(actor.workspace.id, f.sha256), { date });
    contents.push(`materials/${names[n]}`);
  }
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  await ctx.audit(ctx.db, actor, 'workorder.package.read', id, {
    files: files.map((f) => ({ id: f.id, name: f.name, sha256: f.sha256 })),
  });
  return { fileName: packageName(order), bytes, contents };
}
