/** /api/imports: time-tracker files in (preview, apply, import), past imports and their undo, the template. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileResponse } from '../platform/contract.ts';
import { actorOf, FIRM, workspaceActor } from '../platform/http/policy.ts';
import { writeTemplate } from './imports/index.ts';
import { IMPORT_FORMATS } from './imports/types.ts';
import { ImportBatchOut, ImportBody, ImportPreviewOut, ImportReportOut } from './inventory.schemas.ts';
import type { InventoryService } from './inventory.service.ts';

const IdParams = z.object({ id: z.string().min(1) });

export function importsRoutes(inventory: InventoryService): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['imports'];
    app.post(
      '/',
      {
        config: { policy: FIRM },
        schema: {
          tags,
          summary:
            'Import a file (request body = the file bytes): Outtask template CSV/XLSX, Harvest, Toggl Track, Clockify',
          querystring: z.object({
            file: z.string().min(1).max(255),
            format: z.enum(IMPORT_FORMATS).optional(),
            skipInvalid: z
              .enum(['true', 'false'])
              .optional()
              .transform((v) => v === 'true'),
            periodFrom: z.string().optional(),
            periodTo: z.string().optional(),
          }),
          response: { 200: ImportReportOut },
        },
      },
      async (req) => {
        const bytes = Buffer.isBuffer(req.body)
          ? req.body
          : Buffer.from(typeof req.body === 'string' ? req.body : '');
        return inventory.importFile(workspaceActor(req), {
          byOwner: actorOf(req).role === 'owner',
          file: req.query.file,
          bytes,
          ...(req.query.format ? { format: req.query.format } : {}),
          skipInvalid: req.query.skipInvalid,
          ...(req.query.periodFrom || req.query.periodTo
            ? { period: { from: req.query.periodFrom ?? '', to: req.query.periodTo ?? '' } }
            : {}),
        });
      },
    );
    const fromBody = (b: z.infer<typeof ImportBody>, byOwner: boolean) => ({
      byOwner,
      file: b.file,
      bytes: Buffer.from(b.contentBase64, 'base64'),
      ...(b.format ? { format: b.format } : {}),
      ...(b.skipInvalid !== undefined ? { skipInvalid: b.skipInvalid } : {}),
      ...(b.decisions ? { decisions: b.decisions } : {}),
      ...(b.period ? { period: b.period } : {}),
    });
    app.post(
      '/preview',
      {
        config: { policy: FIRM },
        schema: {
          tags,
          summary:
            'What importing a file would do, activity by activity (each with hours, people, engagements and a proposed task); stores nothing',
          body: ImportBody,
          response: { 200: ImportPreviewOut },
        },
      },
      async (req) =>
        inventory.previewImport(workspaceActor(req), fromBody(req.body, actorOf(req).role === 'owner')),
    );
    app.post(
      '/apply',
      {
        config: { policy: FIRM },
        schema: {
          tags,
          summary:
            'Import a file (base64 in JSON) with the firm’s decisions per activity and the period it covers',
          body: ImportBody,
          response: { 200: ImportReportOut },
        },
      },
      async (req) =>
        inventory.importFile(workspaceActor(req), fromBody(req.body, actorOf(req).role === 'owner')),
    );
    app.get(
      '/',
      {
        config: { policy: FIRM },
        schema: { tags, summary: 'Past imports', response: { 200: z.array(ImportBatchOut) } },
      },
      async (req) => inventory.importHistory(workspaceActor(req)),
    );
    app.post(
      '/:id/undo',
      {
        config: { policy: FIRM },
        schema: {
          tags,
          summary: 'Undo an import as a whole: its entries, the tasks it created, the changes it made',
          params: IdParams,
          response: { 200: ImportBatchOut },
        },
      },
      async (req) => inventory.undoImport(workspaceActor(req), req.params.id),
    );
    app.get(
      '/template',
      {
        config: { policy: FIRM },
        schema: {
          response: {
            200: fileResponse('The template, CSV or XLSX', [
              'text/csv',
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            ]),
          },
          tags,
          summary: 'The Outtask import template',
          querystring: z.object({ kind: z.enum(['csv', 'xlsx']).default('xlsx') }),
        },
      },
      async (req, reply) => {
        const bytes = await writeTemplate(req.query.kind);
        return reply
          .header(
            'content-type',
            req.query.kind === 'csv'
              ? 'text/csv; charset=utf-8'
              : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          )
          .header('content-disposition', `attachment; filename="outtask-tasks-template.${req.query.kind}"`)
          .send(Buffer.from(bytes));
      },
    );
  };
}
