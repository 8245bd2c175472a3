/**
 * Writes the sample interviews shipped in examples/executive-interviews/: 24 synthetic executive
 * interviews on the demo workspace's "Executive interview" form, in the formats firms actually have
 * (Teams WebVTT, meeting-recorder text, SRT, Whisper JSON without speakers), with interviews.csv
 * (role and date per interview). The web app offers them as sample data and the README's `outtask deck`
 * example reads them. The people and the company are invented.
 * Run: node --import tsx bench/corpus/examples.ts [--out DIR]
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_FORM_YAML_V2 } from '../../src/demo/index.ts';
import { parseFormYaml } from '../../src/synthesis/form.ts';
import type { Transcript } from '../../src/synthesis/types.ts';
import { generateCorpus } from './generate.ts';
import { executiveInterview } from './specs/executive-interview.ts';
import { toHeadingText, toWhisperJson } from './write.ts';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function cueTime(seconds: number, sep: '.' | ','): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${pad(h)}:${pad(m)}:${pad(s)}${sep}${pad(ms % 1000, 3)}`;
}

function ends(t: Transcript, i: number): [number, number] {
  const turn = t.turns[i]!;
  const start = turn.start ?? 0;
  return [start, turn.end ?? t.turns[i + 1]?.start ?? start + 5];
}

/** Teams-style WebVTT: one cue per turn, speaker in a voice tag. */
export function toTeamsVtt(t: Transcript): string {
  const cues = t.turns.map((turn, i) => {
    const [a, b] = ends(t, i);
    return `${pad(i + 1, 4)}\n${cueTime(a, '.')} --> ${cueTime(b, '.')}\n<v ${turn.speaker ?? 'Speaker'}>${turn.text}</v>`;
  });
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

/** SRT with "Name: " prefixes, as many captioning tools write it. */
export function toNamedSrt(t: Transcript): string {
  const cues = t.turns.map((turn, i) => {
    const [a, b] = ends(t, i);
    return `${i + 1}\n${cueTime(a, ',')} --> ${cueTime(b, ',')}\n${turn.speaker ?? 'Speaker'}: ${turn.text}`;
  });
  return `${cues.join('\n\n')}\n`;
}

export function writeExamples(dir: string): string[] {
  // Draw +1: one whose split the engine finds, so the samples show every kind of slide. It finds the
  // split in 6 of 10 draws of this corpus (bench/synthesis-quality.ts reports all ten).
  const corpus = generateCorpus(executiveInterview, { seed: executiveInterview.seed + 1 });
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f !== 'README.md') rmSync(join(dir, f));
  // The form they were asked on is the demo workspace's, hints included: one source, so `outtask deck`
  // on form.yaml and the app on the demo's form build the same deck (src/demo/demo-forms.test.ts).
  const form = parseFormYaml(DEMO_FORM_YAML_V2, 'the demo form');
  const same = (q: { id: string; text: string }[]) => q.map((x) => `${x.id}: ${x.text}`).join('\n');
  if (same(form.questions) !== same(corpus.form.questions))
    throw new Error('The sample corpus asks other questions than the demo form (src/demo/demo-forms.ts)');
  writeFileSync(join(dir, 'form.yaml'), DEMO_FORM_YAML_V2);
  const rows = corpus.transcripts.map((t) => {
    const m = corpus.meta[t.id] ?? {};
    return `${t.id},"${(m.role ?? '').replace(/"/g, '""')}",${m.date ?? ''}`;
  });
  writeFileSync(join(dir, 'interviews.csv'), `id,role,date\n${rows.join('\n')}\n`);
  return corpus.transcripts.map((t, n) => {
    // Unlabelled ones are Whisper output; the rest rotate through what recorders and meeting tools export.
    const [ext, text] =
      t.format === 'whisper-json'
        ? ['json', toWhisperJson(t)]
        : n % 4 === 3
          ? ['srt', toNamedSrt(t)]
          : n % 2 === 1
            ? ['txt', toHeadingText(t)]
            : ['vtt', toTeamsVtt(t)];
    const file = join(dir, `${t.id}.${ext}`);
    writeFileSync(file, text);
    return file;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--out');
  const out =
    i >= 0
      ? process.argv[i + 1]!
      : fileURLToPath(new URL('../../examples/executive-interviews/', import.meta.url));
  const files = writeExamples(out);
  console.log(`${files.length} transcripts, form.yaml and interviews.csv in ${out}`);
}
