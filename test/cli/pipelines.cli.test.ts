/** outtask pipelines … and outtask intake add, run as a user would. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSmallFirm, storeFirm } from '../factories/index.ts';
import { outtask, ROOT } from '../helpers/cli.ts';
import { seedDataDir } from '../helpers/data-dir.ts';

const SAMPLES = path.join(ROOT, 'examples', 'executive-interviews');

describe('outtask pipelines and intake', { timeout: 240_000 }, () => {
  let dir: string;
  let env: Record<string, string>;
  let taskId: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-cli-pipelines-'));
    env = { OUTTASK_DATA_DIR: path.join(dir, 'data') };
    taskId = await seedDataDir(env, async (app, actor) => {
      const firm = await storeFirm(app, actor, aSmallFirm());
      await app.procedures.importFormYaml(actor, {
        text: fs.readFileSync(path.join(SAMPLES, 'form.yaml'), 'utf8'),
        name: 'Executive interview',
        taskRef: firm.deck.id,
      });
      return firm.deck.id;
    });
    fs.writeFileSync(path.join(dir, 'names.txt'), 'person: Maria Lopez\nperson: Tobias Reinholt\n');
    fs.writeFileSync(path.join(dir, 'broken.m4a'), 'not a recording');
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates a pipeline, takes files in, runs them and shows the runs with their stages', () => {
    const created = outtask(
      [
        'pipelines',
        'create',
        'Interviews',
        '--task',
        taskId,
        '--form',
        'Executive interview',
        '--terms',
        path.join(dir, 'names.txt'),
        '--no-review',
      ],
      env,
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(/^Pipeline "Interviews" \(/);

    const added = outtask(
      [
        'intake',
        'add',
        path.join(SAMPLES, 'executive-01.vtt'),
        path.join(dir, 'broken.m4a'),
        path.join(dir, 'names.txt.xlsx'),
        '--pipeline',
        'Interviews',
        '--wait',
      ],
      env,
    );
    // names.txt.xlsx does not exist: refused before anything is taken.
    expect(added.code).toBe(3);
    expect(added.stderr).toMatch(/names\.txt\.xlsx: no such file/);

    const ran = outtask(
      [
        'intake',
        'add',
        path.join(SAMPLES, 'executive-01.vtt'),
        path.join(dir, 'broken.m4a'),
        '--pipeline',
        'Interviews',
        '--wait',
      ],
      env,
    );
    expect(ran.stdout).toMatch(/executive-01\.vtt → run /);
    expect(ran.stdout).toMatch(/executive-01\.vtt\s+succeeded/);
    expect(ran.stdout).toMatch(/broken\.m4a\s+failed\s+probe.*broken\.m4a/);
    expect(ran.code).toBe(1); // one run failed

    const list = outtask(['pipelines', 'list'], env);
    expect(list.stdout).toMatch(/Interviews\s+\S+\s+yes\s+0\s+0\s+0\s+1\s+1/);

    const runs = JSON.parse(outtask(['pipelines', 'runs', 'Interviews', '--json'], env).stdout) as {
      id: string;
      fileName: string;
      status: string;
    }[];
    const broken = runs.find((r) => r.fileName === 'broken.m4a')!;
    const shown = outtask(['pipelines', 'runs', broken.id, '--run'], env);
    expect(shown.stdout).toMatch(/broken\.m4a — failed: .*broken\.m4a/);
    expect(shown.stdout).toMatch(/probe\s+failed\s+1/);
    expect(shown.stdout).toMatch(/\[probe\]\n.*attempt 1 started/);

    const retried = outtask(['pipelines', 'retry', broken.id, '--wait'], env);
    expect(retried.stdout).toMatch(/queued again from its failed stage/);
    expect(outtask(['pipelines', 'runs', broken.id, '--run'], env).stdout).toMatch(/probe\s+failed\s+2/);
  });
});
