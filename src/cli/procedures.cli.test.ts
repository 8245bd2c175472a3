import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDeckWithHistory, aSmallFirm } from '../../test/factories/index.ts';
import { outtask } from '../../test/helpers/cli.ts';
import { seedDataDir } from '../../test/helpers/data-dir.ts';
import { parseFormYaml } from '../synthesis/form.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-proc-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = { OUTTASK_DATA_DIR: path.join(dir, 'data') };
const firm = aSmallFirm({ extraTasks: 2 });
const TASK = firm.deck.name;
const OTHER = firm.tasks[1]!.name;

beforeAll(async () => {
  // The deck with its history: three ways retired, v1 approved, v2 a draft with one waste step.
  await seedDataDir(env, (app, actor) => aDeckWithHistory(app, actor, firm));
});

describe('outtask procedures and forms', { timeout: 180_000 }, () => {
  it('lists, shows and exports the procedures', () => {
    const list = outtask(['procedures', 'list', '--json'], env);
    expect(list.code).toBe(0);
    const data = JSON.parse(list.stdout) as {
      procedures: {
        task: string;
        stage: string;
        retiredVariants: number;
        current: { number: number } | null;
      }[];
      stages: Record<string, number>;
    };
    const flagship = data.procedures.find((p) => p.task === TASK)!;
    expect(flagship).toMatchObject({ stage: 'deconstructed', retiredVariants: 3, current: { number: 1 } });
    expect(data.procedures).toHaveLength(1);
    // Every task of the inventory is counted at its step; the two others are only consolidated.
    expect(data.stages).toMatchObject({ consolidated: 2, deconstructed: 1, automated: 0 });

    const show = outtask(['procedures', 'show', TASK], env);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Step of the method: 3/6 Deconstructed');
    expect(show.stdout).toContain('Ways recorded: 3 (0 in use, 3 retired by the standard)');
    expect(show.stdout).toMatch(/Before: .* a year/);

    const md = path.join(dir, 'brief.md');
    const r = outtask(['procedures', 'export', TASK, '--format', 'md', '--out', md, '--rev', '2'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 waste steps left out');
    expect(fs.readFileSync(md, 'utf8')).toContain('## Acceptance criteria');

    const missing = outtask(['procedures', 'show', 'No such task'], env);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('No task "No such task"');
  });

  it('exports the interview form as YAML the deck reads, and refuses a bad form naming the line', () => {
    const yaml = path.join(dir, 'form.yaml');
    const exp = outtask(['forms', 'export', 'Interview form', yaml], env);
    expect(exp.code).toBe(0);
    expect(parseFormYaml(fs.readFileSync(yaml, 'utf8')).questions.map((q) => q.id)).toEqual([
      'priorities',
      'technology',
    ]);
    const before = outtask(['forms', 'list', '--json'], env).stdout;
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, 'title: T\nquestions:\n  - id: a\n    text: One?\n  - id: a\n    text: Two?\n');
    const r = outtask(['forms', 'import', bad, '--task', TASK], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.yaml:5: question id "a" is used twice');
    expect(outtask(['forms', 'list', '--json'], env).stdout).toBe(before);
  });

  it('imports a new form attached to a task', () => {
    const fresh = path.join(dir, 'fresh.yaml');
    fs.writeFileSync(
      fresh,
      'title: Client debrief\nquestions:\n  - id: went-well\n    text: What went well?\n',
    );
    const imp = outtask(['forms', 'import', fresh, '--task', OTHER], env);
    expect(imp.stdout).toContain(`New form "Client debrief", 1 questions, attached to "${OTHER}"`);
  });
});
