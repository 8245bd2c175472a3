import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateTimeEntries, parseImport } from './index.ts';
import { FIXTURES, fixtureBytes } from './test-support.ts';
import type { TimeEntryRow } from './types.ts';

function entry(over: Partial<TimeEntryRow>): TimeEntryRow {
  return {
    line: 2,
    date: '2024-03-01',
    startTime: null,
    personName: 'Ada Lovelace',
    personEmail: null,
    project: 'Audit',
    client: 'Acme',
    task: 'Fieldwork',
    description: '',
    minutes: 60,
    billable: true,
    costRatePerHour: null,
    fingerprint: 'x',
    ...over,
  };
}

describe('aggregateTimeEntries', () => {
  it('groups by task within the project, sums minutes per person, and costs them at the export rate', () => {
    const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
    const tasks = aggregateTimeEntries([
      entry({ minutes: 90, costRatePerHour: usd(10_000), date: '2024-03-04' }),
      entry({ minutes: 25, costRatePerHour: usd(10_000), date: '2024-03-01', task: 'fieldwork ' }),
      entry({ minutes: 30, personName: 'Grace Hopper', date: '2024-03-09' }),
      entry({ minutes: 15, project: '', client: 'Acme', task: 'Fieldwork' }),
      entry({ minutes: 45, project: '', client: '', task: 'Admin' }),
    ]);
    expect(tasks.map((t) => [t.process, t.name, t.minutes, t.entries])).toEqual([
      ['Acme', 'Fieldwork', 15, 1],
      ['Audit', 'Fieldwork', 145, 3],
      ['No project', 'Admin', 45, 1],
    ]);
    const audit = tasks[1]!;
    expect(audit).toMatchObject({ firstDate: '2024-03-01', lastDate: '2024-03-09' });
    expect(audit.people).toEqual([
      {
        personName: 'Ada Lovelace',
        personEmail: null,
        minutes: 115,
        entries: 2,
        firstDate: '2024-03-01',
        lastDate: '2024-03-04',
        costedMinutes: 115,
        // 115 min × $100/h = $191.666… → $191.67, rounded once.
        cost: { amountMinor: 19_167, currency: 'USD' },
      },
      {
        personName: 'Grace Hopper',
        personEmail: null,
        minutes: 30,
        entries: 1,
        firstDate: '2024-03-09',
        lastDate: '2024-03-09',
        costedMinutes: 0,
        cost: null,
      },
    ]);
  });

  it('knows one person by email across spellings of the name', () => {
    const [task] = aggregateTimeEntries([
      entry({ personName: 'Ada Lovelace', personEmail: 'ada@x.example' }),
      entry({ personName: 'Ada  Lovelace', personEmail: 'ADA@x.example' }),
      entry({ personName: 'Ada Lovelace', personEmail: 'ada@x.example' }),
    ]);
    expect(task!.people).toHaveLength(1);
    expect(task!.people[0]).toMatchObject({
      personName: 'Ada Lovelace',
      personEmail: 'ada@x.example',
      entries: 3,
    });
  });

  it('aggregates the Harvest fixture: every minute lands in exactly one task', async () => {
    const parsed = await parseImport({
      file: 'h.csv',
      bytes: fixtureBytes(FIXTURES.harvest),
      defaultCurrency: 'USD',
    });
    const tasks = aggregateTimeEntries(parsed.timeEntries);
    const total = parsed.timeEntries.reduce((s, e) => s + e.minutes, 0);
    expect(tasks.reduce((s, t) => s + t.minutes, 0)).toBe(total);
    const deck = tasks.find((t) => t.process === 'Network redesign' && t.name === 'Interview summary deck')!;
    expect(deck.people.map((p) => p.personName)).toContain('Marcus Bell');
    // Marcus has no cost rate in Harvest: his minutes are left for the member's own rate.
    const marcus = deck.people.find((p) => p.personName === 'Marcus Bell')!;
    expect(marcus).toMatchObject({ costedMinutes: 0, cost: null });
  });

  it('is deterministic: any order of the same entries gives the same result', () => {
    const arb = fc.array(
      fc.record({
        date: fc.constantFrom('2024-01-01', '2024-01-02', '2024-02-10'),
        personName: fc.constantFrom('Ada', 'Grace', 'Linus'),
        project: fc.constantFrom('Audit', 'Tax', ''),
        client: fc.constantFrom('Acme', ''),
        task: fc.constantFrom('Fieldwork', 'Memo', 'memo'),
        minutes: fc.integer({ min: 0, max: 600 }),
        rate: fc.option(fc.integer({ min: 1, max: 50_000 })),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, fc.infiniteStream(fc.integer()), (records, _rand) => {
        const entries = records.map((r) =>
          entry({ ...r, costRatePerHour: r.rate === null ? null : { amountMinor: r.rate, currency: 'USD' } }),
        );
        const reversed = [...entries].reverse();
        expect(aggregateTimeEntries(reversed)).toEqual(aggregateTimeEntries(entries));
      }),
      { numRuns: 300 },
    );
  });
});
