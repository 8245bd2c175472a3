/**
 * Time entries → tasks with measured minutes per person. A task is the entry's task name (the
 * description when the tracker had no task) within its process, the project (or the client when the entry
 * has no project). Pure and deterministic: the same entries in any order give the same result.
 */
import { money, roundHalfAway } from '../../platform/money.ts';
import { nameKey } from './cells.ts';
import type { AggregatedTask, PersonMeasurement, TimeEntryRow } from './types.ts';

export const NO_PROJECT = 'No project';

/** How often each spelling of a name was used; the map only exists once a second spelling shows up. */
interface Spellings {
  first: string;
  firstCount: number;
  others?: Map<string, number>;
}

function spell(value: string): Spellings {
  return { first: value, firstCount: 1 };
}

function addSpelling(s: Spellings, value: string): void {
  if (value === s.first) s.firstCount++;
  else {
    s.others ??= new Map();
    s.others.set(value, (s.others.get(value) ?? 0) + 1);
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The spelling used most often; ties go to the alphabetically first, so input order does not matter. */
function mostUsed(s: Spellings): string {
  let best = s.first;
  let bestCount = s.firstCount;
  for (const [value, n] of s.others ?? []) {
    if (n > bestCount || (n === bestCount && compareText(value, best) < 0)) {
      best = value;
      bestCount = n;
    }
  }
  return best;
}

interface PersonAcc {
  /** Index of the person in the aggregation: comparing numbers beats comparing names per entry. */
  id: number;
  names: Spellings;
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
  key: string;
  processNames: Spellings;
  taskNames: Spellings;
  /** A task has a handful of people: a short array is cheaper than a Map per task. */
  people: PersonAcc[];
}

export function processOf(entry: Pick<TimeEntryRow, 'project' | 'client'>): string {
  return entry.project || entry.client || NO_PROJECT;
}

function personOf(task: TaskAcc, e: TimeEntryRow, ids: Map<string, number>): PersonAcc {
  const key = e.personEmail ? e.personEmail.toLowerCase() : nameKey(e.personName);
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
  }
  for (const p of task.people) {
    if (p.id === id) {
      addSpelling(p.names, e.personName);
      return p;
    }
  }
  const p: PersonAcc = {
    id,
    names: spell(e.personName),
    email: e.personEmail ? key : null,
    minutes: 0,
    entries: 0,
    firstDate: e.date,
    lastDate: e.date,
    costedMinutes: 0,
    costTimesSixty: 0,
    currency: null,
  };
  task.people.push(p);
  return p;
}

export function aggregateTimeEntries(entries: readonly TimeEntryRow[]): AggregatedTask[] {
  // Nested maps (process key → task key → task) spare building a combined key string per entry.
  const byProcess = new Map<string, Map<string, TaskAcc>>();
  const personIds = new Map<string, number>();
  for (const e of entries) {
    const process = processOf(e);
    const processKey = nameKey(process);
    let tasksOfProcess = byProcess.get(processKey);
    if (!tasksOfProcess) {
      tasksOfProcess = new Map();
      byProcess.set(processKey, tasksOfProcess);
    }
    const taskKey = nameKey(e.task);
    let task = tasksOfProcess.get(taskKey);
    if (task) {
      addSpelling(task.processNames, process);
      addSpelling(task.taskNames, e.task);
    } else {
      task = {
        key: `${processKey}\u001f${taskKey}`,
        processNames: spell(process),
        taskNames: spell(e.task),
        people: [],
      };
      tasksOfProcess.set(taskKey, task);
    }

    const p = personOf(task, e, personIds);
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
  for (const tasksOfProcess of byProcess.values()) {
    for (const t of tasksOfProcess.values()) result.push(toTask(t));
  }
  return result.sort((a, b) => compareText(a.key, b.key));
}

function toTask(t: TaskAcc): AggregatedTask {
  const people: PersonMeasurement[] = t.people.map((p) => ({
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
  let minutes = 0;
  let entries = 0;
  let firstDate = people[0]!.firstDate;
  let lastDate = people[0]!.lastDate;
  for (const p of people) {
    minutes += p.minutes;
    entries += p.entries;
    if (compareText(p.firstDate, firstDate) < 0) firstDate = p.firstDate;
    if (compareText(p.lastDate, lastDate) > 0) lastDate = p.lastDate;
  }
  return {
    key: t.key,
    process: mostUsed(t.processNames),
    name: mostUsed(t.taskNames),
    minutes,
    entries,
    firstDate,
    lastDate,
    people,
  };
}
