/**
 * Lost updates (issue 9, row 5): people editing one task at once, over a real HTTP server so the
 * requests interleave as they would in production. Per-field PATCHes without If-Match must all keep
 * their change; with If-Match, of two writers of the same version exactly one wins and the other gets
 * 412 STALE_WRITE with the current version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aProcess, aUser, storeFirm } from '../factories/index.ts';
import { signedInApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

type SignedIn = Awaited<ReturnType<typeof signedInApp>>;

const TRIALS = 50;
const ROUNDS = 30;

/** Eleven fields, each PATCHed alone by its own request, and the value round `r` gives it. */
const FIELDS: Record<string, (r: number) => unknown> = {
  name: (r) => `Renamed in round ${r}`,
  description: (r) => `Described in round ${r}`,
  minutesPerOccurrence: (r) => 100 + r,
  turnaroundHours: (r) => 200 + r,
  unitsPerOccurrence: (r) => 300 + r,
  knownVariants: (r) => 2 + r,
  deliverableUnit: (r) => `unit${r}`,
  skillLevel: (r) => (r % 2 ? 'expert' : 'basic'),
  confidentiality: (r) => (r % 2 ? 'restricted' : 'public'),
  needsClientContact: (r) => r % 2 === 1,
  reviewMinutesPerOccurrence: (r) => 400 + r,
};

describe.each(testDialects)('concurrent edits of one task on %s', (dialect) => {
  let app: SignedIn;
  let base: string;
  let processId: string;
  const cookie: { owner: string; staff: string } = { owner: '', staff: '' };

  beforeAll(async () => {
    app = await signedInApp(dialect);
    const process = aProcess();
    processId = process.id;
    await storeFirm(app.services, app.owner.actor, { members: [], processes: [process], tasks: [] });
    const staff = await aUser(app.services, app.owner.workspace, 'staff');
    cookie.owner = `outtask_session=${app.cookies.outtask_session}`;
    cookie.staff = `outtask_session=${(await app.login(staff.email, staff.password)).outtask_session}`;
    base = await app.http.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());

  const call = (who: keyof typeof cookie, method: string, path: string, body?: unknown, ifMatch?: string) =>
    fetch(`${base}/api${path}`, {
      method,
      headers: {
        cookie: cookie[who],
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(ifMatch ? { 'if-match': ifMatch } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  const newTask = async (name: string) => {
    const res = await call('owner', 'POST', '/tasks', {
      processId,
      name,
      frequency: { kind: 'per_year', occurrencesPerYear: 12 },
      minutesPerOccurrence: 60,
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const read = async (id: string) => {
    const res = await call('owner', 'GET', `/tasks/${id}`);
    expect(res.status).toBe(200);
    return {
      etag: res.headers.get('etag'),
      task: ((await res.json()) as { task: Record<string, unknown> }).task,
    };
  };

  it(`keeps both edits when two people change different fields at once (${TRIALS} trials)`, async () => {
    let lost = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const id = await newTask(`Two editors ${trial}`);
      const [a, b] = await Promise.all([
        call('owner', 'PATCH', `/tasks/${id}`, { minutesPerOccurrence: 1000 + trial }),
        call('staff', 'PATCH', `/tasks/${id}`, { turnaroundHours: 2000 + trial }),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const { task } = await read(id);
      if (task.minutesPerOccurrence !== 1000 + trial) lost++;
      if (task.turnaroundHours !== 2000 + trial) lost++;
      expect(task.version).toBe(3);
    }
    expect(lost, 'edits lost').toBe(0);
  });

  it(`keeps all 11 concurrent single-field PATCHes (${ROUNDS} rounds)`, async () => {
    const id = await newTask('Eleven editors');
    let lost = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const answers = await Promise.all(
        Object.entries(FIELDS).map(([field, value], i) =>
          call(i % 2 ? 'staff' : 'owner', 'PATCH', `/tasks/${id}`, { [field]: value(round) }),
        ),
      );
      expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
      const { task } = await read(id);
      for (const [field, value] of Object.entries(FIELDS)) {
        if (task[field] !== value(round)) lost++;
      }
      expect(task.version).toBe(1 + 11 * (round + 1));
    }
    expect(lost, `writes lost of ${11 * ROUNDS}`).toBe(0);
  });

  it('lets exactly one of two writers of the same version win; the other gets 412 STALE_WRITE', async () => {
    const id = await newTask('Compare and set');
    for (let round = 0; round < 10; round++) {
      const { etag } = await read(id);
      expect(etag).toMatch(/^"v\d+"$/);
      const answers = await Promise.all([
        call('owner', 'PATCH', `/tasks/${id}`, { minutesPerOccurrence: 10 + round }, etag!),
        call('staff', 'PATCH', `/tasks/${id}`, { turnaroundHours: 20 + round }, etag!),
      ]);
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 412]);
      const won = answers.find((r) => r.status === 200)!;
      const refused = answers.find((r) => r.status === 412)!;
      const v = Number(etag!.slice(2, -1));
      expect(won.headers.get('etag')).toBe(`"v${v + 1}"`);
      const body = (await refused.json()) as {
        error: {
          code: string;
          message: string;
          details: { currentVersion: number; current: { version: number } };
        };
      };
      expect(body.error.code).toBe('STALE_WRITE');
      expect(body.error.details.currentVersion).toBe(v + 1);
      expect(body.error.details.current.version).toBe(v + 1);
      expect(body.error.message).toMatch(/changed since you loaded it/);
    }
  });

  it('refuses a stale DELETE and an If-Match that names no version of ours; a PATCH without one still works', async () => {
    const id = await newTask('Delete me');
    const { etag } = await read(id);
    expect((await call('staff', 'PATCH', `/tasks/${id}`, { turnaroundHours: 5 })).status).toBe(200);
    const stale = await call('owner', 'DELETE', `/tasks/${id}`, undefined, etag!);
    expect(stale.status).toBe(412);
    expect((await call('owner', 'PATCH', `/tasks/${id}`, { name: 'x' }, '"abc"')).status).toBe(412);
    expect((await call('owner', 'PATCH', `/tasks/${id}`, { name: 'x' }, '"v1", "v2"')).status).toBe(400);
    const now = await read(id);
    expect(now.task.name).toBe('Delete me');
    expect((await call('owner', 'DELETE', `/tasks/${id}`, undefined, now.etag!)).status).toBe(204);
    expect((await call('owner', 'GET', `/tasks/${id}`)).status).toBe(404);
  });

  it('does not bump the version for an empty PATCH', async () => {
    const id = await newTask('Nothing changes');
    const before = await read(id);
    const res = await call('owner', 'PATCH', `/tasks/${id}`, {}, before.etag!);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(before.etag);
  });
});
