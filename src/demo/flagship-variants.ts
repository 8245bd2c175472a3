/**
 * The demo flagship task done 13 ways by 13 people, in their own words: the data the comparison
 * lines up and the standard procedure is merged from. Invented people and figures.
 */
import type { VariantStep } from '../procedures/index.ts';

/** A step as someone describes it: name, minutes, tool, what goes in and what comes out. */
export const variantStep = (
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
const v = variantStep;

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

export interface DemoVariant {
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
