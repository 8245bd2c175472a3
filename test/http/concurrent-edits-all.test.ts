/**
 * Lost updates (issue 9, row 5) on every editable resource besides tasks (concurrent-edits.test.ts):
 * members, the economics settings, variants, drafts and their steps, forms. Over a real HTTP server so
 * the requests interleave as in production, on SQLite and PostgreSQL. For each: reads carry the
 * version as ETag; two writers of one version with If-Match → exactly one succeeds and the other gets
 * 412 STALE_WRITE naming the current version, and the winner's change is stored whole; writers
 * without If-Match changing different fields (or adding different steps) both keep their change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMember, aProcess, aStepInput, aTask, aUser, aVariantInput, storeFirm } from '../factories/index.ts';
import { signedInApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

type SignedIn = Awaited<ReturnType<typeof signedInApp>>;

const TRIALS = 12;

interface StaleBody {
  error: { code: string; message: string; details: { currentVersion: number; current: unknown } };
}

describe.each(testDialects)(
  'concurrent edits of members, settings, procedures and forms on %s',
  (dialect) => {
    let app: SignedIn;
    let base: string;
    let taskId: string;
    const cookie: { owner: string; owner2: string; staff: string } = { owner: '', owner2: '', staff: '' };

    beforeAll(async () => {
      app = await signedInApp(dialect);
      const process = aProcess();
      const task = aTask({ processId: process.id });
      taskId = task.id;
      await storeFirm(app.services, app.owner.actor, { members: [], processes: [process], tasks: [task] });
      const staff = await aUser(app.services, app.owner.workspace, 'staff');
      cookie.owner = `outtask_session=${app.cookies.outtask_session}`;
      // The owner signed in a second time (another browser): the settings are the owner's alone.
      cookie.owner2 = `outtask_session=${(await app.login(app.owner.email, app.owner.password)).outtask_session}`;
      cookie.staff = `outtask_session=${(await app.login(staff.email, staff.password)).outtask_session}`;
      base = await app.http.listen({ port: 0, host: '127.0.0.1' });
    });
    afterAll(() => app.close());

    const call = async (
      who: keyof typeof cookie,
      method: string,
      path: string,
      body?: unknown,
      ifMatch?: string | null,
    ) => {
      const res = await fetch(`${base}/api${path}`, {
        method,
        headers: {
          cookie: cookie[who],
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(ifMatch ? { 'if-match': ifMatch } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return {
        status: res.status,
        etag: res.headers.get('etag'),
        body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> & StaleBody,
      };
    };
    type Answer = Awaited<ReturnType<typeof call>>;
    const tag = (v: number) => `"v${v}"`;
    const num = (etag: string | null) => Number(/^"v(\d+)"$/.exec(etag ?? '')?.[1] ?? Number.NaN);

    /** Two writes sent at once with the same If-Match: one wins, the other is refused naming the new version. */
    function expectOneStale(answers: Answer[], read: number, okStatus = 200) {
      expect(answers.map((a) => a.status).sort()).toEqual([okStatus, 412].sort());
      const won = answers.find((a) => a.status === okStatus)!;
      const refused = answers.find((a) => a.status === 412)!;
      expect(num(won.etag)).toBe(read + 1);
      expect(refused.body.error.code).toBe('STALE_WRITE');
      expect(refused.body.error.details.currentVersion).toBe(read + 1);
      expect(refused.body.error.message).toMatch(/changed since you loaded it/);
      return { won: answers.indexOf(won), refused };
    }

    it('members: one of two stale writers is refused; different fields without If-Match both stay', async () => {
      const created = await call('owner', 'POST', '/members', {
        ...aMember(),
        id: undefined,
        version: undefined,
      });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      const list = async () =>
        ((await call('owner', 'GET', '/members')).body as unknown as { id: string; version: number }[]).find(
          (m) => m.id === id,
        )!;
      let lost = 0;
      for (let trial = 0; trial < TRIALS; trial++) {
        const read = (await list()).version;
        const titles = [`Title A${trial}`, `Title B${trial}`];
        const answers = await Promise.all([
          call('owner', 'PATCH', `/members/${id}`, { title: titles[0] }, tag(read)),
          call('staff', 'PATCH', `/members/${id}`, { title: titles[1] }, tag(read)),
        ]);
        const { won, refused } = expectOneStale(answers, read);
        expect((refused.body.error.details.current as { title: string }).title).toBe(titles[won]);
        const now = (await list()) as unknown as { title: string; version: number };
        if (now.title !== titles[won]) lost++;
        // Without If-Match, two people changing different fields both keep theirs.
        const [a, b] = await Promise.all([
          call('owner', 'PATCH', `/members/${id}`, { yearlyCapacityHours: 1000 + trial }),
          call('staff', 'PATCH', `/members/${id}`, { title: `Both ${trial}` }),
        ]);
        expect([a.status, b.status]).toEqual([200, 200]);
        const after = (await list()) as unknown as {
          title: string;
          yearlyCapacityHours: number;
          version: number;
        };
        if (after.yearlyCapacityHours !== 1000 + trial) lost++;
        if (after.title !== `Both ${trial}`) lost++;
        expect(after.version).toBe(read + 3);
      }
      expect(lost, 'member edits lost').toBe(0);
    });

    it('economics settings: ETag on GET; one of two stale owners refused; different fields both stay', async () => {
      let lost = 0;
      for (let trial = 0; trial < TRIALS; trial++) {
        const got = await call('owner', 'GET', '/settings/economics');
        expect(got.status).toBe(200);
        const read = num(got.etag);
        expect(read).toBeGreaterThan(0);
        const fees = [100 + trial, 200 + trial];
        const answers = await Promise.all([
          call('owner', 'PATCH', '/settings/economics', { platformFeeBps: fees[0] }, got.etag),
          call('owner2', 'PATCH', '/settings/economics', { platformFeeBps: fees[1] }, got.etag),
        ]);
        const { won, refused } = expectOneStale(answers, read);
        expect((refused.body.error.details.current as { platformFeeBps: number }).platformFeeBps).toBe(
          fees[won],
        );
        if ((await call('owner', 'GET', '/settings/economics')).body.platformFeeBps !== fees[won]) lost++;
        const [a, b] = await Promise.all([
          call('owner', 'PATCH', '/settings/economics', { platformFeeBps: 300 + trial }),
          call('owner2', 'PATCH', '/settings/economics', { defaultReviewShare: (trial + 1) / 100 }),
        ]);
        expect([a.status, b.status]).toEqual([200, 200]);
        const after = await call('owner', 'GET', '/settings/economics');
        if (after.body.platformFeeBps !== 300 + trial) lost++;
        if (after.body.defaultReviewShare !== (trial + 1) / 100) lost++;
        expect(num(after.etag)).toBe(read + 3);
      }
      expect(lost, 'settings edits lost').toBe(0);
    });

    it('variants: ETag on GET; one of two stale writers refused; a stale DELETE refused', async () => {
      const made = await call('owner', 'POST', `/procedures/tasks/${taskId}/variants`, aVariantInput());
      expect(made.status).toBe(201);
      const id = made.body.id as string;
      let lost = 0;
      for (let trial = 0; trial < TRIALS; trial++) {
        const got = await call('owner', 'GET', `/procedures/variants/${id}`);
        const read = num(got.etag);
        const labels = [`Label A${trial}`, `Label B${trial}`];
        const answers = await Promise.all([
          call('owner', 'PATCH', `/procedures/variants/${id}`, { label: labels[0] }, got.etag),
          call('staff', 'PATCH', `/procedures/variants/${id}`, { label: labels[1] }, got.etag),
        ]);
        const { won } = expectOneStale(answers, read);
        if ((await call('owner', 'GET', `/procedures/variants/${id}`)).body.label !== labels[won]) lost++;
        const [a, b] = await Promise.all([
          call('owner', 'PATCH', `/procedures/variants/${id}`, { label: `Both ${trial}` }),
          call('staff', 'PATCH', `/procedures/variants/${id}`, { notes: `Noted ${trial}` }),
        ]);
        expect([a.status, b.status]).toEqual([200, 200]);
        const after = await call('owner', 'GET', `/procedures/variants/${id}`);
        if (after.body.label !== `Both ${trial}`) lost++;
        if (after.body.notes !== `Noted ${trial}`) lost++;
      }
      expect(lost, 'variant edits lost').toBe(0);
      const got = await call('owner', 'GET', `/procedures/variants/${id}`);
      expect((await call('staff', 'PATCH', `/procedures/variants/${id}`, { notes: 'later' })).status).toBe(
        200,
      );
      expect((await call('owner', 'DELETE', `/procedures/variants/${id}`, undefined, got.etag)).status).toBe(
        412,
      );
      const now = await call('owner', 'GET', `/procedures/variants/${id}`);
      expect(now.body.notes).toBe('later');
      expect((await call('owner', 'DELETE', `/procedures/variants/${id}`, undefined, now.etag)).status).toBe(
        204,
      );
    });

    it('drafts and their steps: one stale writer refused per race; concurrent steps without If-Match all stay', async () => {
      const draft = await call('owner', 'POST', `/procedures/tasks/${taskId}/versions`, {});
      expect(draft.status).toBe(201);
      const url = `/procedures/versions/${draft.body.id as string}`;
      const read = async () => {
        const r = await call('owner', 'GET', url);
        expect(num(r.etag)).toBe((r.body.version as { version: number }).version);
        return r as Answer & {
          body: { version: { steps: { id: string; name: string }[]; purpose: string } };
        };
      };
      let lost = 0;
      for (let trial = 0; trial < TRIALS; trial++) {
        // Two people add a step to the draft they both loaded: one is told the draft moved on.
        const got = await read();
        const v = num(got.etag);
        const names = [`Step A${trial}`, `Step B${trial}`];
        const adds = await Promise.all([
          call('owner', 'POST', `${url}/steps`, aStepInput({ name: names[0] }), got.etag),
          call('staff', 'POST', `${url}/steps`, aStepInput({ name: names[1] }), got.etag),
        ]);
        const { won } = expectOneStale(adds, v, 201);
        let steps = (await read()).body.version.steps.map((s) => s.name);
        if (!steps.includes(names[won]!)) lost++;
        expect(steps).not.toContain(names[1 - won]);
        // Without If-Match both land: the second is applied to the steps as the first left them.
        const both = [`Both A${trial}`, `Both B${trial}`];
        const plain = await Promise.all([
          call('owner', 'POST', `${url}/steps`, aStepInput({ name: both[0] })),
          call('staff', 'POST', `${url}/steps`, aStepInput({ name: both[1] })),
        ]);
        expect(plain.map((a) => a.status)).toEqual([201, 201]);
        steps = (await read()).body.version.steps.map((s) => s.name);
        for (const n of both) if (!steps.includes(n)) lost++;
        // The draft's own fields and a step's change race the same way (one ETag for the draft).
        const again = await read();
        const first = again.body.version.steps[0]!;
        const mixed = await Promise.all([
          call('owner', 'PATCH', url, { purpose: `Purpose ${trial}` }, again.etag),
          call('staff', 'PATCH', `${url}/steps/${first.id}`, { name: `Renamed ${trial}` }, again.etag),
        ]);
        const m = expectOneStale(mixed, num(again.etag));
        const after = (await read()).body.version;
        if (m.won === 0 && after.purpose !== `Purpose ${trial}`) lost++;
        if (m.won === 1 && after.steps[0]!.name !== `Renamed ${trial}`) lost++;
      }
      expect(lost, 'draft edits lost').toBe(0);
      // Approving a draft someone changed since it was read is refused; with the current ETag it goes.
      const got = await read();
      expect((await call('staff', 'POST', `${url}/steps`, aStepInput())).status).toBe(201);
      expect((await call('owner', 'POST', `${url}/approve`, undefined, got.etag)).status).toBe(412);
      expect((await call('owner', 'POST', `${url}/approve`, undefined, (await read()).etag)).status).toBe(
        200,
      );
    });

    it('forms: one of two stale saves refused, so no version is saved over unseen; without If-Match both are kept', async () => {
      const made = await call('owner', 'POST', '/forms', {
        title: 'Concurrent form',
        questions: [{ id: 'q1', text: 'First?' }],
      });
      expect(made.status).toBe(201);
      const id = (made.body.form as { id: string }).id;
      let lost = 0;
      for (let trial = 0; trial < TRIALS; trial++) {
        const got = await call('owner', 'GET', `/forms/${id}`);
        const read = num(got.etag);
        const count = got.body.versions as number;
        const texts = [`A says ${trial}?`, `B says ${trial}?`];
        const answers = await Promise.all(
          texts.map((text, i) =>
            call(
              i ? 'staff' : 'owner',
              'POST',
              `/forms/${id}/versions`,
              {
                title: 'Concurrent form',
                questions: [{ id: 'q1', text }],
              },
              got.etag,
            ),
          ),
        );
        const { won } = expectOneStale(answers, read);
        const now = await call('owner', 'GET', `/forms/${id}`);
        expect(now.body.versions).toBe(count + 1);
        if ((now.body.latest as { questions: { text: string }[] }).questions[0]!.text !== texts[won]) lost++;
        const plain = await Promise.all(
          texts.map((text, i) =>
            call(i ? 'staff' : 'owner', 'POST', `/forms/${id}/versions`, {
              title: 'Concurrent form',
              questions: [{ id: 'q1', text: `${text} again` }],
            }),
          ),
        );
        expect(plain.map((a) => a.status)).toEqual([200, 200]);
        const history = (await call('owner', 'GET', `/forms/${id}`)).body.history as {
          questions: { text: string }[];
        }[];
        for (const t of texts) {
          if (!history.some((h) => h.questions[0]!.text === `${t} again`)) lost++;
        }
      }
      expect(lost, 'form versions lost').toBe(0);
      // Attaching with a stale ETag is refused too.
      const got = await call('owner', 'GET', `/forms/${id}`);
      expect((await call('staff', 'PATCH', `/forms/${id}`, { taskId })).status).toBe(200);
      expect((await call('owner', 'PATCH', `/forms/${id}`, { taskId: null }, got.etag)).status).toBe(412);
      expect((await call('owner', 'GET', `/forms/${id}`)).body.taskId).toBe(taskId);
    });
  },
);
