/**
 * The showcase, as someone opening the demo sees it: the flagship ranks first, its 13 ways compare
 * into 14 steps, an approved standard and a draft that cuts waste, the interview form, and neighboring
 * tasks at other steps of the method. Only the demo's own tests know these names and figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoApp } from '../../test/helpers/app.ts';
import { parseFormYaml } from '../synthesis/form.ts';
import { DEMO_FLAGSHIP_TASK_NAME } from './demo-firm.ts';
import { DEMO_FORM_YAML_V2 } from './demo-forms.ts';

type Demo = Awaited<ReturnType<typeof demoApp>>;

describe('the demo workspace', () => {
  let app: Demo;
  let flagshipId: string;
  const get = (url: string) => app.http.inject({ method: 'GET', url, cookies: app.cookies });

  beforeAll(async () => {
    app = await demoApp('sqlite');
    const tasks = (await get('/api/tasks')).json() as { id: string; name: string }[];
    flagshipId = tasks.find((t) => t.name === DEMO_FLAGSHIP_TASK_NAME)!.id;
  });
  afterAll(() => app.close());

  it('signs its owner in with the password given, and ranks the flagship first', async () => {
    expect(app.demo.workspace.name).toBe('Larkspur Advisory');
    await app.login(app.demo.email, DEMO_PASSWORD);
    const ranking = (await get('/api/opportunities?top=3')).json() as {
      opportunities: { name: string; rank: number }[];
    };
    expect(ranking.opportunities[0]).toMatchObject({ name: DEMO_FLAGSHIP_TASK_NAME, rank: 1 });
  });

  it('shows the flagship: 13 ways compared, an approved standard, a draft with waste, the interview form', async () => {
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
    expect((await get(`/api/procedures/versions/${draft.id}/map.svg`)).body).toContain('WASTE');

    const diff = (await get(`/api/procedures/versions/${draft.id}/diff?from=${o.versions[0].id}`)).json();
    expect(diff.counts.added).toBe(1);
    expect(diff.minutesAfterWaste.delta).toBe(-240);
  });

  it('has neighboring tasks at other steps of the method, and the revised interview form', async () => {
    const r = (await get('/api/procedures/progress')).json();
    expect(r.byTask[flagshipId]).toBe('deconstructed');
    expect(r.counts.automated).toBe(1);
    expect(r.counts.homogenized + r.counts.consolidated).toBeGreaterThan(50);

    const forms = (await get('/api/forms')).json() as { id: string; latest: { number: number } }[];
    expect(forms).toHaveLength(1);
    expect(forms[0]!.latest.number).toBe(2);
    const yaml = (await get(`/api/forms/${forms[0]!.id}/export.yaml`)).body;
    expect(parseFormYaml(yaml)).toEqual(parseFormYaml(DEMO_FORM_YAML_V2));
    expect(parseFormYaml(yaml).questions).toHaveLength(8);
  });
});
