/**
 * End-to-end synthesis speed: 50 interview transcripts of ~9,000 words (≈ 450,000 words, written
 * as WebVTT files in a temp dir) to the finished deck and insights.json, in a child process timed
 * with /usr/bin/time -v for wall time and peak memory. Beside it, in the same run, the floor: a
 * bare wink-nlp pass (readDoc + every token) over the same text.
 * Target: < 5 s wall, < 1 GB peak RSS on this 2-core machine.
 * Run: node --import tsx bench/synthesis-speed.ts [--interviews N] [--words N] [--keep]
 * Writes bench/results/synthesis-speed.json.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Transcript } from '../src/synthesis/types.ts';

const run = promisify(execFile);
const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

// ── child: the pipeline alone, as `outtask deck` runs it ──────────────────────────────────────────
if (args[0] === '--child') {
  const dir = args[1]!;
  const t0 = performance.now();
  const { synthesizeFiles } = await import('../src/synthesis/index.ts');
  const imported = performance.now();
  const stages: Record<string, number> = {};
  // CPU time per stage too: on a shared machine wall time swings with the load, CPU time much less.
  const stagesCpu: Record<string, number> = {};
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let stage = '';
  let stageStart = imported;
  let stageCpu = cpuMs();
  const result = await synthesizeFiles({
    inputs: [join(dir, 'transcripts')],
    formFile: join(dir, 'form.yaml'),
    metaFile: join(dir, 'meta.csv'),
    out: join(dir, 'deck.pptx'),
    json: join(dir, 'insights.json'),
    now: new Date(0),
    onProgress: (_done, _total, s) => {
      if (s !== stage) {
        const now = performance.now();
        const cpu = cpuMs();
        if (stage) {
          stages[stage] = (stages[stage] ?? 0) + (now - stageStart);
          stagesCpu[stage] = (stagesCpu[stage] ?? 0) + (cpu - stageCpu);
        }
        // OUTTASK_TRACE_MEMORY=1 (with node --expose-gc): live memory at each stage boundary.
        if (process.env.OUTTASK_TRACE_MEMORY) {
          (globalThis as { gc?: () => void }).gc?.();
          const m = process.memoryUsage();
          const mb = (x: number) => Math.round(x / 1048576);
          console.error(
            `memory at ${s}: rss ${mb(m.rss)} heap ${mb(m.heapUsed)} arrayBuffers ${mb(m.arrayBuffers)}`,
          );
        }
        stage = s;
        stageStart = now;
        stageCpu = cpu;
      }
    },
  });
  const done = performance.now();
  if (stage) {
    stages[stage] = (stages[stage] ?? 0) + (done - stageStart);
    stagesCpu[stage] = (stagesCpu[stage] ?? 0) + (cpuMs() - stageCpu);
  }
  process.stdout.write(
    JSON.stringify({
      importMs: Math.round(imported - t0),
      pipelineMs: Math.round(done - imported),
      stagesMs: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(v)])),
      stagesCpuMs: Object.fromEntries(Object.entries(stagesCpu).map(([k, v]) => [k, Math.round(v)])),
      interviews: result.interviews,
      themes: result.themes,
      slides: result.slideCount,
      splits: result.splits,
      crossCutting: result.crossCutting,
    }),
  );
  process.exit(0);
}

// ── parent: generate, floor, pipeline ────────────────────────────────────────────────────────────
const { aiAdoption, generateCorpus } = await import('./corpus/index.ts');
const { formToYaml } = await import('../src/synthesis/form.ts');

const INTERVIEWS = arg('--interviews', 50);
const WORDS = arg('--words', 9000);

function vttTime(s: number): string {
  const ms = Math.round(s * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(ms / 3_600_000))}:${two(Math.floor((ms % 3_600_000) / 60_000))}:${two(Math.floor((ms % 60_000) / 1000))}.${String(ms % 1000).padStart(3, '0')}`;
}

const escapeVtt = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A transcript as WebVTT: one cue per turn, `<v Name>` voice tags, times at ~150 words a minute where missing. */
function toVtt(t: Transcript): string {
  const out = ['WEBVTT', ''];
  let clock = 0;
  t.turns.forEach((turn, i) => {
    const words = turn.text.split(/\s+/).length;
    const start = turn.start ?? clock;
    const end = turn.end ?? start + words / 2.5;
    clock = end + 0.4;
    out.push(String(i + 1), `${vttTime(start)} --> ${vttTime(Math.max(end, start + 0.5))}`);
    out.push(
      turn.speaker ? `<v ${escapeVtt(turn.speaker)}>${escapeVtt(turn.text)}` : escapeVtt(turn.text),
      '',
    );
  });
  return out.join('\n');
}

const spokenText = (t: Transcript) => t.turns.map((x) => x.text).join('\n');
const countWords = (s: string) => s.split(/\s+/).filter(Boolean).length;

const generated = performance.now();
const corpus = generateCorpus(aiAdoption, { interviews: INTERVIEWS, targetWords: WORDS, seed: 4242 });
const dir = await mkdtemp(join(tmpdir(), 'outtask-speed-'));
mkdirSync(join(dir, 'transcripts'));
await Promise.all(
  corpus.transcripts.map((t) => writeFile(join(dir, 'transcripts', `${t.id}.vtt`), toVtt(t))),
);
await writeFile(join(dir, 'form.yaml'), formToYaml(corpus.form));
await writeFile(
  join(dir, 'meta.csv'),
  [
    'id,role,date',
    ...Object.entries(corpus.meta).map(([id, m]) => `${id},"${m.role ?? ''}",${m.date ?? ''}`),
  ].join('\n'),
);
const texts = corpus.transcripts.map(spokenText);
const totalWords = texts.reduce((n, s) => n + countWords(s), 0);
console.log(
  `generated ${INTERVIEWS} transcripts, ${totalWords.toLocaleString('en-US')} words, in ${Math.round(performance.now() - generated)} ms (${dir})`,
);

// The floor: wink-nlp tokenising the same text, nothing else.
const winkStart = performance.now();
const winkNLP = (await import('wink-nlp')).default;
const model = (await import('wink-eng-lite-web-model')).default;
const nlp = winkNLP(model);
const winkLoaded = performance.now();
let tokens = 0;
for (const text of texts) {
  nlp
    .readDoc(text)
    .tokens()
    .each(() => {
      tokens += 1;
    });
}
const winkDone = performance.now();
console.log(
  `floor: bare wink-nlp pass over ${tokens.toLocaleString('en-US')} tokens in ${((winkDone - winkLoaded) / 1000).toFixed(2)} s (+ ${Math.round(winkLoaded - winkStart)} ms model load)`,
);

// The pipeline, in its own process, as `outtask deck` runs it.
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const node = [
  process.execPath,
  '--import',
  'tsx',
  join(import.meta.dirname, 'synthesis-speed.ts'),
  '--child',
  dir,
];
const started = performance.now();
const child = timeBin
  ? await run(timeBin, ['-v', ...node], { maxBuffer: 1e8 })
  : await run(node[0]!, node.slice(1), { maxBuffer: 1e8 });
const processWallMs = performance.now() - started;
const inner = JSON.parse(child.stdout) as {
  importMs: number;
  pipelineMs: number;
  stagesMs: Record<string, number>;
  interviews: number;
  themes: number;
  slides: number;
  splits: number;
  crossCutting: number;
};
const peakRssKb = timeBin
  ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1])
  : Number.NaN;
const pipelineSeconds = (inner.importMs + inner.pipelineMs) / 1000;
const peakRssMb = Math.round(peakRssKb / 1024);
console.log(
  `pipeline: files → deck + insights.json in ${pipelineSeconds.toFixed(2)} s (${(inner.pipelineMs / 1000).toFixed(2)} s work + ${(inner.importMs / 1000).toFixed(2)} s loading modules); ` +
    `process wall ${(processWallMs / 1000).toFixed(2)} s with node/tsx start-up; peak RSS ${peakRssMb} MB; ${inner.themes} themes, ${inner.slides} slides`,
);
console.log(`stages (ms): ${JSON.stringify(inner.stagesMs)}`);

const result = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
  corpus: {
    spec: aiAdoption.name,
    interviews: INTERVIEWS,
    wordsPerInterviewTarget: WORDS,
    words: totalWords,
    format: 'WebVTT files',
  },
  floor: {
    what: 'wink-nlp readDoc + iterate every token over the same spoken text',
    seconds: Number(((winkDone - winkLoaded) / 1000).toFixed(3)),
    modelLoadMs: Math.round(winkLoaded - winkStart),
    tokens,
  },
  pipeline: {
    what: 'files → readTranscript → analyzeInterviews → writeDeck → deck.pptx + insights.json (child process)',
    seconds: Number(pipelineSeconds.toFixed(3)),
    workSeconds: Number((inner.pipelineMs / 1000).toFixed(3)),
    moduleLoadSeconds: Number((inner.importMs / 1000).toFixed(3)),
    processWallSeconds: Number((processWallMs / 1000).toFixed(3)),
    stagesMs: inner.stagesMs,
    peakRssMb,
    interviews: inner.interviews,
    themes: inner.themes,
    splits: inner.splits,
    crossCutting: inner.crossCutting,
    slides: inner.slides,
  },
  target: { seconds: 5, peakRssMb: 1024 },
  pass: pipelineSeconds < 5 && peakRssMb < 1024,
};
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(
  join(import.meta.dirname, 'results', 'synthesis-speed.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);
console.log(result.pass ? 'PASS: under 5 s and 1 GB' : 'MISS: over the 5 s / 1 GB target');
if (!args.includes('--keep')) await rm(dir, { recursive: true, force: true });
