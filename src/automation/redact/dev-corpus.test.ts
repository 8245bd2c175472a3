/**
 * On the Brindlemoor development corpus: with the workspace's lists (interviewees, interviewers,
 * the organisations), every occurrence of every listed name and organisation is redacted — first
 * names alone, "Pruett, Joanne", "(Guest)" labels, file names — in all four formats.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devCorpusPresent, devLists, devTranscripts, evaluate } from '../../../test/helpers/dev-corpus.ts';
import { redactFiles } from './redact-files.ts';

describe('redaction on the development corpus', () => {
  it('redacts 100% of the listed names and organisations wherever they occur', {
    timeout: 300_000,
  }, async (ctx) => {
    if (!devCorpusPresent()) {
      ctx.skip(
        '../shared/eval/interviews-dev is absent here (it sits beside the checkout on the team machines)',
      );
      return;
    }
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'outtask-redact-dev-'));
    try {
      const { people, lists } = devLists();
      const mapping = await redactFiles(devTranscripts(), { lists, outDir: out });
      expect(mapping.files.filter((f) => f.error)).toEqual([]);
      const r = evaluate(mapping, out, people);
      expect(r.names.reduce((n, t) => n + t.occurrences, 0)).toBeGreaterThan(1000);
      expect(r.names.filter((t) => t.surviving > 0)).toEqual([]);
      expect(r.orgs.reduce((n, t) => n + t.occurrences, 0)).toBeGreaterThan(40);
      expect(r.orgs.filter((t) => t.surviving > 0)).toEqual([]);
      for (const name of r.fileNames) expect(name).toMatch(/^\d\d_PERSON_\d+\.(txt|vtt|srt|json)$/);
      // One interviewee, one pseudonym, whatever the spelling.
      const joanne = mapping.pseudonyms.find((p) => p.key === 'Joanne Pruett')!;
      expect(joanne.seen).toEqual(expect.arrayContaining(['Joanne', 'Pruett, Joanne']));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
