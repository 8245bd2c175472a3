/**
 * /api/work-orders: the firm's board, review and money; the out-tasker's own orders (accept,
 * download materials, deliver, statements). Policies as data: FIRM routes for what only staff do,
 * ANY_MEMBER where the service scopes an out-tasker to their own orders. Thin: validate, call, shape.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileResponse } from '../platform/contract.ts';
import { ANY_MEMBER, actorOf, FIRM, workspaceActor } from '../platform/http/policy.ts';
import type { ApiFeature } from '../platform/http/server.ts';
import type { WorkOrdersActor } from './use-cases/context.ts';
import { WORK_ORDER_STATES } from './workorder.ts';
import {
  BoardItemView,
  DeliveryIn,
  DeliveryView,
  FileView,
  LedgerView,
  MaterialsIn,
  PeriodQuery,
  ReviewIn,
  SlaRecordView,
  StatementView,
  TransitionIn,
  WorkOrderCreateIn,
  WorkOrderDetailView,
  WorkOrderView,
} from './workorders.schemas.ts';
import type { WorkOrdersService } from './workorders.service.ts';

const Id = z.object({ id: z.string().min(1).max(100) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function actor(req: FastifyRequest): WorkOrdersActor {
  return { ...workspaceActor(req), role: actorOf(req).role };
}

const files = (list: { name: string; contentBase64: string }[]) =>
  list.map((f) => ({ name: f.name, bytes: Buffer.from(f.contentBase64, 'base64') }));

/** ASCII-only file name for Content-Disposition (the UTF-8 one beside it, RFC 6266). */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function workOrdersRoutes(wo: WorkOrdersService): ApiFeature[] {
  const plugin: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['work orders'];

    app.get(
      '/',
      {
        config: { policy: ANY_MEMBER },
        schema: {
          tags,
          summary:
            'The board: open orders by due time, then the rest (an out-tasker sees only their own, sent ones)',
          querystring: z.object({
            state: z.enum(WORK_ORDER_STATES).optional(),
            outtaskerId: z.string().max(100).optional(),
          }),
          response: { 200: z.array(BoardItemView) },
        },
      },
      async (req) => wo.list(actor(req), req.query),
    );
    app.post(
      '/',
      {
        config: { policy: FIRM },
        schema: {
          tags,
          summary: 'A draft work order under a contract (its terms copied; the task’s brief attached)',
          body: WorkOrderCreateIn,
          response: { 201: WorkOrderView },
        },
      },
      async (req, reply) => reply.code(201).send(await wo.create(actor(req), req.body)),
    );
    app.get(
      '/statements',
      {
        config: { policy: ANY_MEMBER },
        schema: {
          tags,
          summary:
            'Statements per out-tasker for orders approved in the period, this month by default (an out-tasker sees their own)',
          querystring: PeriodQuery,
          response: { 200: z.array(StatementView) },
        },
      },
      async (req) => wo.statements(actor(req), req.query),
    );
    app.get(
      '/statements/export',
      {
        config: { policy: ANY_MEMBER },
        schema: {
          tags,
          summary: 'The statements as CSV or XLSX (text cells formula-safe)',
          querystring: PeriodQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }),
          response: { 200: fileResponse('The statements', ['text/csv', XLSX]) },
        },
      },
      async (req, reply) => {
        const list = await wo.statements(actor(req), req.query);
        const period = list[0]?.period ?? { from: req.query.from ?? 'month', to: req.query.to ?? 'end' };
        const base = `statements-${period.from}-to-${period.to}`;
        if (req.query.format === 'xlsx') {
          return reply
            .header('content-type', XLSX)
            .header('content-disposition', disposition(`${base}.xlsx`))
            .send(await wo.statementsXlsx(list));
        }
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', disposition(`${base}.csv`))
          .send(wo.statementsCsv(list));
      },
    );
    app.get(
      '/ledger',
      {
        config: { policy: FIRM },
        schema: {
          tags,
          summary:
            'The savings ledger: paid against the in-house cost of the same units, per task and per month',
          response: { 200: LedgerView },
        },
      },
      async (req) => wo.ledger(actor(req)),
    );
    app.get(
      '/sla',
      {
        config: { policy: FIRM },
        schema: {
          tags,
          summary: 'Each out-tasker’s record: on-time share, lateness, revisions per order, ratings',
          response: { 200: z.array(SlaRecordView) },
        },
      },
      async (req) => wo.slaRecords(actor(req)),
    );
    app.get(
      '/:id',
      {
        config: { policy: ANY_MEMBER },
        schema: {
          tags,
          summary: 'One work order: its moves, deliveries, files and what the caller can do next',
          params: Id,
          response: { 200: WorkOrderDetailView },
        },
      },
      async (req) => wo.get(actor(req), req.params.id),
    );
    app.post(
      '/:id/transitions',
      {
        config: { policy: ANY_MEMBER },
        schema: {
          tags,
          summary:
            'Send, accept, decline, cancel or invoice (409 WORK_ORDER_STATE_INVALID names from and to when the state does not allow it)',
          params: Id,
          body: TransitionIn,
          response: { 200: WorkOrderView },
        },
      },
      async (req) => wo.move(actor(req), req.params.id, req.body.event, req.body.note),
    );
    app.post(
      '/:id/materials',
      {
        config: { policy: FIRM },
        schema: {
          tags,
          summary: 'Materials for the out-tasker (before the work is delivered)',
          params: Id,
          body: MaterialsIn,
          response: { 201: z.array(FileView) },
        },
      },
      async (req, reply) =>
        reply.code(201).send(
          await wo.addMaterials(actor(req), req.params.id, files(req.body.files), {
            redacted: req.body.redacted,
          }),
        ),
    );
    app.post(
      '/:id/deliveries',
      {
        config: { policy: ANY_MEMBER },
        schema: {
          tags,
          summary: 'Deliver files and a note; a PPTX’s slides (hidden ones apart) become the billed units',
          params: Id,
          body: DeliveryIn,
          response: { 201: DeliveryView },
        },
      },
      async (req, reply) =>
        reply.code(201).send(
          await wo.deliver(actor(req), req.params.id, {
            note: req.body.note,
            files: files(req.body.files),
          }),
        ),
    );
    app.post(
      '/:id/review',
      {
        config: { policy: FIRM },
        schema: {
          tags,
          summary:
            'Review the latest delivery against the checklist: approve or request changes; rate quality and timeliness',
          params: Id,
          body: ReviewIn,
          response: { 200: DeliveryView },
        },
      },
      async (req) => wo.review(actor(req), req.params.id, req.body),
    );
    app.get(
      '/:id/package',
      {
        config: { policy: ANY_MEMBER },
        schema: {
          tags,
          summary:
            'The hand-off package as one ZIP: README with the terms and checklist, the brief, the materials (each read audited)',
          params: Id,
          response: { 200: fileResponse('The hand-off package', ['application/zip']) },
        },
      },
      async (req, reply) => {
        const pkg = await wo.handoffPackage(actor(req), req.params.id);
        return reply
          .header('content-type', 'application/zip')
          .header('content-disposition', disposition(pkg.fileName))
          .send(pkg.bytes);
      },
    );
    app.get(
      '/:id/files/:fileId',
      {
        config: { policy: ANY_MEMBER },
        schema: {
          tags,
          summary: 'A material or delivered file (every read is audited)',
          params: Id.extend({ fileId: z.string().min(1).max(100) }),
          response: { 200: fileResponse('The file', ['application/octet-stream']) },
        },
      },
      async (req, reply) => {
        const { file, bytes } = await wo.readFile(actor(req), req.params.id, req.params.fileId);
        return reply
          .header('content-type', file.mediaType)
          .header('content-disposition', disposition(file.name))
          .send(bytes);
      },
    );
  };
  return [{ prefix: '/work-orders', plugin }];
}
