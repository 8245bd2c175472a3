/**
 * /api/members, /api/processes, /api/tasks, /api/opportunities, /api/settings/economics; /api/imports
 * in imports.routes.ts.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileResponse, noContent } from '../platform/contract.ts';
import { AppError } from '../platform/errors.ts';
import { sendCachedJson } from '../platform/http/cached-json.ts';
import { versionEtag, withVersion, writeCondition } from '../platform/http/if-match.ts';
import { actorOf, FIRM, OWNER, workspaceActor } from '../platform/http/policy.ts';
import type { ApiFeature } from '../platform/http/server.ts';
import type { WriteCondition } from '../platform/versioning.ts';
import type { EconomicsSettings } from './economics/settings.ts';
import type { EconomicsService } from './economics.service.ts';
import { importsRoutes } from './imports.routes.ts';
import {
  EconomicsSettingsView,
  MemberInput,
  MemberPatch,
  MemberView,
  MoneySchema,
  OpportunitiesView,
  OutTaskVsOutsourceView,
  ProcessInput,
  ProcessView,
  TaskDetailView,
  TaskInput,
  TaskListItemView,
  TaskPatch,
  TaskView,
} from './inventory.schemas.ts';
import type { InventoryActor, InventoryService } from './inventory.service.ts';
import { opportunitiesJson, taskListJson, tasksCsv } from './inventory.views.ts';

const IdParams = z.object({ id: z.string().min(1) });

const OfferSchema = z.object({
  provider: z.string().optional(),
  upfrontInvestment: MoneySchema,
  minimumTermMonths: z.number().int().min(1).max(240),
  unitPrice: MoneySchema,
  committedUnitsPerYear: z.object({ min: z.number().min(0), max: z.number().min(0).nullable() }),
  overageUnitPrice: MoneySchema.nullable().optional(),
});

const ScenarioSchema = z.union([
  z.object({ label: z.string().min(1), volumeFactor: z.number().min(0).max(100) }),
  z.object({ label: z.string().min(1), unitsPerYear: z.number().min(0) }),
]);

const EconomicsSettingsPatch = z.object({
  platformFeeBps: z.number().int().min(0).max(10_000).optional(),
  defaultReviewShare: z.number().min(0).max(1).optional(),
  reviewerId: z.string().nullable().optional(),
  measuredPeriodMonths: z.number().positive().max(120).optional(),
});

export interface InventoryRouteDeps {
  inventory: InventoryService;
  economics: EconomicsService;
  /**
   * Changes the workspace's settings (owned by accounts) as stored when the write takes them, only at
   * the expected version when given (else STALE_WRITE with `view` of them as they are now).
   */
  updateWorkspaceSettings(
    workspace: InventoryActor['workspace'],
    change: (settings: Record<string, unknown>) => Record<string, unknown>,
    condition?: WriteCondition,
    view?: (w: InventoryActor['workspace']) => unknown,
  ): Promise<InventoryActor['workspace']>;
}

export function inventoryRoutes({
  inventory,
  economics,
  updateWorkspaceSettings,
}: InventoryRouteDeps): ApiFeature[] {
  const members: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['inventory'];
    app.get(
      '/',
      {
        config: { policy: FIRM },
        schema: { tags, summary: 'Members of the firm', response: { 200: z.array(MemberView) } },
      },
      async (req) => inventory.listMembers(workspaceActor(req)),
    );
    app.post(
      '/',
      {
        config: { policy: OWNER },
        schema: {
          response: { 201: MemberView },
          tags,
          summary: 'Add a member (the owner’s: it sets a loaded hourly cost)',
          body: MemberInput,
        },
      },
      async (req, reply) =>
        reply.status(201).send(await inventory.createMember(workspaceActor(req), req.body)),
    );
    app.patch(
      '/:id',
      {
        config: { policy: FIRM },
        schema: {
          response: { 200: MemberView },
          tags,
          summary:
            'Change a member (only the fields sent; the loaded hourly cost and the role are the owner’s to change). With If-Match (its version as ETag), refused with 412 STALE_WRITE when someone changed it first',
          params: IdParams,
          body: MemberPatch,
        },
      },
      async (req, reply) => {
        const ownerOnly = (['hourlyCost', 'role'] as const).filter((f) => req.body[f] !== undefined);
        if (ownerOnly.length > 0 && actorOf(req).role !== 'owner') {
          throw new AppError(
            'FORBIDDEN',
            `Only an owner can change a member’s ${ownerOnly.map((f) => (f === 'hourlyCost' ? 'loaded hourly cost' : 'role')).join(' or ')}`,
            { fields: ownerOnly },
          );
        }
        return withVersion(
          reply,
          await inventory.updateMember(workspaceActor(req), req.params.id, req.body, writeCondition(req)),
        );
      },
    );
  };

  const processes: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['inventory'];
    app.get(
      '/',
      {
        config: { policy: FIRM },
        schema: { response: { 200: z.array(ProcessView) }, tags, summary: 'Core processes' },
      },
      async (req) => inventory.listProcesses(workspaceActor(req)),
    );
    app.post(
      '/',
      {
        config: { policy: FIRM },
        schema: { response: { 201: ProcessView }, tags, summary: 'Add a process', body: ProcessInput },
      },
      async (req, reply) =>
        reply.status(201).send(await inventory.createProcess(workspaceActor(req), req.body)),
    );
  };

  const tasks: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['inventory'];
    app.get(
      '/',
      {
        config: { policy: FIRM },
        schema: {
          response: { 200: z.array(TaskListItemView) },
          tags,
          summary: 'Every task with its measured hours, annual in-house cost, saving and score',
        },
      },
      async (req, reply) => {
        const overview = await economics.overview(actorOf(req).workspace);
        return sendCachedJson(req, reply, overview, 'tasks', () => taskListJson(overview));
      },
    );
    app.get(
      '/export.csv',
      {
        config: { policy: FIRM },
        schema: {
          response: { 200: fileResponse('The tasks, one a row', ['text/csv']) },
          tags,
          summary: 'The inventory as CSV (formula-safe cells)',
        },
      },
      async (req, reply) => {
        const csv = tasksCsv(await economics.overview(actorOf(req).workspace));
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="outtask-tasks.csv"')
          .send(csv);
      },
    );
    app.post(
      '/',
      {
        config: { policy: FIRM },
        schema: { response: { 201: TaskView }, tags, summary: 'Add a task', body: TaskInput },
      },
      async (req, reply) => reply.status(201).send(await inventory.createTask(workspaceActor(req), req.body)),
    );
    app.get(
      '/:id',
      {
        config: { policy: FIRM },
        schema: {
          response: { 200: TaskDetailView },
          tags,
          summary: 'A task with its cost breakdown, score factors and measured time',
          params: IdParams,
        },
      },
      async (req, reply) => {
        const actor = workspaceActor(req);
        const task = await inventory.getTask(actor, req.params.id);
        if (task.version !== undefined) reply.header('etag', versionEtag(task.version));
        const overview = await economics.overview(actor.workspace);
        const opportunity = overview.ranking.opportunities.find((o) => o.taskId === task.id)!;
        const measurements = (await inventory.measurements(actor, task.id)).get(task.id) ?? [];
        const row = overview.rows.find((r) => r.task.id === task.id)!;
        return { ...row, opportunity, measurements, settings: economics.settings(actor.workspace) };
      },
    );
    app.patch(
      '/:id',
      {
        config: { policy: FIRM },
        schema: {
          response: { 200: TaskView },
          tags,
          summary:
            'Change a task (only the fields sent). With If-Match (its ETag), refused with 412 STALE_WRITE when someone changed it first',
          params: IdParams,
          body: TaskPatch,
        },
      },
      async (req, reply) =>
        withVersion(
          reply,
          await inventory.updateTask(workspaceActor(req), req.params.id, req.body, writeCondition(req)),
        ),
    );
    app.delete(
      '/:id',
      {
        config: { policy: FIRM },
        schema: {
          response: { 204: noContent },
          tags,
          summary: 'Delete a task (with If-Match: only that version)',
          params: IdParams,
        },
      },
      async (req, reply) => {
        await inventory.deleteTask(workspaceActor(req), req.params.id, writeCondition(req));
        return reply.status(204).send();
      },
    );
    app.post(
      '/:id/compare',
      {
        config: { policy: FIRM },
        schema: {
          response: { 200: OutTaskVsOutsourceView },
          tags,
          summary: 'Out-task or outsource: both options under volume scenarios, with a recommendation',
          params: IdParams,
          body: z.object({
            offer: OfferSchema,
            scenarios: z.array(ScenarioSchema).min(1).max(10).optional(),
          }),
        },
      },
      async (req) => {
        const actor = workspaceActor(req);
        const task = await inventory.getTask(actor, req.params.id);
        const { overageUnitPrice, provider, ...offer } = req.body.offer;
        return economics.compare(
          actor.workspace,
          task,
          { ...offer, ...(provider ? { provider } : {}), ...(overageUnitPrice ? { overageUnitPrice } : {}) },
          req.body.scenarios,
        );
      },
    );
  };

  const opportunities: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/',
      {
        config: { policy: FIRM },
        schema: {
          response: { 200: OpportunitiesView },
          tags: ['inventory'],
          summary: 'Tasks ranked by expected saving, with score factors and hours freed',
          querystring: z.object({ top: z.coerce.number().int().min(1).max(100_000).optional() }),
        },
      },
      async (req, reply) => {
        const overview = await economics.overview(actorOf(req).workspace, { top: req.query.top });
        return sendCachedJson(req, reply, overview, `opportunities:${req.query.top ?? ''}`, () =>
          opportunitiesJson(overview, req.query.top),
        );
      },
    );
  };

  const settings: FastifyPluginAsync = async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['settings'];
    app.get(
      '/economics',
      {
        config: { policy: FIRM },
        schema: { response: { 200: EconomicsSettingsView }, tags, summary: 'What the economics assume' },
      },
      async (req, reply) => {
        const { workspace } = actorOf(req);
        if (workspace.settingsVersion !== undefined)
          reply.header('etag', versionEtag(workspace.settingsVersion));
        return economics.settings(workspace);
      },
    );
    app.patch(
      '/economics',
      {
        config: { policy: OWNER },
        schema: {
          response: { 200: EconomicsSettingsView },
          tags,
          summary:
            'Change what the economics assume (only the fields sent). With If-Match (the ETag of GET), refused with 412 STALE_WRITE when someone changed them first',
          body: EconomicsSettingsPatch,
        },
      },
      async (req, reply) => {
        const { workspace } = actorOf(req);
        const patch = req.body as Partial<EconomicsSettings>;
        // References checked first (reads), then merged into the settings as stored when written.
        await economics.validateSettings(workspace, patch);
        const updated = await updateWorkspaceSettings(
          workspace,
          (settings) => ({
            ...settings,
            economics: economics.mergeSettings({ ...workspace, settings }, patch),
          }),
          writeCondition(req),
          (w) => economics.settings(w),
        );
        await inventory.auditSettingsChange(workspaceActor(req), Object.keys(req.body as object));
        if (updated.settingsVersion !== undefined) reply.header('etag', versionEtag(updated.settingsVersion));
        return economics.settings(updated);
      },
    );
  };

  return [
    { prefix: '/members', plugin: members },
    { prefix: '/processes', plugin: processes },
    { prefix: '/tasks', plugin: tasks },
    { prefix: '/opportunities', plugin: opportunities },
    { prefix: '/imports', plugin: importsRoutes(inventory) },
    { prefix: '/settings', plugin: settings },
  ];
}
