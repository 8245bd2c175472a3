import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBrief } from './brief.ts';
import { briefToDocx } from './brief-docx.ts';
import { briefToMarkdown } from './brief-markdown.ts';
import { parseForm } from './forms.ts';
import type { ProcedureVersion } from './procedures.ts';
import { app, designer, elena, step } from './test-steps.test-helpers.ts';

const FORM_YAML = `title: Executive interview
questions:
  - id: situation
    text: How would you describe the current situation of the business?
    hint: Let them talk for two minutes before following up.
  - id: priorities
    text: What are the most important priorities for the next 18 months?
  - id: obstacles
    text: What gets in the way of delivering those priorities?
  - id: customers
    text: How are your customers' needs changing?
  - id: capabilities
    text: Which capabilities does the company lack today?
  - id: technology
    text: Where could technology and automation change how the company works?
  - id: success
    text: What would success look like three years from now?
`;

const version: ProcedureVersion = {
  id: 'v2',
  procedureId: 'p',
  number: 2,
  status: 'approved',
  purpose: 'Turn the notes of 25–50 executive interviews into the summary deck the client receives.',
  turnaroundHours: 24,
  changeNote: '',
  sourceVariantIds: [],
  basedOnVersionId: null,
  createdBy: null,
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
  approvedBy: null,
  approvedAt: '2026-03-02T09:00:00.000Z',
  steps: [
    step('Collect the transcripts', {
      performer: elena,
      inputs: ['Interview recordings'],
      outputs: ['Transcripts'],
      minutes: 30,
    }),
    step('Type up handwritten notes', {
      performer: elena,
      waste: { reason: 'recorded now' },
      outputs: ['Typed notes'],
    }),
    step('Transcribe the recordings', {
      performer: app,
      minutes: 0,
      inputs: ['Interview recordings'],
      outputs: ['Transcripts'],
    }),
    step('Build the slides', {
      performer: designer,
      minutes: 480,
      tool: 'PowerPoint',
      inputs: ['Transcripts', 'Storyline | brief'],
      outputs: ['Draft deck'],
      acceptanceCriteria: ['One slide per theme, with how many raised it', 'Quotes are anonymised'],
      description: '# Not a heading: one slide per theme.',
    }),
    step('Format to the house template', {
      performer: designer,
      minutes: 120,
      inputs: ['Draft deck'],
      outputs: ['Final deck'],
      acceptanceCriteria: ['No text overflows its box'],
    }),
  ],
};

const briefInput: Parameters<typeof buildBrief>[0] = {
  firm: 'Larkspur Advisory',
  taskName: 'Build the executive interview summary deck',
  taskDescription: '',
  process: 'Executive interviews & research',
  version,
  deliverableUnit: 'slide',
  unitsPerOccurrence: 40,
  marketPricePerUnit: { amountMinor: 1100, currency: 'USD' },
  confidentiality: 'confidential',
  forms: [
    {
      name: 'Executive interview form',
      version: {
        ...(await parseForm(FORM_YAML)),
        id: 'f1',
        formId: 'f',
        number: 2,
        sourceFile: null,
        createdBy: null,
        createdAt: '2026-03-01T09:00:00.000Z',
      },
    },
  ],
  generatedAt: '2026-03-03T10:00:00.000Z',
};
const brief = buildBrief(briefInput);

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('the brief for an out-tasker', () => {
  it('leaves waste out, and finds what comes in and what goes out', () => {
    expect(brief.steps.map((s) => s.name)).toEqual([
      'Collect the transcripts',
      'Transcribe the recordings',
      'Build the slides',
      'Format to the house template',
    ]);
    expect(brief.wasteLeftOut).toBe(1);
    // The out-tasker's steps are 3 and 4: they receive what step 3 takes from before (the app's
    // transcripts, and the storyline no step makes) and deliver what step 4 makes; the recordings and
    // the draft deck never pass through their hands from outside.
    expect(brief.inputs).toEqual([
      { item: 'Transcripts', party: 'step 2 (Automation: Transcription app)' },
      { item: 'Storyline | brief', party: null },
    ]);
    expect(brief.deliverables).toEqual([{ item: 'Final deck', party: null }]);
    expect(brief.steps[2]!.who).toBe('You (Deck designer)');
    expect(brief.minutes).toEqual({ total: 630, outtasker: 600 });
  });

  it('lists what the out-tasker receives from the firm and hands back for its review, not the whole procedure’s', () => {
    const partner = { kind: 'member' as const, ref: 'm-p', name: 'Partner' };
    const steps = [
      step('Record the interviews', {
        performer: elena,
        inputs: ['Interview guide'],
        outputs: ['Recordings'],
      }),
      step('Write the storyline', {
        performer: elena,
        inputs: ['Recordings'],
        outputs: ['Storyline', 'Theme counts', 'Quotes'],
      }),
      step('Draft the slides', {
        performer: designer,
        inputs: ['Storyline', 'Theme counts', 'Quotes', 'House template'],
        outputs: ['Draft slides'],
      }),
      step('Polish the slides', {
        performer: designer,
        inputs: ['Draft slides', 'Storyline'],
        outputs: ['Draft deck', 'Slide notes'],
      }),
      step('Partner review', { performer: partner, inputs: ['Draft deck'], outputs: ['Final deck'] }),
    ];
    const b = buildBrief({ ...briefInput, version: { ...version, steps } });
    expect(b.inputs).toEqual([
      { item: 'Storyline', party: 'step 2 (Larkspur Advisory: Elena)' },
      { item: 'Theme counts', party: 'step 2 (Larkspur Advisory: Elena)' },
      { item: 'Quotes', party: 'step 2 (Larkspur Advisory: Elena)' },
      { item: 'House template', party: null },
    ]);
    expect(b.deliverables).toEqual([
      { item: 'Draft deck', party: 'step 5 (Larkspur Advisory: Partner)' },
      { item: 'Slide notes', party: null },
    ]);
    const md = briefToMarkdown(b);
    expect(md).toContain(
      '## What you receive\n\n- Storyline, from step 2 (Larkspur Advisory: Elena)\n- Theme counts, from step 2',
    );
    expect(md).toContain('## What you deliver\n\n- Draft deck, to step 5 (Larkspur Advisory: Partner)\n');
    expect(md).not.toMatch(/## What you receive[^#]*Recordings/);

    // With no out-tasker step, the brief is the whole procedure's: its inputs and its end results.
    const inHouse = buildBrief({
      ...briefInput,
      version: { ...version, steps: steps.map((x) => ({ ...x, performer: elena })) },
    });
    expect(inHouse.inputs.map((h) => h.item)).toEqual(['Interview guide', 'House template']);
    expect(inHouse.deliverables.map((h) => h.item)).toEqual(['Slide notes', 'Final deck']);
  });

  it('writes Markdown with every section, tables kept intact', () => {
    const md = briefToMarkdown(brief);
    for (const h of [
      '## Purpose',
      '## What you receive',
      '## What you deliver',
      '## Steps',
      '## Forms',
      '## Acceptance criteria',
      '## Turnaround',
    ]) {
      expect(md).toContain(h);
    }
    expect(md).toContain('| Deliverable | 40 slides at $11.00 per slide |');
    expect(md).toContain('- Storyline \\| brief');
    expect(md).toContain('\\# Not a heading');
    expect(md).toContain('- [ ] One slide per theme, with how many raised it _(step 3)_');
    expect(md).toContain(
      '6. **Where could technology and automation change how the company works?** `technology`',
    );
    expect(md).toContain('Within 24 hours of receiving the inputs.');
    expect(md).not.toContain('Type up handwritten notes');
  });

  it('writes a DOCX that LibreOffice opens, with the brief’s text on its pages', async () => {
    const bytes = await briefToDocx(brief);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toContain('word/document.xml');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-brief-'));
    dirs.push(dir);
    const docx = path.join(dir, 'brief.docx');
    fs.writeFileSync(docx, bytes);
    const profile = path.join(os.tmpdir(), `lo-${randomBytes(6).toString('hex')}`);
    dirs.push(profile);
    execFileSync(
      'libreoffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
      { timeout: 150_000, stdio: 'ignore' },
    );
    const pdf = path.join(dir, 'brief.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(0);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const s of [
      'STANDARD OPERATING PROCEDURE',
      'Build the executive interview summary deck',
      'Purpose',
      'What you receive',
      'Transcripts, from step 2 (Automation: Transcription app)',
      'Storyline | brief',
      'What you deliver',
      'Final deck',
      'Steps at a glance',
      'You (Deck designer)',
      'One slide per theme, with how many raised it',
      'What would success look like three years from now?',
      'Within 24 hours of receiving the inputs.',
      `Page 1 of ${pages}`,
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('Type up handwritten notes');
    // What they receive is what their first step takes in, not the recordings the firm starts from.
    const receive = text.slice(text.indexOf('What you receive'), text.indexOf('What you deliver'));
    expect(receive).not.toContain('Interview recordings');
    // A picture of the first page, to look at (tmp/ is ignored by git).
    const out = path.join(import.meta.dirname, '..', '..', 'tmp', 'procedures-brief');
    fs.mkdirSync(out, { recursive: true });
    execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '2', pdf, path.join(out, 'page')]);
    expect(fs.readdirSync(out).some((f) => f.startsWith('page') && f.endsWith('.png'))).toBe(true);
  }, 180_000);
});
