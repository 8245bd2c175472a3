import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshDb, testDialects } from '../../test/helpers/db.ts';
import { type AppServices, openApp } from '../main.ts';
import { fixedClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { AppError } from '../platform/errors.ts';
import { sequentialIds } from '../platform/ids.ts';
import { parseFormYaml } from '../synthesis/form.ts';
import type { ProceduresActor } from './procedures.service.ts';

const usd = (dollars: number) => ({ amountMinor: dollars * 100, currency: 'USD' });

async function setup(dialect: (typeof testDialects)[number]) {
  const db = await freshDb(dialect);
  const app: AppServices = await openApp(loadConfig({ OUTTASK_DATA_DIR: '/tmp/outtask-test-unused' }), {
    db,
    clock: fixedClock('2026-03-02T09:00:00Z'),
    newId: sequentialIds('id'),
  });
  const workspace = await app.accounts.createWorkspace({ name: 'Larkspur', currency: 'USD' });
  const actor: ProceduresActor = { workspace, userId: null };
  await app.inventory.insertAll(actor, {
    members: [
      {
        id: 'm-elena',
        name: 'Elena',
        email: null,
        title: 'Founder',
        role: 'founder',
        hourlyCost: usd(420),
        yearlyCapacityHours: 2000,
      },
      {
        id: 'm-aiko',
        name: 'Aiko',
        email: null,
        title: 'Analyst',
        role: 'analyst',
        hourlyCost: usd(80),
        yearlyCapacityHours: 1800,
      },
    ],
    processes: [{ id: 'p1', name: 'Interviews', description: '' }],
    tasks: [
      {
        id: 't-deck',
        processId: 'p1',
        name: 'Build the summary deck',
        description: 'The deck of what the executives said.',
        performerId: 'm-elena',
        frequency: { kind: 'per_project', perProject: 1, projectsPerYear: 8 },
        minutesPerOccurrence: 1800,
        skillLevel: 'intermediate',
        confidentiality: 'confidential',
        needsClientContact: false,
        knownVariants: 13,
        deliverableUnit: 'slide',
        unitsPerOccurrence: 40,
        marketPricePerUnit: usd(11),
        turnaroundHours: 24,
        reviewMinutesPerOccurrence: 180,
      },
    ],
  });
  return { app, actor, p: app.procedures };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
  }
  return 'no error';
}

const vs = (name: string, minutes: number, outputs: string[] = []) => ({
  name,
  minutes,
  tool: '',
  inputs: [],
  outputs,
});

describe.each(testDialects)('procedures service on %s', (dialect) => {
  it('records ways of working, compares them, makes one standard and retires the rest', async () => {
    const { app, actor, p } = await setup(dialect);
    const a = await p.createVariant(actor, 'Build the summary deck', {
      memberId: 'm-elena',
      label: 'Herself',
      steps: [
        vs('Collect notes', 60),
        vs('Find themes', 300),
        vs('Build the slides', 600),
        vs('Format slides', 180),
      ],
    });
    const b = await p.createVariant(actor, 't-deck', {
      personName: 'aiko',
      steps: [
        vs('Gather the notes', 30),
        vs('Type up notes', 240),
        vs('Find the themes', 200),
        vs('Build slides', 400),
      ],
    });
    const c = await p.createVariant(actor, 't-deck', {
      personName: 'Rachel (former manager)',
      steps: [vs('Collect the notes', 45), vs('Group answers into themes', 240), vs('Draft the deck', 500)],
    });
    expect(b.memberId).toBe('m-aiko'); // a member's name links the variant to the member
    expect(c.memberId).toBeNull();

    const cmp = await p.compare(actor, 't-deck');
    expect(cmp.columns.map((x) => [x.label, x.count])).toEqual([
      ['Collect notes', 3],
      ['Type up notes', 1],
      ['Find themes', 3],
      ['Build the slides', 3],
      ['Format slides', 1],
    ]);
    expect(cmp.spread).toEqual({ min: 785, median: 870, max: 1140 });
    expect(cmp.costs[a.id]).toEqual({ amountMinor: 798_000, currency: 'USD' });
    expect(cmp.costs[c.id]).toBeNull();

    const v1 = await p.createStandard(actor, 't-deck', { variantIds: [a.id, b.id, c.id] });
    expect(v1.number).toBe(1);
    expect(v1.status).toBe('draft');
    expect(v1.steps.map((s) => [s.name, s.minutes])).toEqual([
      ['Collect notes', 45],
      ['Find themes', 240],
      ['Build the slides', 500],
    ]);
    expect(v1.steps.every((s) => s.performer.ref === 'm-elena')).toBe(true);

    expect(await p.listVariants(actor, 't-deck')).toEqual([]);
    const retired = await p.listVariants(actor, 't-deck', { includeRetired: true });
    expect(retired.map((v) => v.status)).toEqual(['retired', 'retired', 'retired']);
    expect((await p.getVariant(actor, a.id)).steps).toHaveLength(4);
    expect(await codeOf(p.updateVariant(actor, a.id, { label: 'x' }))).toBe('VARIANT_RETIRED');

    const task = await app.inventory.getTask(actor, 't-deck');
    expect(task.knownVariants).toBe(1);
    expect(task.marketPricePerUnit).toEqual(usd(11)); // nothing else of the task changed
    expect(task.unitsPerOccurrence).toBe(40);

    expect(await codeOf(p.createStandard(actor, 't-deck', { variantIds: [a.id] }))).toBe('DRAFT_EXISTS');
    const progress = await p.progress(actor);
    // The merged steps state no outputs yet: one way, but not yet exact steps.
    expect(progress.byTask['t-deck']).toBe('homogenized');
  });

  it('edits a draft, approves it, and never changes an approved version', async () => {
    const { actor, p } = await setup(dialect);
    const draft = await p.newDraft(actor, 't-deck');
    expect(draft.changeNote).toBe('Written from scratch.');
    const elena = { kind: 'member', ref: 'm-elena', name: '' };
    let v = await p.addStep(actor, draft.id, {
      name: 'Collect notes',
      performer: elena,
      minutes: 60,
      outputs: ['Notes'],
    });
    v = await p.addStep(actor, draft.id, {
      name: 'Type up notes',
      performer: elena,
      minutes: 240,
      outputs: ['Typed notes'],
    });
    v = await p.addStep(actor, draft.id, {
      name: 'Build slides',
      performer: { kind: 'outtasker', name: 'Deck designer' },
      minutes: 480,
      outputs: ['Deck'],
    });
    v = await p.addStep(actor, draft.id, {
      name: 'Format slides',
      performer: { kind: 'outtasker' },
      minutes: 120,
      outputs: ['Formatted deck'],
      position: 3,
    });
    expect(v.steps[0]!.performer.name).toBe('Elena');
    const [collect, typeUp, build, format] = v.steps;
    v = await p.mergeSteps(actor, draft.id, {
      stepIds: [build!.id, format!.id],
      name: 'Build and format the slides',
    });
    expect(v.steps.map((s) => s.name)).toEqual([
      'Collect notes',
      'Type up notes',
      'Build and format the slides',
    ]);
    v = await p.reorderSteps(actor, draft.id, { stepIds: [typeUp!.id, collect!.id, build!.id] });
    v = await p.moveStep(actor, draft.id, collect!.id, 0);
    v = await p.markWaste(actor, draft.id, typeUp!.id, { reason: 'Interviews are recorded now' });

    const view = await p.getVersion(actor, draft.id);
    expect(view.economics.before.minutes).toBe(900);
    expect(view.economics.after.minutes).toBe(660);
    expect(view.economics.saving.perOccurrence).toEqual(usd(1680)); // 4 h × $420
    expect(view.economics.saving.perYear).toEqual(usd(13_440)); // × 8 a year

    const approved = await p.approve(actor, draft.id);
    expect(approved.status).toBe('approved');
    const frozen = await p.getVersion(actor, draft.id);
    for (const attempt of [
      () => p.addStep(actor, draft.id, { name: 'x', performer: elena, minutes: 1 }),
      () => p.updateStep(actor, draft.id, collect!.id, { minutes: 5 }),
      () => p.deleteStep(actor, draft.id, collect!.id),
      () => p.markWaste(actor, draft.id, collect!.id, { reason: 'x' }),
      () => p.clearWaste(actor, draft.id, typeUp!.id),
      () => p.reorderSteps(actor, draft.id, { stepIds: [build!.id, collect!.id, typeUp!.id] }),
      () => p.replaceSteps(actor, draft.id, { steps: [] }),
      () => p.updateVersion(actor, draft.id, { purpose: 'changed' }),
      () => p.approve(actor, draft.id),
      () => p.deleteDraft(actor, draft.id),
    ]) {
      expect(await codeOf(attempt())).toBe('VERSION_APPROVED');
    }
    expect(await p.getVersion(actor, draft.id)).toEqual(frozen);
    expect(await p.getVersion(actor, draft.id).catch(() => null)).not.toBeNull();

    // A change makes a new draft; its steps keep their keys, so the two versions compare step by step.
    const v2 = await p.newDraft(actor, 't-deck');
    expect(v2.number).toBe(2);
    expect(v2.steps.map((s) => s.key)).toEqual(frozen.version.steps.map((s) => s.key));
    await p.clearWaste(actor, v2.id, v2.steps[1]!.id);
    await p.updateStep(actor, v2.id, v2.steps[2]!.id, { minutes: 500 });
    const diff = await p.diff(actor, draft.id, v2.id);
    expect(diff.counts).toEqual({ same: 1, added: 0, removed: 0, changed: 2, moved: 0 });
    expect(diff.minutesAfterWaste).toEqual({ from: 660, to: 800, delta: 140 });
    expect(await codeOf(p.newDraft(actor, 't-deck'))).toBe('DRAFT_EXISTS');

    const list = await p.list(actor);
    expect(list).toHaveLength(1);
    expect(list[0]!.current?.number).toBe(1);
    expect(list[0]!.draft?.number).toBe(2);
  });

  it('refuses bad steps with a clear error and changes nothing', async () => {
    const { actor, p } = await setup(dialect);
    const draft = await p.newDraft(actor, 't-deck');
    const elena = { kind: 'member', ref: 'm-elena', name: 'Elena' };
    await p.replaceSteps(actor, draft.id, {
      steps: [
        { name: 'Collect notes', performer: elena, minutes: 60, outputs: ['Notes'] },
        { name: 'Build slides', performer: elena, minutes: 480, outputs: ['Deck'] },
      ],
    });
    const before = await p.getVersion(actor, draft.id);

    const negative = p.replaceSteps(actor, draft.id, {
      steps: [
        { name: 'Collect notes', performer: elena, minutes: 60 },
        { name: 'Build slides', performer: elena, minutes: -30 },
      ],
    });
    await expect(negative).rejects.toThrow(
      /Step 2 "Build slides": minutes must be 0 or more, got -30\. Nothing was changed\./,
    );
    expect(await codeOf(p.updateStep(actor, draft.id, before.version.steps[0]!.id, { minutes: -1 }))).toBe(
      'STEP_INVALID',
    );
    expect(
      await codeOf(
        p.addStep(actor, draft.id, {
          name: 'Ghost',
          performer: { kind: 'member', ref: 'nobody' },
          minutes: 5,
        }),
      ),
    ).toBe('STEP_INVALID');
    expect(
      await codeOf(
        p.addStep(actor, draft.id, { name: 'Role', performer: { kind: 'role', ref: 'wizard' }, minutes: 5 }),
      ),
    ).toBe('STEP_INVALID');
    expect(await codeOf(p.addStep(actor, draft.id, { name: '', performer: elena, minutes: 5 }))).toBe(
      'STEP_INVALID',
    );
    expect(await codeOf(p.addStep(actor, draft.id, { name: 'x', performer: elena, minutes: '5' }))).toBe(
      'STEP_INVALID',
    );
    expect(await codeOf(p.markWaste(actor, draft.id, before.version.steps[0]!.id, { reason: ' ' }))).toBe(
      'STEP_INVALID',
    );
    expect(
      await codeOf(p.mergeSteps(actor, draft.id, { stepIds: [before.version.steps[0]!.id, 'nope'] })),
    ).toBe('STEP_INVALID');
    expect(await codeOf(p.createVariant(actor, 't-deck', { personName: 'X', steps: [vs('a', -1)] }))).toBe(
      'STEP_INVALID',
    );
    expect(await codeOf(p.getVersion(actor, 'no-such-version'))).toBe('VERSION_NOT_FOUND');
    expect(await codeOf(p.getVariant(actor, 'no-such-variant'))).toBe('VARIANT_NOT_FOUND');

    expect(await p.getVersion(actor, draft.id)).toEqual(before);
    expect(await p.listVariants(actor, 't-deck', { includeRetired: true })).toEqual([]);
  });

  it('keeps forms versioned in the YAML the deck reads, and refuses a bad form without changing anything', async () => {
    const { actor, p } = await setup(dialect);
    const yaml1 =
      'title: Executive interview\nquestions:\n  - id: priorities\n    text: What matters most?\n';
    const first = await p.importFormYaml(actor, {
      text: yaml1,
      file: 'form.yaml',
      taskRef: 'Build the summary deck',
    });
    expect(first.created).toBe(true);
    expect(first.version.number).toBe(1);
    expect(first.form.name).toBe('Executive interview');
    expect(first.form.taskName).toBe('Build the summary deck');

    const again = await p.importFormYaml(actor, { text: yaml1, file: 'form.yaml' });
    expect(again.unchanged).toBe(true);
    expect(again.version.number).toBe(1);

    const yaml2 = `${yaml1}  - id: success\n    text: What does success look like?\n    hint: Three years out.\n`;
    const second = await p.importFormYaml(actor, { text: yaml2, file: 'form.yaml' });
    expect(second.version.number).toBe(2);
    expect(second.form.taskId).toBe('t-deck'); // stays attached

    const before = await p.getForm(actor, 'Executive interview');
    const dup =
      'title: Executive interview\nquestions:\n  - id: a\n    text: One?\n  - id: a\n    text: Two?\n';
    await expect(p.importFormYaml(actor, { text: dup, file: 'dup.yaml' })).rejects.toThrow(
      /dup\.yaml:5: question id "a" is used twice/,
    );
    expect(
      await codeOf(
        p.importFormYaml(actor, { text: 'title: Executive interview\nquestions: []\n', file: 'e.yaml' }),
      ),
    ).toBe('FORM_INVALID');
    expect(await codeOf(p.saveForm(actor, before.id, { title: 'Executive interview', questions: [] }))).toBe(
      'FORM_INVALID',
    );
    expect(await p.getForm(actor, before.id)).toEqual(before);
    expect(await p.listForms(actor)).toHaveLength(1);

    const exported = await p.exportFormYaml(actor, 'executive interview');
    expect(parseFormYaml(exported.yaml)).toEqual(parseFormYaml(yaml2));
    const old = await p.exportFormYaml(actor, before.id, 1);
    expect(parseFormYaml(old.yaml).questions).toHaveLength(1);
    expect(await codeOf(p.exportFormYaml(actor, 'no such form'))).toBe('FORM_NOT_FOUND');

    const overview = await p.taskOverview(actor, 't-deck');
    expect(overview.forms.map((f) => f.name)).toEqual(['Executive interview']);
    const detached = await p.attachForm(actor, before.id, null);
    expect(detached.taskId).toBeNull();
  });

  it('writes the brief of the current version and keeps workspaces apart', async () => {
    const { app, actor, p } = await setup(dialect);
    expect(await codeOf(p.briefForTask(actor, 't-deck', { format: 'md' }))).toBe('PROCEDURE_NOT_FOUND');
    const draft = await p.newDraft(actor, 't-deck');
    await p.replaceSteps(actor, draft.id, {
      steps: [
        {
          name: 'Collect notes',
          performer: { kind: 'member', ref: 'm-aiko' },
          minutes: 60,
          inputs: ['Recordings'],
          outputs: ['Notes'],
        },
        {
          name: 'Build slides',
          performer: { kind: 'outtasker', name: 'Deck designer' },
          minutes: 480,
          inputs: ['Notes'],
          outputs: ['Deck'],
          acceptanceCriteria: ['One slide per theme'],
        },
      ],
    });
    const md = await p.briefForTask(actor, 'Build the summary deck', { format: 'md' });
    expect(md.fileName).toBe('build-the-summary-deck-v1-draft.md');
    const text = md.bytes.toString('utf8');
    expect(text).toContain('Version 1, DRAFT');
    expect(text).toContain('| 2 | Build slides | You (Deck designer) |');
    expect(text).toContain('- [ ] One slide per theme _(step 2)_');
    const docx = await p.briefForTask(actor, 't-deck', { format: 'docx' });
    expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');
    const map = await p.processMap(actor, draft.id);
    expect(map.svg).toContain('Deck designer');

    const other = await app.accounts.createWorkspace({ name: 'Other firm', currency: 'USD' });
    const stranger: ProceduresActor = { workspace: other, userId: null };
    expect(await codeOf(p.getVersion(stranger, draft.id))).toBe('VERSION_NOT_FOUND');
    expect(await p.listForms(stranger)).toEqual([]);
    expect(await p.list(stranger)).toEqual([]);
  });
});

describe('steps from outside input', () => {
  it('either stores a valid step or refuses with a typed error, changing nothing', async () => {
    const { actor, p } = await setup('sqlite');
    const draft = await p.newDraft(actor, 't-deck');
    const performer = fc.oneof(
      fc.record({
        kind: fc.constantFrom('member', 'role', 'outtasker', 'automation', 'robot'),
        ref: fc.option(fc.constantFrom('m-elena', 'analyst', 'x')),
      }),
      fc.anything(),
    );
    const likely = fc.record({
      name: fc.string({ minLength: 0, maxLength: 20 }),
      minutes: fc.integer({ min: -5, max: 500 }),
      performer: fc.constantFrom(
        { kind: 'member', ref: 'm-elena' },
        { kind: 'role', ref: 'analyst' },
        { kind: 'outtasker' },
        { kind: 'automation', name: 'App' },
      ),
      outputs: fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }),
    });
    const body = fc.oneof(
      likely,
      fc.record(
        {
          name: fc.oneof(fc.string({ maxLength: 40 }), fc.integer()),
          minutes: fc.oneof(
            fc.double(),
            fc.integer({ min: -100, max: 200_000 }),
            fc.string({ maxLength: 3 }),
          ),
          performer,
          inputs: fc.oneof(fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }), fc.string()),
          waste: fc.option(fc.record({ reason: fc.string({ maxLength: 10 }) })),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    );
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(body, async (input) => {
        const before = (await p.getVersion(actor, draft.id)).version.steps.length;
        try {
          await p.addStep(actor, draft.id, input);
          stored++;
          const after = (await p.getVersion(actor, draft.id)).version.steps;
          expect(after).toHaveLength(before + 1);
          expect(after.at(-1)!.minutes).toBeGreaterThanOrEqual(0);
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
          expect(['STEP_INVALID']).toContain((e as AppError).code);
          expect((await p.getVersion(actor, draft.id)).version.steps).toHaveLength(before);
        }
      }),
      { numRuns: 150 },
    );
    expect(stored).toBeGreaterThan(0);
  });
});
