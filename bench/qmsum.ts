/**
 * QMSum (Zhong et al., NAACL 2021) validation split: `ask` on every query, general and specific,
 * scored with ROUGE-1/2/L F1 (rouge-score's tokenisation, NLTK Porter stemming, summary-level L
 * over one sentence per line on both sides), beside a seeded random 90-word window baseline
 * computed in the same run and the paper's test-set rows.
 *
 *   node --import tsx bench/qmsum.ts            # prints a table, writes bench/results/qmsum.json
 *   node --import tsx bench/qmsum.ts --verbose  # also prints each query's answer and scores
 */

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { askIndex, buildAskIndex } from '../src/synthesis/ask/index.ts';
import { rouge } from '../src/synthesis/rouge/index.ts';
import { splitSentences, stripMarkers } from '../src/synthesis/text/index.ts';
import type { Transcript } from '../src/synthesis/types.ts';

const here = dirname(fileURLToPath(import.meta.url));
const VAL_DIR = join(here, '..', '..', 'shared', 'eval', 'qmsum', 'val');
const OUT = join(here, 'results', 'qmsum.json');
const MAX_WORDS = 100;
const RANDOM_WINDOW = 90;
const SEED = 20210606;

const PAPER_TEST_ROWS = {
  Random: { r1: 12.03, r2: 1.32, rL: 11.76 },
  TextRank: { r1: 16.27, r2: 2.69, rL: 15.41 },
  PGNet: { r1: 28.74, r2: 5.98, rL: 25.13 },
  BART: { r1: 29.2, r2: 6.37, rL: 25.49 },
  'Extractive Oracle': { r1: 42.84, r2: 16.86, rL: 39.2 },
};

interface QmsumMeeting {
  meeting_transcripts: { speaker: string; content: string }[];
  general_query_list: { query: string; answer: string }[];
  specific_query_list: { query: string; answer: string }[];
}

/** QMSum text is PTB-tokenised ("we 're on ."): strip markers and glue punctuation and clitics back. */
function detokenise(s: string): string {
  return stripMarkers(s)
    .replace(/\s+([.,!?;:%)\]])/g, '$1')
    .replace(/([([])\s+/g, '$1')
    .replace(/\s+(n't|'s|'re|'ve|'ll|'d|'m)\b/gi, '$1')
    .replace(/\b(gon|wan|got) (na|ta)\b/gi, '$1$2')
    .replace(/\$\s+/g, '$')
    .replace(/\s+/g, ' ')
    .trim();
}

function toTranscript(id: string, m: QmsumMeeting): Transcript {
  const turns = m.meeting_transcripts
    .map((t) => ({ speaker: t.speaker.trim(), start: null, end: null, text: detokenise(t.content) }))
    .filter((t) => t.text.length > 0);
  return {
    id,
    file: `${id}.json`,
    format: 'text-colon',
    speakers: [...new Set(turns.map((t) => t.speaker))],
    turns,
  };
}

/** Deterministic RNG (mulberry32) so the random baseline is reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const oneSentencePerLine = (s: string) => splitSentences(s).join('\n');

interface Acc {
  n: number;
  r1: number;
  r2: number;
  rL: number;
}
const acc = (): Acc => ({ n: 0, r1: 0, r2: 0, rL: 0 });
function add(a: Acc, reference: string, candidate: string): { r1: number; r2: number; rL: number } {
  const s = rouge(oneSentencePerLine(reference), oneSentencePerLine(candidate));
  const r = { r1: s.rouge1.f1 * 100, r2: s.rouge2.f1 * 100, rL: s.rougeL.f1 * 100 };
  a.n++;
  a.r1 += r.r1;
  a.r2 += r.r2;
  a.rL += r.rL;
  return r;
}
const mean = (a: Acc) => ({
  n: a.n,
  r1: round(a.r1 / Math.max(a.n, 1)),
  r2: round(a.r2 / Math.max(a.n, 1)),
  rL: round(a.rL / Math.max(a.n, 1)),
});
const round = (x: number) => Math.round(x * 100) / 100;

function main(): void {
  if (!existsSync(VAL_DIR)) {
    console.log(
      `QMSum bench skipped: ${VAL_DIR} is absent (it lives in the shared eval folder beside the repo).`,
    );
    return;
  }
  const verbose = process.argv.includes('--verbose');
  const files = readdirSync(VAL_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const ours = { general: acc(), specific: acc(), all: acc() };
  const random = { general: acc(), specific: acc(), all: acc() };
  const next = rng(SEED);
  let answerWords = 0;
  let indexMs = 0;
  let askMs = 0;
  let transcriptWords = 0;
  const transcripts: Transcript[] = [];

  for (const f of files) {
    const id = basename(f, '.json');
    const m = JSON.parse(readFileSync(join(VAL_DIR, f), 'utf8')) as QmsumMeeting;
    const t = toTranscript(id, m);
    transcripts.push(t);
    const allWords = t.turns.flatMap((x) => x.text.split(/\s+/));
    transcriptWords += allWords.length;
    const t0 = performance.now();
    const index = buildAskIndex([t]);
    indexMs += performance.now() - t0;
    const queries = [
      ...m.general_query_list.map((q) => ({ ...q, kind: 'general' as const })),
      ...m.specific_query_list.map((q) => ({ ...q, kind: 'specific' as const })),
    ];
    for (const q of queries) {
      const t1 = performance.now();
      const res = askIndex(index, q.query, { maxWords: MAX_WORDS });
      askMs += performance.now() - t1;
      answerWords += res.answer.split(/\s+/).length;
      const s = add(ours[q.kind], q.answer, res.answer);
      add(ours.all, q.answer, res.answer);
      const start = Math.floor(next() * Math.max(1, allWords.length - RANDOM_WINDOW));
      const window = allWords.slice(start, start + RANDOM_WINDOW).join(' ');
      add(random[q.kind], q.answer, window);
      add(random.all, q.answer, window);
      if (verbose) {
        console.log(
          `\n[${id}] ${q.query}\n  R1 ${s.r1.toFixed(1)} R2 ${s.r2.toFixed(1)} RL ${s.rL.toFixed(1)}`,
        );
        console.log(`  OURS: ${res.answer}\n  GOLD: ${q.answer}`);
      }
    }
  }

  // Speed at scale: 50 long transcripts (the meetings, then the first ones again under new ids)
  // in one index, then a topic question and a general one.
  const fifty = Array.from({ length: 50 }, (_, k) => {
    const t = transcripts[k % transcripts.length]!;
    return { ...t, id: `${t.id}#${k}` };
  });
  const fiftyWords = fifty.reduce(
    (n, t) => n + t.turns.reduce((m, x) => m + x.text.split(/\s+/).length, 0),
    0,
  );
  let t0 = performance.now();
  const big = buildAskIndex(fifty);
  const bigIndexMs = performance.now() - t0;
  t0 = performance.now();
  askIndex(big, 'What did the group decide about the budget and the schedule?');
  const bigAskMs = performance.now() - t0;
  t0 = performance.now();
  askIndex(big, 'Summarise the meetings');
  const bigGeneralMs = performance.now() - t0;

  const result = {
    benchmark: 'QMSum validation split, every query (general and specific)',
    scorer:
      'ROUGE F1 x100 as rouge-score (use_stemmer, NLTK Porter), L = summary-level over one sentence per line',
    meetings: files.length,
    transcriptWords,
    maxWords: MAX_WORDS,
    ask: { ...mean(ours.all), general: mean(ours.general), specific: mean(ours.specific) },
    randomWindow: {
      words: RANDOM_WINDOW,
      seed: SEED,
      ...mean(random.all),
      general: mean(random.general),
      specific: mean(random.specific),
    },
    paperTestSet: PAPER_TEST_ROWS,
    meanAnswerWords: round(answerWords / Math.max(ours.all.n, 1)),
    timing: {
      indexMsTotal: round(indexMs),
      askMsTotal: round(askMs),
      askMsPerQuery: round(askMs / Math.max(ours.all.n, 1)),
      fiftyTranscripts: {
        words: fiftyWords,
        indexMs: round(bigIndexMs),
        topicAskMs: round(bigAskMs),
        generalAskMs: round(bigGeneralMs),
      },
      loadAverage: loadavg()[0],
    },
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);

  const row = (name: string, r: { r1: number; r2: number; rL: number }) =>
    `${name.padEnd(34)} ${r.r1.toFixed(2).padStart(6)} ${r.r2.toFixed(2).padStart(6)} ${r.rL.toFixed(2).padStart(6)}`;
  console.log(
    `QMSum val: ${files.length} meetings, ${ours.all.n} queries, ${transcriptWords} transcript words`,
  );
  console.log(`${''.padEnd(34)}   R-1    R-2    R-L`);
  console.log(row('ask (all queries)', result.ask));
  console.log(row('  general', result.ask.general));
  console.log(row('  specific', result.ask.specific));
  console.log(row(`random ${RANDOM_WINDOW}-word window (same run)`, result.randomWindow));
  for (const [name, r] of Object.entries(PAPER_TEST_ROWS)) console.log(row(`paper test: ${name}`, r));
  console.log(
    `mean answer ${result.meanAnswerWords} words; index ${result.timing.indexMsTotal} ms, ask ${result.timing.askMsPerQuery} ms/query; ` +
      `50 transcripts (${fiftyWords} words) in one index: build ${round(bigIndexMs)} ms, topic question ${round(bigAskMs)} ms, ` +
      `general question ${round(bigGeneralMs)} ms (load average ${loadavg()[0]?.toFixed(1)})`,
  );
  console.log(`written ${OUT}`);
}

main();
