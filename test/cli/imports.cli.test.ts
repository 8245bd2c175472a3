/**
 * `outtask tasks import --dry-run / --map`, `outtask imports list|undo`, as a user runs them: the plan
 * is printed and nothing stored; the mapping file attaches an activity to an existing task; undo
 * brings the inventory back to what it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aSmallFirm, storeFirm, togglCsv } from '../factories/index.ts';
import { outtask } from '../helpers/cli.ts';
import { seedDataDir } from '../helpers/data-dir.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-imports-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('outtask imports', { timeout: 180_000 }, () => {
  it('prints the plan, imports with a mapping file, lists and undoes the import', async () => {
    const env = { OUTTASK_DATA_DIR: path.join(dir, 'data') };
    await seedDataDir(env, async (app, actor) => {
      await storeFirm(app, actor, aSmallFirm());
    });
    const file = path.join(dir, 'toggl.csv');
    fs.writeFileSync(
      file,
      togglCsv([
        { user: 'Fiona Founder', project: 'Acme', task: 'Summary deck', date: '2025-03-03', minutes: 120 },
        {
          user: 'Fiona Founder',
          project: 'Pricing review',
          task: 'Summary deck',
          date: '2025-03-21',
          minutes: 60,
        },
        { user: 'Andy Analyst', project: 'Acme', task: 'Lunch', date: '2025-03-03', minutes: 45 },
      ]),
    );
    const list = () =>
      JSON.parse(outtask(['tasks', 'list', '--json'], env).stdout) as Record<string, unknown>[];
    const before = list();

    const dry = outtask(['tasks', 'import', file, '--dry-run'], env);
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toContain('nothing stored (--dry-run)');
    expect(dry.stdout).toMatch(
      /Summary deck\s+3\.00\s+1\s+Acme, Pricing review\s+Client research \/ Build the summary deck \(similar\)/,
    );
    expect(dry.stdout).toMatch(/Lunch .*new task: Imported activities \/ Lunch/);
    expect(dry.stdout).toContain('Period: 2025-03-03 to 2025-03-21 (3 weeks, first to last entry)');
    expect(list()).toEqual(before);

    const map = path.join(dir, 'mapping.csv');
    fs.writeFileSync(map, 'Activity,Action,Task\nLunch,ignore,\nsummary deck,,Build the summary deck\n');
    const imp = outtask(['tasks', 'import', file, '--map', map, '--json'], env);
    expect(imp.stderr).toBe('');
    const report = JSON.parse(imp.stdout);
    expect(report.created.tasks).toBe(0);
    expect(report.timeEntries).toEqual({ imported: 2, alreadyImported: 0, ignored: 1 });
    const deck = list().find((t) => t.name === 'Build the summary deck')!;
    expect(deck.measuredHours).toBe(3);

    const history = JSON.parse(outtask(['imports', 'list', '--json'], env).stdout);
    expect(history.map((b: { id: string }) => b.id)).toEqual([report.importId]);
    const undo = outtask(['imports', 'undo', report.importId], env);
    expect(undo.stdout).toBe(`Undid the import of toggl.csv (${history[0].at.slice(0, 10)}).\n`);
    expect(list()).toEqual(before);
    const again = outtask(['imports', 'undo', report.importId], env);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('was already undone');
  });
});
