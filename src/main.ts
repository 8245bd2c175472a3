/**
 * Composition root: the only place that builds adapters and wires features together.
 * The CLI and the server both start from `openApp`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  authRoutes,
  createAccountsService,
  createTeamService,
  joinRoutes,
  teamRoutes,
  workspaceRoutes,
} from './accounts/index.ts';
import {
  createPipelines,
  type Pipelines,
  pipelineRunJob,
  pipelinesRoutes,
} from './automation/pipelines/index.ts';
import { createInterviewJobs, createInterviewsService, interviewsRoutes } from './interviews/index.ts';
import {
  createEconomicsService,
  createInventoryService,
  inventoryRoutes,
  occurrencesPerYear,
} from './inventory/index.ts';
import {
  awardBidJob,
  createMarketplaceService,
  marketplaceRoutes,
  postListingJob,
  readBidsJob,
  realSleep,
} from './marketplace/index.ts';
import { createOuttaskersService, outtaskersRoutes } from './outtaskers/index.ts';
import { type Blobs, createBlobs, DiskBlobStore } from './platform/blobs/index.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { type Db, openDb } from './platform/db/connect.ts';
import { migrateToLatest } from './platform/db/migrator.ts';
import type { ServiceDeps } from './platform/deps.ts';
import {
  DEFAULT_HOUSEKEEPING,
  type HousekeepingPolicy,
  registerHousekeeping,
  scheduleHousekeeping,
} from './platform/housekeeping/index.ts';
import type { App } from './platform/http/server.ts';
import { type IdGenerator, newId } from './platform/ids.ts';
import {
  createJobQueue,
  type JobLog,
  type JobQueue,
  JobRegistry,
  JobWorker,
  jobsRoutes,
  type WorkspaceJobs,
  workspaceJobs,
} from './platform/jobs/index.ts';
import { createProceduresService, proceduresRoutes } from './procedures/index.ts';
import { createSynthesesService, type SynthesesService, synthesesRoutes } from './syntheses/index.ts';
import {
  createWorkOrdersService,
  registerAutoApproval,
  scheduleAutoApproval,
  type WorkOrdersService,
  workOrdersRoutes,
} from './workorders/index.ts';

/** The package's folder: the nearest one up holding package.json (this file runs from src/ or dist/chunks/). */
export const ROOT_DIR = packageRoot(path.dirname(fileURLToPath(import.meta.url)));
export const WEB_DIST = path.join(ROOT_DIR, 'web', 'dist');

function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

export interface AppServices {
  config: Config;
  db: Db;
  deps: ServiceDeps;
  accounts: ReturnType<typeof createAccountsService>;
  /** Roles, access, invitations to join the firm, the workspace's own settings. */
  team: ReturnType<typeof createTeamService>;
  inventory: ReturnType<typeof createInventoryService>;
  economics: ReturnType<typeof createEconomicsService>;
  procedures: ReturnType<typeof createProceduresService>;
  interviews: ReturnType<typeof createInterviewsService>;
  /** Out-taskers, bids, awards, contracts and the out-tasker's portal (step 6). */
  outtaskers: ReturnType<typeof createOuttaskersService>;
  /** Intake pipelines: their services, the job handler (registered) and the folder watcher's factory. */
  pipelines: Pipelines;
  /** The synthesis and `ask` on uploads as background jobs. */
  interviewJobs: ReturnType<typeof createInterviewJobs>;
  /** Saved syntheses: kept, listed, reopened and edited before export. */
  syntheses: SynthesesService;
  /** Stored files: content-addressed bytes on disk, references in the database. */
  blobs: Blobs;
  /** Step 6: job posts, their renderings per marketplace, listings. */
  marketplace: ReturnType<typeof createMarketplaceService>;
  /** Step 6 in operation: work orders, deliveries, reviews, SLA, billing. */
  workOrders: WorkOrdersService;
  /** The durable job queue and the job types this process can run (features register theirs here). */
  jobs: { queue: JobQueue; registry: JobRegistry; workspace: WorkspaceJobs };
  close(): Promise<void>;
}

export async function openApp(
  config: Config,
  opts: { clock?: Clock; newId?: IdGenerator; db?: Db; migrate?: boolean } = {},
): Promise<AppServices> {
  const db = opts.db ?? openDb(config.database);
  if (opts.migrate !== false) await migrateToLatest(db);
  const deps: ServiceDeps = { db, clock: opts.clock ?? systemClock, newId: opts.newId ?? newId };
  const queue = createJobQueue(deps);
  const jobs = { queue, registry: new JobRegistry(), workspace: workspaceJobs(queue) };
  const blobs = createBlobs(deps, new DiskBlobStore(config.blobsDir, { maxBytes: config.blobMaxBytes }));
  const accounts = createAccountsService(deps, {
    sessionTtlHours: config.sessionTtlHours,
    sessionIdleMinutes: config.sessionIdleMinutes,
  });
  const team = createTeamService(deps, accounts);
  const inventory = createInventoryService(deps, { importMaxBytes: config.importMaxBytes });
  // The approved procedures give each task its current cost; procedures stand on the inventory, so
  // the economics service reads them through a source handed in here.
  const procedures = createProceduresService({ ...deps, inventory });
  const economics = createEconomicsService(deps, { standards: procedures.standardCosts() });
  const interviews = createInterviewsService({
    ...deps,
    procedures,
    samplesDir: path.join(ROOT_DIR, 'examples', 'executive-interviews'),
  });
  const outtaskers = createOuttaskersService({
    ...deps,
    accounts,
    inventory,
    standards: procedures.standardCosts(),
  });
  const syntheses = createSynthesesService({
    ...deps,
    blobs,
    getTask: (actor, id) => inventory.getTask(actor, id),
  });
  const pipelines = createPipelines(
    { ...deps, queue: jobs.queue, blobs, whisperModel: config.whisperModel },
    { accounts, inventory, procedures, interviews, syntheses },
  );
  jobs.registry.handle(pipelineRunJob, pipelines.handler);
  const interviewJobs = createInterviewJobs({ ...deps, blobs, queue, interviews, syntheses });
  interviewJobs.register(jobs.registry);
  registerHousekeeping(
    jobs.registry,
    { blobs, queue, now: () => deps.clock.now() },
    housekeepingPolicy(config),
  );
  const marketplace = createMarketplaceService({
    ...deps,
    procedures,
    queue,
    connectors: {
      secretsKey: config.secretsKey,
      apis: config.marketplaceApis,
      http: { fetch: (url, init) => fetch(url, init), sleep: realSleep, now: () => deps.clock.now() },
    },
    resolveWorkspace: (id) => accounts.resolveWorkspace(id),
    // Bids a connector reads go to the bids table, so the comparison shows them beside the others.
    bids: (actor, input) => outtaskers.importConnectorBids(actor, input),
  });
  jobs.registry
    .handle(postListingJob, (p, ctx) => marketplace.handlers.postListing(p, ctx))
    .handle(readBidsJob, (p, ctx) => marketplace.handlers.readBids(p, ctx))
    .handle(awardBidJob, (p, ctx) => marketplace.handlers.award(p, ctx));
  const workOrders = createWorkOrdersService({
    ...deps,
    blobs,
    brief: async (actor, taskId) => {
      const b = await procedures.briefForTask(actor, taskId, { format: 'md' });
      return { fileName: b.fileName, markdown: b.bytes.toString('utf8') };
    },
    // Step 1's economics: each task's in-house cost a year over the units it makes a year.
    inHouse: async (workspace) => {
      const overview = await economics.overview(workspace);
      const tasks = new Map(overview.rows.map((r) => [r.task.id, r.task]));
      const out = new Map<
        string,
        { annualCost: { amountMinor: number; currency: string }; annualUnits: number }
      >();
      for (const o of overview.ranking.opportunities) {
        const task = tasks.get(o.taskId);
        if (!task || o.inHouseAnnualCost.amountMinor <= 0) continue;
        out.set(o.taskId, {
          annualCost: o.inHouseAnnualCost,
          annualUnits: task.unitsPerOccurrence * occurrencesPerYear(task.frequency),
        });
      }
      return out;
    },
  });
  registerAutoApproval(jobs.registry, workOrders);
  // The out-taskers' record with the firm (on time, accepted first time) beside their bids.
  outtaskers.setRecordSource(async (workspaceId, ids) => {
    const all = await workOrders.recordsFor(workspaceId, ids);
    return new Map(
      [...all].map(([id, r]) => [
        id,
        {
          orders: r.orders,
          judged: r.judged,
          late: r.late,
          onTimeShare: r.onTimeShare,
          acceptanceShare: r.acceptanceShare,
          revisionsPerOrder: r.revisionsPerOrder,
        },
      ]),
    );
  });
  return {
    config,
    db,
    deps,
    accounts,
    team,
    inventory,
    economics,
    procedures,
    interviews,
    outtaskers,
    pipelines,
    interviewJobs,
    syntheses,
    blobs,
    jobs,
    marketplace,
    workOrders,
    close: async () => {
      await pipelines.stopWatching();
      await jobs.queue.close();
      await db.close();
    },
  };
}

function housekeepingPolicy(config: Config): HousekeepingPolicy {
  return {
    ...DEFAULT_HOUSEKEEPING,
    jobRetentionDays: config.jobRetentionDays,
    blobGraceHours: config.blobGraceHours,
  };
}

/**
 * A worker running this process's registered job types: the one inside `npm start` (SQLite's embedded
 * default), or `outtask worker` (PostgreSQL: any number of them, on any machines).
 */
export async function startJobWorker(
  services: AppServices,
  opts: { concurrency?: number; log?: JobLog } = {},
): Promise<JobWorker> {
  await services.jobs.queue.start();
  const worker = new JobWorker(services.jobs.queue, services.jobs.registry, {
    concurrency: opts.concurrency ?? 1,
    ...(opts.log ? { log: opts.log } : {}),
  });
  worker.start();
  await scheduleHousekeeping(services.jobs.queue, housekeepingPolicy(services.config));
  await scheduleAutoApproval(services.jobs.queue);
  // Watched folders are scanned by the processes that run workers (stopped by services.close()).
  services.pipelines.startWatching(opts.log ? { log: opts.log } : {});
  return worker;
}

export async function buildHttpApp(
  services: AppServices,
  opts: { logger?: boolean; web?: boolean } = {},
): Promise<App> {
  const { config, accounts, inventory, economics, procedures, interviews, pipelines } = services;
  // Loaded here, not at the top: CLI commands open the app without any of the HTTP stack.
  const { buildServer } = await import('./platform/http/server.ts');
  return buildServer({
    logger: opts.logger ? { level: config.logLevel } : false,
    authenticate: (token) => accounts.authenticate(token),
    bodyLimit: config.importMaxBytes + 1024 * 1024,
    trustProxy: config.trustProxy,
    strictResponses: config.strictResponses,
    ...(opts.web !== false ? { webRoot: WEB_DIST } : {}),
    features: [
      { prefix: '/auth', plugin: authRoutes(accounts, { cookieSecure: config.cookieSecure }) },
      { prefix: '/workspace', plugin: workspaceRoutes(accounts) },
      { prefix: '/workspace', plugin: teamRoutes(services.team) },
      { prefix: '/join', plugin: joinRoutes(services.team, { cookieSecure: config.cookieSecure }) },
      ...inventoryRoutes({ inventory, economics, updateWorkspaceSettings: accounts.updateSettings }),
      ...proceduresRoutes(procedures),
      ...interviewsRoutes(interviews, services.interviewJobs),
      ...synthesesRoutes(services.syntheses),
      ...jobsRoutes(services.jobs.workspace),
      ...pipelinesRoutes(pipelines.service, pipelines.review),
      ...marketplaceRoutes(services.marketplace),
      ...workOrdersRoutes(services.workOrders),
      ...outtaskersRoutes(services.outtaskers, { cookieSecure: config.cookieSecure }),
    ],
  });
}
