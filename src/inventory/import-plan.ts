import { isDeepStrictEqual } from 'node:util';
/**
 * What an import changes, decided before anything is written: pure, so the service can run it inside
 * one transaction and tests can check it without a database.
 */
import type { IdGenerator } from '../platform/ids.ts';
import { processOf } from './imports/index.ts';
import type { MemberRow, ParsedImport, TaskRow } from './imports/types.ts';
import type { NewTimeEntry } from './inventory.store.ts';
import type { Member, Process, Task } from './inventory.ts';

export interface ImportPlan {
  newMembers: Member[];
  changedMembers: Member[];
  newProcesses: Process[];
  newTasks: Task[];
  changedTasks: Task[];
  timeEntries: NewTimeEntry[];
  warnings: string[];
}

interface Existing {
  members: Member[];
  processes: Process[];
  tasks: Task[];
  currency: string;
  newId: IdGenerator;
}

const normalise = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

export function planImport(parsed: ParsedImport, existing: Existing): ImportPlan {
  // Names repeat across thousands of entries: normalise each distinct spelling once.
  const normalised = new Map<string, string>();
  const norm = (s: string): string => {
    const known = normalised.get(s);
    if (known !== undefined) return known;
    const n = normalise(s);
    normalised.set(s, n);
    return n;
  };
  const plan: ImportPlan = {
    newMembers: [],
    changedMembers: [],
    newProcesses: [],
    newTasks: [],
    changedTasks: [],
    timeEntries: [],
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
    const fields: Omit<Task, 'id'> = {
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
    const next: Task = { ...fields, id: found.id };
    if (isDeepStrictEqual(next, found)) return;
    Object.assign(found, next);
    if (!touched.has(found.id)) {
      touched.add(found.id);
      plan.changedTasks.push(found);
    }
  }
  parsed.tasks.forEach(applyTaskRow);

  // Time entries: find or create the person and the task, then keep the entry for insertion.
  const entryGroups = new Map<
    string,
    { task: Task; minutesByMember: Map<string, number>; entries: number; minutes: number }
  >();
  for (const e of parsed.timeEntries) {
    const member =
      (e.personEmail ? membersByKey.get(norm(e.personEmail)) : undefined) ??
      membersByKey.get(norm(e.personName)) ??
      newMember(e.personName, e.personEmail, e.costRatePerHour?.amountMinor ?? null, `line ${e.line}`);
    const pid = processId(processOf(e));
    const key = `${pid}\u0000${norm(e.task)}`;
    let task = tasksByKey.get(key);
    if (!task) {
      task = {
        id: existing.newId(),
        processId: pid,
        name: e.task.trim(),
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
      plan.newTasks.push(task);
      tasksByKey.set(key, task);
      entryGroups.set(task.id, { task, minutesByMember: new Map(), entries: 0, minutes: 0 });
    }
    const group = entryGroups.get(task.id);
    if (group) {
      group.entries++;
      group.minutes += e.minutes;
      group.minutesByMember.set(member.id, (group.minutesByMember.get(member.id) ?? 0) + e.minutes);
    }
    plan.timeEntries.push({
      taskId: task.id,
      memberId: member.id,
      personName: e.personName,
      date: e.date,
      minutes: e.minutes,
      costRate: e.costRatePerHour,
      project: e.project,
      client: e.client,
      description: e.description,
      billable: e.billable ?? false,
      fingerprint: e.fingerprint,
    });
  }

  // Tasks born from time entries take their shape from what was measured: one occurrence per entry,
  // the average entry length, the person who spent most time, and one way of working per person.
  for (const g of entryGroups.values()) {
    const top = [...g.minutesByMember.entries()].sort((a, b) => b[1] - a[1])[0];
    g.task.frequency = { kind: 'per_year', occurrencesPerYear: g.entries };
    g.task.minutesPerOccurrence = g.entries ? Math.round(g.minutes / g.entries) : 0;
    g.task.unitsPerOccurrence = Math.round((g.task.minutesPerOccurrence / 60) * 100) / 100;
    g.task.performerId = top?.[0] ?? null;
    g.task.knownVariants = Math.max(1, g.minutesByMember.size);
  }
  return plan;
}
