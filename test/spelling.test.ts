/**
 * One spelling: Outtask writes American English ("standardize", "color", "anonymized") in the app,
 * the deck, the documents (briefs, reports), the CLI and the docs. This test reads the web source,
 * the document and deck templates, the CLI, the features whose words reach the screen (inventory,
 * interviews, the demo) and the docs, and fails on the common British spellings, naming file, line
 * and word. What people say in transcripts, and the words users may type (the step matcher's
 * synonyms), are theirs and are not scanned.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Where Outtask's own words live. Test files and fixtures (other people's words) are left out. */
const SCANNED = [
  'web/src',
  'web/index.html',
  'src/cli',
  'src/procedures/brief.ts',
  'src/procedures/brief-docx.ts',
  'src/procedures/brief-markdown.ts',
  'src/synthesis/deck',
  'src/synthesis/report.ts',
  'src/synthesis/preview.ts',
  'src/interviews',
  'src/inventory',
  'src/demo',
  'docs',
  'README.md',
];
const TEXT_FILE = /\.(ts|tsx|css|html|md)$/;

/** Stems that British English ends in -ise/-isation where American English has -ize/-ization. */
const IZE_STEMS = [
  'standard',
  'homogen',
  'organ',
  'recogn',
  'summar',
  'synthes',
  'anonym',
  'normal',
  'capital',
  'serial',
  'token',
  'sanit',
  'character',
  'categor',
  'central',
  'optim',
  'priorit',
  'util',
  'real',
  'final',
  'minim',
  'maxim',
  'custom',
  'visual',
  'memor',
  'apolog',
  'critic',
  'special',
  'initial',
  'personal',
  'local',
  'general',
  'stabil',
  'harmon',
  'modern',
  'author',
];
/** Whole words spelled otherwise in American English. */
const BRITISH_WORDS = [
  'colour\\w*',
  'honour\\w*',
  'behaviour\\w*',
  'neighbour\\w*',
  'favour\\w*',
  'labour\\w*',
  'labelled',
  'labelling',
  'modelling',
  'modelled',
  'travelled',
  'travelling',
  'centre[sd]?',
  'catalogues?',
  'programmes?',
  'judgements?',
  'defence',
  'offence',
  'greys?',
  'misspelt',
  'analys(e|ed|ing)',
  'whilst',
  'amongst',
  'artefacts?',
  'licence',
];
const BRITISH = new RegExp(
  `\\b((${IZE_STEMS.join('|')})is(e|ed|es|ing|er|ers|ation|ations|able)|${BRITISH_WORDS.join('|')})(?![A-Za-z])`,
  'gi',
);

/**
 * Stored identifiers spelled the British way before this test, kept because data and URLs carry them:
 * the pipeline stage id `synthesise` (its label says "Synthesize"). Exact, lower-case matches only.
 */
const STORED_IDS = new Set(['synthesise']);

function britishSpellings(text: string): { line: number; word: string }[] {
  const found: { line: number; word: string }[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(BRITISH)) {
      if (!STORED_IDS.has(m[0])) found.push({ line: i + 1, word: m[0] });
    }
  });
  return found;
}

function filesUnder(rel: string): string[] {
  const abs = path.join(ROOT, rel);
  if (!fs.existsSync(abs)) return [];
  if (fs.statSync(abs).isFile()) return [rel];
  return fs
    .readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(rel, f))
    .filter(
      (f) =>
        TEXT_FILE.test(f) &&
        !/\.test\.tsx?$/.test(f) &&
        !f.split(path.sep).includes('fixtures') &&
        fs.statSync(path.join(ROOT, f)).isFile(),
    );
}

describe('one spelling (American English)', () => {
  it('finds the British spellings it is meant to find, and leaves look-alikes alone', () => {
    const words = (t: string) => britishSpellings(t).map((f) => f.word);
    expect(words('Standardise the steps; homogenisation first')).toEqual(['Standardise', 'homogenisation']);
    expect(words('Anonymised quotes in colour, labelled, centre, catalogue, judgement')).toEqual([
      'Anonymised',
      'colour',
      'labelled',
      'centre',
      'catalogue',
      'judgement',
    ]);
    expect(
      words(
        'synthesis, characteristic, optimistic, realistic, specialist, aria-labelledby, analyses, ' +
          'Standardize, colors, anonymized, cancelled, otherwise, premise, enterprise',
      ),
    ).toEqual([]);
  });

  it('holds in the app, the deck and document templates, the CLI and the docs', () => {
    const files = SCANNED.flatMap(filesUnder);
    expect(files.length).toBeGreaterThan(100);
    const hits = files.flatMap((f) =>
      britishSpellings(fs.readFileSync(path.join(ROOT, f), 'utf8')).map((h) => `${f}:${h.line}: ${h.word}`),
    );
    expect(hits, 'British spellings (write them the American way: -ize, color, labeled…)').toEqual([]);
  });
});
