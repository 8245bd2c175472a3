/**
 * Use cases of importing: preview a file (nothing stored), import it with the firm's decisions, list
 * past imports, undo one as a whole. The parsing is ./imports (pure), the matching ./activities (pure),
 * the plan ./import-plan (pure); this file loads, decides the period, writes in one transaction.
 *
 * Kept in one file: the four use cases of one import (preview, import, list, undo) share the loading
 * of the file and the firm and the decisions' resolution; what is pure is already out (imports/,
 * activities, import-plan).
 */
import type { WorkspaceActor } from '../platform/actor.ts';
import { auditStore } from '../platform/audit/audit.store.ts';
import { nowIso, type ServiceDeps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import { workerPool } from '../platform/workers/index.ts';
import {
  type ActivityDecision,
  type ActivityProposal,
  activitiesOf,
  activityKey,
  proposeDecisions,
} from './activities.ts';
import { describePeriodLength, type MeasuredPeriod, periodDays, periodMonths } from './economics/period.ts';
import { planImport } from './import-plan.ts';
import { PARSE_WORKER } from './imports/parse.worker.ts';
import type { ParseImportInput } from './imports/parse-import.ts';
import type { ImportFormat, ParsedImport, RowError } from './imports/types.ts';
import { inventoryStore, type RememberedDecision } from './inventory.store.ts';
import type { ImportBatch, Process, Task } from './inventory.ts';

/** How the firm decides one activity, as the CLI's mapping file and the app's preview send it. */
export interface DecisionInput {
  /** The activity's name as the tracker wrote it (compared ignoring case, spacing and punctuation). */
  activity: string;
  action: 'task' | 'new' | 'ignore';
  /** For `task`: the task's id, its name, or "Process / Task". */
  task?: string;
  /** For `new`: the process, by id or name (created when no process has that name). */
  process?: string;
  /** For `new`: the new task's name (default: the activity's name). */
  name?: string;
}

export interface ImportRequest {
  file: string;
  bytes: Uint8Array;
  format?: ImportFormat;
  skipInvalid?: boolean;
  decisions?: readonly DecisionInput[];
  /** The period the entries cover, when the firm states it (else first to last entry). */
  period?: MeasuredPeriod;
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

function entriesPeriod(parsed: ParsedImport): MeasuredPeriod | null {
  if (parsed.timeEntries.length === 0) return null;
  let from = parsed.timeEntries[0]!.date;
  let to = from;
  for (const e of parsed.timeEntries) {
    if (e.date < from) from = e.date;
    if (e.date > to) to = e.date;
  }
  return { from, to };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkStatedPeriod(p: MeasuredPeriod, entries: MeasuredPeriod | null): void {
  for (const [field, v] of [
    ['from', p.from],
    ['to', p.to],
  ] as const) {
    if (!ISO_DATE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
      throw new AppError(
        'VALIDATION_FAILED',
        `The period's ${field} date "${v}" is not a date like 2025-03-01`,
        {
          field: `period.${field}`,
        },
      );
    }
  }
  if (p.to < p.from) {
    throw new AppError('VALIDATION_FAILED', `The period ends (${p.to}) before it starts (${p.from})`, {
      field: 'period.to',
    });
  }
  if (entries && (entries.from < p.from || entries.to > p.to)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The file has entries from ${entries.from} to ${entries.to}, outside the period ${p.from} to ${p.to}; state a period that covers them`,
      { field: 'period' },
    );
  }
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Turns the firm's decisions (names or ids) into decisions on ids; refuses what names nothing. */
function resolveDecisions(
  inputs: readonly DecisionInput[],
  tasks: readonly Task[],
  processes: readonly Process[],
): Map<string, ActivityDecision> {
  const out = new Map<string, ActivityDecision>();
  const processName = new Map(processes.map((p) => [p.id, p.name]));
  inputs.forEach((d, i) => {
    const where = `Decision ${i + 1} (activity "${d.activity}")`;
    const fail = (message: string, field: string) =>
      new AppError('IMPORT_DECISION_INVALID', `${where}: ${message}`, { field: `decisions.${i}.${field}` });
    const key = activityKey(d.activity);
    if (!key) throw fail('names no activity', 'activity');
    if (d.action === 'ignore') {
      out.set(key, { action: 'ignore' });
    } else if (d.action === 'task') {
      const ref = (d.task ?? '').trim();
      if (!ref) throw fail('says which task it is, but names none', 'task');
      let matches = tasks.filter((t) => t.id === ref);
      if (matches.length === 0) matches = tasks.filter((t) => norm(t.name) === norm(ref));
      if (matches.length !== 1 && ref.includes('/')) {
        const [p, ...rest] = ref.split('/');
        matches = tasks.filter(
          (t) =>
            norm(processName.get(t.processId) ?? '') === norm(p ?? '') &&
            norm(t.name) === norm(rest.join('/')),
        );
      }
      if (matches.length > 1)
        throw fail(`"${ref}" names ${matches.length} tasks; write "Process / Task"`, 'task');
      if (matches.length === 0) throw fail(`no task "${ref}"`, 'task');
      out.set(key, { action: 'task', taskId: matches[0]!.id });
    } else if (d.action === 'new') {
      const ref = (d.process ?? '').trim();
      const proc = processes.find((p) => p.id === ref) ?? processes.find((p) => norm(p.name) === norm(ref));
      const taskName = (d.name ?? '').trim() || d.activity.trim();
      out.set(key, {
        action: 'new',
        taskName,
        processId: proc?.id ?? null,
        processName: proc ? null : ref || null,
      });
    } else {
      throw fail(`action "${String(d.action)}" is not one of task, new, ignore`, 'action');
    }
  });
  return out;
}

export function createImportsService(deps: ServiceDeps, opts: { importMaxBytes: number }) {
  const db = deps.db.kysely;

  /** Everything an import decides, from the current inventory; writes nothing. */
  async function decide(trx: typeof db, actor: WorkspaceActor, parsed: ParsedImport, req: ImportRequest) {
    const ws = actor.workspace.id;
    const [members, processes, tasks] = await Promise.all([
      inventoryStore.listMembers(trx, ws),
      inventoryStore.listProcesses(trx, ws),
      inventoryStore.listTasks(trx, ws),
    ]);
    const before = { members: structuredClone(members), tasks: structuredClone(tasks), processes };
    const fromEntries = entriesPeriod(parsed);
    if (req.period) checkStatedPeriod(req.period, fromEntries);
    const period = req.period ?? fromEntries;
    const chosen = resolveDecisions(req.decisions ?? [], tasks, processes);
    const remembered: Map<string, ActivityDecision> = await inventoryStore.rememberedDecisions(
      trx,
      ws,
      parsed.format,
    );
    const proposals = proposeDecisions(
      activitiesOf(parsed.timeEntries),
      { tasks, processes },
      remembered,
      chosen,
    );
    const warnings: string[] = [];
    const known = new Set(proposals.map((p) => p.key));
    for (const d of req.decisions ?? []) {
      if (!known.has(activityKey(d.activity))) {
        warnings.push(`The decision for "${d.activity}" was not used: the file has no such activity`);
      }
    }
    const plan = planImport(
      parsed,
      { members, processes, tasks, currency: actor.workspace.currency, newId: deps.newId },
      { activities: proposals, period },
    );
    plan.warnings.unshift(...warnings);
    return { before, proposals, plan, period, stated: Boolean(req.period) };
  }

  function refuseBadRows(parsed: ParsedImport, req: ImportRequest): void {
    if (parsed.errorCount > 0 && !req.skipInvalid) {
      const shown =
        parsed.errorCount > parsed.errors.length
          ? ` (the first ${parsed.errors.length} of ${parsed.errorCount} errors are listed)`
          : '';
      throw new AppError(
        'IMPORT_ROWS_INVALID',
        `${req.file}: ${parsed.invalidRows} of ${parsed.rowCount} rows have errors; nothing was imported${shown}. Fix them, or import the valid rows with --skip-invalid.`,
        {
          errors: parsed.errors,
          errorCount: parsed.errorCount,
          invalidRows: parsed.invalidRows,
          format: parsed.format,
        },
      );
    }
  }

  async function parseChecked(actor: WorkspaceActor, req: ImportRequest): Promise<ParsedImport> {
    const input: ParseImportInput = {
      file: req.file,
      bytes: req.bytes,
      ...(req.format ? { format: req.format } : {}),
      defaultCurrency: actor.workspace.currency,
      maxBytes: opts.importMaxBytes,
    };
    // Seconds of CPU for a large file: parsed in a worker thread, so other requests are not held up.
    return workerPool().run<ParsedImport>(PARSE_WORKER, 'parse', input);
  }

  return {
    /** What importing the file would do, activity by activity. Stores nothing; bad rows are listed, not refused. */
    async previewImport(actor: WorkspaceActor, req: ImportRequest): Promise<ImportPreview> {
      const parsed = await parseChecked(actor, req);
      const { before, proposals, plan, period, stated } = await decide(db, actor, parsed, req);
      const processName = new Map(
        [...before.processes, ...plan.newProcesses].map((p) => [p.id, p.name] as const),
      );
      const allTasks = new Map([...before.tasks, ...plan.newTasks].map((t) => [t.id, t] as const));
      const taskOf = plan.activityTasks;
      const stored = await inventoryStore.storedFingerprints(
        db,
        actor.workspace.id,
        plan.timeEntries.map((e) => e.fingerprint),
      );
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
          entries: plan.timeEntries.length - stored,
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
      const parsed = await parseChecked(actor, req);
      refuseBadRows(parsed, req);
      const ws = actor.workspace.id;
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const { before, proposals, plan, period, stated } = await decide(trx, actor, parsed, req);
        for (const m of plan.newMembers) await inventoryStore.insertMember(trx, ws, m, now);
        for (const m of plan.changedMembers) await inventoryStore.updateMember(trx, ws, m, now);
        let position = before.processes.length;
        for (const p of plan.newProcesses) await inventoryStore.insertProcess(trx, ws, p, position++, now);
        await inventoryStore.insertTasks(trx, deps.db, ws, plan.newTasks, now);
        for (const t of plan.changedTasks) await inventoryStore.updateTask(trx, ws, t, now);
        const changedTaskIds = new Set(plan.changedTasks.map((t) => t.id));
        const changedMemberIds = new Set(plan.changedMembers.map((m) => m.id));
        const importId = deps.newId();
        await inventoryStore.insertImportBatch(trx, ws, {
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
        const imported = await inventoryStore.insertTimeEntries(trx, deps.db, ws, importId, plan.timeEntries);
        await inventoryStore.insertBatchTasks(
          trx,
          importId,
          plan.timeEntries.map((e) => e.taskId),
        );
        await inventoryStore.setImportedCount(
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
        await inventoryStore.rememberDecisions(trx, ws, parsed.format, remember, now);
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
            alreadyImported: plan.timeEntries.length - imported,
            ignored: plan.ignoredEntries,
          },
          period: viewPeriod(period, stated),
          skippedRows: parsed.invalidRows,
          errors: parsed.errors,
          errorCount: parsed.errorCount,
          warnings: plan.warnings,
        } satisfies ImportReport;
      });
    },

    importHistory: (actor: WorkspaceActor): Promise<ImportBatch[]> =>
      inventoryStore.listImportBatches(db, actor.workspace.id),

    /**
     * Undoes an import as a whole: its time entries go, the tasks and members it changed get their
     * earlier values back, and what it created goes unless something made later depends on it (then
     * nothing is undone and the error says what).
     */
    async undoImport(actor: WorkspaceActor, importId: string): Promise<ImportBatch> {
      const ws = actor.workspace.id;
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const batch = await inventoryStore.findImportBatch(trx, ws, importId);
        if (!batch) throw new AppError('IMPORT_NOT_FOUND', `No import with id ${importId}`);
        if (batch.undoneAt) {
          throw new AppError(
            'IMPORT_ALREADY_UNDONE',
            `The import of ${batch.fileName} was already undone at ${batch.undoneAt}`,
          );
        }
        const { undo } = batch;
        const later = await inventoryStore.entriesOnTasks(trx, ws, undo.createdTaskIds, importId);
        if (later > 0) {
          throw new AppError(
            'IMPORT_UNDO_BLOCKED',
            `The import of ${batch.fileName} created tasks that ${later} time entries of later imports went to; undo those imports first`,
            { entries: later },
          );
        }
        const worked = await inventoryStore.tasksWithProcedures(trx, ws, undo.createdTaskIds);
        if (worked.length > 0) {
          throw new AppError(
            'IMPORT_UNDO_BLOCKED',
            `The import of ${batch.fileName} created tasks that now have ways of working or procedures recorded (${worked.join(', ')}); undoing it would lose them`,
            { tasks: worked },
          );
        }
        const entries = await inventoryStore.deleteTimeEntriesOf(trx, ws, importId);
        for (const t of undo.tasksBefore) await inventoryStore.updateTask(trx, ws, t, now);
        for (const m of undo.membersBefore) await inventoryStore.updateMember(trx, ws, m, now);
        await inventoryStore.deleteTasks(trx, ws, undo.createdTaskIds);
        await inventoryStore.deleteProcessesIfEmpty(trx, ws, undo.createdProcessIds);
        await inventoryStore.deleteMembersIfUnused(trx, ws, undo.createdMemberIds);
        await inventoryStore.markImportUndone(trx, importId, now);
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
