/**
 * Members, processes and tasks as domain rows, and a small firm made of them. Each factory gives
 * sensible defaults; a test states only the fields its assertion depends on.
 */
import type { Member, Process, Task } from '../../src/inventory/index.ts';
import type { AppServices } from '../../src/main.ts';
import type { FactoryActor } from './accounts.ts';
import { factoryId, uniqueName } from './ids.ts';

export const usd = (dollars: number) => ({ amountMinor: Math.round(dollars * 100), currency: 'USD' });

export function aMember(over: Partial<Member> = {}): Member {
  return {
    id: factoryId('member'),
    name: uniqueName('Member'),
    email: null,
    title: 'Analyst',
    role: 'analyst',
    hourlyCost: usd(80),
    yearlyCapacityHours: 1600,
    ...over,
  };
}

export function aProcess(over: Partial<Process> = {}): Process {
  return { id: factoryId('process'), name: uniqueName('Process'), description: '', ...over };
}

/** A task worth out-tasking by default: two hours of an analyst's work, twelve times a year, $50 outside. */
export function aTask(over: Partial<Task> & Pick<Task, 'processId'>): Task {
  return {
    id: factoryId('task'),
    name: uniqueName('Task'),
    description: 'A task of the firm, described in a sentence.',
    performerId: null,
    frequency: { kind: 'per_year', occurrencesPerYear: 12 },
    minutesPerOccurrence: 120,
    skillLevel: 'intermediate',
    confidentiality: 'internal',
    needsClientContact: false,
    knownVariants: 1,
    deliverableUnit: 'item',
    unitsPerOccurrence: 1,
    marketPricePerUnit: usd(50),
    turnaroundHours: 72,
    reviewMinutesPerOccurrence: null,
    ...over,
  };
}

export interface Firm {
  members: Member[];
  processes: Process[];
  tasks: Task[];
}

/**
 * A small consultancy: a founder ($400/h) and an analyst ($80/h), one process, and the summary deck
 * the founder builds herself (30 h, 8 times a year, 40 slides at $11 outside), plus `extraTasks`
 * ordinary tasks done by the analyst.
 */
export function aSmallFirm(opts: { extraTasks?: number } = {}) {
  const founder = aMember({ name: 'Fiona Founder', title: 'Founder', role: 'founder', hourlyCost: usd(400) });
  const analyst = aMember({ name: 'Andy Analyst', title: 'Analyst', role: 'analyst', hourlyCost: usd(80) });
  const process = aProcess({ name: 'Client research' });
  const deck = aTask({
    processId: process.id,
    name: 'Build the summary deck',
    description: 'The deck of what the interviewed executives said.',
    performerId: founder.id,
    frequency: { kind: 'per_project', perProject: 1, projectsPerYear: 8 },
    minutesPerOccurrence: 1800,
    confidentiality: 'confidential',
    knownVariants: 3,
    deliverableUnit: 'slide',
    unitsPerOccurrence: 40,
    marketPricePerUnit: usd(11),
    turnaroundHours: 24,
    reviewMinutesPerOccurrence: 180,
  });
  const extra = Array.from({ length: opts.extraTasks ?? 0 }, (_, i) =>
    aTask({ processId: process.id, performerId: analyst.id, minutesPerOccurrence: 60 + 10 * i }),
  );
  return {
    members: [founder, analyst],
    processes: [process],
    tasks: [deck, ...extra],
    founder,
    analyst,
    process,
    deck,
  };
}

/** Stores the firm's rows in the actor's workspace, in one transaction. */
export async function storeFirm<F extends Firm>(
  app: Pick<AppServices, 'inventory'>,
  actor: FactoryActor,
  firm: F,
): Promise<F> {
  await app.inventory.insertAll(actor, {
    members: firm.members,
    processes: firm.processes,
    tasks: firm.tasks,
  });
  return firm;
}
