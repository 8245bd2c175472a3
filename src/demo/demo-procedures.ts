/**
 * The demo workspace's steps 2–4: the flagship task ("Build the executive interview summary deck")
 * done 13 ways by 13 people, its standard procedure (approved version 1, and a draft version 2 that
 * cuts waste and hands the slides to an out-tasker), the executive-interview form, and a few
 * neighboring tasks at other steps of the method. Invented data, written through the service so
 * that it obeys the same rules as anything a user records; like a route, it parses what it sends
 * with the edge's zod schemas first.
 *
 * Kept in one file: one story told in order — the flagship's ways, its standard and its next draft,
 * then the neighboring tasks — written through the edge schemas.
 */
import type { InventoryService } from '../inventory/index.ts';
import {
  type ProceduresActor,
  type ProceduresService,
  StandardInput,
  type Step,
  StepsInput,
  VariantInput,
  VersionPatch,
  WasteInput,
} from '../procedures/index.ts';
import { DEMO_FORM_YAML_V1, DEMO_FORM_YAML_V2 } from './demo-forms.ts';
import { FLAGSHIP_VARIANTS, variantStep as v } from './flagship-variants.ts';

/**
 * What the firm wrote while deconstructing the task, keyed by the step's output: a clear name,
 * a description and acceptance criteria, and who does it.
 */
const DETAIL: Record<
  string,
  { name: string; who: 'analyst' | 'founder' | 'partner'; description: string; acceptance: string[] }
> = {
  'Notes from every interview': {
    name: 'Collect the interview notes',
    who: 'analyst',
    description:
      'Put the notes of every interview of the project into the project folder, one file per interview.',
    acceptance: [
      'One file per interview, named with the interview number',
      'No interview of the schedule missing',
    ],
  },
  'Typed notes': {
    name: 'Type up the handwritten notes',
    who: 'analyst',
    description: 'Type the handwritten or notebook notes into the interview file.',
    acceptance: ['Every page typed'],
  },
  'Answers by question': {
    name: 'Sort the answers by question',
    who: 'founder',
    description: 'File every answer under the interview-form question it answers.',
    acceptance: ['Every answer sits under one question of the interview form'],
  },
  'Themes per question': {
    name: 'Find the themes per question',
    who: 'founder',
    description: 'For each question, group the answers into themes named as short statements.',
    acceptance: [
      'Each theme is a short statement, not a keyword',
      'Every answer belongs to a theme or to "other"',
    ],
  },
  'Theme counts': {
    name: 'Count how many raised each theme',
    who: 'founder',
    description: 'Count the interviewees who raised each theme.',
    acceptance: ['Counts add up to no more than the number of interviews per question'],
  },
  'Quotes per theme': {
    name: 'Pick representative quotes',
    who: 'founder',
    description: 'Choose two or three quotes per theme, in the interviewee’s words, cleaned of filler words.',
    acceptance: ['Two or three quotes per theme', 'Quotes are anonymized: role, never name'],
  },
  Storyline: {
    name: 'Write the storyline',
    who: 'founder',
    description: 'One sentence per slide, in order: the summary, then one section per question.',
    acceptance: ['The storyline fits on one page'],
  },
  'Draft deck': {
    name: 'Build the slides',
    who: 'founder',
    description: 'One slide per theme with the count chart and the quotes; the summary slide first.',
    acceptance: [
      'One slide per theme, with how many raised it',
      'Agreement and disagreement between executives are visible',
      'Every number traces to the coding sheet',
    ],
  },
  'Formatted deck': {
    name: 'Format to the house template',
    who: 'founder',
    description: 'Apply the firm’s PowerPoint template: fonts, colors, footers, slide numbers.',
    acceptance: ['Only template layouts are used', 'No text overflows its box'],
  },
  'Review comments': {
    name: 'Partner review',
    who: 'partner',
    description: 'The partner reads the deck and marks what to change.',
    acceptance: ['Comments written on the slides'],
  },
  'Final deck': {
    name: 'Revise after review',
    who: 'founder',
    description: 'Make the partner’s changes and check the deck once more.',
    acceptance: ['Every review comment resolved'],
  },
};

async function flagship(
  procedures: ProceduresService,
  inventory: InventoryService,
  actor: ProceduresActor,
  taskName: string,
): Promise<void> {
  const task = await inventory.resolveTask(actor, taskName);
  const members = await inventory.listMembers(actor);
  const memberId = (name: string) => members.find((m) => m.name === name)?.id ?? null;
  const variants = [];
  for (const d of FLAGSHIP_VARIANTS) {
    variants.push(
      await procedures.createVariant(
        actor,
        task.id,
        VariantInput.parse({
          memberId: memberId(d.person),
          personName: d.person,
          label: d.label,
          notes: d.notes,
          steps: d.steps,
        }),
      ),
    );
  }

  // The standard: what most people do, plus typing up the notes, which everyone still needed then.
  const comparison = await procedures.compare(actor, task.id);
  const keep = comparison.columns
    .filter((c) => c.count * 2 >= comparison.variants.length || c.outputs.includes('Typed notes'))
    .map((c) => c.index);
  const v1 = await procedures.createStandard(
    actor,
    task.id,
    StandardInput.parse({
      variantIds: variants.map((x) => x.id),
      columns: keep,
    }),
  );
  const elena = { kind: 'member' as const, ref: memberId('Elena Marchetti'), name: 'Elena Marchetti' };
  const analyst = { kind: 'member' as const, ref: memberId('Aiko Tanaka'), name: 'Aiko Tanaka' };
  const partner = { kind: 'member' as const, ref: memberId('David Osei'), name: 'David Osei' };
  const people = { founder: elena, analyst, partner };
  const refined = v1.steps.map((s) => {
    const d = s.outputs.map((o) => DETAIL[o]).find(Boolean);
    return {
      key: s.key,
      name: d?.name ?? s.name,
      description: d?.description ?? s.description,
      performer: d ? people[d.who] : elena,
      inputs: s.inputs,
      outputs: s.outputs,
      tool: s.tool,
      minutes: s.minutes,
      acceptanceCriteria: d?.acceptance ?? [],
      waste: null,
    };
  });
  await procedures.replaceSteps(actor, v1.id, StepsInput.parse({ steps: refined }));
  await procedures.updateVersion(
    actor,
    v1.id,
    VersionPatch.parse({
      purpose:
        'Turn the notes of a project’s 25–50 executive interviews into the summary deck the client receives: ' +
        'the themes behind each question, how many executives raised each, their words, and where they agree or split.',
      turnaroundHours: 72,
    }),
  );
  await procedures.approve(actor, v1.id);

  // Version 2 (a draft): recorded interviews make typing up notes waste; an app transcribes;
  // an out-tasker builds and formats the slides from the firm's storyline.
  const v2 = await procedures.newDraft(actor, task.id);
  const byOutput = (output: string): Step | undefined => v2.steps.find((s) => s.outputs.includes(output));
  const typeUpStep = byOutput('Typed notes');
  const designer = { kind: 'outtasker' as const, ref: null, name: 'Deck designer' };
  const steps: Array<Omit<Step, 'id' | 'key' | 'mergedFrom'> & { key?: string }> = v2.steps.map((s) => ({
    key: s.key,
    name: s.name,
    description: s.description,
    performer: s.performer,
    inputs: s.inputs,
    outputs: s.outputs,
    tool: s.tool,
    minutes: s.minutes,
    acceptanceCriteria: s.acceptanceCriteria,
    waste: s.waste,
  }));
  const transcribe = {
    name: 'Transcribe the interview recordings',
    description:
      'Recordings made on the interviewer’s phone are transcribed by the app into the project folder.',
    performer: { kind: 'automation' as const, ref: null, name: 'Transcription app' },
    inputs: ['Interview recordings'],
    outputs: ['Notes from every interview'],
    tool: 'Transcription app',
    minutes: 0,
    acceptanceCriteria: ['One transcript per recording, with timestamps'],
    waste: null,
  };
  const at = steps.findIndex((s) => s.key === byOutput('Notes from every interview')?.key);
  steps.splice(at + 1, 0, transcribe);
  for (const s of steps) {
    if (s.outputs.includes('Draft deck') || s.outputs.includes('Formatted deck')) {
      s.performer = designer;
    }
  }
  await procedures.replaceSteps(actor, v2.id, StepsInput.parse({ steps }));
  if (typeUpStep) {
    await procedures.markWaste(
      actor,
      v2.id,
      typeUpStep.key,
      WasteInput.parse({
        reason:
          'Done out of habit: interviews are now recorded and transcribed, so nobody needs to type notes.',
      }),
    );
  }
  await procedures.updateVersion(
    actor,
    v2.id,
    VersionPatch.parse({
      turnaroundHours: 24,
      changeNote:
        'Recorded interviews replace handwritten notes; an app transcribes them; a deck designer builds and formats the slides at $11 a slide.',
    }),
  );

  await procedures.importFormYaml(actor, {
    text: DEMO_FORM_YAML_V1,
    file: 'executive-interview.yaml',
    name: 'Executive interview form',
    taskRef: task.id,
  });
  await procedures.importFormYaml(actor, {
    text: DEMO_FORM_YAML_V2,
    file: 'executive-interview.yaml',
    name: 'Executive interview form',
  });
}

type Performer = { kind: 'member' | 'automation' | 'outtasker'; ref: string | null; name: string };

function step(
  name: string,
  performer: Performer,
  minutes: number,
  tool: string,
  inputs: string[],
  outputs: string[],
  acceptanceCriteria: string[] = [],
  waste: string | null = null,
) {
  return {
    name,
    description: '',
    performer,
    inputs,
    outputs,
    tool,
    minutes,
    acceptanceCriteria,
    waste: waste ? { reason: waste } : null,
  };
}

/** Neighboring tasks at other steps of the method, so that the progress view has something to show. */
async function neighbors(
  procedures: ProceduresService,
  inventory: InventoryService,
  actor: ProceduresActor,
): Promise<void> {
  const members = await inventory.listMembers(actor);
  const member = (name: string): Performer => ({
    kind: 'member',
    ref: members.find((m) => m.name === name)?.id ?? null,
    name,
  });

  // Scheduling: three ways recorded, no standard yet (consolidated).
  const scheduling = await inventory.resolveTask(actor, 'Schedule executive interviews');
  for (const [person, steps] of [
    [
      'Sofia Reyes',
      [
        v('Email the executive assistants', 10, 'Outlook', ['Interview list'], ['Requests sent']),
        v('Agree a slot', 15, 'Outlook', ['Requests sent'], ['Agreed slot']),
        v('Send the calendar invitation', 5, 'Outlook', ['Agreed slot'], ['Invitation']),
      ],
    ],
    [
      'Janet Pruitt',
      [
        v('Phone the assistant', 15, 'Phone', ['Interview list'], ['Agreed slot']),
        v('Send the calendar invitation', 5, 'Outlook', ['Agreed slot'], ['Invitation']),
        v('Send a reminder the day before', 5, 'Outlook', ['Invitation'], ['Reminder']),
      ],
    ],
    [
      "Liam O'Connor",
      [
        v('Send a booking link', 5, 'Calendly', ['Interview list'], ['Booking link sent']),
        v('Chase unanswered requests', 20, 'Outlook', ['Booking link sent'], ['Agreed slot']),
      ],
    ],
  ] as const) {
    await procedures.createVariant(
      actor,
      scheduling.id,
      VariantInput.parse({ personName: person, steps: [...steps] }),
    );
  }

  // Write-up of notes: one standard, approved, written step by step (deconstructed).
  const writeUp = await inventory.resolveTask(actor, 'Write up interview notes');
  const hannah = member('Hannah Kowalski');
  const w1 = await procedures.newDraft(actor, writeUp.id);
  await procedures.replaceSteps(
    actor,
    w1.id,
    StepsInput.parse({
      steps: [
        step('Open the interview-form template', hannah, 5, 'Word', ['Interview form'], ['Blank write-up']),
        step(
          'Write the key points per question',
          hannah,
          25,
          'Word',
          ['Raw notes'],
          ['Key points'],
          ['Every question of the form has its key points or "not discussed"'],
        ),
        step(
          'Add verbatim quotes',
          hannah,
          10,
          'Word',
          ['Raw notes'],
          ['Quotes'],
          ['Quotes in quotation marks'],
        ),
        step('List the follow-ups', hannah, 5, 'Word', ['Raw notes'], ['Follow-ups']),
      ],
    }),
  );
  await procedures.approve(actor, w1.id);

  // Transcription: edited and automated (the app transcribes; a person checks names and terms).
  const transcription = await inventory.resolveTask(actor, 'Transcribe interview recordings');
  const sofia = member('Sofia Reyes');
  const t1 = await procedures.newDraft(actor, transcription.id);
  await procedures.replaceSteps(
    actor,
    t1.id,
    StepsInput.parse({
      steps: [
        step(
          'Upload the recording',
          sofia,
          5,
          'Dropbox',
          ['Interview recording'],
          ['Recording in the folder'],
        ),
        step(
          'Type the interview word for word',
          sofia,
          110,
          'Word',
          ['Recording in the folder'],
          ['Transcript'],
          [],
          'Done out of habit: the transcription app writes the transcript.',
        ),
        step(
          'Transcribe the recording',
          { kind: 'automation', ref: null, name: 'Transcription app' },
          0,
          'Transcription app',
          ['Recording in the folder'],
          ['Transcript'],
          ['Speakers labeled', 'Timestamps every minute'],
        ),
        step(
          'Check names, numbers and jargon',
          sofia,
          15,
          'Word',
          ['Transcript'],
          ['Checked transcript'],
          ['Names of people and companies spelled as on the interview list'],
        ),
      ],
    }),
  );
  await procedures.approve(actor, t1.id);
}

/** Seeds the demo workspace's variants, procedures and forms. */
export async function seedDemoProcedures(
  deps: { procedures: ProceduresService; inventory: InventoryService },
  actor: ProceduresActor,
  opts: { flagshipTask: string },
): Promise<void> {
  await flagship(deps.procedures, deps.inventory, actor, opts.flagshipTask);
  await neighbors(deps.procedures, deps.inventory, actor);
}
