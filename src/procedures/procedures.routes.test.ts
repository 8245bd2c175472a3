import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aDeckWithHistory,
  aSmallFirm,
  aStepInput,
  aTask,
  aUser,
  aVariantInput,
  aVariantStep,
} from '../../test/factories/index.ts';
import { signedInApp } from '../../test/helpers/app.ts';
import { parseFormYaml } from '../synthesis/form.ts';

type SignedIn = Awaited<ReturnType<typeof signedInApp>>;

/**
 * The deck with its history (test/factories/scenarios.ts); a scheduling task with three ways and no
 * standard yet; a transcription task whose approved procedure is automated.
 */
async function seed(app: SignedIn) {
  const firm = aSmallFirm();
  const scheduling = aTask({ processId: firm.process.id, name: 'Schedule interviews' });
  const transcription = aTask({ processId: firm.process.id, name: 'Transcribe recordings' });
  firm.tasks.push(scheduling, transcription);
  const { actor } = app.owner;
  const p = app.services.procedures;
  const s = aVariantStep;
  await aDeckWithHistory(app.services, actor, firm);

  for (const person of ['Sofia', 'Janet', 'Liam']) {
    await p.createVariant(
      actor,
      scheduling.id,
      aVariantInput({
        personName: person,
        steps: [s('Agree a slot', 15, ['Agreed slot']), s('Send the calendar invitation', 5, ['Invitation'])],
      }),
    );
  }

  const t1 = await p.newDraft(actor, transcription.id);
  const me = { kind: 'member' as const, ref: firm.analyst.id, name: '' };
  await p.replaceSteps(actor, t1.id, {
    steps: [
      aStepInput({ name: 'Upload the recording', performer: me, minutes: 5, outputs: ['Recording'] }),
      aStepInput({
        name: 'Type the interview word for word',
        performer: me,
        minutes: 110,
        outputs: ['Transcript'],
        waste: { reason: 'The app writes the transcript' },
      }),
      aStepInput({
        name: 'Transcribe the recording',
        performer: { kind: 'automation', name: 'Transcription app' },
        minutes: 0,
        outputs: ['Transcript'],
      }),
      aStepInput({
        name: 'Check names and numbers',
        performer: me,
        minutes: 15,
        outputs: ['Checked transcript'],
      }),
    ],
  });
  await p.approve(actor, t1.id);
  return { firm, scheduling };
}

describe('procedures API', () => {
  let app: SignedIn;
  let flagshipId: string;
  let flagshipName: string;
  let schedulingId: string;
  const get = (url: string, cookies = app.cookies) => app.http.inject({ method: 'GET', url, cookies });
  const send = (
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    cookies = app.cookies,
  ) =>
    app.http.inject({
      method,
      url,
      cookies,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    app = await signedInApp('sqlite');
    const seeded = await seed(app);
    flagshipId = seeded.firm.deck.id;
    flagshipName = seeded.firm.deck.name;
    schedulingId = seeded.scheduling.id;
  });
  afterAll(() => app.close());

  it('shows a task: its ways compared, an approved standard, a draft with waste, the interview form', async () => {
    const o = (await get(`/api/procedures/tasks/${flagshipId}`)).json();
    expect(o.variants).toHaveLength(3);
    expect(o.variants.every((v: { status: string }) => v.status === 'retired')).toBe(true);
    expect(o.versions.map((v: { number: number; status: string }) => `${v.number} ${v.status}`)).toEqual([
      '1 approved',
      '2 draft',
    ]);
    expect(o.forms[0].name).toBe('Interview form');
    expect(o.progress.stage).toBe('deconstructed');

    const cmp = (
      await get(`/api/procedures/tasks/${encodeURIComponent(flagshipName)}/comparison?includeRetired=true`)
    ).json();
    expect(cmp.variants).toHaveLength(3);
    // Notes, typing up, the deck: the three ways share the first and the last.
    expect(cmp.columns.map((c: { count: number }) => c.count)).toEqual([3, 2, 3]);
    expect(cmp.spread.min).toBeLessThan(cmp.spread.max);

    const draft = o.versions[1];
    const v = (await get(`/api/procedures/versions/${draft.id}`)).json();
    // Typing up is waste: the median of 240 and 200 minutes saved every time.
    expect(v.economics.saving.minutesPerOccurrence).toBe(220);
    expect(v.version.steps.some((s: { waste: unknown }) => s.waste)).toBe(true);

    const map = await get(`/api/procedures/versions/${draft.id}/map.svg`);
    expect(map.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(map.body).toContain('WASTE');

    const diff = (await get(`/api/procedures/versions/${draft.id}/diff?from=${o.versions[0].id}`)).json();
    expect(diff.counts.added).toBe(1);
    expect(diff.minutesAfterWaste.delta).toBe(-220);
  });

  it('reports progress per task and counts per step of the method', async () => {
    const r = (await get('/api/procedures/progress')).json();
    expect(r.stages).toEqual([
      'consolidated',
      'homogenized',
      'deconstructed',
      'edited',
      'automated',
      'outtasked',
    ]);
    expect(r.byTask[flagshipId]).toBe('deconstructed');
    const total = Object.values(r.counts as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(total).toBe(Object.keys(r.byTask).length);
    expect(r.counts.automated).toBe(1);
  });

  it('approves the draft, which then refuses every change with 409 and stays as it was', async () => {
    const o = (await get(`/api/procedures/tasks/${flagshipId}`)).json();
    const draftId = o.draftVersionId as string;
    const approve = await send('POST', `/api/procedures/versions/${draftId}/approve`);
    expect(approve.statusCode).toBe(200);
    const before = (await get(`/api/procedures/versions/${draftId}`)).body;
    const stepId = (JSON.parse(before).version.steps[0] as { id: string }).id;
    for (const [method, url, body] of [
      ['PATCH', `/api/procedures/versions/${draftId}/steps/${stepId}`, { minutes: 1 }],
      ['POST', `/api/procedures/versions/${draftId}/steps/${stepId}/waste`, { reason: 'x' }],
      ['PUT', `/api/procedures/versions/${draftId}/steps`, { steps: [] }],
      ['PATCH', `/api/procedures/versions/${draftId}`, { purpose: 'x' }],
      ['DELETE', `/api/procedures/versions/${draftId}`, undefined],
    ] as const) {
      const r = await send(method, url, body);
      expect(r.statusCode, `${method} ${url}`).toBe(409);
      expect(r.json().error.code).toBe('VERSION_APPROVED');
    }
    expect((await get(`/api/procedures/versions/${draftId}`)).body).toBe(before);
    const progress = (await get('/api/procedures/progress')).json();
    expect(progress.byTask[flagshipId]).toBe('outtasked');

    const md = await get(`/api/procedures/tasks/${flagshipId}/brief?format=md`);
    expect(md.headers['content-disposition']).toContain('-v2.md');
    expect(md.body).toContain('You (Deck designer)');
    const docx = await get(`/api/procedures/versions/${draftId}/brief?format=docx`);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a negative step and a bad form with 400, changing nothing', async () => {
    const draft = await send('POST', `/api/procedures/tasks/${flagshipId}/versions`, {});
    expect(draft.statusCode).toBe(201);
    const id = draft.json().id as string;
    const before = (await get(`/api/procedures/versions/${id}`)).body;
    const bad = await send('POST', `/api/procedures/versions/${id}/steps`, {
      name: 'Negative',
      performer: { kind: 'automation' },
      minutes: -5,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('STEP_INVALID');
    expect(bad.json().error.message).toMatch(/minutes must be 0 or more, got -5/);
    expect((await get(`/api/procedures/versions/${id}`)).body).toBe(before);

    const formsBefore = (await get('/api/forms')).body;
    const dup = await app.http.inject({
      method: 'POST',
      url: '/api/forms/import?file=dup.yaml',
      cookies: app.cookies,
      headers: { 'content-type': 'application/yaml' },
      payload: 'title: X\nquestions:\n  - id: a\n    text: A?\n  - id: a\n    text: B?\n',
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error).toMatchObject({ code: 'FORM_INVALID' });
    expect(dup.json().error.message).toMatch(/dup\.yaml:5/);
    const empty = await app.http.inject({
      method: 'POST',
      url: '/api/forms/import',
      cookies: app.cookies,
      headers: { 'content-type': 'text/plain' },
      payload: 'title: X\nquestions: []\n',
    });
    expect(empty.statusCode).toBe(400);
    expect((await get('/api/forms')).body).toBe(formsBefore);
  });

  it('exports the interview form as the YAML the deck reads', async () => {
    const forms = (await get('/api/forms')).json() as { id: string; name: string }[];
    const r = await get(`/api/forms/${forms[0]!.id}/export.yaml`);
    expect(r.statusCode).toBe(200);
    const form = parseFormYaml(r.body);
    expect(form.questions.map((q) => q.id)).toContain('technology');
  });

  it('records two variants and merges them into a standard over HTTP', async () => {
    const task = { id: schedulingId };
    const list = (await get(`/api/procedures/tasks/${task.id}/variants`)).json() as { id: string }[];
    expect(list).toHaveLength(3);
    const created = await send('POST', `/api/procedures/tasks/${task.id}/variants`, {
      personName: 'Grace Whitfield',
      steps: [{ name: 'Send the calendar invitation', minutes: 5, outputs: ['Invitation'] }],
    });
    expect(created.statusCode).toBe(201);
    const std = await send('POST', `/api/procedures/tasks/${task.id}/standard`, {
      variantIds: [list[0]!.id, list[1]!.id],
    });
    expect(std.statusCode).toBe(201);
    expect(std.json().steps.map((s: { name: string }) => s.name)).toContain('Send the calendar invitation');
    expect((await get(`/api/procedures/tasks/${task.id}/variants`)).json()).toEqual([]);
  });

  it('lets staff edit and shows out-taskers nothing', async () => {
    const fay = await aUser(app.services, app.owner.workspace, 'outtasker');
    const sam = await aUser(app.services, app.owner.workspace, 'staff');
    const outtasker = await app.login(fay.email, fay.password);
    const staff = await app.login(sam.email, sam.password);
    for (const url of [
      '/api/procedures',
      '/api/procedures/progress',
      '/api/forms',
      `/api/procedures/tasks/${flagshipId}`,
    ]) {
      const r = await get(url, outtasker);
      expect(r.statusCode, url).toBe(403);
    }
    expect((await get('/api/procedures', staff)).statusCode).toBe(200);
    const doc = (await get('/api/docs/json')).json() as {
      paths: Record<string, Record<string, { tags?: string[]; 'x-policy'?: string }>>;
    };
    const op = doc.paths['/api/procedures/versions/{id}/approve']?.post;
    expect(op?.tags).toEqual(['procedures']);
    expect(op?.['x-policy']).toBe('owner|staff');
  });
});
