/**
 * End-to-end synthesis speed at programme scale (issue 13): 25, 50, 200 and 500 interview transcripts
 * of ~9,000 words (WebVTT files in a temp dir) to the finished deck and insights.json, each in a child
 * process timed with /usr/bin/time -v for wall time and peak memory, with CPU time per stage. Beside
 * each, in the same run, the floor: a bare wink-nlp pass (readDoc + every token) over the same text.
 * The corpus has planted themes (bench/corpus, AI adoption), so each size is also scored against its
 * answer key: the judgement at 500 should be no worse than at 50 (recall and precision within 0.1
 * below, prevalence error as a share of the interviews within 0.05 above). Its padding is said with
 * varied circumstances (bench/corpus/variety.ts), so that sentences rarely repeat and clustering,
 * which works on distinct units, is measured at its real cost; --templates for the old corpus, whose
 * few thousand template sentences repeat over and over.
 * Targets: at 500, peak RSS < 1 GB and wall ≤ 1.5× the floor; at 50, < 5 s.
 * Run: node --import tsx bench/synthesis-speed.ts [--sizes 25,50,200,500 | --interviews N] [--words N] [--templates] [--keep]
 * Writes bench/results/synthesis-speed.json.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
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
      if (s !== stage || process.env.OUTTASK_TRACE_MEMORY) {
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
          // The high-water mark so far (Linux): which stage the peak falls in.
          const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
          console.error(
            `memory at ${s}: rss ${mb(m.rss)} heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} arrayBuffers ${mb(m.arrayBuffers)} peak so far ${hwm ? Math.round(Number(hwm) / 1024) : '?'}`,
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

// ── parent: per size, generate, floor, pipeline, score ────────────────────────────────────────────
const { aiAdoption, generateCorpus, scoreInsights } = await import('./corpus/index.ts');
const { formToYaml } = await import('../src/synthesis/form.ts');
const { readFile } = await import('node:fs/promises');

const sizesArg = args.indexOf('--sizes');
const SIZES = args.includes('--interviews')
  ? [arg('--interviews', 50)]
  : sizesArg >= 0
    ? args[sizesArg + 1]!.split(',').map(Number)
    : [25, 50, 200, 500];
const WORDS = arg('--words', 9000);
const VARIED = !args.includes('--templates');

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

const winkNLP = (await import('wink-nlp')).default;
const model = (await import('wink-eng-lite-web-model')).default;
const nlp = winkNLP(model);
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

async function measure(interviews: number) {
  const generated = performance.now();
  const corpus = generateCorpus(aiAdoption, { interviews, targetWords: WORDS, seed: 4242, varied: VARIED });
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
    `\n${interviews} interviews: generated ${totalWords.toLocaleString('en-US')} words in ${Math.round(performance.now() - generated)} ms (${dir})`,
  );

  // The floor: wink-nlp tokenising the same text, nothing else (model loaded once, before).
  const winkStart = performance.now();
  const winkCpu = process.cpuUsage();
  let tokens = 0;
  for (const text of texts) {
    nlp
      .readDoc(text)
      .tokens()
      .each(() => {
        tokens += 1;
      });
  }
  const floorSeconds = (performance.now() - winkStart) / 1000;
  // CPU seconds too: on a shared machine the wall ratio swings with the load, the CPU ratio much less.
  const winkCpuUsed = process.cpuUsage(winkCpu);
  const floorCpuSeconds = (winkCpuUsed.user + winkCpuUsed.system) / 1e6;
  console.log(
    `  floor: bare wink-nlp pass over ${tokens.toLocaleString('en-US')} tokens in ${floorSeconds.toFixed(2)} s`,
  );

  // The pipeline, in its own process, as `outtask deck` runs it.
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
    stagesCpuMs: Record<string, number>;
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
  const cpuOf = (label: string) =>
    Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(child.stderr)?.[1]);
  const pipelineCpuSeconds = timeBin ? cpuOf('User') + cpuOf('System') : Number.NaN;
  // The judgement: the insights against the corpus's planted themes.
  const insights = JSON.parse(await readFile(join(dir, 'insights.json'), 'utf8'));
  const score = scoreInsights(corpus.gold, insights, []);
  // Mean count error of matched themes as a share of the interviews: comparable across sizes.
  const prevalenceShareError = Number((score.prevalenceError / interviews).toFixed(4));
  const distinct = new Set(texts.flatMap((t) => t.split(/(?<=[.?!])\s+/))).size;
  const ratio = pipelineSeconds / floorSeconds;
  const cpuRatio = pipelineCpuSeconds / floorCpuSeconds;
  console.log(
    `  pipeline: ${pipelineSeconds.toFixed(2)} s (${(inner.pipelineMs / 1000).toFixed(2)} s work + ${(inner.importMs / 1000).toFixed(2)} s loading modules), ${ratio.toFixed(2)}× the floor (CPU ${pipelineCpuSeconds.toFixed(1)} s, ${cpuRatio.toFixed(2)}× the floor's ${floorCpuSeconds.toFixed(1)} s); peak RSS ${peakRssMb} MB; ` +
      `${inner.themes} themes (recall ${score.themeRecall}, precision ${score.themePrecision}, prevalence error ${(100 * prevalenceShareError).toFixed(1)}% of interviews), ${inner.splits} splits, ${inner.slides} slides`,
  );
  console.log(`  CPU per stage (ms): ${JSON.stringify(inner.stagesCpuMs)}`);
  if (!args.includes('--keep')) await rm(dir, { recursive: true, force: true });
  return {
    interviews,
    loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
    words: totalWords,
    distinctSentences: distinct,
    floor: {
      seconds: Number(floorSeconds.toFixed(3)),
      cpuSeconds: Number(floorCpuSeconds.toFixed(3)),
      tokens,
    },
    pipeline: {
      seconds: Number(pipelineSeconds.toFixed(3)),
      workSeconds: Number((inner.pipelineMs / 1000).toFixed(3)),
      moduleLoadSeconds: Number((inner.importMs / 1000).toFixed(3)),
      processWallSeconds: Number((processWallMs / 1000).toFixed(3)),
      cpuSeconds: Number(pipelineCpuSeconds.toFixed(3)),
      stagesMs: inner.stagesMs,
      stagesCpuMs: inner.stagesCpuMs,
      peakRssMb,
    },
    ratioToFloor: Number(ratio.toFixed(3)),
    cpuRatioToFloor: Number(cpuRatio.toFixed(3)),
    themes: inner.themes,
    splits: inner.splits,
    crossCutting: inner.crossCutting,
    slides: inner.slides,
    quality: {
      recall: score.themeRecall,
      precision: score.themePrecision,
      prevalenceError: score.prevalenceError,
      prevalenceShareError,
    },
  };
}

const runs: Awaited<ReturnType<typeof measure>>[] = [];
for (const n of SIZES) runs.push(await measure(n));
const at = (n: number) => runs.find((r) => r.interviews === n);
const largest = runs.at(-1)!;
const result = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
  },
  corpus: {
    spec: aiAdoption.name,
    wordsPerInterviewTarget: WORDS,
    wording: VARIED
      ? 'padding said with varied circumstances (bench/corpus/variety.ts)'
      : 'template sentences (--templates)',
    format: 'WebVTT files',
    floor: 'wink-nlp readDoc + iterate every token over the same spoken text, in the parent, same run',
    pipeline:
      'files → readTranscript → analyzeInterviews → writeDeck → deck.pptx + insights.json (child process)',
  },
  runs,
  targets: { largest: { peakRssMb: 1024, ratioToFloor: 1.5 }, at50: { seconds: 5 } },
  pass: {
    largestMemory: largest.pipeline.peakRssMb < 1024,
    largestRatio: largest.ratioToFloor <= 1.5,
    at50: at(50) ? at(50)!.pipeline.seconds < 5 : null,
    // Fails only when the judgement at 500 is worse than at 50 (better is no failure).
    sameJudgement:
      at(50) && at(500)
        ? at(500)!.quality.recall >= at(50)!.quality.recall - 0.1 &&
          at(500)!.quality.precision >= at(50)!.quality.precision - 0.1 &&
          at(500)!.quality.prevalenceShareError <= at(50)!.quality.prevalenceShareError + 0.05
        : null,
  },
};
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(
  join(import.meta.dirname, 'results', 'synthesis-speed.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);
console.log(`\n${JSON.stringify(result.pass)}`);
