import { describe, expect, it } from 'vitest';
import { aStepInput, aVariantInput } from '../../../test/factories/index.ts';
import { testDialects } from '../../../test/helpers/db.ts';
import { codeOf, elena, larkspur, usd, vs } from './larkspur.test-helpers.ts';

describe.each(testDialects)("editing a draft's steps on %s", (dialect) => {
  it('edits a draft, approves it, and never changes an approved version', async () => {
    const { actor, p } = await larkspur(dialect);
    const draft = await p.newDraft(actor, 't-deck');
    expect(draft.changeNote).toBe('Written from scratch.');
    let v = await p.addStep(
      actor,
      draft.id,
      aStepInput({ name: 'Collect notes', performer: elena, minutes: 60, outputs: ['Notes'] }),
    );
    v = await p.addStep(
      actor,
      draft.id,
      aStepInput({ name: 'Type up notes', performer: elena, minutes: 240, outputs: ['Typed notes'] }),
    );
    v = await p.addStep(
      actor,
      draft.id,
      aStepInput({
        name: 'Build slides',
        performer: { kind: 'outtasker', name: 'Deck designer' },
        minutes: 480,
        outputs: ['Deck'],
      }),
    );
    v = await p.addStep(actor, draft.id, {
      ...aStepInput({
        name: 'Format slides',
        performer: { kind: 'outtasker' },
        minutes: 120,
        outputs: ['Formatted deck'],
      }),
      position: 3,
    });
    expect(v.steps[0]!.performer.name).toBe('Elena');
    expect(v.steps[3]!.performer.name).toBe('Out-tasker');
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
    expect(v.steps.map((s) => s.name)[0]).toBe('Type up notes');
    v = await p.moveStep(actor, draft.id, collect!.id, 0);
    v = await p.markWaste(actor, draft.id, typeUp!.id, { reason: 'Interviews are recorded now' });

    const view = await p.getVersion(actor, draft.id);
    expect(view.economics.before.minutes).toBe(900);
    expect(view.economics.after.minutes).toBe(660);
    expect(view.economics.saving.perOccurrence).toEqual(usd(1680)); // 4 h × $420
    expect(view.economics.saving.perYear).toEqual(usd(13_440)); // × 8 a year
    expect(await p.economics(actor, draft.id)).toEqual(view.economics);

    const approved = await p.approve(actor, draft.id);
    expect(approved.status).toBe('approved');
    const frozen = await p.getVersion(actor, draft.id);
    for (const attempt of [
      () => p.addStep(actor, draft.id, aStepInput({ name: 'x', performer: elena, minutes: 1 })),
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

    // A change makes a new draft; its steps keep their keys, so the two versions compare step by step.
    const v2 = await p.newDraft(actor, 't-deck');
    expect(v2.number).toBe(2);
    expect(v2.changeNote).toBe('Started from version 1.');
    expect(v2.steps.map((s) => s.key)).toEqual(frozen.version.steps.map((s) => s.key));
    await p.clearWaste(actor, v2.id, v2.steps[1]!.id);
    await p.updateStep(actor, v2.id, v2.steps[2]!.id, { minutes: 500 });
    const updated = await p.updateVersion(actor, v2.id, { purpose: ' Faster decks ', turnaroundHours: 12 });
    expect([updated.purpose, updated.turnaroundHours]).toEqual(['Faster decks', 12]);
    const diff = await p.diff(actor, draft.id, v2.id);
    expect(diff.counts).toEqual({ same: 1, added: 0, removed: 0, changed: 2, moved: 0 });
    expect(diff.minutesAfterWaste).toEqual({ from: 660, to: 800, delta: 140 });
    expect(await codeOf(p.newDraft(actor, 't-deck'))).toBe('DRAFT_EXISTS');

    const list = await p.list(actor);
    expect(list).toHaveLength(1);
    expect(list[0]!.current?.number).toBe(1);
    expect(list[0]!.draft?.number).toBe(2);
    expect(list[0]!.economics?.version.number).toBe(2);

    await p.deleteDraft(actor, v2.id);
    expect(await codeOf(p.getVersion(actor, v2.id))).toBe('VERSION_NOT_FOUND');
  });

  it('refuses bad steps with a clear error and changes nothing', async () => {
    const { actor, p } = await larkspur(dialect);
    const draft = await p.newDraft(actor, 't-deck');
    const named = { ...elena, name: 'Elena' };
    await p.replaceSteps(actor, draft.id, {
      steps: [
        aStepInput({ name: 'Collect notes', performer: named, minutes: 60, outputs: ['Notes'] }),
        aStepInput({ name: 'Build slides', performer: named, minutes: 480, outputs: ['Deck'] }),
      ],
    });
    const before = await p.getVersion(actor, draft.id);

    const negative = p.replaceSteps(actor, draft.id, {
      steps: [
        aStepInput({ name: 'Collect notes', performer: named, minutes: 60 }),
        aStepInput({ name: 'Build slides', performer: named, minutes: -30 }),
      ],
    });
    await expect(negative).rejects.toThrow(
      /Step 2 "Build slides": minutes must be 0 or more, got -30\. Nothing was changed\./,
    );
    expect(await codeOf(p.updateStep(actor, draft.id, before.version.steps[0]!.id, { minutes: -1 }))).toBe(
      'STEP_INVALID',
    );
    const ghost = aStepInput({ name: 'Ghost', performer: { kind: 'member', ref: 'nobody' }, minutes: 5 });
    expect(await codeOf(p.addStep(actor, draft.id, ghost))).toBe('STEP_INVALID');
    const wizard = aStepInput({ name: 'Role', performer: { kind: 'role', ref: 'wizard' }, minutes: 5 });
    expect(await codeOf(p.addStep(actor, draft.id, wizard))).toBe('STEP_INVALID');
    expect(
      await codeOf(p.addStep(actor, draft.id, aStepInput({ name: '', performer: named, minutes: 5 }))),
    ).toBe('STEP_INVALID');
    expect(await codeOf(p.markWaste(actor, draft.id, before.version.steps[0]!.id, { reason: ' ' }))).toBe(
      'STEP_INVALID',
    );
    expect(
      await codeOf(p.mergeSteps(actor, draft.id, { stepIds: [before.version.steps[0]!.id, 'nope'] })),
    ).toBe('STEP_INVALID');
    expect(
      await codeOf(
        p.createVariant(actor, 't-deck', aVariantInput({ personName: 'X', steps: [vs('a', -1)] })),
      ),
    ).toBe('STEP_INVALID');
    expect(await codeOf(p.getVersion(actor, 'no-such-version'))).toBe('VERSION_NOT_FOUND');
    expect(await codeOf(p.getVariant(actor, 'no-such-variant'))).toBe('VARIANT_NOT_FOUND');
    expect(await codeOf(p.newDraft(actor, 't-deck'))).toBe('DRAFT_EXISTS'); // one draft at a time

    expect(await p.getVersion(actor, draft.id)).toEqual(before);
    expect(await p.listVariants(actor, 't-deck', { includeRetired: true })).toEqual([]);
  });
});
