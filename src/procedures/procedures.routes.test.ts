import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoApp } from '../../test/helpers/app.ts';
import { DEMO_FLAGSHIP_TASK_NAME } from '../inventory/demo-data.ts';
import { parseFormYaml } from '../synthesis/form.ts';

type Demo = Awaited<ReturnType<typeof demoApp>>;

describe('procedures API', () => {
  let app: Demo;
  let flagshipId: string;
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
    app = await demoApp('sqlite'); // the demo includes the flagship's variants, procedure and form
    const tasks = (await get('/api/tasks')).json() as { id: string; name: string }[];
    flagshipId = tasks.find((t) => t.name === DEMO_FLAGSHIP_TASK_NAME)!.id;
  });
  afterAll(() => app.close());

  it('shows the demo task: 13 ways compared, an approved standard, a draft with waste, the interview form', async () => {
    const o = (await get(`/api/procedures/tasks/${flagshipId}`)).json();
    expect(o.variants).toHaveLength(13);
    expect(o.variants.every((v: { status: string }) => v.status === 'retired')).toBe(true);
    expect(o.versions.map((v: { number: number; status: string }) => `${v.number} ${v.status}`)).toEqual([
      '1 approved',
      '2 draft',
    ]);
    expect(o.forms[0].name).toBe('Executive interview form');
    expect(o.progress.stage).toBe('deconstructed');

    const cmp = (
      await get(
        `/api/procedures/tasks/${encodeURIComponent(DEMO_FLAGSHIP_TASK_NAME)}/comparison?includeRetired=true`,
      )
    ).json();
    expect(cmp.variants).toHaveLength(13);
    expect(cmp.columns).toHaveLength(14);
    expect(cmp.spread.min).toBeLessThan(cmp.spread.max);

    const draft = o.versions[1];
    const v = (await get(`/api/procedures/versions/${draft.id}`)).json();
    expect(v.economics.saving.minutesPerOccurrence).toBe(240);
    expect(v.version.steps.some((s: { waste: unknown }) => s.waste)).toBe(true);

    const map = await get(`/api/procedures/versions/${draft.id}/map.svg`);
    expect(map.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(map.body).toContain('WASTE');

    const diff = (await get(`/api/procedures/versions/${draft.id}/diff?from=${o.versions[0].id}`)).json();
    expect(diff.counts.added).toBe(1);
    expect(diff.minutesAfterWaste.delta).toBe(-240);
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
    const tasks = (await get('/api/tasks')).json() as { id: string; name: string }[];
    const task = tasks.find((t) => t.name === 'Schedule executive interviews')!;
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
    const ws = app.demo.workspace;
    await app.services.accounts.upsertUser({
      email: 'fay@example.com',
      name: 'Fay',
      password: 'freelancer-pass-1',
      workspaceId: ws.id,
      role: 'outtasker',
    });
    await app.services.accounts.upsertUser({
      email: 'sam@example.com',
      name: 'Sam',
      password: 'staff-pass-123',
      workspaceId: ws.id,
      role: 'staff',
    });
    const outtasker = await app.login('fay@example.com', 'freelancer-pass-1');
    const staff = await app.login('sam@example.com', 'staff-pass-123');
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
    expect(DEMO_PASSWORD).toBeTruthy();
  });
});
