import { describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/helpers/db.ts';
import { parseFormYaml } from '../../synthesis/index.ts';
import { codeOf, larkspur } from './larkspur.test-helpers.ts';

describe.each(testDialects)('forms on %s', (dialect) => {
  it('keeps forms versioned in the YAML the deck reads, and refuses a bad form without changing anything', async () => {
    const { actor, p } = await larkspur(dialect);
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
    expect(before.history.map((v) => v.number)).toEqual([1, 2]);
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
    expect(exported.fileName).toBe('executive-interview-v2.yaml');
    const old = await p.exportFormYaml(actor, before.id, 1);
    expect(parseFormYaml(old.yaml).questions).toHaveLength(1);
    expect(await codeOf(p.exportFormYaml(actor, 'no such form'))).toBe('FORM_NOT_FOUND');
    expect(await codeOf(p.exportFormYaml(actor, before.id, 9))).toBe('FORM_NOT_FOUND');

    const overview = await p.taskOverview(actor, 't-deck');
    expect(overview.forms.map((f) => f.name)).toEqual(['Executive interview']);
    const detached = await p.attachForm(actor, before.id, null);
    expect(detached.taskId).toBeNull();
    const attached = await p.attachForm(actor, 'executive interview', 't-deck');
    expect(attached.taskName).toBe('Build the summary deck');
  });

  it('saves a form edited as data as a new form or its next version, and keeps names unique', async () => {
    const { actor, p } = await larkspur(dialect);
    const q = [{ id: 'a', text: 'One?' }];
    const made = await p.saveForm(actor, null, { title: 'Kick-off', questions: q }, 't-deck');
    expect([made.created, made.form.name, made.form.taskId]).toEqual([true, 'Kick-off', 't-deck']);
    const next = await p.saveForm(actor, made.form.id, {
      title: 'Kick-off',
      questions: [...q, { id: 'b', text: 'Two?' }],
    });
    expect([next.created, next.version.number]).toEqual([false, 2]);
    const other = await p.saveForm(actor, null, { name: 'Wrap-up', title: 'Wrap-up', questions: q });
    expect(
      await codeOf(p.saveForm(actor, other.form.id, { name: 'kick-off', title: 'x', questions: q })),
    ).toBe('FORM_NAME_TAKEN');
    expect(await codeOf(p.saveForm(actor, 'no-such-form', { title: 'x', questions: q }))).toBe(
      'FORM_NOT_FOUND',
    );
  });
});
