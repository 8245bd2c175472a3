/**
 * A few worked situations several tests start from, built with the small factories. Each states
 * its figures, so that a test's expectations can be checked by hand.
 */
import type { AppServices } from '../../src/main.ts';
import type { FactoryActor } from './accounts.ts';
import { aSmallFirm, storeFirm } from './inventory.ts';
import { aFormYaml, aStandardProcedure, aStepInput, aVariantInput, aVariantStep as s } from './procedures.ts';

/**
 * The small firm's summary deck with a history: done three ways (the founder's, the analyst's and
 * Rachel's), merged into an approved version 1 (collect notes 45 min, type up notes 220 min, build the
 * slides 500 min; all by the founder); a draft version 2 that adds a transcription app, marks typing
 * up as waste and hands the slides to an out-tasker ("Deck designer"); and the "Interview form"
 * (questions priorities, technology) attached. `firm` can be extended before it is stored.
 */
export async function aDeckWithHistory(
  app: Pick<AppServices, 'inventory' | 'procedures'>,
  actor: FactoryActor,
  firm = aSmallFirm(),
) {
  await storeFirm(app, actor, firm);
  const p = app.procedures;
  const { variants, version: v1 } = await aStandardProcedure(app, actor, firm.deck.id, {
    variants: [
      aVariantInput({
        memberId: firm.founder.id,
        steps: [
          s('Collect notes', 60, ['Notes']),
          s('Type up notes', 240, ['Typed notes']),
          s('Build the slides', 600, ['Deck']),
        ],
      }),
      aVariantInput({
        memberId: firm.analyst.id,
        steps: [
          s('Gather the notes', 30, ['Notes']),
          s('Type up the notes', 200, ['Typed notes']),
          s('Build slides', 400, ['Deck']),
        ],
      }),
      aVariantInput({
        personName: 'Rachel (former manager)',
        steps: [s('Collect the notes', 45, ['Notes']), s('Draft the deck', 500, ['Deck'])],
      }),
    ],
  });
  const draft = await p.newDraft(actor, firm.deck.id);
  const [, typeUp, build] = draft.steps;
  await p.addStep(actor, draft.id, {
    ...aStepInput({
      name: 'Transcribe the recordings',
      performer: { kind: 'automation', name: 'Transcription app' },
      minutes: 0,
      outputs: ['Notes'],
    }),
    position: 1,
  });
  await p.markWaste(actor, draft.id, typeUp!.id, { reason: 'Interviews are recorded and transcribed now' });
  const v2 = await p.updateStep(actor, draft.id, build!.id, {
    performer: { kind: 'outtasker', ref: null, name: 'Deck designer' },
  });
  const form = await p.importFormYaml(actor, {
    text: aFormYaml({
      title: 'Interview form',
      questions: [
        { id: 'priorities', text: 'What matters most this year?' },
        { id: 'technology', text: 'Where could software change the work?' },
      ],
    }),
    file: 'interview.yaml',
    taskRef: firm.deck.id,
  });
  return { firm, variants, v1, v2, form: form.form };
}
