import { isDeepStrictEqual } from 'node:util';
/**
 * What an import changes, decided before anything is written: pure, so the service can run it inside
 * one transaction and tests can check it without a database.
 */
import type { IdGenerator } from '../platform/ids.ts';
import {
  type ActivityDecision,
  type ActivityProposal,
  activityKey,
  DEFAULT_NEW_PROCESS,
  engagementOf,
} from './activities.ts';
import { type MeasuredPeriod, yearScale } from './economics/period.ts';
import type { MemberRow, ParsedImport, TaskRow, TimeEntryRow } from './imports/types.ts';
import type { NewTimeEntry } from './inventory.store.ts';
import type { Member, Process, Task, TaskFields } from './inventory.ts';

export interface ImportPlan {
  newMembers: Member[];
  changedMembers: Member[];
  newProcesses: Process[];
  newTasks: Task[];
  changedTasks: Task[];
  timeEntries: NewTimeEntry[];
  /** Entries of activities the firm chose to ignore: not stored. */
  ignoredEntries: number;
  /** The task each activity's entries went to (by activity key). */
  activityTasks: Map<string, string>;
  warnings: string[];
}

export interface PlanOptions {
  /** Every activity of the file with the firm's decision; an activity missing here becomes a new task. */
  activities?: readonly ActivityProposal[];
  /** The period the entries cover, to scale the frequency of new tasks to a year. */
  period?: MeasuredPeriod | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function blankTask(id: string, processId: string, name: string, e: TimeEntryRow): Task {
  return {
    id,
    processId,
    name: name.trim(),
    description: e.description && e.description !== e.task ? e.description : '',
    performerId: null,
    frequency: { kind: 'per_year', occurrencesPerYear: 0 },
    minutesPerOccurrence: 0,
    skillLevel: 'intermediate',
    confidentiality: 'internal',
    needsClientContact: false,
    knownVariants: 1,
    deliverableUnit: 'hour',
    unitsPerOccurrence: 1,
    marketPricePerUnit: null,
    turnaroundHours: 72,
    reviewMinutesPerOccurrence: null,
  };
}

function entryOf(e: TimeEntryRow, taskId: string, memberId: string): NewTimeEntry {
  return {
    taskId,
    memberId,
    personName: e.personName,
    date: e.date,
    minutes: e.minutes,
    costRate: e.costRatePerHour,
    project: e.project,
    client: e.client,
    description: e.description,
    billable: e.billable ?? false,
    fingerprint: e.fingerprint,
  };
}

interface Existing {
  members: Member[];
  processes: Process[];
  tasks: Task[];
  currency: string;
  newId: IdGenerator;
}

const normalize = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

export function planImport(parsed: ParsedImport, existing: Existing, options: PlanOptions = {}): ImportPlan {
  // Names repeat across thousands of entries: normalize each distinct spelling once.
  const normalized = new Map<string, string>();
  const norm = (s: string): string => {
    const known = normalized.get(s);
    if (known !== undefined) return known;
    const n = normalize(s);
    normalized.set(s, n);
    return n;
  };
  const plan: ImportPlan = {
    newMembers: [],
    changedMembers: [],
    newProcesses: [],
    newTasks: [],
    changedTasks: [],
    timeEntries: [],
    ignoredEntries: 0,
    activityTasks: new Map(),
    warnings: [],
  };
  const membersByKey = new Map<string, Member>();
  const index = (m: Member) => {
    membersByKey.set(norm(m.name), m);
    if (m.email) membersByKey.set(norm(m.email), m);
  };
  existing.members.forEach(index);
  const changed = new Set<string>();

  function newMember(name: string, email: string | null, rateMinor: number | null, where: string): Member {
    const m: Member = {
      id: existing.newId(),
      name,
      email,
      title: '',
      role: 'consultant',
      hourlyCost: { amountMinor: rateMinor ?? 0, currency: existing.currency },
      yearlyCapacityHours: 1600,
    };
    if (rateMinor === null)
      plan.warnings.push(`${where}: new member "${name}" has no hourly cost yet; set it to see costs`);
    plan.newMembers.push(m);
    index(m);
    return m;
  }

  function applyMemberRow(r: MemberRow): void {
    const found = membersByKey.get(norm(r.name)) ?? (r.email ? membersByKey.get(norm(r.email)) : undefined);
    if (!found) {
      const m = newMember(
        r.name,
        r.email,
        r.hourlyCost?.amountMinor ?? null,
        `${parsed.format} line ${r.line}`,
      );
      if (r.hourlyCost) m.hourlyCost = r.hourlyCost;
      if (r.title !== null) m.title = r.title;
      if (r.role !== null) m.role = r.role;
      if (r.yearlyCapacityHours !== null) m.yearlyCapacityHours = r.yearlyCapacityHours;
      return;
    }
    const next: Member = {
      ...found,
      email: r.email ?? found.email,
      title: r.title ?? found.title,
      role: r.role ?? found.role,
      hourlyCost: r.hourlyCost ?? found.hourlyCost,
      yearlyCapacityHours: r.yearlyCapacityHours ?? found.yearlyCapacityHours,
    };
    if (isDeepStrictEqual(next, found)) return;
    Object.assign(found, next);
    if (!plan.newMembers.includes(found) && !changed.has(found.id)) {
      changed.add(found.id);
      plan.changedMembers.push(found);
    }
  }
  parsed.members.forEach(applyMemberRow);

  const processesByName = new Map(existing.processes.map((p) => [norm(p.name), p]));
  function processId(name: string): string {
    const found = processesByName.get(norm(name));
    if (found) return found.id;
    const p: Process = { id: existing.newId(), name: name.trim(), description: '' };
    plan.newProcesses.push(p);
    processesByName.set(norm(name), p);
    return p.id;
  }

  const tasksByKey = new Map(existing.tasks.map((t) => [`${t.processId}\u0000${norm(t.name)}`, t]));
  const touched = new Set<string>();

  function applyTaskRow(r: TaskRow): void {
    const pid = processId(r.process);
    const performer = r.performer
      ? (membersByKey.get(norm(r.performer)) ?? newMember(r.performer, null, null, `line ${r.line}`))
      : null;
    const fields: TaskFields = {
      processId: pid,
      name: r.name.trim(),
      description: r.description,
      performerId: performer?.id ?? null,
      frequency: r.frequency,
      minutesPerOccurrence: r.minutesPerOccurrence,
      skillLevel: r.skillLevel,
      confidentiality: r.confidentiality,
      needsClientContact: r.needsClientContact,
      knownVariants: r.knownVariants,
      deliverableUnit: r.deliverableUnit,
      unitsPerOccurrence: r.unitsPerOccurrence,
      marketPricePerUnit: r.marketPricePerUnit,
      turnaroundHours: r.turnaroundHours,
      reviewMinutesPerOccurrence: r.reviewMinutesPerOccurrence,
    };
    const key = `${pid}\u0000${norm(r.name)}`;
    const found = tasksByKey.get(key);
    if (!found) {
      const t: Task = { id: existing.newId(), ...fields };
      plan.newTasks.push(t);
      tasksByKey.set(key, t);
      touched.add(t.id);
      return;
    }
    // The stored version stays as read: the store bumps it when it writes the change.
    const next: Task = {
      ...fields,
      id: found.id,
      ...(found.version === undefined ? {} : { version: found.version }),
    };
    if (isDeepStrictEqual(next, found)) return;
    Object.assign(found, next);
    if (!touched.has(found.id)) {
      touched.add(found.id);
      plan.changedTasks.push(found);
    }
  }
  parsed.tasks.forEach(applyTaskRow);

  // Time entries: each activity goes where the firm decided (an existing task, a new one, or nowhere);
  // the entry's project and client stay on it as its engagement.
  const decisionOf = new Map((options.activities ?? []).map((a) => [a.key, a.decision]));
  const tasksById = new Map(existing.tasks.map((t) => [t.id, t]));
  const processesById = new Map(existing.processes.map((p) => [p.id, p]));
  // New tasks made from entries, with what was measured for them; and which task each activity went to.
  const made = new Map<string, { task: Task; entries: TimeEntryRow[]; byMember: Map<string, number> }>();
  const taskOfActivity = plan.activityTasks;
  const newTaskIds = new Set<string>();
  const scale = options.period ? yearScale(options.period) : 1;

  function taskFor(
    key: string,
    decision: Exclude<ActivityDecision, { action: 'ignore' }>,
    e: TimeEntryRow,
  ): string {
    const known = taskOfActivity.get(key);
    if (known) return known;
    let id: string;
    if (decision.action === 'task') {
      if (!tasksById.has(decision.taskId)) {
        throw new Error(`planImport: no task ${decision.taskId} for activity "${e.task}"`);
      }
      id = decision.taskId;
    } else {
      const pid =
        decision.processId && processesById.has(decision.processId)
          ? decision.processId
          : processId(decision.processName ?? DEFAULT_NEW_PROCESS);
      // A task of that name may already be in that process (or made for another activity): join it.
      const nameKey = `${pid}\u0000${norm(decision.taskName)}`;
      const same = tasksByKey.get(nameKey);
      if (same) {
        id = same.id;
      } else {
        const task = blankTask(existing.newId(), pid, decision.taskName, e);
        plan.newTasks.push(task);
        tasksByKey.set(nameKey, task);
        newTaskIds.add(task.id);
        id = task.id;
      }
    }
    taskOfActivity.set(key, id);
    return id;
  }

  for (const e of parsed.timeEntries) {
    const key = activityKey(e.task);
    const decision: ActivityDecision = decisionOf.get(key) ?? {
      action: 'new',
      taskName: e.task.trim(),
      processId: null,
      processName: DEFAULT_NEW_PROCESS,
    };
    if (decision.action === 'ignore') {
      plan.ignoredEntries++;
      continue;
    }
    const member =
      (e.personEmail ? membersByKey.get(norm(e.personEmail)) : undefined) ??
      membersByKey.get(norm(e.personName)) ??
      newMember(e.personName, e.personEmail, e.costRatePerHour?.amountMinor ?? null, `line ${e.line}`);
    const taskId = taskFor(key, decision, e);
    if (newTaskIds.has(taskId)) {
      let m = made.get(taskId);
      if (!m) {
        m = { task: plan.newTasks.find((t) => t.id === taskId)!, entries: [], byMember: new Map() };
        made.set(taskId, m);
      }
      m.entries.push(e);
      m.byMember.set(member.id, (m.byMember.get(member.id) ?? 0) + e.minutes);
    }
    plan.timeEntries.push(entryOf(e, taskId, member.id));
  }

  // Tasks born from time entries take their shape from what was measured, scaled to a year: each
  // entry is one occurrence — with engagements, per project × projects a year — of the average entry
  // length, done by the person who spent most time, one way of working per person.
  for (const { task, entries, byMember } of made.values()) {
    const minutes = entries.reduce((s, e) => s + e.minutes, 0);
    const engagements = new Set(entries.map(engagementOf).filter(Boolean));
    task.frequency =
      engagements.size > 0
        ? {
            kind: 'per_project',
            perProject: round2(entries.length / engagements.size),
            projectsPerYear: round2(engagements.size * scale),
          }
        : { kind: 'per_year', occurrencesPerYear: round2(entries.length * scale) };
    task.minutesPerOccurrence = entries.length ? Math.round(minutes / entries.length) : 0;
    task.unitsPerOccurrence = round2(task.minutesPerOccurrence / 60);
    const top = [...byMember.entries()].sort((a, b) => b[1] - a[1])[0];
    task.performerId = top?.[0] ?? null;
    task.knownVariants = Math.max(1, byMember.size);
  }
  return plan;
}
