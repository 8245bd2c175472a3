/**
 * Time entries → tasks with measured minutes per person. A task is the entry's task name (the
 * description when the tracker had no task) within its process, the project (or the client when the entry
 * has no project). Pure and deterministic: the same entries in any order give the same result.
 */
import { money, roundHalfAway } from '../../platform/money.ts';
import { nameKey } from './cells.ts';
import type { AggregatedTask, PersonMeasurement, TimeEntryRow } from './types.ts';

export const NO_PROJECT = 'No project';

interface PersonAcc {
  names: Map<string, number>;
  email: string | null;
  minutes: number;
  entries: number;
  firstDate: string;
  lastDate: string;
  costedMinutes: number;
  /** Σ rate (minor units per hour) × minutes; divided by 60 once at the end so rounding happens once. */
  costTimesSixty: number;
  currency: string | null;
}

interface TaskAcc {
  processNames: Map<string, number>;
  taskNames: Map<string, number>;
  people: Map<string, PersonAcc>;
}

function count(map: Map<string, number>, value: string): void {
  map.set(value, (map.get(value) ?? 0) + 1);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The spelling used most often; ties go to the alphabetically first, so input order does not matter. */
function mostUsed(map: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [value, n] of map) {
    if (n > bestCount || (n === bestCount && compareText(value, best) < 0)) {
      best = value;
      bestCount = n;
    }
  }
  return best;
}

export function processOf(entry: Pick<TimeEntryRow, 'project' | 'client'>): string {
  return entry.project || entry.client || NO_PROJECT;
}

export function aggregateTimeEntries(entries: readonly TimeEntryRow[]): AggregatedTask[] {
  const tasks = new Map<string, TaskAcc>();
  for (const e of entries) {
    const process = processOf(e);
    const key = `${nameKey(process)}\u001f${nameKey(e.task)}`;
    let task = tasks.get(key);
    if (!task) {
      task = { processNames: new Map(), taskNames: new Map(), people: new Map() };
      tasks.set(key, task);
    }
    count(task.processNames, process);
    count(task.taskNames, e.task);

    const personKey = e.personEmail ? e.personEmail.toLowerCase() : nameKey(e.personName);
    let p = task.people.get(personKey);
    if (!p) {
      p = {
        names: new Map(),
        email: e.personEmail ? e.personEmail.toLowerCase() : null,
        minutes: 0,
        entries: 0,
        firstDate: e.date,
        lastDate: e.date,
        costedMinutes: 0,
        costTimesSixty: 0,
        currency: null,
      };
      task.people.set(personKey, p);
    }
    count(p.names, e.personName);
    p.minutes += e.minutes;
    p.entries += 1;
    if (compareText(e.date, p.firstDate) < 0) p.firstDate = e.date;
    if (compareText(e.date, p.lastDate) > 0) p.lastDate = e.date;
    // One import has one cost currency; an entry in another currency is left to the member's own rate.
    if (e.costRatePerHour && (p.currency === null || p.currency === e.costRatePerHour.currency)) {
      p.currency = e.costRatePerHour.currency;
      p.costedMinutes += e.minutes;
      p.costTimesSixty += e.costRatePerHour.amountMinor * e.minutes;
    }
  }

  const result: AggregatedTask[] = [];
  for (const [key, t] of tasks) {
    const people: PersonMeasurement[] = [...t.people.values()].map((p) => ({
      personName: mostUsed(p.names),
      personEmail: p.email,
      minutes: p.minutes,
      entries: p.entries,
      firstDate: p.firstDate,
      lastDate: p.lastDate,
      costedMinutes: p.costedMinutes,
      cost: p.currency === null ? null : money(roundHalfAway(p.costTimesSixty / 60), p.currency),
    }));
    people.sort(
      (a, b) =>
        b.minutes - a.minutes ||
        compareText(a.personName, b.personName) ||
        compareText(a.personEmail ?? '', b.personEmail ?? ''),
    );
    result.push({
      key,
      process: mostUsed(t.processNames),
      name: mostUsed(t.taskNames),
      minutes: people.reduce((s, p) => s + p.minutes, 0),
      entries: people.reduce((s, p) => s + p.entries, 0),
      firstDate: people.map((p) => p.firstDate).sort()[0]!,
      lastDate: people
        .map((p) => p.lastDate)
        .sort()
        .at(-1)!,
      people,
    });
  }
  return result.sort((a, b) => compareText(a.key, b.key));
}
