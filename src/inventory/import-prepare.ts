/**
 * Everything an import decides before it writes, from the file's bytes and a snapshot of the
 * inventory: parse, check the firm's decisions and period, propose a task per activity, plan. Pure
 * but for ids, and seconds of CPU on a 200k-row file, so it runs in a worker thread
 * (imports/parse.worker.ts); the service only reads the snapshot and writes the plan.
 *
 * The time entries — the bulk — go back as UTF-8 JSON chunks of row tuples in transferable buffers:
 * handing 200,000 objects to the main thread would cost it a structured-clone decode of them all at
 * once (the event loop stalls), while a chunk is decoded just before it is written.
 */

import { AppError } from '../platform/errors.ts';
import type { IdGenerator } from '../platform/ids.ts';
import {
  type ActivityDecision,
  type ActivityProposal,
  activitiesOf,
  activityKey,
  proposeDecisions,
} from './activities.ts';
import type { MeasuredPeriod } from './economics/period.ts';
import { type ImportPlan, planImport } from './import-plan.ts';
import { type ParseImportInput, parseImport } from './imports/parse-import.ts';
import type { ImportFormat, ParsedImport } from './imports/types.ts';
import type { Member, Process, Task } from './inventory.ts';
import { type EncodedRows, encodeTimeEntries } from './time-entry-rows.ts';

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

/** The inventory an import is planned against; `revision` tells the writer whether it still holds. */
export interface InventorySnapshot {
  revision: number;
  members: Member[];
  processes: Process[];
  tasks: Task[];
  /** The decisions remembered from each tracker's last import, by activity key. */
  remembered: Partial<Record<ImportFormat, Map<string, ActivityDecision>>>;
}

export interface PrepareInput {
  parse: ParseImportInput;
  snapshot: InventorySnapshot;
  decisions?: readonly DecisionInput[];
  period?: MeasuredPeriod;
  /** Refuse a file with bad rows (an import without skipInvalid); a preview lists them instead. */
  refuseInvalidRows: boolean;
}

export interface PreparedImport {
  parsed: Omit<ParsedImport, 'timeEntries' | 'tasks' | 'members'>;
  proposals: ActivityProposal[];
  plan: Omit<ImportPlan, 'timeEntries'>;
  /** The plan's time entries, encoded (time-entry-rows.ts). */
  entries: EncodedRows;
  /** The distinct tasks the entries go to. */
  entryTaskIds: string[];
  period: MeasuredPeriod | null;
  stated: boolean;
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

function refuseBadRows(parsed: ParsedImport, file: string): void {
  if (parsed.errorCount === 0) return;
  const shown =
    parsed.errorCount > parsed.errors.length
      ? ` (the first ${parsed.errors.length} of ${parsed.errorCount} errors are listed)`
      : '';
  throw new AppError(
    'IMPORT_ROWS_INVALID',
    `${file}: ${parsed.invalidRows} of ${parsed.rowCount} rows have errors; nothing was imported${shown}. Fix them, or import the valid rows with --skip-invalid.`,
    {
      errors: parsed.errors,
      errorCount: parsed.errorCount,
      invalidRows: parsed.invalidRows,
      format: parsed.format,
    },
  );
}

/** Parses the file and plans the import against the snapshot; writes nothing. */
export async function prepareImport(input: PrepareInput, newId: IdGenerator): Promise<PreparedImport> {
  const parsed = await parseImport(input.parse);
  if (input.refuseInvalidRows) refuseBadRows(parsed, input.parse.file);
  const { members, processes, tasks } = input.snapshot;
  const fromEntries = entriesPeriod(parsed);
  if (input.period) checkStatedPeriod(input.period, fromEntries);
  const period = input.period ?? fromEntries;
  const chosen = resolveDecisions(input.decisions ?? [], tasks, processes);
  const remembered = input.snapshot.remembered[parsed.format] ?? new Map();
  const proposals = proposeDecisions(
    activitiesOf(parsed.timeEntries),
    { tasks, processes },
    remembered,
    chosen,
  );
  const warnings: string[] = [];
  const known = new Set(proposals.map((p) => p.key));
  for (const d of input.decisions ?? []) {
    if (!known.has(activityKey(d.activity))) {
      warnings.push(`The decision for "${d.activity}" was not used: the file has no such activity`);
    }
  }
  // planImport changes the members and tasks it is given (the changed ones): a copy, as the writer's
  // snapshot is the "before" an undo restores.
  const { timeEntries, ...plan } = planImport(
    parsed,
    {
      members: structuredClone(members),
      processes,
      tasks: structuredClone(tasks),
      currency: input.parse.defaultCurrency,
      newId,
    },
    { activities: proposals, period },
  );
  plan.warnings.unshift(...warnings);
  const { timeEntries: _rows, tasks: _tasks, members: _members, ...summary } = parsed;
  return {
    parsed: summary,
    proposals,
    plan,
    entries: encodeTimeEntries(timeEntries),
    entryTaskIds: [...new Set(timeEntries.map((e) => e.taskId))],
    period,
    stated: Boolean(input.period),
  };
}
