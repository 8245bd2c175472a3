import { describe, expect, it } from 'vitest';
import {
  aiAdoption,
  clientOnboarding,
  executiveInterview,
  generateCorpus,
  hospitalDischarge,
} from './index.ts';

describe('labelled corpus generator', () => {
  for (const spec of [aiAdoption, hospitalDischarge, clientOnboarding, executiveInterview]) {
    it(`${spec.name}: is deterministic and its gold labels point at real text`, () => {
      const a = generateCorpus(spec);
      const b = generateCorpus(spec);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      expect(JSON.stringify(generateCorpus(spec, { seed: spec.seed + 1 }).transcripts)).not.toBe(
        JSON.stringify(a.transcripts),
      );
      expect(a.transcripts.length).toBeGreaterThanOrEqual(20);
      const formats = new Set(a.transcripts.map((t) => t.format));
      expect(formats.has('whisper-json') && formats.has('text-headings')).toBe(true);
      expect(a.gold.splits.length).toBeGreaterThanOrEqual(1);
      for (const s of a.gold.splits)
        for (const side of s.sides) expect(side.interviews.length).toBeGreaterThanOrEqual(2);
      const ids = new Set(a.transcripts.map((t) => t.id));
      for (const g of a.gold.themes) {
        expect(g.interviews.length).toBeGreaterThan(0);
        for (const i of g.interviews) expect(ids.has(i)).toBe(true);
      }
      let twoThemeSentences = 0;
      for (const t of a.transcripts) {
        for (const span of a.gold.alignment[t.id]!) {
          const text = t.turns[span.turn]!.text.slice(span.from, span.to);
          expect(text.length).toBeGreaterThan(0);
          expect(/[.?!]$/.test(text)).toBe(true);
          if (span.themes.length === 2) twoThemeSentences++;
          // A sentence carrying a theme answers the question the theme belongs to.
          for (const th of span.themes)
            expect(a.gold.themes.find((g) => g.id === th)?.question).toBe(span.question);
        }
      }
      expect(twoThemeSentences).toBeGreaterThan(0);
    });
  }

  it('scales answers up to a word target for speed runs', () => {
    const big = generateCorpus(hospitalDischarge, { interviews: 2, targetWords: 3000 });
    for (const t of big.transcripts) {
      const words = t.turns.reduce((n, x) => n + x.text.split(' ').length, 0);
      expect(words).toBeGreaterThan(2800);
      expect(words).toBeLessThan(4500);
    }
  });
});

describe('corpus files', () => {
  it('are read back by the transcript readers into the same turns', async () => {
    const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { readTranscript } = await import('../../src/synthesis/readers/index.ts');
    const { writeCorpus } = await import('./write.ts');
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    try {
      const corpus = generateCorpus(hospitalDischarge, { interviews: 6 });
      const files = writeCorpus(corpus, dir);
      for (const [k, file] of files.entries()) {
        const read = await readTranscript({ file, bytes: readFileSync(file) });
        const made = corpus.transcripts[k]!;
        expect(read.id).toBe(made.id);
        expect(read.format).toBe(made.format);
        expect(read.turns.map((t) => [t.speaker, t.text])).toEqual(
          made.turns.map((t) => [t.speaker, t.text]),
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
