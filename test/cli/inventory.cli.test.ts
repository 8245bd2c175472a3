import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSmallFirm, storeFirm } from '../factories/index.ts';
import { outtask, ROOT } from '../helpers/cli.ts';
import { seedDataDir } from '../helpers/data-dir.ts';

const fixtures = path.join(ROOT, 'src', 'inventory', 'imports', 'fixtures');
const dirs: string[] = [];
function dataDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-cli-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('outtask CLI on an empty data directory', { timeout: 120_000 }, () => {
  const env = { OUTTASK_DATA_DIR: dataDir() };

  it('imports a Harvest export and lists the tasks as stable JSON', () => {
    const imp = outtask(['tasks', 'import', path.join(fixtures, 'harvest-detailed-time.csv')], env);
    expect(imp.stderr).toBe('');
    expect(imp.code).toBe(0);
    expect(imp.stdout).toMatch(/Imported .*harvest/);
    const list = outtask(['tasks', 'list', '--json'], env);
    expect(list.code).toBe(0);
    const tasks = JSON.parse(list.stdout) as {
      name: string;
      process: string;
      measuredHours: number;
      inHouseAnnualCost: { amountMinor: number; currency: string };
    }[];
    expect(tasks.length).toBeGreaterThan(2);
    for (const t of tasks) {
      expect(typeof t.name).toBe('string');
      expect(typeof t.process).toBe('string');
      expect(t.measuredHours).toBeGreaterThan(0);
      expect(Number.isInteger(t.inHouseAnnualCost.amountMinor)).toBe(true);
      expect(t.inHouseAnnualCost.currency).toBe('USD');
    }
    // The same file again adds nothing.
    const again = outtask(
      ['tasks', 'import', path.join(fixtures, 'harvest-detailed-time.csv'), '--json'],
      env,
    );
    expect(JSON.parse(again.stdout).timeEntries.imported).toBe(0);
    const list2 = JSON.parse(outtask(['tasks', 'list', '--json'], env).stdout) as typeof tasks;
    expect(list2.map((t) => t.measuredHours)).toEqual(tasks.map((t) => t.measuredHours));
  });

  it('refuses a file with a bad row, naming the file and line on stderr, and imports nothing', () => {
    const bad = path.join(dataDir(), 'toggl-bad.csv');
    const lines = fs.readFileSync(path.join(fixtures, 'toggl-detailed.csv'), 'utf8').split('\n');
    lines[2] = lines[2]!.replace(/,\d\d:\d\d:\d\d,(?=[^,]*,[\d.]+\s*$)/, ',ninety minutes,');
    fs.writeFileSync(bad, lines.join('\n'));
    const before = outtask(['tasks', 'list', '--json'], env).stdout;
    const r = outtask(['tasks', 'import', bad], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/toggl-bad\.csv:3/);
    expect(r.stderr).toMatch(/nothing was imported/);
    expect(outtask(['tasks', 'list', '--json'], env).stdout).toBe(before);
  });

  it('refuses 200,000 bad rows with the first errors and the count, not a stack trace', () => {
    const f = path.join(dataDir(), 'all-bad.csv');
    const bad =
      'Ann Lee,,Acme,Pricing,Desk research,Read,Yes,2025-02-03,09:00:00,2025-02-03,10:30:00,later\n';
    fs.writeFileSync(
      f,
      `User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration\n${bad.repeat(200_000)}`,
    );
    const r = outtask(['tasks', 'import', f], env, { timeoutMs: 110_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^outtask: all-bad\.csv: 200000 of 200000 rows have errors; nothing was imported \(the first 1000 of 200000 errors are listed\)/,
    );
    expect(r.stderr).toMatch(/all-bad\.csv:2 \(column Duration\)/);
    expect(r.stderr).toMatch(/… and 199950 more\n$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.split('\n').length).toBeLessThan(60);
  });

  it('refuses an unknown layout with a clear message', () => {
    const f = path.join(dataDir(), 'shopping.csv');
    fs.writeFileSync(f, 'Item,Qty\nApples,3\n');
    const r = outtask(['tasks', 'import', f], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/shopping\.csv/);
  });
});

describe('outtask CLI on a firm’s inventory', { timeout: 120_000 }, () => {
  const env = { OUTTASK_DATA_DIR: dataDir() };
  // The founder's 30-hour deck, at $11 a slide outside, against five hour-long analyst tasks.
  const firm = aSmallFirm({ extraTasks: 5 });
  beforeAll(async () => {
    await seedDataDir(env, (app, actor) => storeFirm(app, actor, firm));
  });

  it('ranks the deck first and compares out-tasking with outsourcing', () => {
    const r = outtask(['opportunities', '--top', '3', '--json'], env);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as {
      opportunities: {
        rank: number;
        name: string;
        score: number;
        factors: unknown[];
        annualSaving: { amountMinor: number };
      }[];
    };
    expect(data.opportunities).toHaveLength(3);
    expect(data.opportunities[0]!.name).toBe(firm.deck.name);
    expect(data.opportunities[0]!.factors.length).toBe(7);
    expect(data.opportunities[0]!.annualSaving.amountMinor).toBeGreaterThan(0);

    const cmp = outtask(
      [
        'compare',
        firm.deck.name,
        '--unit-price',
        '9',
        '--min-units',
        '3000',
        '--upfront',
        '25000',
        '--term-months',
        '24',
        '--json',
      ],
      env,
    );
    expect(cmp.stderr).toBe('');
    const c = JSON.parse(cmp.stdout) as {
      scenarios: { label: string }[];
      recommendation: { choice: string; reason: string };
    };
    expect(c.scenarios.map((s) => s.label)).toEqual(['−50%', 'expected', '+50%']);
    expect(['out-task', 'outsource']).toContain(c.recommendation.choice);
    expect(c.recommendation.reason.length).toBeGreaterThan(20);

    const missing = outtask(['compare', 'No such task', '--unit-price', '9', '--min-units', '1'], env);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/No task "No such task"/);
  });

  it('backs up and restores the whole database', () => {
    const file = path.join(dataDir(), 'snapshot.outtask-backup');
    const before = outtask(['tasks', 'list', '--json'], env).stdout;
    expect(outtask(['backup', file], env).code).toBe(0);
    // Change the data after the backup by importing time entries.
    outtask(['tasks', 'import', path.join(fixtures, 'toggl-detailed.csv')], env);
    expect(outtask(['tasks', 'list', '--json'], env).stdout).not.toBe(before);
    const r = outtask(['restore', file], env);
    expect(r.code).toBe(0);
    expect(outtask(['tasks', 'list', '--json'], env).stdout).toBe(before);
  });
});
