import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, JobWorker } from '../../src/platform/jobs/index.ts';
import { aUser, aWorkspaceWithOwner } from '../factories/accounts.ts';
import { signedInApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

type SignedIn = Awaited<ReturnType<typeof signedInApp>>;

const echoJob = defineJob({
  kind: 'test.echo',
  version: 1,
  payload: z.object({ fail: z.boolean() }),
  maxAttempts: 1,
});

describe.each(testDialects)('jobs API on %s', (dialect) => {
  let app: SignedIn;
  let worker: JobWorker;
  const enqueue = (workspaceId: string, fail: boolean, createdBy: string | null = null) =>
    app.services.jobs.queue.enqueue(app.services.db.kysely, echoJob, { fail }, { workspaceId, createdBy });

  beforeAll(async () => {
    app = await signedInApp(dialect);
    app.services.jobs.registry.handle(echoJob, async (p, ctx) => {
      await ctx.progress({ done: 1, total: 2, message: 'halfway' });
      if (p.fail) throw new Error('the echo failed\n  at somewhere (file.ts:1:1)');
      await ctx.step('say', async () => 'hello');
      return { said: 'hello' };
    });
    worker = new JobWorker(app.services.jobs.queue, app.services.jobs.registry);
  });
  afterAll(() => app.close());

  const get = (url: string, cookies = app.cookies) => app.http.inject({ method: 'GET', url, cookies });
  const post = (url: string, cookies = app.cookies) => app.http.inject({ method: 'POST', url, cookies });

  it("lists the workspace's jobs with state, progress and errors, and shows one in full", async () => {
    const ok = (await enqueue(app.owner.workspace.id, false, app.owner.owner.id)).job;
    const bad = (await enqueue(app.owner.workspace.id, true)).job;
    await worker.drain();

    const list = await get('/api/jobs');
    expect(list.statusCode).toBe(200);
    const jobs = list.json().jobs as {
      id: string;
      status: string;
      lastError: string | null;
      canRetry: boolean;
    }[];
    expect(jobs.map((j) => j.id)).toEqual([bad.id, ok.id]);
    expect(jobs[0]).toMatchObject({ status: 'dead', lastError: 'the echo failed', canRetry: true });
    expect(jobs[1]).toMatchObject({ status: 'succeeded', lastError: null, canRetry: false });

    const shown = await get(`/api/jobs/${ok.id}`);
    expect(shown.json()).toMatchObject({
      id: ok.id,
      kind: 'test.echo',
      status: 'succeeded',
      progress: { done: 1, total: 2, message: 'halfway' },
      result: { said: 'hello' },
      steps: [{ key: 'say' }],
      createdBy: app.owner.owner.id,
    });
    const dead = (await get(`/api/jobs/${bad.id}`)).json();
    expect(dead.lastErrorFull).toMatch(/the echo failed\n {2}at somewhere/);

    const filtered = (await get('/api/jobs?status=dead')).json().jobs as { id: string }[];
    expect(filtered.map((j) => j.id)).toEqual([bad.id]);
    const paged = (await get('/api/jobs?limit=1')).json();
    expect(paged.jobs).toHaveLength(1);
    expect(paged.next).toBe(bad.id);
    expect((await get(`/api/jobs?limit=1&before=${paged.next}`)).json().jobs[0].id).toBe(ok.id);
  });

  it('retries a dead job and cancels a queued one; refuses what cannot be done with a specific code', async () => {
    const bad = (await enqueue(app.owner.workspace.id, true)).job;
    await worker.drain();
    const retried = await post(`/api/jobs/${bad.id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'queued', attempts: 0, canCancel: true });

    const cancelled = await post(`/api/jobs/${bad.id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', canRetry: true, canCancel: false });
    const again = await post(`/api/jobs/${bad.id}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('JOB_NOT_CANCELLABLE');

    const ok = (await enqueue(app.owner.workspace.id, false)).job;
    await worker.drain();
    const noRetry = await post(`/api/jobs/${ok.id}/retry`);
    expect(noRetry.statusCode).toBe(409);
    expect(noRetry.json().error.code).toBe('JOB_NOT_RETRYABLE');
  });

  it("keeps each workspace's jobs to itself; staff may act, an out-tasker may not", async () => {
    const other = await aWorkspaceWithOwner(app.services);
    const theirs = (await enqueue(other.workspace.id, false)).job;
    expect((await get(`/api/jobs/${theirs.id}`)).json().error.code).toBe('JOB_NOT_FOUND');
    expect((await post(`/api/jobs/${theirs.id}/cancel`)).statusCode).toBe(404);
    expect(((await get('/api/jobs')).json().jobs as { id: string }[]).map((j) => j.id)).not.toContain(
      theirs.id,
    );
    expect((await app.services.jobs.queue.get(theirs.id))?.status).toBe('queued');

    const staff = await aUser(app.services, app.owner.workspace, 'staff');
    const outtasker = await aUser(app.services, app.owner.workspace, 'outtasker');
    const mine = (await enqueue(app.owner.workspace.id, false)).job;
    expect(
      (await post(`/api/jobs/${mine.id}/cancel`, await app.login(staff.email, staff.password))).statusCode,
    ).toBe(200);
    expect((await get('/api/jobs', await app.login(outtasker.email, outtasker.password))).statusCode).toBe(
      403,
    );
  });
});
