import { describe, expect, it } from 'vitest';
import { aVariantInput } from '../../../test/factories/index.ts';
import { testDialects } from '../../../test/helpers/db.ts';
import { codeOf, larkspur, usd, vs } from './larkspur.test-helpers.ts';

describe.each(testDialects)('recording ways and making the standard on %s', (dialect) => {
  it('records ways of working, compares them, makes one standard and retires the rest', async () => {
    const { app, actor, p } = await larkspur(dialect);
    const a = await p.createVariant(
      actor,
      'Build the summary deck',
      aVariantInput({
        memberId: 'm-elena',
        label: 'Herself',
        steps: [
          vs('Collect notes', 60),
          vs('Find themes', 300),
          vs('Build the slides', 600),
          vs('Format slides', 180),
        ],
      }),
    );
    const b = await p.createVariant(
      actor,
      't-deck',
      aVariantInput({
        personName: 'aiko',
        steps: [
          vs('Gather the notes', 30),
          vs('Type up notes', 240),
          vs('Find the themes', 200),
          vs('Build slides', 400),
        ],
      }),
    );
    const c = await p.createVariant(
      actor,
      't-deck',
      aVariantInput({
        personName: 'Rachel (former manager)',
        steps: [vs('Collect the notes', 45), vs('Group answers into themes', 240), vs('Draft the deck', 500)],
      }),
    );
    expect(a.personName).toBe('Elena');
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
    expect(await codeOf(p.deleteVariant(actor, a.id))).toBe('VARIANT_RETIRED');

    const task = await app.inventory.getTask(actor, 't-deck');
    expect(task.knownVariants).toBe(1);
    expect(task.marketPricePerUnit).toEqual(usd(11)); // nothing else of the task changed
    expect(task.unitsPerOccurrence).toBe(40);

    expect(await codeOf(p.createStandard(actor, 't-deck', { variantIds: [a.id] }))).toBe('DRAFT_EXISTS');
    const progress = await p.progress(actor);
    // The merged steps state no outputs yet: one way, but not yet exact steps.
    expect(progress.byTask['t-deck']).toBe('homogenized');
  });

  it('changes and deletes an active way, and refuses a variant that is not there', async () => {
    const { actor, p } = await larkspur(dialect);
    const a = await p.createVariant(
      actor,
      't-deck',
      aVariantInput({ personName: 'Rachel', steps: [vs('A', 5)] }),
    );
    const changed = await p.updateVariant(actor, a.id, {
      personName: 'Elena',
      steps: [vs('A', 5), vs('B', 7)],
    });
    expect(changed.memberId).toBe('m-elena');
    expect((await p.getVariant(actor, a.id)).steps.map((s) => s.name)).toEqual(['A', 'B']);
    expect(await codeOf(p.updateVariant(actor, a.id, { memberId: 'nobody' }))).toBe('MEMBER_NOT_FOUND');
    expect(await codeOf(p.createVariant(actor, 't-deck', aVariantInput({ personName: ' ' })))).toBe(
      'VALIDATION_FAILED',
    );
    await p.deleteVariant(actor, a.id);
    expect(await codeOf(p.getVariant(actor, a.id))).toBe('VARIANT_NOT_FOUND');
    expect(await codeOf(p.createStandard(actor, 't-deck', { variantIds: [a.id] }))).toBe('VARIANT_NOT_FOUND');
    expect(await codeOf(p.compare(actor, 't-deck', { variantIds: [a.id] }))).toBe('VARIANT_NOT_FOUND');
  });
});
