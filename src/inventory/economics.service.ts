/** Use cases that read the inventory and answer in money: the ranking, a task's economics, out-task vs outsource. */
import type { Workspace } from '../accounts/index.ts';
import type { ServiceDeps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import {
  compareOutTaskVsOutsource,
  DEFAULT_SCENARIOS,
  type EconomicsSettings,
  type OpportunityRanking,
  type OutsourcingOffer,
  type OutTaskVsOutsource,
  rankOpportunities,
  resolveEconomicsSettings,
  type StandardCost,
  type VolumeScenario,
} from './economics/index.ts';
import { inventoryStore } from './inventory.store.ts';
import type { Measurement, Member, Process, Task } from './inventory.ts';
import { measurementsStore } from './measurements.store.ts';

export interface TaskRow {
  task: Task;
  process: string;
  performer: string | null;
  measuredHours: number;
  /** The period the task's imported entries cover (ISO dates); null when nothing was measured. */
  measuredFrom: string | null;
  measuredTo: string | null;
}

export interface InventoryOverview {
  members: Member[];
  processes: Process[];
  ranking: OpportunityRanking;
  rows: TaskRow[];
}

export function economicsSettingsOf(workspace: Workspace): Required<EconomicsSettings> {
  const stored = (workspace.settings.economics ?? {}) as Partial<EconomicsSettings>;
  return resolveEconomicsSettings({ ...stored, currency: workspace.currency });
}

const CACHE_LIMIT = 64;

/**
 * The approved procedures' costs, from the procedures module (which depends on this one, so it is
 * handed in by the composition root). `fingerprint` changes whenever another version is approved;
 * the costs themselves follow from inventory data whose changes bump the workspace revision.
 */
export interface StandardCostSource {
  fingerprint(workspace: Workspace): Promise<string>;
  costs(
    workspace: Workspace,
    tasks: readonly Task[],
    members: readonly Member[],
  ): Promise<ReadonlyMap<string, StandardCost>>;
}

export function createEconomicsService(deps: ServiceDeps, opts: { standards?: StandardCostSource } = {}) {
  const db = deps.db.kysely;
  // Rankings cached by workspace, revision and top N: any write to the inventory bumps the revision
  // (inventory.store), so a cached ranking is never stale, even with several server processes.
  const cache = new Map<string, InventoryOverview>();
  const standardsSource = opts.standards;

  async function load(ws: string, taskId?: string) {
    const [members, processes, tasks, measurements] = await Promise.all([
      inventoryStore.listMembers(db, ws),
      inventoryStore.listProcesses(db, ws),
      taskId
        ? inventoryStore.findTask(db, ws, taskId).then((t) => (t ? [t] : []))
        : inventoryStore.listTasks(db, ws),
      measurementsStore.measurements(db, ws, taskId),
    ]);
    return { members, processes, tasks, measurements };
  }

  async function computeOverview(workspace: Workspace, opts: { top?: number }): Promise<InventoryOverview> {
    const { members, processes, tasks, measurements } = await load(workspace.id);
    const standards = await standardsSource?.costs(workspace, tasks, members);

    const ranking = rankOpportunities(tasks, members, measurements, economicsSettingsOf(workspace), {
      ...(opts.top !== undefined ? { topN: opts.top } : {}),
      ...(standards ? { standards } : {}),
    });
    const processName = new Map(processes.map((p) => [p.id, p.name]));
    const memberName = new Map(members.map((m) => [m.id, m.name]));
    const rows = tasks.map((task) => ({
      task,
      process: processName.get(task.processId) ?? '',
      performer: task.performerId ? (memberName.get(task.performerId) ?? null) : null,
      measuredHours: measuredHours(measurements.get(task.id)),
      ...measuredPeriod(measurements.get(task.id)),
    }));
    return { members, processes, ranking, rows };
  }

  return {
    settings: economicsSettingsOf,

    /** Every task with its economics and score, ranked, plus the rows the inventory table shows. */
    async overview(workspace: Workspace, opts: { top?: number } = {}): Promise<InventoryOverview> {
      const [revision, approved] = await Promise.all([
        inventoryStore.revision(db, workspace.id),
        standardsSource?.fingerprint(workspace) ?? '',
      ]);
      const key = `${workspace.id}:${revision}:${approved}:${opts.top ?? ''}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const fresh = await computeOverview(workspace, opts);
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      cache.set(key, fresh);
      return fresh;
    },

    async compare(
      workspace: Workspace,
      task: Task,
      offer: OutsourcingOffer,
      scenarios: readonly VolumeScenario[] = DEFAULT_SCENARIOS,
    ): Promise<OutTaskVsOutsource> {
      const { members, measurements } = await load(workspace.id, task.id);
      const standards = await standardsSource?.costs(workspace, [task], members);
      return compareOutTaskVsOutsource(task, offer, scenarios, {
        members,
        measurements: measurements.get(task.id) ?? [],
        settings: economicsSettingsOf(workspace),
        standard: standards?.get(task.id) ?? null,
      });
    },

    /** Validates and stores the workspace's economics settings; returns them resolved. */
    /** The settings after `patch`, checked; a reviewerId must be a member of this workspace. */
    async validateSettings(
      workspace: Workspace,
      patch: Partial<EconomicsSettings>,
    ): Promise<Partial<EconomicsSettings>> {
      if (typeof patch.reviewerId === 'string') {
        const reviewer = await inventoryStore.findMember(deps.db.kysely, workspace.id, patch.reviewerId);
        if (!reviewer) {
          throw new AppError(
            'MEMBER_NOT_FOUND',
            `No member with id ${patch.reviewerId} in this workspace: the reviewer must be one of its members`,
            { field: 'reviewerId' },
          );
        }
      }
      if ('currency' in patch && patch.currency !== workspace.currency) {
        throw new AppError(
          'VALIDATION_FAILED',
          'The currency is the workspace currency and cannot be changed here',
          {
            field: 'currency',
          },
        );
      }
      return mergeEconomicsSettings(workspace, patch);
    },

    mergeSettings: mergeEconomicsSettings,
  };
}

/** The workspace's economics settings with a patch over them, checked as a whole (pure). */
function mergeEconomicsSettings(
  workspace: Workspace,
  patch: Partial<EconomicsSettings>,
): Partial<EconomicsSettings> {
  const merged = { ...((workspace.settings.economics ?? {}) as object), ...patch };
  resolveEconomicsSettings({ ...merged, currency: workspace.currency });
  return merged;
}

export function measuredHours(list: readonly Measurement[] | undefined): number {
  const minutes = (list ?? []).reduce((s, m) => s + m.minutes, 0);
  return Math.round((minutes / 60) * 100) / 100;
}

/** The period the imports cover, else the first to the last entry; nulls when nothing was measured. */
export function measuredPeriod(list: readonly Measurement[] | undefined): {
  measuredFrom: string | null;
  measuredTo: string | null;
} {
  if (!list || list.length === 0) return { measuredFrom: null, measuredTo: null };
  const period = list.find((m) => m.period)?.period;
  if (period) return { measuredFrom: period.from, measuredTo: period.to };
  // ISO dates order as text.
  const firsts = list.map((m) => m.firstDate).sort();
  const lasts = list.map((m) => m.lastDate).sort();
  return { measuredFrom: firsts[0]!, measuredTo: lasts.at(-1)! };
}

export type EconomicsService = ReturnType<typeof createEconomicsService>;
