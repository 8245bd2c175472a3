import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob } from '../../src/platform/jobs/index.ts';
import { outtask } from '../helpers/cli.ts';
import { seedDataDir } from '../helpers/data-dir.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A kind no process here runs: the jobs stay where the seed put them. */
const parked = defineJob({ kind: 'test.parked', version: 1, payload: z.object({ n: z.number() }) });

describe('outtask jobs', { timeout: 180_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-cli-jobs-'));
  dirs.push(dir);
  const env = { OUTTASK_DATA_DIR: dir };
  let ids: string[] = [];

  beforeAll(async () => {
    ids = await seedDataDir(env, async (app, actor) => {
      const q = app.jobs.queue;
      const k = app.db.kysely;
      const a = await q.enqueue(k, parked, { n: 1 }, { workspaceId: actor.workspace.id });
      const b = await q.enqueue(k, parked, { n: 2 }, { workspaceId: actor.workspace.id });
      // A dead one, with its error: claimed and failed for good.
      const claimed = await q.claim({
        workerId: 'seed',
        kinds: [{ kind: parked.kind, maxVersion: 1 }],
        leaseMs: 60_000,
      });
      await q.fail(claimed!, new Error('the seed failed on purpose'), { permanent: true });
      return [a.job.id, b.job.id];
    });
  });

  it('lists jobs as a table and as JSON, filtered by state', () => {
    const table = outtask(['jobs', 'list'], env);
    expect(table.stderr).toBe('');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/test\.parked\s+dead\s+1\/5.*the seed failed on purpose/);
    expect(table.stdout).toMatch(/test\.parked\s+queued\s+0\/5/);
    const json = JSON.parse(outtask(['jobs', 'list', '--json', '--status', 'queued'], env).stdout) as {
      id: string;
    }[];
    expect(json.map((j) => j.id)).toEqual([ids[1]]);
    const bad = outtask(['jobs', 'list', '--status', 'finished'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--status must be one of queued, running/);
  });

  it('shows a job with its whole error, retries it and cancels another', () => {
    const shown = outtask(['jobs', 'show', ids[0]!], env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/status\s+dead/);
    expect(shown.stdout).toMatch(/last error\n\s+the seed failed on purpose\n\s+at /);

    const retried = outtask(['jobs', 'retry', ids[0]!], env);
    expect(retried.stdout).toMatch(/queued again/);
    expect(JSON.parse(outtask(['jobs', 'show', ids[0]!, '--json'], env).stdout)).toMatchObject({
      status: 'queued',
      attempts: 0,
    });

    const cancelled = outtask(['jobs', 'cancel', ids[1]!, '--json'], env);
    expect(JSON.parse(cancelled.stdout)).toMatchObject({ id: ids[1], status: 'cancelled' });
    const twice = outtask(['jobs', 'cancel', ids[1]!], env);
    expect(twice.code).toBe(4);
    expect(twice.stderr).toMatch(/has already been cancelled/);
    const missing = outtask(['jobs', 'show', 'no-such-job'], env);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/No job no-such-job/);
  });
});
