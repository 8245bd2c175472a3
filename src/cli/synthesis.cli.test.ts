/** `outtask deck` and `outtask ask`, run as a child process on small transcript fixtures. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/outtask');
const FIX = join(ROOT, 'src/synthesis/deck/fixtures/interviews');
const NAMES = [
  'Dana',
  'Reyes',
  'Marcus',
  'Webb',
  'Helen',
  'Okafor',
  'Li Wei',
  'Sofia',
  'Marquez',
  'James',
  'Thornton',
  'Priya',
  'Natarajan',
  'Tom Becker',
];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function outtask(args: string[], cwd = FIX): Promise<Run> {
  return new Promise((done) => {
    execFile(
      BIN,
      args,
      { cwd, timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

async function pptxXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const parts = await Promise.all(
    Object.values(zip.files)
      .filter((f) => !f.dir && /\.(xml|rels)$/.test(f.name))
      .map((f) => f.async('string')),
  );
  return parts.join('\n');
}

let out = '';
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'outtask-cli-'));
});
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('outtask deck', () => {
  it('writes the deck, insights.json and report.md, and prints one summary line', async () => {
    const deck = join(out, 'deck.pptx');
    const json = join(out, 'insights.json');
    const md = join(out, 'report.md');
    const r = await outtask([
      'deck',
      '.',
      '--form',
      'form.yaml',
      '--meta',
      'meta.csv',
      '--out',
      deck,
      '--json',
      json,
      '--md',
      md,
      '--title',
      'Service review',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^6 interviews, \d+ themes?, (\d+) slides; an out-tasker would have charged \$[\d,]+\.00 \(\$11\.00\/slide\); \d+\.\d s\. Wrote /,
    );
    const slides = Number(/(\d+) slides/.exec(r.stdout)![1]);
    const insights = JSON.parse(await readFile(json, 'utf8'));
    expect(insights.schemaVersion).toBe(1);
    expect(insights.title).toBe('Service review');
    expect(insights.interviews.map((i: { id: string }) => i.id).sort()).toEqual([
      'dana-reyes',
      'helen-okafor',
      'james-thornton',
      'li-wei',
      'marcus-webb',
      'sofia-marquez',
    ]);
    expect(insights.interviews.find((i: { id: string }) => i.id === 'dana-reyes').role).toBe('CFO');
    expect(insights.deck.slideCount).toBe(slides);
    expect(insights.deck.outTaskerPrice).toEqual({ amountMinor: slides * 1100, currency: 'USD' });
    const zip = await JSZip.loadAsync(await readFile(deck));
    expect(Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(slides);
    expect(Object.keys(zip.files).some((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))).toBe(true);
    const report = await readFile(md, 'utf8');
    expect(report).toMatch(/^# Service review\n/);
    expect(report).toContain(`The accompanying deck has ${slides} slides`);
  }, 120_000);

  it('anonymises with --anonymize and prices with --price-per-slide', async () => {
    const deck = join(out, 'anon.pptx');
    const r = await outtask([
      'deck',
      '*.vtt',
      '*.txt',
      '*.srt',
      '--form',
      'form.yaml',
      '--meta',
      'meta.csv',
      '--out',
      deck,
      '--anonymize',
      '--price-per-slide',
      '20',
    ]);
    expect(r.code).toBe(0);
    const slides = Number(/(\d+) slides/.exec(r.stdout)![1]);
    expect(r.stdout).toContain(`charged $${(slides * 20).toLocaleString('en-US')}.00 ($20.00/slide)`);
    const xml = await pptxXml(deck);
    for (const name of NAMES) expect(new RegExp(`\\b${name}\\b`).test(xml), name).toBe(false);
    expect(xml).toMatch(/CFO, Interview \d/);
  }, 120_000);

  it('lists every bad transcript with its reason and fails; --skip-invalid leaves them out', async () => {
    const deck = join(out, 'bad.pptx');
    const failed = await outtask(['deck', '.', '../bad-transcripts', '--form', 'form.yaml', '--out', deck]);
    expect(failed.code).toBe(2);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toContain('2 of 8 transcript files could not be used');
    expect(failed.stderr).toMatch(/bad-transcripts\/cut-off\.vtt/);
    expect(failed.stderr).toMatch(/bad-transcripts\/not-a-transcript\.txt/);

    const skipped = await outtask([
      'deck',
      '.',
      '../bad-transcripts',
      '--form',
      'form.yaml',
      '--out',
      deck,
      '--skip-invalid',
    ]);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(/^6 interviews/);
    expect(skipped.stderr.match(/^outtask: skipped /gm)).toHaveLength(2);
  }, 120_000);

  it('rejects a theme file with the file and the field named, and a missing form', async () => {
    const theme = join(out, 'theme.json');
    await writeFile(theme, JSON.stringify({ colors: { primary: 'navy' } }));
    const bad = await outtask([
      'deck',
      '.',
      '--form',
      'form.yaml',
      '--out',
      join(out, 'x.pptx'),
      '--theme',
      theme,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${theme} (field colors.primary)`);
    const missing = await outtask(['deck', '.', '--form', 'nope.yaml', '--out', join(out, 'x.pptx')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('nope.yaml');
  }, 120_000);
});

describe('outtask ask', () => {
  it('--json prints exactly { question, answer, covered, citations: [{ interview, start, text }] }', async () => {
    const r = await outtask([
      'ask',
      'What do they say about AI and chatbots?',
      '.',
      '--json',
      '--max-words',
      '60',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(Object.keys(body)).toEqual(['question', 'answer', 'covered', 'citations']);
    expect(body.question).toBe('What do they say about AI and chatbots?');
    expect(body.covered).toBe(true);
    expect(body.answer.length).toBeGreaterThan(20);
    expect(body.answer).not.toMatch(/\[\d+\]/);
    expect(body.citations.length).toBeGreaterThan(0);
    for (const c of body.citations) {
      expect(Object.keys(c)).toEqual(['interview', 'start', 'text']);
      expect(typeof c.interview).toBe('string');
    }
  }, 120_000);

  it('prints the answer and numbered citations', async () => {
    const r = await outtask([
      'ask',
      'What gets in the way of better service?',
      'dana-reyes.vtt',
      'li-wei.srt',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\n\[1\] (dana-reyes|li-wei)( at \d{2}:\d{2})?: “/);
    // Anonymised: nobody named, not in the answer, the citations or their file names.
    const anon = await outtask([
      'ask',
      'What gets in the way of better service?',
      '.',
      '--anonymize',
      '--meta',
      'meta.csv',
      '--json',
    ]);
    expect(anon.code).toBe(0);
    const a = JSON.parse(anon.stdout);
    for (const c of a.citations) expect(c.interview).toMatch(/^Interview \d$/);
    for (const name of ['Dana', 'Reyes', 'Priya', 'Natarajan', 'dana-reyes', 'Li Wei', 'li-wei'])
      expect(anon.stdout).not.toContain(name);
    expect(a.answer).toMatch(/ in interview \d /);
    // A topic nobody discussed: covered false, and the answer says so.
    const off = await outtask(['ask', "What about the company's pension fund investments?", '.', '--json']);
    expect(off.code).toBe(0);
    const o = JSON.parse(off.stdout);
    expect(o.covered).toBe(false);
    expect(o.answer).toMatch(/^The interviews do not discuss the company's pension fund investments\./);
    const bad = await outtask(['ask', 'x', 'dana-reyes.vtt', '--max-words', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-words');
  }, 120_000);
});
