import { describe, expect, it } from 'vitest';
import { aStepInput } from '../../../test/factories/index.ts';
import { testDialects } from '../../../test/helpers/db.ts';
import type { ProceduresActor } from './context.ts';
import { codeOf, larkspur } from './larkspur.test-helpers.ts';

describe.each(testDialects)('the brief and the map on %s', (dialect) => {
  it('writes the brief of the current version and keeps workspaces apart', async () => {
    const { app, actor, p } = await larkspur(dialect);
    expect(await codeOf(p.briefForTask(actor, 't-deck', { format: 'md' }))).toBe('PROCEDURE_NOT_FOUND');
    const draft = await p.newDraft(actor, 't-deck');
    await p.replaceSteps(actor, draft.id, {
      steps: [
        aStepInput({
          name: 'Collect notes',
          performer: { kind: 'member', ref: 'm-aiko' },
          minutes: 60,
          inputs: ['Recordings'],
          outputs: ['Notes'],
        }),
        aStepInput({
          name: 'Build slides',
          performer: { kind: 'outtasker', name: 'Deck designer' },
          minutes: 480,
          inputs: ['Notes'],
          outputs: ['Deck'],
          acceptanceCriteria: ['One slide per theme'],
        }),
      ],
    });
    const md = await p.briefForTask(actor, 'Build the summary deck', { format: 'md' });
    expect(md.fileName).toBe('build-the-summary-deck-v1-draft.md');
    const text = md.bytes.toString('utf8');
    expect(text).toContain('Version 1, DRAFT');
    expect(text).toContain('| 2 | Build slides | You (Deck designer) |');
    expect(text).toContain('- [ ] One slide per theme _(step 2)_');
    expect(await codeOf(p.briefForTask(actor, 't-deck', { format: 'md', version: 2 }))).toBe(
      'VERSION_NOT_FOUND',
    );
    const docx = await p.briefForTask(actor, 't-deck', { format: 'docx' });
    expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');
    expect((await p.brief(actor, draft.id, 'md')).bytes).toEqual(md.bytes);
    const map = await p.processMap(actor, draft.id);
    expect(map.svg).toContain('Deck designer');
    expect(map.fileName).toBe('build-the-summary-deck-v1-map.svg');

    const other = await app.accounts.createWorkspace({ name: 'Other firm', currency: 'USD' });
    const stranger: ProceduresActor = { workspace: other, userId: null };
    expect(await codeOf(p.getVersion(stranger, draft.id))).toBe('VERSION_NOT_FOUND');
    expect(await p.listForms(stranger)).toEqual([]);
    expect(await p.list(stranger)).toEqual([]);
  });
});
