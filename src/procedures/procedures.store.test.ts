import { describe, expect, it } from 'vitest';
import { freshDb, testDialects } from '../../test/helpers/db.ts';
import { proceduresStore as store } from './procedures.store.ts';
import type { ProcedureVersion, Variant } from './procedures.ts';

const now = '2026-03-02T09:00:00.000Z';

async function seeded(dialect: (typeof testDialects)[number]) {
  const db = await freshDb(dialect);
  const k = db.kysely;
  await k
    .insertInto('workspaces')
    .values({ id: 'w', name: 'W', slug: 'w', currency: 'USD', settings_json: '{}', created_at: now })
    .execute();
  await k
    .insertInto('processes')
    .values({ id: 'p', workspace_id: 'w', name: 'P', description: '', position: 0, created_at: now })
    .execute();
  await k
    .insertInto('tasks')
    .values({
      id: 't',
      workspace_id: 'w',
      process_id: 'p',
      name: 'T',
      description: '',
      performer_id: null,
      frequency_kind: 'per_year',
      occurrences_per_year: 8,
      per_project: null,
      projects_per_year: null,
      minutes_per_occurrence: 60,
      skill_level: 'basic',
      confidentiality: 'internal',
      needs_client_contact: 0,
      known_variants: 3,
      deliverable_unit: 'item',
      units_per_occurrence: 1,
      market_price_minor: null,
      market_currency: null,
      turnaround_hours: 24,
      review_minutes: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return k;
}

describe.each(testDialects)('procedures store on %s', (dialect) => {
  it('round-trips variants, versions with their steps in order, and forms', async () => {
    const k = await seeded(dialect);
    const variant: Variant = {
      id: 'v1',
      taskId: 't',
      memberId: null,
      personName: 'Rachel',
      label: 'Notes “quoted”',
      notes: 'x',
      steps: [{ name: 'Collect', minutes: 7.5, tool: 'Email', inputs: ['a'], outputs: ['b'] }],
      status: 'active',
      retiredAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await store.insertVariant(k, 'w', variant);
    await store.insertVariant(k, 'w', { ...variant, id: 'v2', personName: 'Owen' });
    expect(await store.findVariant(k, 'w', 'v1')).toEqual({ ...variant, version: 1 });
    expect(await store.findVariant(k, 'other', 'v1')).toBeUndefined();
    expect(await store.retireActiveVariants(k, 'w', 't', now)).toBe(2);
    expect(await store.retireActiveVariants(k, 'w', 't', now)).toBe(0);
    expect((await store.listVariants(k, 'w', 't')).map((v) => v.status)).toEqual(['retired', 'retired']);

    await store.insertProcedure(k, 'w', { id: 'p1', taskId: 't', createdAt: now, updatedAt: now });
    const version: ProcedureVersion = {
      id: 'ver1',
      procedureId: 'p1',
      number: 1,
      status: 'draft',
      purpose: 'Why',
      turnaroundHours: 24,
      changeNote: '',
      sourceVariantIds: ['v1', 'v2'],
      basedOnVersionId: null,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
      approvedBy: null,
      approvedAt: null,
      steps: ['B', 'A', 'C'].map((name, i) => ({
        id: `s${name}`,
        key: `k${name}`,
        name,
        description: '',
        performer: { kind: 'role' as const, ref: 'analyst', name: 'Analyst' },
        inputs: [],
        outputs: [`${name} out`],
        tool: '',
        minutes: 10.25 * (i + 1),
        acceptanceCriteria: ['ok'],
        waste: name === 'A' ? { reason: 'habit' } : null,
        mergedFrom: name === 'C' ? ['kX'] : [],
      })),
    };
    await store.insertVersion(k, 'w', version);
    expect(await store.findVersion(k, 'w', 'ver1')).toEqual({ ...version, version: 1 });
    expect(await store.approve(k, 'w', 'ver1', 'u1', now)).toBe(1);
    expect(await store.approve(k, 'w', 'ver1', 'u1', now)).toBe(0);
    expect(await store.updateDraft(k, 'w', { ...version, purpose: 'changed' })).toBe(0);
    expect(await store.deleteDraft(k, 'w', 'ver1')).toBe(0);
    expect((await store.findVersion(k, 'w', 'ver1'))?.purpose).toBe('Why');
    // The database itself refuses negative minutes, whatever the code above it does.
    await expect(
      store.replaceSteps(k, 'w', 'ver1', [{ ...version.steps[0]!, id: 'neg', key: 'neg', minutes: -1 }]),
    ).rejects.toThrow();

    await store.insertForm(k, 'w', {
      id: 'f',
      name: 'Interview',
      procedureId: 'p1',
      createdAt: now,
      updatedAt: now,
    });
    await store.insertFormVersion(k, 'w', {
      id: 'fv1',
      formId: 'f',
      number: 1,
      title: 'Interview',
      questions: [
        { id: 'a', text: 'Why?', hint: 'Listen' },
        { id: 'b', text: 'How?' },
      ],
      sourceFile: 'f.yaml',
      createdBy: null,
      createdAt: now,
    });
    expect((await store.listFormVersions(k, 'w', 'f'))[0]!.questions).toEqual([
      { id: 'a', text: 'Why?', hint: 'Listen' },
      { id: 'b', text: 'How?' },
    ]);
    await expect(
      store.insertForm(k, 'w', {
        id: 'f2',
        name: 'Interview',
        procedureId: null,
        createdAt: now,
        updatedAt: now,
      }),
    ).rejects.toThrow();
  });
});
