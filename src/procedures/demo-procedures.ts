/**
 * The demo workspace's steps 2–4: the flagship task ("Build the executive interview summary deck")
 * done 13 ways by 13 people, its standard procedure (approved version 1, and a draft version 2 that
 * cuts waste and hands the slides to an out-tasker), the executive-interview form, and a few
 * neighbouring tasks at other steps of the method. Invented data, written through the service so
 * that it obeys the same rules as anything a user records.
 */
import type { InventoryService } from '../inventory/index.ts';
import type { ProceduresActor, ProceduresService } from './procedures.service.ts';
import type { Step, VariantStep } from './procedures.ts';

const v = (
  name: string,
  minutes: number,
  tool: string,
  inputs: string[],
  outputs: string[],
): VariantStep => ({
  name,
  minutes,
  tool,
  inputs,
  outputs,
});

// The steps people take, in their own words; the comparison lines them up.
const NOTES = ['Interview notes'];
const collect = (name: string, min: number, tool = 'Email') =>
  v(name, min, tool, NOTES, ['Notes from every interview']);
const typeUp = (name: string, min: number) => v(name, min, 'Word', ['Handwritten notes'], ['Typed notes']);
const relisten = (name: string, min: number) =>
  v(name, min, 'Voice Memos', ['Interview recordings'], ['Completed notes']);
const code = (name: string, min: number, tool = 'Excel') =>
  v(name, min, tool, ['Notes from every interview'], ['Answers by question']);
const themes = (name: string, min: number, tool = 'Excel') =>
  v(name, min, tool, ['Answers by question'], ['Themes per question']);
const count = (name: string, min: number) => v(name, min, 'Excel', ['Themes per question'], ['Theme counts']);
const quotes = (name: string, min: number, tool = 'Word') =>
  v(name, min, tool, ['Themes per question'], ['Quotes per theme']);
const story = (name: string, min: number, tool = 'Word') =>
  v(name, min, tool, ['Themes per question'], ['Storyline']);
const slides = (name: string, min: number) =>
  v(name, min, 'PowerPoint', ['Storyline', 'Theme counts', 'Quotes per theme'], ['Draft deck']);
const format = (name: string, min: number) => v(name, min, 'PowerPoint', ['Draft deck'], ['Formatted deck']);
const review = (name: string, min: number) =>
  v(name, min, 'Meeting', ['Formatted deck'], ['Review comments']);
const revise = (name: string, min: number) => v(name, min, 'PowerPoint', ['Review comments'], ['Final deck']);
const send = (name: string, min: number) => v(name, min, 'Email', ['Final deck'], ['Deck sent to client']);
const summary = (name: string, min: number) =>
  v(name, min, 'PowerPoint', ['Themes per question'], ['Executive summary slide']);

interface DemoVariant {
  person: string;
  label: string;
  notes: string;
  steps: VariantStep[];
}

/** Thirteen interviewers, thirteen styles: eleven members and two people known by name only. */
export const FLAGSHIP_VARIANTS: DemoVariant[] = [
  {
    person: 'Elena Marchetti',
    label: 'Reads everything, writes every slide herself',
    notes: 'Works through the notes over two evenings; no review because she is the partner.',
    steps: [
      collect('Collect the interview notes', 60),
      code('Tag every answer to its question', 240),
      themes('Find the themes per question', 300),
      count('Count how many raised each theme', 90),
      quotes('Pick representative quotes', 120),
      story('Write the storyline', 120),
      slides('Build the slides in PowerPoint', 600),
      format('Format to the house template', 180),
      revise('Revise the deck after a read-through', 90),
    ],
  },
  {
    person: 'David Osei',
    label: 'Storyline first, executive summary up front',
    notes: 'Starts from the answer he expects and looks for support in the notes.',
    steps: [
      collect('Gather notes from all interviewers', 45),
      story('Outline the storyline', 150),
      themes('Group answers into themes', 240),
      quotes('Select quotes for each theme', 90),
      summary('Write the executive summary slide', 60),
      slides('Draft the slides', 420),
      format('Apply the firm template', 120),
      send('Email the deck to the client team', 15),
    ],
  },
  {
    person: 'Priya Raman',
    label: 'Re-listens to the recordings she made',
    notes: 'Records on her phone when the client allows it and fills gaps from the audio.',
    steps: [
      collect('Collect interview notes', 60),
      relisten('Listen back to the interview recordings', 240),
      code('Sort the notes by question', 180),
      themes('Cluster answers into themes', 240),
      count('Count mentions per theme', 60),
      quotes('Pick quotes', 150),
      story('Write the storyline', 90),
      slides('Build the slides', 480),
      format('Format to the house template', 120),
      revise('Revise after review', 60),
    ],
  },
  {
    person: 'Tomás Lindqvist',
    label: 'Legal pad, typed up, coded in Excel',
    notes: 'Takes notes on a yellow legal pad and types them up the same evening.',
    steps: [
      collect('Collect the interview notes', 90),
      typeUp('Type up the legal-pad notes', 240),
      code('Code each answer by question in Excel', 240),
      themes('Find themes per question', 200),
      count('Count how many executives raised each theme', 60),
      quotes('Pick representative quotes', 90),
      story('Write the storyline', 120),
      slides('Build the slides in PowerPoint', 540),
      format('Format to the house template', 150),
      review('Partner review', 90),
      revise('Revise the deck after partner review', 120),
    ],
  },
  {
    person: 'Grace Whitfield',
    label: 'Coding spreadsheet with pivot tables',
    notes: 'Keeps one spreadsheet row per answer; counts come from a pivot table.',
    steps: [
      collect('Collect interview notes', 60, 'Shared drive'),
      code('Code every answer in the coding spreadsheet', 300),
      themes('Group answers into themes', 180),
      count('Count mentions per theme with a pivot table', 120),
      quotes('Pick quotes', 120),
      story('Outline the deck', 60, 'PowerPoint'),
      slides('Build the slides', 420),
      format('Apply the firm template', 90),
      review('Review with the engagement partner', 60),
      revise('Revise after review', 90),
    ],
  },
  {
    person: 'Samuel Adeyemi',
    label: 'Laptop notes plus recordings, no coding',
    notes: 'Goes straight from notes to themes; re-listens when notes are thin.',
    steps: [
      collect('Pull together everyone’s notes', 120, 'Shared drive'),
      typeUp('Type up handwritten notes from the note-taker', 300),
      relisten('Re-listen to recordings to fill gaps', 180),
      themes('Find the themes', 300, 'Word'),
      quotes('Pick quotes', 120),
      slides('Build the slides in PowerPoint', 600),
      format('Format the slides to the template', 180),
      review('Partner review', 60),
      revise('Make the edits from partner feedback', 120),
    ],
  },
  {
    person: 'Hannah Kowalski',
    label: 'Notebook notes, Word coding, sends it herself',
    notes: 'Codes in a Word table with one column per question.',
    steps: [
      collect('Collect the interview notes', 60),
      typeUp('Type up notebook notes', 180),
      code('Sort answers by question in a Word table', 180, 'Word'),
      themes('Find themes per question', 240, 'Word'),
      count('Count how many raised each theme', 90),
      quotes('Choose quotes', 90),
      story('Write the storyline', 90),
      slides('Draft the slides', 480),
      format('Format to the house template', 120),
      review('Partner review', 60),
      revise('Revise after review', 90),
      send('Send the deck to the client', 15),
    ],
  },
  {
    person: 'Marcus Bell',
    label: 'Sticky notes on a Miro board',
    notes: 'Copies each answer to a virtual sticky note and clusters them on a board.',
    steps: [
      collect('Gather the notes', 45),
      themes('Cluster answers on sticky notes into themes', 360, 'Miro'),
      quotes('Pick quotes', 60),
      slides('Build the slides', 540),
      format('Format to the house template', 240),
      review('Partner review', 60),
      revise('Revise after review', 60),
    ],
  },
  {
    person: 'Aiko Tanaka',
    label: 'Structured coding, summary slide last',
    notes: 'Writes the executive summary after the body of the deck.',
    steps: [
      collect('Collect interview notes', 60),
      code('Tag each answer to an interview question', 240),
      themes('Group answers into themes', 180),
      count('Count mentions per theme', 90),
      quotes('Pick representative quotes', 120),
      story('Outline the storyline', 60),
      slides('Build the slides in PowerPoint', 360),
      format('Apply the firm template', 90),
      summary('Write the executive summary slide', 45),
      review('Partner review', 60),
      revise('Revise after review', 60),
    ],
  },
  {
    person: "Liam O'Connor",
    label: 'Note-taker in the room, types up afterwards',
    notes: 'Sits in as the note-taker and writes the deck from his own typed notes.',
    steps: [
      collect('Collect the notes', 90),
      typeUp('Type up the handwritten notes', 240),
      code('Sort notes by question', 240),
      themes('Find the themes', 240),
      quotes('Pick quotes', 120),
      slides('Build the slides', 600),
      format('Format to the house template', 180),
      review('Review with the partner', 90),
      revise('Revise the deck', 120),
      send('Email the deck to the client team', 20),
    ],
  },
  {
    person: 'Sofia Reyes',
    label: 'Types up and re-listens to everything',
    notes: 'Junior analyst; checks every quote against the audio.',
    steps: [
      collect('Collect interview notes', 60),
      typeUp('Type up handwritten notes', 300),
      relisten('Listen back to the recordings', 240),
      code('Sort the answers by question', 180),
      themes('Group answers into themes', 180),
      count('Count mentions per theme', 60),
      quotes('Pick quotes and check them against the audio', 90),
      slides('Build the slides in PowerPoint', 480),
      format('Format to the house template', 120),
      review('Partner review', 90),
      revise('Revise after review', 90),
    ],
  },
  {
    person: 'Rachel Nguyen',
    label: 'Former engagement manager: summary first',
    notes: 'Left the firm last year; her template is still on the shared drive.',
    steps: [
      collect('Collect the interview notes', 60, 'Shared drive'),
      code('Code answers by question', 180),
      themes('Find themes per question', 240),
      count('Count how many raised each theme', 60),
      summary('Write the executive summary slide', 60),
      quotes('Pick quotes', 90),
      story('Write the storyline', 120),
      slides('Build the slides', 420),
      format('Apply the house template', 120),
      review('Partner review', 60),
      revise('Revise after review', 60),
    ],
  },
  {
    person: 'Owen Fitzgerald',
    label: 'Freelance associate on two projects',
    notes: 'Worked from photos of the interviewers’ notebooks.',
    steps: [
      collect('Gather the interview notes', 90),
      typeUp('Type up the notebook photos', 180),
      themes('Find the themes', 300, 'Word'),
      quotes('Select quotes', 90),
      story('Outline the deck', 60),
      slides('Build the slides', 480),
      format('Format to the template', 150),
      review('Partner review', 60),
      revise('Revise after review', 90),
    ],
  },
];

export const DEMO_FORM_YAML_V1 = `title: Executive interview
questions:
  - id: situation
    text: How would you describe the current situation of the business?
  - id: priorities
    text: What are the most important priorities for the next 18 months?
  - id: obstacles
    text: What gets in the way of delivering those priorities?
  - id: customers
    text: How are your customers' needs changing?
  - id: capabilities
    text: Which capabilities does the company lack today?
  - id: success
    text: What would success look like three years from now?
  - id: anything-else
    text: Is there anything we have not asked that we should know?
`;

export const DEMO_FORM_YAML_V2 = `title: Executive interview
questions:
  - id: situation
    text: How would you describe the current situation of the business?
    hint: Let them talk for two minutes before following up.
  - id: priorities
    text: What are the most important priorities for the next 18 months?
    hint: Ask them to rank the top three.
  - id: obstacles
    text: What gets in the way of delivering those priorities?
  - id: customers
    text: How are your customers' needs changing?
  - id: capabilities
    text: Which capabilities does the company lack today?
  - id: technology
    text: Where could technology and automation change how the company works?
    hint: Listen for concrete examples, not general enthusiasm.
  - id: success
    text: What would success look like three years from now?
  - id: anything-else
    text: Is there anything we have not asked that we should know?
`;

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
    acceptance: ['Two or three quotes per theme', 'Quotes are anonymised: role, never name'],
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
    description: 'Apply the firm’s PowerPoint template: fonts, colours, footers, slide numbers.',
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
      await procedures.createVariant(actor, task.id, {
        memberId: memberId(d.person),
        personName: d.person,
        label: d.label,
        notes: d.notes,
        steps: d.steps,
      }),
    );
  }

  // The standard: what most people do, plus typing up the notes, which everyone still needed then.
  const comparison = await procedures.compare(actor, task.id);
  const keep = comparison.columns
    .filter((c) => c.count * 2 >= comparison.variants.length || c.outputs.includes('Typed notes'))
    .map((c) => c.index);
  const v1 = await procedures.createStandard(actor, task.id, {
    variantIds: variants.map((x) => x.id),
    columns: keep,
  });
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
  await procedures.replaceSteps(actor, v1.id, { steps: refined });
  await procedures.updateVersion(actor, v1.id, {
    purpose:
      'Turn the notes of a project’s 25–50 executive interviews into the summary deck the client receives: ' +
      'the themes behind each question, how many executives raised each, their words, and where they agree or split.',
    turnaroundHours: 72,
  });
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
  await procedures.replaceSteps(actor, v2.id, { steps });
  if (typeUpStep) {
    await procedures.markWaste(actor, v2.id, typeUpStep.key, {
      reason:
        'Done out of habit: interviews are now recorded and transcribed, so nobody needs to type notes.',
    });
  }
  await procedures.updateVersion(actor, v2.id, {
    turnaroundHours: 24,
    changeNote:
      'Recorded interviews replace handwritten notes; an app transcribes them; a deck designer builds and formats the slides at $11 a slide.',
  });

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

/** Neighbouring tasks at other steps of the method, so that the progress view has something to show. */
async function neighbours(
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
    await procedures.createVariant(actor, scheduling.id, { personName: person, steps: [...steps] });
  }

  // Write-up of notes: one standard, approved, written step by step (deconstructed).
  const writeUp = await inventory.resolveTask(actor, 'Write up interview notes');
  const hannah = member('Hannah Kowalski');
  const w1 = await procedures.newDraft(actor, writeUp.id);
  await procedures.replaceSteps(actor, w1.id, {
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
  });
  await procedures.approve(actor, w1.id);

  // Transcription: edited and automated (the app transcribes; a person checks names and terms).
  const transcription = await inventory.resolveTask(actor, 'Transcribe interview recordings');
  const sofia = member('Sofia Reyes');
  const t1 = await procedures.newDraft(actor, transcription.id);
  await procedures.replaceSteps(actor, t1.id, {
    steps: [
      step('Upload the recording', sofia, 5, 'Dropbox', ['Interview recording'], ['Recording in the folder']),
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
        ['Speakers labelled', 'Timestamps every minute'],
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
  });
  await procedures.approve(actor, t1.id);
}

/** Seeds the demo workspace's variants, procedures and forms. */
export async function seedDemoProcedures(
  deps: { procedures: ProceduresService; inventory: InventoryService },
  actor: ProceduresActor,
  opts: { flagshipTask: string },
): Promise<void> {
  await flagship(deps.procedures, deps.inventory, actor, opts.flagshipTask);
  await neighbours(deps.procedures, deps.inventory, actor);
}
