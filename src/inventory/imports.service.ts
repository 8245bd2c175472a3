/**
 * Use cases of importing: preview a file (nothing stored), import it with the firm's decisions, list
 * past imports, undo one as a whole. Parsing, matching and planning (./import-prepare: ./imports,
 * ./activities, ./import-plan, all pure) run in a worker thread; this file reads the inventory the plan
 * starts from and writes the plan in one transaction.
 *
 * Kept in one file: the four use cases of one import (preview, import, list, undo) share the loading
 * of the inventory and the writing of a plan; what is pure is already out (import-prepare and below).
 */
import type { WorkspaceActor } from '../platform/actor.ts';
import { auditStore } from '../platform/audit/audit.store.ts';
import { nowIso, type ServiceDeps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import { workerPool } from '../platform/workers/index.ts';
import type { ActivityDecision, ActivityProposal } from './activities.ts';
import { describePeriodLength, type MeasuredPeriod, periodDays, periodMonths } from './economics/period.ts';
import type { DecisionInput, InventorySnapshot, PreparedImport, PrepareInput } from './import-prepare.ts';
import { PARSE_WORKER } from './imports/parse.worker.ts';
import { IMPORT_FORMATS, type ImportFormat, type RowError } from './imports/types.ts';
import { importsStore, type RememberedDecision } from './imports.store.ts';
import { inventoryStore } from './inventory.store.ts';
import type { ImportBatch } from './inventory.ts';
import { ownerOnlyMemberChanges } from './owner-only-members.ts';

export type { DecisionInput } from './import-prepare.ts';

export interface ImportRequest {
  file: string;
  bytes: Uint8Array;
  format?: ImportFormat;
  skipInvalid?: boolean;
  decisions?: readonly DecisionInput[];
  /** The period the entries cover, when the firm states it (else first to last entry). */
  period?: MeasuredPeriod;
  /**
   * false when the caller is not an owner: a file that sets a member's loaded hourly cost or role is
   * then refused (FORBIDDEN), as the member routes refuse it. The CLI acts with the owner's rights.
   */
  byOwner?: boolean;
}

/** Refuses, before anything is stored, a non-owner's file that sets what only an owner may. */
function refuseOwnerOnly(req: ImportRequest, plan: PreparedImport['plan'], before: InventorySnapshot): void {
  if (req.byOwner !== false) return;
  const changes = ownerOnlyMemberChanges(plan, before.members);
  if (changes.length === 0) return;
  throw new AppError(
    'FORBIDDEN',
    `${req.file} sets what only an owner can: ${changes.slice(0, 5).join('; ')}` +
      `${changes.length > 5 ? ` and ${changes.length - 5} more` : ''}. ` +
      'Ask an owner to import it, or leave the cost and role columns empty',
    { members: changes },
  );
}

export interface PeriodView extends MeasuredPeriod {
  days: number;
  months: number;
  /** "3 weeks" */
  length: string;
  /** true when the firm stated it at import, false when it is the first to the last entry. */
  stated: boolean;
}

export interface ActivityView {
  key: string;
  name: string;
  hours: number;
  entries: number;
  people: string[];
  engagements: string[];
  firstDate: string;
  lastDate: string;
  match: ActivityProposal['match'];
  decision: ActivityDecision;
  /** Where the activity goes, in words: the task's name and process ("new" tasks included). */
  target: { taskId: string | null; taskName: string; process: string } | null;
  candidates: ActivityProposal['candidates'];
}

export interface ImportPreview {
  file: string;
  format: ImportFormat;
  fileKind: 'csv' | 'xlsx';
  rows: number;
  /** The first 1,000 row errors; `errorCount` says how many there were in all. */
  errors: RowError[];
  errorCount: number;
  period: PeriodView | null;
  activities: ActivityView[];
  /** What importing with these decisions would change. */
  summary: {
    tasksMatched: number;
    tasksCreated: number;
    tasksUpdated: number;
    activitiesIgnored: number;
    processesCreated: number;
    membersCreated: number;
    entries: number;
    entriesIgnored: number;
  };
  /** The firm's tasks and processes, to pick from. */
  tasks: { id: string; name: string; process: string }[];
  processes: { id: string; name: string }[];
  warnings: string[];
}

export interface ImportReport {
  importId: string;
  file: string;
  format: ImportFormat;
  fileKind: 'csv' | 'xlsx';
  rows: number;
  created: { members: number; processes: number; tasks: number };
  updated: { members: number; tasks: number };
  timeEntries: { imported: number; alreadyImported: number; ignored: number };
  period: PeriodView | null;
  /** Rows left out for their errors. */
  skippedRows: number;
  /** The first 1,000 row errors with line and reason; `errorCount` says how many there were in all. */
  errors: RowError[];
  errorCount: number;
  warnings: string[];
}

function viewPeriod(p: MeasuredPeriod | null, stated: boolean): PeriodView | null {
  if (!p) return null;
  return {
    ...p,
    days: periodDays(p),
    months: Math.round(periodMonths(p) * 100) / 100,
    length: describePeriodLength(p),
    stated,
  };
}

export function createImportsService(deps: ServiceDeps, opts: { importMaxBytes: number }) {
  const db = deps.db.kysely;

  /** The inventory an import is planned against (the revision first: a change after it shows). */
  async function snapshot(trx: typeof db, ws: string): Promise<InventorySnapshot> {
    const revision = await inventoryStore.revision(trx, ws);
    const [members, processes, tasks] = await Promise.all([
      inventoryStore.listMembers(trx, ws),
      inventoryStore.listProcesses(trx, ws),
      inventoryStore.listTasks(trx, ws),
    ]);
    const remembered: InventorySnapshot['remembered'] = {};
    for (const f of IMPORT_FORMATS) remembered[f] = await importsStore.rememberedDecisions(trx, ws, f);
    return { revision, members, processes, tasks, remembered };
  }

  /**
   * Parses and plans in a worker thread (seconds of CPU for a large file), so other requests are not
   * held up; see import-prepare.ts.
   */
  function prepare(
    actor: WorkspaceActor,
    req: ImportRequest,
    snap: InventorySnapshot,
    refuseInvalidRows: boolean,
  ): Promise<PreparedImport> {
    const input: PrepareInput = {
      parse: {
        file: req.file,
        bytes: req.bytes,
        ...(req.format ? { format: req.format } : {}),
        defaultCurrency: actor.workspace.currency,
        maxBytes: opts.importMaxBytes,
      },
      snapshot: snap,
      ...(req.decisions ? { decisions: req.decisions } : {}),
      ...(req.period ? { period: req.period } : {}),
      refuseInvalidRows,
    };
    return workerPool().run<PreparedImport>(PARSE_WORKER, 'prepare', input);
  }

  /** Writes a prepared import in the open transaction; `before` is the snapshot it was planned on. */
  async function write(
    trx: typeof db,
    actor: WorkspaceActor,
    req: ImportRequest,
    before: InventorySnapshot,
    prepared: PreparedImport,
    now: string,
  ): Promise<ImportReport> {
    const ws = actor.workspace.id;
    const { parsed, proposals, plan, period, stated } = prepared;
    for (const m of plan.newMembers) await inventoryStore.insertMember(trx, ws, m, now);
    for (const m of plan.changedMembers) await inventoryStore.updateMember(trx, ws, m, now);
    let position = before.processes.length;
    for (const p of plan.newProcesses) await inventoryStore.insertProcess(trx, ws, p, position++, now);
    await inventoryStore.insertTasks(trx, deps.db, ws, plan.newTasks, now);
    for (const t of plan.changedTasks) await inventoryStore.updateTask(trx, ws, t, now);
    const changedTaskIds = new Set(plan.changedTasks.map((t) => t.id));
    const changedMemberIds = new Set(plan.changedMembers.map((m) => m.id));
    const importId = deps.newId();
    await importsStore.insertImportBatch(trx, ws, {
      id: importId,
      fileName: req.file,
      fingerprint: parsed.fingerprint,
      format: parsed.format,
      rowCount: parsed.rowCount,
      importedCount: 0,
      skippedCount: parsed.invalidRows,
      errorCount: parsed.errorCount,
      createdBy: actor.userId,
      createdAt: now,
      period,
      undo: {
        createdTaskIds: plan.newTasks.map((t) => t.id),
        createdProcessIds: plan.newProcesses.map((p) => p.id),
        createdMemberIds: plan.newMembers.map((m) => m.id),
        tasksBefore: before.tasks.filter((t) => changedTaskIds.has(t.id)),
        membersBefore: before.members.filter((m) => changedMemberIds.has(m.id)),
      },
    });
    const imported = await importsStore.insertTimeEntries(trx, deps.db, ws, importId, prepared.entries);
    await importsStore.insertBatchTasks(trx, importId, prepared.entryTaskIds);
    await importsStore.setImportedCount(
      trx,
      importId,
      imported + plan.newTasks.length + plan.changedTasks.length,
    );
    const remember: { key: string; decision: RememberedDecision }[] = [];
    for (const p of proposals) {
      const taskId = plan.activityTasks.get(p.key);
      if (p.decision.action === 'ignore') remember.push({ key: p.key, decision: { action: 'ignore' } });
      else if (taskId) remember.push({ key: p.key, decision: { action: 'task', taskId } });
    }
    await importsStore.rememberDecisions(trx, ws, parsed.format, remember, now);
    await auditStore.append(trx, deps.newId(), now, {
      workspaceId: ws,
      userId: actor.userId,
      action: 'import',
      subjectType: 'import',
      subjectId: importId,
      details: { file: req.file, format: parsed.format, rows: parsed.rowCount, entries: imported },
    });
    return {
      importId,
      file: req.file,
      format: parsed.format,
      fileKind: parsed.fileKind,
      rows: parsed.rowCount,
      created: {
        members: plan.newMembers.length,
        processes: plan.newProcesses.length,
        tasks: plan.newTasks.length,
      },
      updated: { members: plan.changedMembers.length, tasks: plan.changedTasks.length },
      timeEntries: {
        imported,
        alreadyImported: prepared.entries.count - imported,
        ignored: plan.ignoredEntries,
      },
      period: viewPeriod(period, stated),
      skippedRows: parsed.invalidRows,
      errors: parsed.errors,
      errorCount: parsed.errorCount,
      warnings: plan.warnings,
    };
  }

  return {
    /** What importing the file would do, activity by activity. Stores nothing; bad rows are listed, not refused. */
    async previewImport(actor: WorkspaceActor, req: ImportRequest): Promise<ImportPreview> {
      const before = await snapshot(db, actor.workspace.id);
      const { parsed, proposals, plan, period, stated, entries } = await prepare(actor, req, before, false);
      refuseOwnerOnly(req, plan, before);
      const processName = new Map(
        [...before.processes, ...plan.newProcesses].map((p) => [p.id, p.name] as const),
      );
      const allTasks = new Map([...before.tasks, ...plan.newTasks].map((t) => [t.id, t] as const));
      const taskOf = plan.activityTasks;
      const stored = await importsStore.storedFingerprints(db, actor.workspace.id, entries);
      const activities: ActivityView[] = proposals.map((p) => {
        const taskId = taskOf.get(p.key) ?? null;
        const task = taskId ? allTasks.get(taskId) : undefined;
        return {
          key: p.key,
          name: p.name,
          hours: Math.round((p.minutes / 60) * 100) / 100,
          entries: p.entries,
          people: p.people,
          engagements: p.engagements,
          firstDate: p.firstDate,
          lastDate: p.lastDate,
          match: p.match,
          decision: p.decision,
          target: task
            ? { taskId: task.id, taskName: task.name, process: processName.get(task.processId) ?? '' }
            : null,
          candidates: p.candidates,
        };
      });
      const newIds = new Set(plan.newTasks.map((t) => t.id));
      return {
        file: req.file,
        format: parsed.format,
        fileKind: parsed.fileKind,
        rows: parsed.rowCount,
        errors: parsed.errors,
        errorCount: parsed.errorCount,
        period: viewPeriod(period, stated),
        activities,
        summary: {
          tasksMatched: new Set([...taskOf.values()].filter((id) => !newIds.has(id))).size,
          tasksCreated: plan.newTasks.length,
          tasksUpdated: plan.changedTasks.length,
          activitiesIgnored: proposals.filter((p) => p.decision.action === 'ignore').length,
          processesCreated: plan.newProcesses.length,
          membersCreated: plan.newMembers.length,
          entries: entries.count - stored,
          entriesIgnored: plan.ignoredEntries,
        },
        tasks: before.tasks
          .map((t) => ({ id: t.id, name: t.name, process: processName.get(t.processId) ?? '' }))
          .sort((a, b) => a.name.localeCompare(b.name) || a.process.localeCompare(b.process)),
        processes: before.processes.map((p) => ({ id: p.id, name: p.name })),
        warnings: plan.warnings,
      };
    },

    /**
     * Imports a file. With any bad row nothing is stored unless skipInvalid; a re-import of the same
     * entries changes nothing (time entries are keyed by their fingerprint, tasks by process and
     * name). The decisions are remembered for the next import from the same tracker.
     */
    async importFile(actor: WorkspaceActor, req: ImportRequest): Promise<ImportReport> {
      const ws = actor.workspace.id;
      const now = nowIso(deps);
      // Planned outside the transaction (it holds SQLite's one connection), then written only if the
      // inventory is still the one planned on: the revision moves with every inventory write, and the
      // compare-and-set on it also locks the workspace row on PostgreSQL until the commit.
      for (let attempt = 1; attempt < 3; attempt++) {
        const before = await snapshot(db, ws);
        const prepared = await prepare(actor, req, before, !req.skipInvalid);
        refuseOwnerOnly(req, prepared.plan, before);
        const report = await db.transaction().execute(async (trx) => {
          if (!(await inventoryStore.claimRevision(trx, ws, before.revision))) return null;
          return write(trx, actor, req, before, prepared, now);
        });
        if (report) return report;
      }
      // The inventory kept changing: plan inside the transaction, the workspace locked first.
      return db.transaction().execute(async (trx) => {
        await inventoryStore.claimRevision(trx, ws, null);
        const before = await snapshot(trx, ws);
        const prepared = await prepare(actor, req, before, !req.skipInvalid);
        refuseOwnerOnly(req, prepared.plan, before);
        return write(trx, actor, req, before, prepared, now);
      });
    },

    importHistory: (actor: WorkspaceActor): Promise<ImportBatch[]> =>
      importsStore.listImportBatches(db, actor.workspace.id),

    /**
     * Undoes an import as a whole: its time entries go, the tasks and members it changed get their
     * earlier values back, and what it created goes unless something made later depends on it (then
     * nothing is undone and the error says what).
     */
    async undoImport(actor: WorkspaceActor, importId: string): Promise<ImportBatch> {
      const ws = actor.workspace.id;
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const batch = await importsStore.findImportBatch(trx, ws, importId);
        if (!batch) throw new AppError('IMPORT_NOT_FOUND', `No import with id ${importId}`);
        if (batch.undoneAt) {
          throw new AppError(
            'IMPORT_ALREADY_UNDONE',
            `The import of ${batch.fileName} was already undone at ${batch.undoneAt}`,
          );
        }
        const { undo } = batch;
        const later = await importsStore.entriesOnTasks(trx, ws, undo.createdTaskIds, importId);
        if (later > 0) {
          throw new AppError(
            'IMPORT_UNDO_BLOCKED',
            `The import of ${batch.fileName} created tasks that ${later} time entries of later imports went to; undo those imports first`,
            { entries: later },
          );
        }
        const worked = await importsStore.tasksWithProcedures(trx, ws, undo.createdTaskIds);
        if (worked.length > 0) {
          throw new AppError(
            'IMPORT_UNDO_BLOCKED',
            `The import of ${batch.fileName} created tasks that now have ways of working or procedures recorded (${worked.join(', ')}); undoing it would lose them`,
            { tasks: worked },
          );
        }
        const entries = await importsStore.deleteTimeEntriesOf(trx, ws, importId);
        for (const t of undo.tasksBefore) await inventoryStore.updateTask(trx, ws, t, now);
        for (const m of undo.membersBefore) await inventoryStore.updateMember(trx, ws, m, now);
        await importsStore.deleteTasks(trx, ws, undo.createdTaskIds);
        await importsStore.deleteProcessesIfEmpty(trx, ws, undo.createdProcessIds);
        await importsStore.deleteMembersIfUnused(trx, ws, undo.createdMemberIds);
        await importsStore.markImportUndone(trx, importId, now);
        await auditStore.append(trx, deps.newId(), now, {
          workspaceId: ws,
          userId: actor.userId,
          action: 'import.undo',
          subjectType: 'import',
          subjectId: importId,
          details: { file: batch.fileName, entries, tasks: undo.createdTaskIds.length },
        });
        const { undo: _kept, ...shown } = batch;
        return { ...shown, undoneAt: now };
      });
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
