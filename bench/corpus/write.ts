/**
 * Writes the labelled corpora to disk as real transcript files, for end-to-end runs of the CLI and
 * the deck: bench/corpus/files/<corpus>/ gets form.yaml, manifest.json (role and date per
 * interview), gold.json, and one file per interview — "Name  M:SS" heading text (.txt) for the
 * speaker-labelled ones, Whisper JSON (.json) for the unlabelled ones.
 * Run: node --import tsx bench/corpus/write.ts [--interviews N] [--words N] [--out DIR]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import type { Transcript } from '../../src/synthesis/types.ts';
import { generateCorpus } from './generate.ts';
import type { Corpus } from './spec.ts';
import { aiAdoption } from './specs/ai-adoption.ts';
import { clientOnboarding } from './specs/client-onboarding.ts';
import { hospitalDischarge } from './specs/hospital-discharge.ts';

/** Text with "Speaker  M:SS" heading lines, as meeting recorders export it. */
export function toHeadingText(t: Transcript): string {
  return `${t.turns.map((turn) => `${turn.speaker ?? 'Speaker'}  ${clock(turn.start ?? 0)}\n${turn.text}\n`).join('\n')}`;
}

/** Whisper CLI JSON: segments with start, end and text (no speakers). */
export function toWhisperJson(t: Transcript): string {
  const segments = t.turns.map((turn, id) => ({
    id,
    start: turn.start ?? 0,
    end: turn.end ?? turn.start ?? 0,
    text: ` ${turn.text}`,
  }));
  return JSON.stringify({ text: segments.map((s) => s.text).join(''), segments, language: 'en' });
}

export function writeCorpus(corpus: Corpus, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'form.yaml'), stringify(corpus.form));
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(corpus.meta, null, 2)}\n`);
  writeFileSync(join(dir, 'gold.json'), `${JSON.stringify(corpus.gold)}\n`);
  return corpus.transcripts.map((t) => {
    const file = join(dir, t.file);
    writeFileSync(file, t.format === 'whisper-json' ? toWhisperJson(t) : toHeadingText(t));
    return file;
  });
}

function clock(seconds: number): string {
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const interviews = arg('--interviews') ? Number(arg('--interviews')) : undefined;
  const targetWords = arg('--words') ? Number(arg('--words')) : undefined;
  const out = arg('--out') ?? fileURLToPath(new URL('./files/', import.meta.url));
  for (const spec of [aiAdoption, hospitalDischarge, clientOnboarding]) {
    const files = writeCorpus(generateCorpus(spec, { interviews, targetWords }), join(out, spec.name));
    console.log(`${spec.name}: ${files.length} transcripts in ${join(out, spec.name)}`);
  }
}
