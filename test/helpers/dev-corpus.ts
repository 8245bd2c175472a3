/**
 * The Brindlemoor development corpus (../shared/eval/interviews-dev) as redaction's measuring stick:
 * the lists a workspace would hold (interviewees and interviewers from truth.json, the
 * organisations its README names), the names said in passing that no list holds, and how many
 * occurrences of each survive redaction. Shared by the dev-corpus test and bench/redaction.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ListEntry, Mapping } from '../../src/automation/index.ts';
import { ROOT } from './cli.ts';

export const DEV_CORPUS = path.resolve(ROOT, '..', 'shared', 'eval', 'interviews-dev');
export const devCorpusPresent = () => fs.existsSync(path.join(DEV_CORPUS, 'truth.json'));

export const DEV_ORGS = [
  'Brindlemoor Health Partners',
  'Brackwater Advisory',
  'Tern Valley',
  'Westerby Surgery Center',
  'Carrow Bridge Surgery Center',
];

/** Said in passing, in no list (found by reading the transcripts). */
export const IN_PASSING: Record<'colleagues' | 'systems' | 'places', string[]> = {
  colleagues: ['Deb', 'Martin', 'Priti', 'Pardoe', 'Hallam'],
  systems: ['Vesperline', 'Orrin', 'CaseLine', 'OpCo', 'Excel'],
  places: [
    'Dunmere',
    'Hollins Ford',
    'Pennock',
    'Wrayfield',
    'Kelsall Park',
    'Tollmarsh',
    'Harlan Street',
    'Stourleigh',
    'Linden Hollow',
    'Ferris Mill',
    'Millrace',
    'Minnesota',
  ],
};

interface Truth {
  interviewees: { name: string; interviewer: string }[];
}

export function devTranscripts(): string[] {
  const dir = path.join(DEV_CORPUS, 'transcripts');
  return fs
    .readdirSync(dir)
    .sort()
    .map((f) => path.join(dir, f));
}

export function devLists(): { people: string[]; lists: ListEntry[] } {
  const truth = JSON.parse(fs.readFileSync(path.join(DEV_CORPUS, 'truth.json'), 'utf8')) as Truth;
  const people = [...new Set(truth.interviewees.flatMap((i) => [i.name, i.interviewer]))];
  return {
    people,
    lists: [
      ...people.map((name): ListEntry => ({ name, kind: 'PERSON' })),
      ...DEV_ORGS.map((name): ListEntry => ({ name, kind: 'CLIENT' })),
    ],
  };
}

function count(text: string, term: string, caseSensitive: boolean): number {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, caseSensitive ? 'gu' : 'giu');
  return [...text.matchAll(re)].length;
}

export interface TermCount {
  term: string;
  occurrences: number;
  surviving: number;
}

function tally(
  terms: string[],
  originals: string[],
  redacted: string[],
  caseSensitive: boolean,
): TermCount[] {
  return terms.map((term) => ({
    term,
    occurrences: originals.reduce((n, t) => n + count(t, term, caseSensitive), 0),
    surviving: redacted.reduce((n, t) => n + count(t, term, caseSensitive), 0),
  }));
}

/** Words that must not survive: every listed person's name parts, every organisation's distinctive name. */
export function listedTerms(people: string[]): { names: string[]; orgs: string[] } {
  const names = new Set<string>();
  for (const p of people) {
    const parts = p.split(/\s+/).filter((w) => !/^(dr|mr|mrs|ms)\.?$/i.test(w));
    names.add(parts.join(' '));
    for (const w of parts) names.add(w);
  }
  return {
    names: [...names],
    orgs: ['Brindlemoor', 'Brackwater', 'Tern Valley', 'Westerby', 'Carrow Bridge'],
  };
}

export function evaluate(mapping: Mapping, outDir: string, people: string[]) {
  const done = mapping.files.filter((f) => f.redacted);
  const originals = done.map((f) => fs.readFileSync(f.original, 'utf8'));
  const redacted = done.map((f) => fs.readFileSync(path.join(outDir, f.redacted!), 'utf8'));
  const { names, orgs } = listedTerms(people);
  const passing = Object.fromEntries(
    Object.entries(IN_PASSING).map(([kind, terms]) => [
      kind,
      tally(terms, originals, redacted, true).map((t) => ({
        ...t,
        // Found but not redacted (below the threshold), for a reviewer to decide.
        recorded: mapping.findings.filter((f) => f.decision === 'below-threshold' && f.text.includes(t.term))
          .length,
        recognizers: [
          ...new Set(
            mapping.findings
              .filter((f) => f.decision === 'redacted' && f.text === t.term)
              .map((f) => f.recognizer),
          ),
        ],
      })),
    ]),
  );
  return {
    names: tally(names, originals, redacted, false),
    orgs: tally(orgs, originals, redacted, false),
    fileNames: done.map((f) => f.redacted!),
    passing,
  };
}
