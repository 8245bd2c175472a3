import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outtask } from '../../test/helpers/cli.ts';
import { parseFormYaml } from '../synthesis/form.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-proc-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const env = { OUTTASK_DATA_DIR: path.join(dir, 'data') };
const TASK = 'Build the executive interview summary deck';

describe('outtask procedures and forms', { timeout: 180_000 }, () => {
  it('lists, shows and exports the demo procedures', () => {
    expect(outtask(['demo', '--password', 'demo-password-1'], env).code).toBe(0);
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
    expect(flagship).toMatchObject({ stage: 'deconstructed', retiredVariants: 13, current: { number: 1 } });
    expect(data.stages.automated).toBe(1);

    const show = outtask(['procedures', 'show', TASK], env);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Step of the method: 3/6 Deconstructed');
    expect(show.stdout).toContain('Ways recorded: 13 (0 in use, 13 retired by the standard)');
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
    const exp = outtask(['forms', 'export', 'Executive interview form', yaml], env);
    expect(exp.code).toBe(0);
    expect(parseFormYaml(fs.readFileSync(yaml, 'utf8')).questions).toHaveLength(8);
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
    const imp = outtask(['forms', 'import', fresh, '--task', 'Write up interview notes'], env);
    expect(imp.stdout).toContain(
      'New form "Client debrief", 1 questions, attached to "Write up interview notes"',
    );
  });
});
