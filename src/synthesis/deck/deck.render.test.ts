/**
 * Renders real decks with LibreOffice (PPTX → PDF → PNG) and checks that every slide is there.
 * Skipped, with a message, only when LibreOffice is not installed.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleInsights } from './fixtures/sample-insights.ts';
import { defaultTheme } from './theme.ts';
import { writeDeck } from './write-deck.ts';

const run = promisify(execFile);

async function has(cmd: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${cmd}`]);
    return true;
  } catch {
    return false;
  }
}

const libreoffice = await has('libreoffice');
const poppler = (await has('pdfinfo')) && (await has('pdftoppm'));
if (!libreoffice)
  console.warn('deck.render.test: libreoffice is not installed; skipping the PPTX → PDF rendering checks');
if (libreoffice && !poppler)
  console.warn('deck.render.test: poppler-utils (pdfinfo, pdftoppm) missing; skipping page checks');

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outtask-deck-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function toPdf(pptx: string): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), 'lo-'));
  try {
    await run(
      'libreoffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, pptx],
      { timeout: 120_000 },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return pptx.replace(/\.pptx$/, '.pdf');
}

async function pdfPages(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
}

describe.skipIf(!libreoffice || !poppler)('deck rendered by LibreOffice', () => {
  it('has every slide: PDF page count equals the slide count, and every page renders to PNG', async () => {
    const deck = await writeDeck(sampleInsights(), { anonymize: true });
    const file = join(dir, 'sample.pptx');
    await writeFile(file, deck.pptx);
    const pdf = await toPdf(file);
    expect(await pdfPages(pdf)).toBe(deck.slideCount);
    await run('pdftoppm', ['-png', '-r', '30', pdf, join(dir, 'page')], { timeout: 120_000 });
    const pngs = (await readdir(dir)).filter((f) => /^page-\d+\.png$/.test(f));
    expect(pngs).toHaveLength(deck.slideCount);
    for (const png of pngs) expect((await stat(join(dir, png))).size).toBeGreaterThan(1000);
  }, 180_000);

  it('renders a themed deck with a logo and a wide font without losing slides', async () => {
    const pngOnePixel =
      'image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const theme = {
      ...defaultTheme,
      fonts: { heading: 'DejaVu Sans', body: 'DejaVu Sans' },
      logo: { data: pngOnePixel, width: 300, height: 100 },
    };
    const deck = await writeDeck(sampleInsights(), { theme });
    const file = join(dir, 'themed.pptx');
    await writeFile(file, deck.pptx);
    expect(await pdfPages(await toPdf(file))).toBe(deck.slideCount);
  }, 180_000);
});
