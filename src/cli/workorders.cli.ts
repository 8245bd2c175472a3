/**
 * work-orders list | show | create | send | deliver | accept | reject | statements: the firm's work
 * orders from the command line, through the same service as the app. An order is named by its id or
 * its reference (WO-3). Thin: parse options, call the service, print.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Command, Option } from 'commander';
import type { AppServices } from '../main.ts';
import { AppError } from '../platform/errors.ts';
import { formatMoney } from '../platform/money.ts';
import { WORK_ORDER_STATES, type WorkOrdersActor } from '../workorders/index.ts';
import { cliActor, printJson, withApp } from './context.ts';

/** The CLI acts for the firm (whoever runs it on the server has the owner's say). */
async function firmActor(app: AppServices, cmd: Command): Promise<WorkOrdersActor> {
  return { ...(await cliActor(app, cmd)), role: 'owner' };
}

/** An order's id from its id or reference (WO-3, case aside). */
async function orderId(app: AppServices, actor: WorkOrdersActor, ref: string): Promise<string> {
  if (!/^wo-\d+$/i.test(ref.trim())) return ref;
  const found = (await app.workOrders.list(actor, {})).find(
    (i) => i.order.ref.toLowerCase() === ref.trim().toLowerCase(),
  );
  if (!found) throw new AppError('WORK_ORDER_NOT_FOUND', `No work order ${ref} in this workspace`);
  return found.order.id;
}

function readFiles(list: readonly string[]): { name: string; bytes: Buffer }[] {
  return list.map((f) => {
    if (!fs.existsSync(f)) throw new AppError('FILE_NOT_FOUND', `No file ${f}`, { file: f });
    return { name: path.basename(f), bytes: fs.readFileSync(f) };
  });
}

const collect = (v: string, prev: string[]) => [...prev, v];
const money = (minor: number, currency: string) => formatMoney({ amountMinor: minor, currency });

export function registerWorkOrdersCommands(program: Command): void {
  const wo = program
    .command('work-orders')
    .description('Work orders (step 6): sent under a contract, delivered, reviewed, billed per unit');

  wo.command('list')
    .description('The board: open orders by due time, then the rest')
    .addOption(new Option('--state <state>', 'only orders in this state').choices([...WORK_ORDER_STATES]))
    .option('--json', 'print JSON: the board items (order, SLA flag, due times, allowed events)', false)
    .action(async (opts: { state?: (typeof WORK_ORDER_STATES)[number]; json: boolean }, cmd: Command) => {
      await withApp(async (app) => {
        const actor = await firmActor(app, cmd);
        const items = await app.workOrders.list(actor, opts.state ? { state: opts.state } : {});
        if (opts.json) return printJson(items);
        if (items.length === 0) {
          process.stdout.write(
            'No work orders. `outtask work-orders create CONTRACT --title …` makes one.\n',
          );
          return;
        }
        for (const i of items) {
          const o = i.order;
          const due = i.dueText ? `due ${i.dueText}` : 'not sent';
          process.stdout.write(
            `${o.ref}  ${o.state.padEnd(17)} ${o.title} — ${o.outtaskerName}; ${due}; ${i.sla.flag.replace('_', ' ')}\n`,
          );
        }
      });
    });

  wo.command('show')
    .description('One order: terms, due time, SLA, deliveries and their review, files, history')
    .argument('<order>', 'id or reference (WO-3)')
    .option('--json', 'print JSON: the order with its events, deliveries and files', false)
    .action(async (ref: string, opts: { json: boolean }, cmd: Command) => {
      await withApp(async (app) => {
        const actor = await firmActor(app, cmd);
        const d = await app.workOrders.get(actor, await orderId(app, actor, ref));
        if (opts.json) return printJson(d);
        const o = d.order;
        const out = [
          `${o.ref} ${o.title} (${o.state})`,
          `${o.taskName}, for ${o.outtaskerName}: ${money(o.unitPriceMinor, o.currency)} a ${o.unit}, ${o.unitsExpected} expected, within ${o.slaHours} hours (${o.slaCalendar})`,
          d.dueText ? `Due ${d.dueText}; for ${o.outtaskerName}: ${d.dueTextOuttasker}` : 'Not sent yet',
          `SLA: ${d.sla.flag.replace('_', ' ')}${d.sla.latenessMinutes ? `, ${d.sla.latenessMinutes} minutes late` : ''}`,
          `Acceptance checklist: ${o.acceptance.length ? o.acceptance.join('; ') : '(none)'}`,
        ];
        for (const dl of d.deliveries) {
          out.push(
            `Delivery ${dl.round} at ${dl.deliveredAt}: ${dl.units ?? '?'} ${dl.unitsUnit ?? o.unit}(s)${dl.outcome ? ` — ${dl.outcome.replace('_', ' ')}` : ' — waiting for review'}${dl.reviewComment ? `: "${dl.reviewComment}"` : ''}`,
          );
        }
        for (const f of d.files) out.push(`File (${f.role}): ${f.name}, ${f.size} bytes [${f.id}]`);
        if (o.approvedUnits !== null) {
          out.push(
            `Approved: ${o.approvedUnits} ${o.unit}(s) = ${money(o.approvedUnits * o.unitPriceMinor, o.currency)}`,
          );
        }
        out.push(`Next: ${d.allowedEvents.join(', ') || 'nothing (closed)'}`);
        process.stdout.write(`${out.join('\n')}\n`);
      });
    });

  wo.command('create')
    .description("A draft order under a contract (its terms copied; the task's brief attached)")
    .argument('<contract>', 'contract id')
    .requiredOption('--title <text>', 'what this order is')
    .requiredOption('--units <n>', 'units expected (slides, pages…)', (v) => Number.parseInt(v, 10))
    .option('--instructions <text>', 'instructions for this order')
    .option('--time-zone <zone>', 'IANA zone the due time is counted in (default: the firm’s)')
    .option('--weekdays', 'count the SLA on weekdays only', false)
    .option('--material <file>', 'a material to attach (repeat for more)', collect, [])
    .option('--redacted', 'the materials were redacted (names and identifiers taken out)', false)
    .option('--send', 'send it to the out-tasker at once', false)
    .option('--json', 'print JSON: the order', false)
    .action(
      async (
        contractId: string,
        opts: {
          title: string;
          units: number;
          instructions?: string;
          timeZone?: string;
          weekdays: boolean;
          material: string[];
          redacted: boolean;
          send: boolean;
          json: boolean;
        },
        cmd: Command,
      ) => {
        if (!Number.isInteger(opts.units) || opts.units < 0) {
          throw new AppError('VALIDATION_FAILED', '--units needs a whole number, 0 or more', {
            field: 'units',
          });
        }
        const materials = readFiles(opts.material);
        await withApp(async (app) => {
          const actor = await firmActor(app, cmd);
          let order = await app.workOrders.create(actor, {
            contractId,
            title: opts.title,
            unitsExpected: opts.units,
            ...(opts.instructions ? { instructions: opts.instructions } : {}),
            ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
            ...(opts.weekdays ? { slaCalendar: 'weekdays' as const } : {}),
          });
          if (materials.length > 0) {
            await app.workOrders.addMaterials(actor, order.id, materials, { redacted: opts.redacted });
          }
          if (opts.send) order = await app.workOrders.move(actor, order.id, 'send');
          if (opts.json) return printJson(order);
          process.stdout.write(
            `${order.ref} ${order.title}: ${order.state}${order.dueAt ? `, due ${order.dueAt}` : ''}\n`,
          );
        });
      },
    );

  wo.command('send')
    .description('Send a draft order to its out-tasker (the SLA clock starts)')
    .argument('<order>', 'id or reference (WO-3)')
    .option('--json', 'print JSON: the order', false)
    .action(async (ref: string, opts: { json: boolean }, cmd: Command) => {
      await withApp(async (app) => {
        const actor = await firmActor(app, cmd);
        const order = await app.workOrders.move(actor, await orderId(app, actor, ref), 'send');
        if (opts.json) return printJson(order);
        process.stdout.write(`${order.ref} sent, due ${order.dueAt}\n`);
      });
    });

  wo.command('deliver')
    .description(
      'Record a delivery that came another way (a marketplace’s messages, email): files plus a note; slides counted from a PPTX (a sent order is accepted for the out-tasker first)',
    )
    .argument('<order>', 'id or reference (WO-3)')
    .argument('<files...>', 'the delivered files')
    .option('--note <text>', 'the out-tasker’s note', '')
    .option('--json', 'print JSON: the delivery', false)
    .action(async (ref: string, files: string[], opts: { note: string; json: boolean }, cmd: Command) => {
      const bytes = readFiles(files);
      await withApp(async (app) => {
        const actor = await firmActor(app, cmd);
        const id = await orderId(app, actor, ref);
        // An out-tasker working off the portal never clicks "accept": their delivery says they took it.
        const { order } = await app.workOrders.get(actor, id);
        if (order.state === 'sent') {
          await app.workOrders.move(actor, id, 'accept', 'Accepted: the delivery was recorded by the firm');
          if (!opts.json) process.stdout.write(`${order.ref} accepted for the out-tasker first\n`);
        }
        const d = await app.workOrders.deliver(actor, id, {
          note: opts.note,
          files: bytes,
        });
        if (opts.json) return printJson(d);
        process.stdout.write(
          `Delivery ${d.round}: ${d.units ?? 'no'} ${d.unitsUnit ?? 'unit'}(s) counted${d.unitsBasis ? ` — ${d.unitsBasis}` : ''}\n`,
        );
      });
    });

  const review =
    (outcome: 'approve' | 'request_changes') =>
    async (
      ref: string,
      opts: {
        comment: string;
        failed: string[];
        quality?: number;
        timeliness?: number;
        units?: number;
        json: boolean;
      },
      cmd: Command,
    ) => {
      await withApp(async (app) => {
        const actor = await firmActor(app, cmd);
        const id = await orderId(app, actor, ref);
        const { order } = await app.workOrders.get(actor, id);
        const unknown = opts.failed.filter((f) => !order.acceptance.includes(f));
        if (unknown.length > 0) {
          throw new AppError(
            'VALIDATION_FAILED',
            `Not on ${order.ref}'s checklist: ${unknown.join('; ')}. The items are: ${order.acceptance.join('; ')}`,
            { field: 'failed' },
          );
        }
        const d = await app.workOrders.review(actor, id, {
          outcome,
          checklist: order.acceptance.map((item) => ({ item, checked: !opts.failed.includes(item) })),
          comment: opts.comment,
          ...(opts.quality !== undefined ? { qualityRating: opts.quality } : {}),
          ...(opts.timeliness !== undefined ? { timelinessRating: opts.timeliness } : {}),
          ...(opts.units !== undefined ? { approvedUnits: opts.units } : {}),
        });
        if (opts.json) return printJson(d);
        process.stdout.write(
          outcome === 'approve'
            ? `${order.ref} approved: delivery ${d.round}, ${d.units ?? 0} ${d.unitsUnit ?? order.unit}(s)\n`
            : `${order.ref}: changes requested on delivery ${d.round}\n`,
        );
      });
    };
  const int = (v: string) => Number.parseInt(v, 10);

  wo.command('accept')
    .description('Approve the latest delivery: every checklist item met (the units become billable)')
    .argument('<order>', 'id or reference (WO-3)')
    .option('--comment <text>', 'a word for the out-tasker', '')
    .option('--quality <1-5>', 'rate the quality', int)
    .option('--timeliness <1-5>', 'rate the timeliness', int)
    .option('--units <n>', 'approve another count than the one read from the files', int)
    .option('--json', 'print JSON: the reviewed delivery', false)
    .action((ref, opts, cmd) => review('approve')(ref, { ...opts, failed: [] }, cmd));

  wo.command('reject')
    .description('Request changes on the latest delivery: name the checklist items not met and say why')
    .argument('<order>', 'id or reference (WO-3)')
    .requiredOption('--comment <text>', 'what to change')
    .option('--failed <item>', 'a checklist item not met (repeat for more)', collect, [])
    .option('--quality <1-5>', 'rate the quality', int)
    .option('--timeliness <1-5>', 'rate the timeliness', int)
    .option('--json', 'print JSON: the reviewed delivery', false)
    .action(review('request_changes'));

  wo.command('statements')
    .description('What is owed per out-tasker for orders approved in a period (this month by default)')
    .option('--from <yyyy-mm-dd>', 'first day')
    .option('--to <yyyy-mm-dd>', 'last day')
    .option('--json', 'print JSON: the statements', false)
    .action(async (opts: { from?: string; to?: string; json: boolean }, cmd: Command) => {
      await withApp(async (app) => {
        const actor = await firmActor(app, cmd);
        const list = await app.workOrders.statements(actor, {
          ...(opts.from ? { from: opts.from } : {}),
          ...(opts.to ? { to: opts.to } : {}),
        });
        if (opts.json) return printJson(list);
        if (list.length === 0) {
          process.stdout.write('Nothing approved in the period.\n');
          return;
        }
        for (const s of list) {
          process.stdout.write(
            `${s.outtaskerName} (${s.period.from} to ${s.period.to}): ${s.units} units, ${formatMoney(s.total)}\n`,
          );
        }
      });
    });
}
