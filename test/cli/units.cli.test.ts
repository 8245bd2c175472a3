/** `outtask units FILE`, run as a user would. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDocx, aPdf, aPptx } from '../factories/documents.ts';
import { outtask } from '../helpers/cli.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-cli-units-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('outtask units', { timeout: 120_000 }, () => {
  it('prints { file, unit: "slide", units } for a deck, hidden slides apart', async () => {
    const deck = path.join(dir, 'deck.pptx');
    fs.writeFileSync(deck, await aPptx(12, [12]));
    const r = outtask(['units', deck, '--json'], { OUTTASK_DATA_DIR: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: deck, unit: 'slide', units: 11, hiddenSlides: [12] });
    const text = outtask(['units', deck], { OUTTASK_DATA_DIR: dir });
    expect(text.stdout).toMatch(/deck\.pptx: 11 slides \(1 hidden slide not counted: 12\)/);
  });

  it('counts pages of a DOCX (an estimate, said so) and a PDF', async () => {
    const docx = path.join(dir, 'brief.docx');
    fs.writeFileSync(docx, await aDocx({ pages: 2 }));
    const pdf = path.join(dir, 'brief.pdf');
    fs.writeFileSync(pdf, aPdf(6));
    const d = outtask(['units', docx, '--json'], { OUTTASK_DATA_DIR: dir });
    expect(JSON.parse(d.stdout)).toMatchObject({ unit: 'page', units: 2, estimated: true });
    expect(outtask(['units', docx], { OUTTASK_DATA_DIR: dir }).stdout).toMatch(/about 2 pages — an estimate/);
    const p = outtask(['units', pdf, '--json'], { OUTTASK_DATA_DIR: dir });
    expect(JSON.parse(p.stdout)).toMatchObject({ file: pdf, unit: 'page', units: 6 });
  });

  it('exits 2 with a message for a file it cannot count, 3 for a missing one', () => {
    const txt = path.join(dir, 'notes.txt');
    fs.writeFileSync(txt, 'hello');
    const r = outtask(['units', txt, '--json'], { OUTTASK_DATA_DIR: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/notes\.txt: not a zip package nor a PDF/);
    expect(outtask(['units', path.join(dir, 'nope.pptx')], { OUTTASK_DATA_DIR: dir }).code).toBe(3);
  });
});
