/**
 * The conformance suite every JobQueue adapter passes: SQLite always, PostgreSQL when
 * TEST_DATABASE_URL is set. Time is a fake clock advanced by the test; nothing waits on a sleep.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { freshDb, testDialects } from '../../../test/helpers/db.ts';
import { fixedClock } from '../clock.ts';
import { openPostgres } from '../db/connect.ts';
import { AppError } from '../errors.ts';
import { sequentialIds } from '../ids.ts';
import { createJobQueue } from './create-queue.ts';
import { defineJob } from './job.ts';
import { JobRegistry } from './registry.ts';
import { JobWorker } from './worker.ts';

const T0 = '2026-06-01T08:00:00.000Z';
const LEASE = 30_000;

const echo = defineJob({
  kind: 'test.echo',
  version: 1,
  payload: z.object({ n: z.number().int() }),
  maxAttempts: 3,
  backoff: { baseMs: 1000, maxMs: 60_000 },
});

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

async function setup(dialect: (typeof testDialects)[number]) {
  const db = await freshDb(dialect);
  const clock = fixedClock(T0);
  const queue = createJobQueue({ db, clock, newId: sequentialIds('job') });
  await queue.start();
  const claimAs = (workerId: string, kinds = [{ kind: 'test.echo', maxVersion: 1 }]) =>
    queue.claim({ workerId, kinds, leaseMs: LEASE });
  const enqueue = (n: number, opts: Partial<Parameters<typeof queue.enqueue>[3]> = {}) =>
    queue.enqueue(db.kysely, echo, { n }, { workspaceId: null, ...opts });
  return { db, clock, queue, claimAs, enqueue };
}

async function addWorkspace(db: Awaited<ReturnType<typeof freshDb>>['kysely'], id: string) {
  await db
    .insertInto('workspaces')
    .values({ id, name: id, slug: id, currency: 'USD', settings_json: '{}', created_at: T0 })
    .execute();
}

describe.each(testDialects)('JobQueue conformance on %s', (dialect) => {
  it('enqueues inside the caller’s transaction: a rollback leaves no job, a commit makes it claimable', async () => {
    const { db, queue, claimAs } = await setup(dialect);
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await addWorkspace(trx, 'w1');
        await queue.enqueue(trx, echo, { n: 1 }, { workspaceId: 'w1' });
        throw new Error('the data change fails');
      }),
    ).rejects.toThrow('the data change fails');
    expect(await queue.list({})).toEqual([]);
    expect(await claimAs('a')).toBeUndefined();

    const { job } = await db.kysely.transaction().execute(async (trx) => {
      await addWorkspace(trx, 'w1');
      return queue.enqueue(trx, echo, { n: 2 }, { workspaceId: 'w1', createdBy: 'u1' });
    });
    expect(job).toMatchObject({ status: 'queued', workspaceId: 'w1', createdBy: 'u1', attempts: 0 });
    const claimed = await claimAs('a');
    expect(claimed).toMatchObject({ id: job.id, status: 'running', attempts: 1, payload: { n: 2 } });
  });

  it('claims under a lease renewed by heartbeats; an expired lease is taken over and fences the old holder', async () => {
    const { clock, queue, claimAs, enqueue } = await setup(dialect);
    const { job } = await enqueue(1);
    const a = (await claimAs('worker-a'))!;
    expect(a).toMatchObject({ id: job.id, lockedBy: 'worker-a', lockedUntil: '2026-06-01T08:00:30.000Z' });
    expect(await claimAs('worker-b')).toBeUndefined();

    clock.advance(20_000);
    expect(await queue.heartbeat(a, LEASE)).toEqual({ cancelRequested: false });
    clock.advance(20_000); // 40 s after the claim, 20 s after the heartbeat: still held
    expect(await claimAs('worker-b')).toBeUndefined();

    clock.advance(10_001); // the lease ran out: worker A is presumed dead
    const b = (await claimAs('worker-b'))!;
    expect(b).toMatchObject({ id: job.id, lockedBy: 'worker-b', attempts: 2 });
    expect(b.leaseToken).not.toBe(a.leaseToken);
    expect((await queue.get(job.id))!.lastError).toMatch(/worker-a stopped renewing its lease/);

    // The old holder wakes up: none of its writes land.
    expect(await queue.heartbeat(a, LEASE)).toBeUndefined();
    expect(await queue.progress(a, { done: 1, total: 2 })).toBe(false);
    expect(await queue.complete(a, { by: 'a' })).toBe(false);
    await expect(queue.transact(a, 'effect', async () => 'a')).rejects.toMatchObject({
      code: 'JOB_LEASE_LOST',
    });
    expect(await queue.fail(a, new Error('late'), { permanent: false })).toBeUndefined();

    expect(await queue.complete(b, { by: 'b' })).toBe(true);
    expect(await queue.get(job.id)).toMatchObject({
      status: 'succeeded',
      result: { by: 'b' },
      lockedBy: null,
    });
    expect(await queue.steps(job.id)).toEqual([]);
  });

  it('retries with exponential backoff, then keeps the last error in the dead-letter state', async () => {
    const { clock, queue, claimAs, enqueue } = await setup(dialect);
    const { job } = await enqueue(1);
    const backoff = echo.backoff!;

    let held = (await claimAs('a'))!;
    expect(await queue.fail(held, new Error('boom 1'), { permanent: false, backoff })).toEqual({
      status: 'queued',
      runAt: '2026-06-01T08:00:01.000Z',
    });
    expect(await claimAs('a')).toBeUndefined();
    clock.advance(1000);
    held = (await claimAs('a'))!;
    expect(held.attempts).toBe(2);
    expect(await queue.fail(held, new Error('boom 2'), { permanent: false, backoff })).toEqual({
      status: 'queued',
      runAt: '2026-06-01T08:00:03.000Z',
    });
    clock.advance(1999);
    expect(await claimAs('a')).toBeUndefined();
    clock.advance(1);
    held = (await claimAs('a'))!;
    expect(await queue.fail(held, new Error('boom 3'), { permanent: false, backoff })).toEqual({
      status: 'dead',
    });
    const dead = (await queue.get(job.id))!;
    expect(dead).toMatchObject({ status: 'dead', attempts: 3, finishedAt: '2026-06-01T08:00:03.000Z' });
    expect(dead.lastError).toMatch(/^boom 3/);
    clock.advance(3_600_000);
    expect(await claimAs('a')).toBeUndefined();
  });

  it('sends a permanent failure, and a job whose worker vanished on its last attempt, to dead at once', async () => {
    const { clock, queue, claimAs, enqueue } = await setup(dialect);
    const bad = await enqueue(1);
    const held = (await claimAs('a'))!;
    await queue.fail(held, new AppError('TRANSCRIPT_MALFORMED', 'x.vtt:3 is not a cue'), { permanent: true });
    expect(await queue.get(bad.job.id)).toMatchObject({
      status: 'dead',
      attempts: 1,
      lastError: expect.stringMatching(/^TRANSCRIPT_MALFORMED: x\.vtt:3 is not a cue/),
    });

    const lost = await enqueue(2, { maxAttempts: 1 });
    await claimAs('crashing-worker');
    clock.advance(LEASE + 1);
    expect(await claimAs('b')).toBeUndefined(); // reaped, not run again
    expect(await queue.get(lost.job.id)).toMatchObject({
      status: 'dead',
      lastError: expect.stringMatching(/crashing-worker stopped renewing its lease/),
    });
  });

  it('returns the first job for a repeated idempotency key, per workspace and kind', async () => {
    const { db, queue, enqueue } = await setup(dialect);
    await addWorkspace(db.kysely, 'w1');
    await addWorkspace(db.kysely, 'w2');
    const first = await enqueue(1, { workspaceId: 'w1', idempotencyKey: 'sha256:abc' });
    const again = await enqueue(99, { workspaceId: 'w1', idempotencyKey: 'sha256:abc' });
    expect(first.created).toBe(true);
    expect(again).toEqual({ job: first.job, created: false });
    expect(first.job.idempotencyKey).toBe('sha256:abc');
    const other = await enqueue(1, { workspaceId: 'w2', idempotencyKey: 'sha256:abc' });
    expect(other.created).toBe(true);
    const otherKind = defineJob({ kind: 'test.other', version: 1, payload: z.object({}) });
    expect(
      (await queue.enqueue(db.kysely, otherKind, {}, { workspaceId: 'w1', idempotencyKey: 'sha256:abc' }))
        .created,
    ).toBe(true);
    expect(await queue.list({ workspaceId: 'w1' })).toHaveLength(2);
  });

  it('runs scheduled jobs when due, higher priority first', async () => {
    const { clock, queue, claimAs, enqueue } = await setup(dialect);
    const later = await enqueue(1, { runAt: new Date('2026-06-01T09:00:00.000Z') });
    const low = await enqueue(2, { delayMs: 60_000 });
    const high = await enqueue(3, { delayMs: 60_000, priority: 5 });
    expect(await claimAs('a')).toBeUndefined();
    clock.advance(60_000);
    const first = (await claimAs('a'))!;
    const second = (await claimAs('a'))!;
    expect([first.id, second.id]).toEqual([high.job.id, low.job.id]);
    expect(await claimAs('a')).toBeUndefined();
    await queue.complete(first, null);
    await queue.complete(second, null);
    clock.advance(59 * 60_000);
    expect((await claimAs('a'))!.id).toBe(later.job.id);
  });

  it('queues the next run of a recurring job when one ends; a cancel ends the series', async () => {
    const { clock, queue, claimAs, enqueue } = await setup(dialect);
    const { job } = await enqueue(7, { repeatEverySeconds: 3600 });
    clock.advance(5 * 60_000);
    await queue.complete((await claimAs('a'))!, { ok: true });
    const [next, first] = await queue.list({});
    expect(first!.id).toBe(job.id);
    expect(next).toMatchObject({
      status: 'queued',
      runAt: '2026-06-01T09:00:00.000Z',
      repeatEverySeconds: 3600,
    });
    expect(await claimAs('a')).toBeUndefined();
    clock.advance(55 * 60_000);
    const second = (await claimAs('a'))!;
    expect(second).toMatchObject({ id: next!.id, payload: { n: 7 } });
    await queue.fail(second, new Error('x'), { permanent: true });
    expect((await queue.list({ status: 'queued' }))[0]).toMatchObject({ runAt: '2026-06-01T10:00:00.000Z' });

    const series = await queue.ensureRecurring(echo, { n: 1 }, { key: 'sweep', everySeconds: 600 });
    expect(series.created).toBe(true);
    // Its first run is on the period's grid (09:00 is one).
    expect(series.job.runAt).toBe('2026-06-01T09:00:00.000Z');
    expect(await queue.ensureRecurring(echo, { n: 1 }, { key: 'sweep', everySeconds: 600 })).toMatchObject({
      created: false,
      job: { id: series.job.id },
    });
    await queue.cancel(series.job.id);
    clock.advance(24 * 3_600_000);
    expect((await queue.list({ status: 'queued' })).map((j) => j.id)).not.toContain(series.job.id);
    expect((await queue.list({})).filter((j) => j.idempotencyKey?.startsWith('sweep@'))).toHaveLength(1);
  });

  it('cancels a queued job at once and a running one through its handler’s AbortSignal', async () => {
    const { clock, queue, enqueue } = await setup(dialect);
    const queued = await enqueue(1);
    expect(await queue.cancel(queued.job.id)).toMatchObject({ status: 'cancelled', cancelRequested: true });

    const started = deferred();
    const sawAbort = deferred<unknown>();
    const registry = new JobRegistry().handle(echo, async (_p, ctx) => {
      started.resolve();
      await new Promise((_resolve, reject) =>
        ctx.signal.addEventListener('abort', () => {
          sawAbort.resolve(ctx.signal.reason);
          reject(ctx.signal.reason);
        }),
      );
    });
    const worker = new JobWorker(queue, registry, { leaseMs: LEASE, heartbeatMs: 10_000 });
    const running = await enqueue(2);
    const done = worker.runOnce();
    await started.promise;
    expect(await queue.cancel(running.job.id)).toMatchObject({ status: 'running', cancelRequested: true });
    expect(await sawAbort.promise).toMatchObject({ code: 'JOB_CANCELLED' });
    await done;
    expect(await queue.get(running.job.id)).toMatchObject({ status: 'cancelled', attempts: 1 });
    await expect(queue.cancel(running.job.id)).rejects.toMatchObject({ code: 'JOB_NOT_CANCELLABLE' });
    await expect(queue.cancel('nope')).rejects.toMatchObject({ code: 'JOB_NOT_FOUND' });
    clock.advance(1);
    expect(await worker.drain()).toBe(0);
  });

  it('stores the progress a handler reports, readable while it runs', async () => {
    const { queue, enqueue } = await setup(dialect);
    const reported = deferred();
    const release = deferred();
    const registry = new JobRegistry().handle(echo, async (p, ctx) => {
      await ctx.progress({ done: 3, total: 10, message: 'reading transcripts' });
      reported.resolve();
      await release.promise;
      return { doubled: p.n * 2 };
    });
    const { job } = await enqueue(21);
    const done = new JobWorker(queue, registry).runOnce();
    await reported.promise;
    expect(await queue.get(job.id)).toMatchObject({
      status: 'running',
      progress: { done: 3, total: 10, message: 'reading transcripts' },
    });
    release.resolve();
    await done;
    expect(await queue.get(job.id)).toMatchObject({ status: 'succeeded', result: { doubled: 42 } });
  });

  it('versions job types: old workers leave newer jobs, new workers upgrade older payloads', async () => {
    const { db, queue } = await setup(dialect);
    const v1 = defineJob({ kind: 'test.greet', version: 1, payload: z.object({ name: z.string() }) });
    const v2 = defineJob({
      kind: 'test.greet',
      version: 2,
      payload: z.object({ first: z.string(), last: z.string() }),
      upgrade: (_from, p) => {
        const [first = '', last = ''] = (p as { name: string }).name.split(' ');
        return { first, last };
      },
    });
    await expect(
      queue.enqueue(db.kysely, v1, { name: 7 } as never, { workspaceId: null }),
    ).rejects.toMatchObject({
      code: 'JOB_PAYLOAD_INVALID',
      message: expect.stringContaining('name'),
    });
    await queue.enqueue(db.kysely, v1, { name: 'Ada Lovelace' }, { workspaceId: null });
    const newer = await queue.enqueue(
      db.kysely,
      v2,
      { first: 'Grace', last: 'Hopper' },
      { workspaceId: null },
    );

    const seen: string[] = [];
    const oldWorker = new JobWorker(
      queue,
      new JobRegistry().handle(v1, async (p) => {
        seen.push(`v1 ${p.name}`);
      }),
    );
    expect(await oldWorker.drain()).toBe(1);
    expect((await queue.get(newer.job.id))!.status).toBe('queued');

    // Queued by a v1 producer still running somewhere: the v2 worker upgrades its payload.
    await queue.enqueue(db.kysely, v1, { name: 'Alan Turing' }, { workspaceId: null });
    const newWorker = new JobWorker(
      queue,
      new JobRegistry().handle(v2, async (p) => {
        seen.push(`v2 ${p.last}, ${p.first}`);
      }),
    );
    expect(await newWorker.drain()).toBe(2);
    expect(seen).toEqual(['v1 Ada Lovelace', 'v2 Hopper, Grace', 'v2 Turing, Alan']);

    // A stored payload the current version cannot read fails for good, with the reason.
    await db.kysely
      .insertInto('jobs')
      .values({
        id: 'legacy',
        workspace_id: null,
        kind: 'test.greet',
        version: 2,
        payload_json: '{"first":1}',
        status: 'queued',
        max_attempts: 5,
        run_at: T0,
        idempotency_key: null,
        repeat_every_seconds: null,
        progress_json: null,
        last_error: null,
        result_json: null,
        lease_token: null,
        locked_by: null,
        locked_until: null,
        created_by: null,
        created_at: T0,
        updated_at: T0,
        started_at: null,
        finished_at: null,
      })
      .execute();
    await newWorker.drain();
    expect(await queue.get('legacy')).toMatchObject({
      status: 'dead',
      attempts: 1,
      lastError: expect.stringMatching(/^JOB_PAYLOAD_INVALID: .*first/),
    });
  });

  it('resumes a retried job after its finished steps; a transact step writes exactly once', async () => {
    const { db, clock, queue, enqueue } = await setup(dialect);
    await addWorkspace(db.kysely, 'w1');
    const calls: string[] = [];
    let failAfterFirst = true;
    const registry = new JobRegistry().handle(echo, async (p, ctx) => {
      const a = await ctx.step('fetch', async () => {
        calls.push('fetch');
        return { value: p.n + 1 };
      });
      await ctx.transact('record', async (trx) => {
        calls.push('record');
        await trx
          .insertInto('audit_log')
          .values({
            id: `a-${ctx.job.attempt}`,
            workspace_id: 'w1',
            user_id: null,
            action: 'test.effect',
            subject_type: 'job',
            subject_id: ctx.job.id,
            details_json: JSON.stringify(a),
            at: T0,
          })
          .execute();
      });
      if (failAfterFirst) {
        failAfterFirst = false;
        throw new Error('the network dropped');
      }
      calls.push('finish');
      return a;
    });
    const worker = new JobWorker(queue, registry);
    const { job } = await enqueue(41);
    expect(await worker.drain()).toBe(1);
    expect(await queue.get(job.id)).toMatchObject({ status: 'queued', attempts: 1 });
    clock.advance(1000);
    expect(await worker.drain()).toBe(1);
    expect(calls).toEqual(['fetch', 'record', 'finish']);
    expect(await queue.get(job.id)).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      result: { value: 42 },
    });
    expect((await queue.steps(job.id)).map((s) => s.key).sort()).toEqual(['fetch', 'record']);
    const effects = await db.kysely.selectFrom('audit_log').select('details_json').execute();
    expect(effects).toEqual([{ details_json: '{"value":42}' }]);
  });

  it('retries dead and cancelled jobs on demand, refuses to re-run a succeeded one', async () => {
    const { queue, claimAs, enqueue } = await setup(dialect);
    const { job } = await enqueue(1);
    await queue.fail((await claimAs('a'))!, new Error('bad day'), { permanent: true });
    expect(await queue.retry(job.id)).toMatchObject({
      status: 'queued',
      attempts: 0,
      lastError: expect.any(String),
    });
    const held = (await claimAs('a'))!;
    expect(held.id).toBe(job.id);
    await expect(queue.retry(job.id)).rejects.toMatchObject({ code: 'JOB_NOT_RETRYABLE' });
    await queue.complete(held, null);
    await expect(queue.retry(job.id)).rejects.toMatchObject({ code: 'JOB_NOT_RETRYABLE' });
    await expect(queue.retry('missing')).rejects.toMatchObject({ code: 'JOB_NOT_FOUND' });
  });

  it('fails an attempt that outlives its timeout, and hands jobs back untouched on shutdown', async () => {
    const { db, queue } = await setup(dialect);
    const slow = defineJob({ kind: 'test.slow', version: 1, payload: z.object({}), timeoutMs: 30 });
    let started = deferred();
    const registry = new JobRegistry().handle(slow, async (_p, ctx) => {
      started.resolve();
      await new Promise((_r, reject) =>
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)),
      );
    });
    const timedOut = await queue.enqueue(db.kysely, slow, {}, { workspaceId: null });
    expect(await new JobWorker(queue, registry).drain()).toBe(1);
    expect(await queue.get(timedOut.job.id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: expect.stringMatching(/^JOB_TIMED_OUT/),
    });
    await queue.cancel(timedOut.job.id);

    const patient = defineJob({ kind: 'test.slow', version: 1, payload: z.object({}) });
    started = deferred();
    const shutdownRegistry = new JobRegistry().handle(patient, async (_p, ctx) => {
      started.resolve();
      await new Promise((_r, reject) =>
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)),
      );
    });
    const held = await queue.enqueue(db.kysely, slow, {}, { workspaceId: null });
    const worker = new JobWorker(queue, shutdownRegistry, { pollMs: 60_000 });
    worker.start();
    await started.promise;
    await worker.stop({ graceMs: 0 });
    expect(await queue.get(held.job.id)).toMatchObject({ status: 'queued', attempts: 0, lockedBy: null });
  });

  it('lets many workers claim at once without ever handing out one job twice', async () => {
    const { db, queue, enqueue } = await setup(dialect);
    for (let n = 0; n < 40; n++) await enqueue(n);
    // On PostgreSQL each worker has its own connection pool, as separate processes would.
    const extra =
      dialect === 'postgres'
        ? Array.from({ length: 3 }, () =>
            openPostgres(process.env.TEST_DATABASE_URL!, { schema: db.schema!, max: 2 }),
          )
        : [];
    const queues = [
      queue,
      ...extra.map((d) =>
        createJobQueue({ db: d, clock: fixedClock(T0), newId: sequentialIds(`w${d.where.length}`) }),
      ),
    ];
    while (queues.length < 4) queues.push(queue);
    const claimed: string[] = [];
    await Promise.all(
      queues.map(async (q, i) => {
        for (;;) {
          const job = await q.claim({
            workerId: `w${i}`,
            kinds: [{ kind: 'test.echo', maxVersion: 1 }],
            leaseMs: LEASE,
          });
          if (!job) return;
          claimed.push(job.id);
        }
      }),
    );
    await Promise.all(extra.map((d) => d.close()));
    expect(claimed).toHaveLength(40);
    expect(new Set(claimed).size).toBe(40);
  });

  it('wakes an idle worker when a job is enqueued (no waiting for the next poll)', async () => {
    const { db, queue } = await setup(dialect);
    const ran = deferred<number>();
    const worker = new JobWorker(
      queue,
      new JobRegistry().handle(echo, async (p) => ran.resolve(p.n)),
      { pollMs: 10 * 60_000 },
    );
    worker.start();
    await new Promise((r) => setImmediate(r)); // the worker's first claim finds nothing and idles
    // On PostgreSQL the job comes from another connection pool, as from another process: NOTIFY.
    const other =
      dialect === 'postgres'
        ? openPostgres(process.env.TEST_DATABASE_URL!, { schema: db.schema!, max: 1 })
        : db;
    const producer =
      other === db ? queue : createJobQueue({ db: other, clock: fixedClock(T0), newId: sequentialIds('p') });
    await producer.enqueue(other.kysely, echo, { n: 5 }, { workspaceId: null });
    expect(await ran.promise).toBe(5);
    await worker.stop();
    if (other !== db) await other.close();
  });
});
