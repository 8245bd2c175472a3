/**
 * The CLI's mapping file (`outtask tasks import FILE --map mapping.csv`): one row per activity saying
 * what it becomes. Pure apart from reading the bytes it is given.
 *
 *   Activity,Action,Task,Process,Name
 *   Interview summary deck,task,Client delivery / Build the executive interview summary deck,,
 *   Slide formatting,new,,Client delivery,Format the slides
 *   Lunch,ignore,,,
 *
 * Action may be left empty: a Task makes it `task`, a Process or Name makes it `new`.
 * `outtask tasks import FILE --dry-run --json` prints the plan; its activities give the names.
 */
import { parse } from 'csv-parse/sync';
import { AppError } from '../../platform/errors.ts';
import type { DecisionInput } from '../imports.service.ts';

const ACTIONS = ['task', 'new', 'ignore'] as const;
const key = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[^a-z]/g, '');

export function parseMappingFile(file: string, bytes: Uint8Array): DecisionInput[] {
  const text = Buffer.from(bytes)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  let rows: string[][];
  try {
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = [';', '\t', ','].find((d) => firstLine.includes(d)) ?? ',';
    rows = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (cause) {
    throw new AppError(
      'IMPORT_MALFORMED',
      `${file}: not a readable CSV file (${(cause as Error).message})`,
      {},
      { cause },
    );
  }
  const header = (rows[0] ?? []).map(key);
  const col = (name: string) => header.indexOf(name);
  const activity = col('activity');
  if (activity < 0) {
    throw new AppError(
      'IMPORT_FORMAT_UNKNOWN',
      `${file}: the first row must name the columns Activity, Action, Task, Process, Name (found: ${(rows[0] ?? []).join(', ') || 'nothing'})`,
    );
  }
  const cell = (row: string[], name: string) => {
    const i = col(name);
    return i < 0 ? '' : (row[i] ?? '').trim();
  };
  const out: DecisionInput[] = [];
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    const name = (row[activity] ?? '').trim();
    if (!name) {
      if (row.every((c) => !c.trim())) return;
      throw new AppError(
        'VALIDATION_FAILED',
        `${file}:${line} (column Activity): is empty; say which activity the row is about`,
      );
    }
    const task = cell(row, 'task');
    const process = cell(row, 'process');
    const newName = cell(row, 'name');
    const written = cell(row, 'action').toLowerCase();
    const action = written || (task ? 'task' : process || newName ? 'new' : '');
    if (!(ACTIONS as readonly string[]).includes(action)) {
      throw new AppError(
        'VALIDATION_FAILED',
        written
          ? `${file}:${line} (column Action): "${written}" is not one of task, new, ignore`
          : `${file}:${line}: says nothing about "${name}"; fill Task (an existing task), Process (a new task) or Action ignore`,
      );
    }
    if (action === 'task' && !task) {
      throw new AppError(
        'VALIDATION_FAILED',
        `${file}:${line} (column Task): is empty; name the task "${name}" goes to`,
      );
    }
    out.push({
      activity: name,
      action: action as DecisionInput['action'],
      ...(task ? { task } : {}),
      ...(process ? { process } : {}),
      ...(newName ? { name: newName } : {}),
    });
  });
  return out;
}
