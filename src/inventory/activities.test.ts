import { describe, expect, it } from 'vitest';
import { activitiesOf, activityKey, nameSimilarity, proposeDecisions } from './activities.ts';
import type { TimeEntryRow } from './imports/types.ts';
import type { Process, Task } from './inventory.ts';

let line = 1;
const entry = (over: Partial<TimeEntryRow>): TimeEntryRow => ({
  line: ++line,
  date: '2025-03-03',
  startTime: null,
  personName: 'Priya Nair',
  personEmail: null,
  project: '',
  client: '',
  task: 'Slide formatting',
  description: '',
  minutes: 60,
  billable: null,
  costRatePerHour: null,
  fingerprint: `f${line}`,
  ...over,
});

const process: Process = { id: 'p1', name: 'Client delivery', description: '' };
const task = (id: string, name: string, processId = 'p1') => ({ id, name, processId }) as Task;

describe('activities', () => {
  it('are one per task name across engagements, with hours, people and engagements summed', () => {
    const list = activitiesOf([
      entry({ project: 'Acme – Growth Strategy', task: 'Interview summary deck', minutes: 90 }),
      entry({ project: 'Pricing review', task: 'interview  summary deck', minutes: 30, personName: 'Dana' }),
      entry({ project: 'Pricing review', task: 'Interview summary deck', minutes: 60, date: '2025-03-20' }),
      entry({ client: 'Keller', task: 'Slide formatting', minutes: 45 }),
    ]);
    expect(list.map((a) => [a.name, a.minutes, a.entries])).toEqual([
      ['Interview summary deck', 180, 3],
      ['Slide formatting', 45, 1],
    ]);
    expect(list[0]!.people).toEqual(['Priya Nair', 'Dana']);
    expect(list[0]!.engagements).toEqual(['Acme – Growth Strategy', 'Pricing review']);
    expect([list[0]!.firstDate, list[0]!.lastDate]).toEqual(['2025-03-03', '2025-03-20']);
    expect(list[1]!.engagements).toEqual(['Keller']);
  });

  it('compare names ignoring case, punctuation, order, plurals and filler words', () => {
    expect(activityKey(' Slide-formatting ')).toBe('slide formatting');
    expect(nameSimilarity('Slide formatting', 'Format the slides')).toBe(1);
    expect(nameSimilarity('Interview summary deck', 'Build the executive interview summary deck')).toBe(0.75);
    expect(nameSimilarity('Book travel', 'Prepare client invoices')).toBe(0);
  });

  it('propose the firm’s choice, then the remembered decision, then an exact name, then a similar one, else a new task', () => {
    const tasks = [
      task('t1', 'Prepare client invoices'),
      task('t2', 'Build the executive interview summary deck'),
      task('t3', 'Format the slides'),
    ];
    const acts = activitiesOf([
      entry({ task: 'Prepare client invoices' }),
      entry({ task: 'Interview summary deck' }),
      entry({ task: 'Slide formatting' }),
      entry({ task: 'Book travel', project: 'Client delivery' }),
      entry({ task: 'Lunch' }),
      entry({ task: 'Weekly status report' }),
    ]);
    const remembered = new Map([['lunch', { action: 'ignore' as const }]]);
    const chosen = new Map([['weekly status report', { action: 'task' as const, taskId: 't1' }]]);
    const byName = Object.fromEntries(
      proposeDecisions(acts, { tasks, processes: [process] }, remembered, chosen).map((p) => [
        p.name,
        [p.match, p.decision],
      ]),
    );
    expect(byName['Prepare client invoices']).toEqual(['exact', { action: 'task', taskId: 't1' }]);
    expect(byName['Interview summary deck']).toEqual(['similar', { action: 'task', taskId: 't2' }]);
    expect(byName['Slide formatting']).toEqual(['similar', { action: 'task', taskId: 't3' }]);
    expect(byName.Lunch).toEqual(['remembered', { action: 'ignore' }]);
    expect(byName['Weekly status report']).toEqual(['chosen', { action: 'task', taskId: 't1' }]);
    // A project named like a process is that process; otherwise new tasks go to "Imported activities".
    expect(byName['Book travel']).toEqual([
      'none',
      { action: 'new', taskName: 'Book travel', processId: 'p1', processName: null },
    ]);
  });

  it('forget a remembered task that no longer exists', () => {
    const acts = activitiesOf([entry({ task: 'Book travel' })]);
    const [p] = proposeDecisions(
      acts,
      { tasks: [], processes: [] },
      new Map([['book travel', { action: 'task' as const, taskId: 'gone' }]]),
    );
    expect(p!.match).toBe('none');
    expect(p!.decision).toEqual({
      action: 'new',
      taskName: 'Book travel',
      processId: null,
      processName: 'Imported activities',
    });
  });
});
