import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aWorkspace } from '../../../test/factories/accounts.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { testDialects } from '../../../test/helpers/db.ts';
import { startJobWorker } from '../../main.ts';
import { fixedClock } from '../clock.ts';
import { defineJob } from '../jobs/index.ts';
import { housekeepingJob, runHousekeeping } from './housekeeping.ts';

const DAY = 86_400_000;
const noop = defineJob({ kind: 'test.housekeeping-noop', version: 1, payload: z.object({ n: z.number() }) });

describe.each(testDialects)('housekeeping on %s', (dialect) => {
  it('removes released files after the grace period and finished jobs after the retention period, nothing else', async () => {
    const clock = fixedClock(new Date().toISOString());
    const app = await testApp(dialect, { clock });
    const { blobs, db, jobs } = app.services;
    const { workspace } = await aWorkspace(app.services);
    const file = (id: string, text: string) =>
      blobs.save(Buffer.from(text), {
        workspaceId: workspace.id,
        owner: { kind: 'run', id },
        name: `${id}.txt`,
      });
    const kept = await file('kept', 'still referenced');
    const released = await file('released', 'nobody needs me');
    await db.kysely.transaction().execute((trx) => blobs.release(trx, 'run', 'released'));

    const old = await jobs.queue.enqueue(db.kysely, noop, { n: 1 }, { workspaceId: workspace.id });
    await jobs.queue.cancel(old.job.id);
    clock.advance(40 * DAY);
    const recent = await jobs.queue.enqueue(db.kysely, noop, { n: 2 }, { workspaceId: workspace.id });
    await jobs.queue.cancel(recent.job.id);
    const waiting = await jobs.queue.enqueue(db.kysely, noop, { n: 3 }, { workspaceId: workspace.id });

    const policy = { jobRetentionDays: 30, blobGraceHours: 24 };
    const r = await runHousekeeping({ blobs, queue: jobs.queue, now: clock.now() }, policy);
    expect(r).toEqual({ blobs: { rows: 1, files: 1, temporaries: 0 }, jobsPruned: 1 });
    expect(await blobs.store.stat(released.sha256)).toBeUndefined();
    expect((await blobs.read(workspace.id, kept.sha256)).toString()).toBe('still referenced');
    expect(await jobs.queue.get(old.job.id)).toBeUndefined();
    expect((await jobs.queue.get(recent.job.id))?.status).toBe('cancelled');
    expect((await jobs.queue.get(waiting.job.id))?.status).toBe('queued');

    // A second pass finds nothing more to do.
    expect(await runHousekeeping({ blobs, queue: jobs.queue, now: clock.now() }, policy)).toEqual({
      blobs: { rows: 0, files: 0, temporaries: 0 },
      jobsPruned: 0,
    });
    await app.close();
  });

  it('is scheduled once as a recurring job by every process that starts workers', async () => {
    const app = await testApp(dialect);
    const a = await startJobWorker(app.services);
    const b = await startJobWorker(app.services);
    const series = (await app.services.jobs.queue.list({})).filter((j) => j.kind === housekeepingJob.kind);
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({ status: 'queued', repeatEverySeconds: 3600 });
    await Promise.all([a.stop(), b.stop()]);
    await app.close();
  });
});
