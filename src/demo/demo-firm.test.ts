import { describe, expect, it } from 'vitest';
import { rankOpportunities } from '../inventory/index.ts';
import { DEMO_FIRM, DEMO_FLAGSHIP_TASK_NAME, materializeDemoFirm } from './demo-firm.ts';

let counter = 0;
const demo = materializeDemoFirm((kind) => `${kind}-${++counter}`);
const ranking = rankOpportunities(demo.tasks, demo.members, undefined, DEMO_FIRM.economics);
const allTasks = DEMO_FIRM.processes.flatMap((p) => p.tasks);
const byName = (name: string) => {
  const t = allTasks.find((x) => x.name === name);
  if (t === undefined) throw new Error(`demo task "${name}" is missing`);
  return t;
};
const dollarsPerHour = (role: string) =>
  DEMO_FIRM.members.filter((m) => m.role === role).map((m) => m.hourlyCost.amountMinor / 100);

describe('the demo consultancy', () => {
  it('has 12 people, about 10 processes and about 75 tasks', () => {
    expect(DEMO_FIRM.members).toHaveLength(12);
    expect(DEMO_FIRM.processes).toHaveLength(10);
    expect(allTasks.length).toBeGreaterThanOrEqual(70);
    expect(allTasks.length).toBeLessThanOrEqual(80);
    expect(new Set(allTasks.map((t) => t.name)).size).toBe(allTasks.length);
    expect(new Set(DEMO_FIRM.members.map((m) => m.email)).size).toBe(12);
  });

  it('has one founder and realistic loaded rates in USD', () => {
    expect(dollarsPerHour('founder')).toHaveLength(1);
    for (const r of dollarsPerHour('founder')) expect(r >= 350 && r <= 450, `founder $${r}/h`).toBe(true);
    for (const r of dollarsPerHour('analyst')) expect(r >= 60 && r <= 80, `analyst $${r}/h`).toBe(true);
    for (const role of ['partner', 'manager', 'consultant', 'support'])
      expect(dollarsPerHour(role).length).toBeGreaterThan(0);
    const monies = [
      ...DEMO_FIRM.members.map((m) => m.hourlyCost),
      ...allTasks.flatMap((t) => (t.marketPricePerUnit ? [t.marketPricePerUnit] : [])),
    ];
    expect(monies.every((m) => m.currency === 'USD' && Number.isInteger(m.amountMinor))).toBe(true);
  });

  it('includes the interview deck the founder builds herself, at $11 a slide in 24 hours', () => {
    const deck = byName(DEMO_FLAGSHIP_TASK_NAME);
    const founder = DEMO_FIRM.members.find((m) => m.role === 'founder')!;
    expect(deck).toMatchObject({
      performer: founder.name,
      deliverableUnit: 'slide',
      marketPricePerUnit: { amountMinor: 1100, currency: 'USD' },
      turnaroundHours: 24,
      knownVariants: 13,
      needsClientContact: false,
    });
    const interviews = byName('Conduct executive interviews');
    expect(interviews.frequency.kind).toBe('per_project');
    if (interviews.frequency.kind === 'per_project') {
      expect(interviews.frequency.perProject).toBeGreaterThanOrEqual(25);
      expect(interviews.frequency.perProject).toBeLessThanOrEqual(50);
    }
    for (const related of [
      'Schedule executive interviews',
      'Transcribe interview recordings',
      'Write up interview notes',
    ]) {
      expect(byName(related).frequency).toEqual(interviews.frequency);
    }
  });

  it('ranks the interview deck in the top 5', () => {
    const deck = ranking.opportunities.find((o) => o.taskName === DEMO_FLAGSHIP_TASK_NAME)!;
    expect(deck.rank).toBeLessThanOrEqual(5);
    expect(deck.founderHoursFreed).toBeGreaterThan(150);
  });

  it('keeps client-facing, restricted and expert work low', () => {
    const barrier = ranking.opportunities.filter((o) => {
      const t = demo.tasks.find((x) => x.id === o.taskId)!;
      return t.needsClientContact || t.confidentiality === 'restricted' || t.skillLevel === 'expert';
    });
    expect(barrier.length).toBeGreaterThan(15);
    for (const o of barrier) expect(o.score).toBeLessThanOrEqual(50);
    const top5 = ranking.opportunities.slice(0, 5);
    expect(top5.every((o) => !barrier.includes(o))).toBe(true);
    expect(top5.every((o) => o.group === 'saving')).toBe(true);
  });

  it('has every task field filled with sensible values', () => {
    for (const t of allTasks) {
      expect(t.description.length, t.name).toBeGreaterThan(10);
      expect(t.minutesPerOccurrence, t.name).toBeGreaterThan(0);
      expect(t.knownVariants, t.name).toBeGreaterThanOrEqual(1);
      expect(t.unitsPerOccurrence, t.name).toBeGreaterThan(0);
      expect(t.deliverableUnit.length, t.name).toBeGreaterThan(0);
    }
    const memberIds = new Set(demo.members.map((m) => m.id));
    const processIds = new Set(demo.processes.map((p) => p.id));
    expect(demo.tasks.every((t) => t.performerId !== null && memberIds.has(t.performerId))).toBe(true);
    expect(demo.tasks.every((t) => processIds.has(t.processId))).toBe(true);
  });
});
