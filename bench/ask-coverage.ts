/**
 * Does `ask` say so when the transcripts do not discuss the question, and does it still answer when
 * they do? Four question sets, all read from the shared eval folder beside the repo:
 *
 * - QMSum val, covered: every specific query asked of its own meeting (false declines).
 * - QMSum val, not covered: every specific query asked of a meeting of another domain (AMI product
 *   design / ICSI research / parliament committees), paired by position (declines).
 *   Informational: queries asked of another meeting series of the same domain — many of those are
 *   genuinely discussed there (every AMI meeting designs a remote control), so no target applies.
 * - interviews-dev, covered: the six form questions, a question per answer-key theme (its statement)
 *   and hand-written questions a consultant would ask (false declines).
 * - interviews-dev, not covered: hand-written off-topic questions, each checked by hand against the
 *   transcripts, several sharing words with them ("clinic staff", "data", "board").
 *
 * And whether citations bear on the question: on QMSum, the share of cited turns inside the query's
 * gold relevant spans; on interviews-dev, the share of citations of a theme question that come from
 * an interviewee the answer key lists for that theme.
 *
 *   node --import tsx bench/ask-coverage.ts            # table, writes bench/results/ask-coverage.json
 *   node --import tsx bench/ask-coverage.ts --verbose  # also every miss
 *   node --import tsx bench/ask-coverage.ts --sweep    # decline / false-decline rates over the coverage settings
 */

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coverage, DEFAULT_COVERAGE } from '../src/synthesis/ask/coverage.ts';
import { type AskIndex, askIndex, buildAskIndex } from '../src/synthesis/ask/index.ts';
import { analyseQuery } from '../src/synthesis/ask/query.ts';
import { readTranscriptInputs } from '../src/synthesis/files.ts';
import { stripMarkers } from '../src/synthesis/text/index.ts';
import type { Transcript } from '../src/synthesis/types.ts';
import { DEV_OFF_TOPIC, DEV_ON_TOPIC } from './ask-questions.ts';

const here = dirname(fileURLToPath(import.meta.url));
const EVAL = join(here, '..', '..', 'shared', 'eval');
const VAL_DIR = join(EVAL, 'qmsum', 'val');
const DEV_DIR = join(EVAL, 'interviews-dev');
const OUT = join(here, 'results', 'ask-coverage.json');
const args = new Set(process.argv.slice(2));
const verbose = args.has('--verbose');

interface QmsumMeeting {
  meeting_transcripts: { speaker: string; content: string }[];
  general_query_list: { query: string; answer: string }[];
  specific_query_list: { query: string; answer: string; relevant_text_span: string[][] }[];
}

/** QMSum text is PTB-tokenised: strip markers and glue punctuation and clitics back (as bench/qmsum.ts). */
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

/** A meeting as a transcript; each turn's `start` is its index in the QMSum file (for the gold spans). */
function toTranscript(id: string, m: QmsumMeeting): Transcript {
  const turns = m.meeting_transcripts
    .map((t, k) => ({ speaker: t.speaker.trim(), start: k, end: null, text: detokenise(t.content) }))
    .filter((t) => t.text.length > 0);
  return {
    id,
    file: `${id}.json`,
    format: 'text-colon',
    speakers: [...new Set(turns.map((t) => t.speaker))],
    turns,
  };
}

const domainOf = (id: string) =>
  /^(ES|IS|TS)\d/.test(id) ? 'AMI' : /^B[a-z]{2}\d/.test(id) ? 'ICSI' : 'Parliament';
const seriesOf = (id: string) => id.replace(/[a-d]$|_\d+$/, '');

interface Rate {
  n: number;
  declined: number;
}
const rate = (): Rate => ({ n: 0, declined: 0 });
const pct = (r: Rate) => (r.n ? Math.round((1000 * r.declined) / r.n) / 10 : 0);

interface Case {
  set: string;
  index: AskIndex;
  question: string;
  /** Gold relevant turns (QMSum) or interview ids (dev theme questions), for citation relevance. */
  goldTurns?: Set<number>;
  goldInterviews?: Set<string>;
}

async function main(): Promise<void> {
  if (!existsSync(VAL_DIR) || !existsSync(DEV_DIR)) {
    console.log(`ask coverage bench skipped: ${EVAL} (qmsum/val and interviews-dev) is absent.`);
    return;
  }
  const cases: Case[] = [];
  // QMSum
  const files = readdirSync(VAL_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const meetings = files.map((f) => {
    const id = basename(f, '.json');
    const m = JSON.parse(readFileSync(join(VAL_DIR, f), 'utf8')) as QmsumMeeting;
    return { id, m, index: buildAskIndex([toTranscript(id, m)]) };
  });
  const domains = ['AMI', 'ICSI', 'Parliament'];
  const byDomain = new Map(domains.map((d) => [d, meetings.filter((x) => domainOf(x.id) === d)]));
  for (const [k, x] of meetings.entries()) {
    const d = domains.indexOf(domainOf(x.id));
    const peers = byDomain.get(domains[(d + 1) % domains.length]!)!;
    const other = peers[k % peers.length]!;
    const sameDomain = byDomain.get(domainOf(x.id))!.filter((y) => seriesOf(y.id) !== seriesOf(x.id));
    const sibling = sameDomain[k % Math.max(sameDomain.length, 1)];
    for (const q of x.m.specific_query_list) {
      const gold = new Set<number>();
      for (const [a, b] of q.relevant_text_span) for (let t = Number(a); t <= Number(b); t++) gold.add(t);
      cases.push({ set: 'qmsum-own', index: x.index, question: q.query, goldTurns: gold });
      cases.push({ set: 'qmsum-other-domain', index: other.index, question: q.query });
      if (sibling)
        cases.push({ set: 'qmsum-same-domain-other-series', index: sibling.index, question: q.query });
    }
  }
  // interviews-dev
  const { transcripts } = await readTranscriptInputs([join(DEV_DIR, 'transcripts')]);
  const devIndex = buildAskIndex(transcripts);
  const truth = JSON.parse(readFileSync(join(DEV_DIR, 'truth.json'), 'utf8')) as {
    interviewees: { id: string; file: string }[];
    questions: { id: string; text: string; themes: { statement: string; interviewees: string[] }[] }[];
  };
  const interviewOf = new Map(
    truth.interviewees.map((i) => [
      i.id,
      transcripts.find((t) => i.file.endsWith(t.file.split('/').pop()!))?.id,
    ]),
  );
  for (const q of truth.questions) {
    cases.push({ set: 'dev-form', index: devIndex, question: q.text });
    for (const th of q.themes) {
      const ids = th.interviewees.map((i) => interviewOf.get(i)).filter((x): x is string => !!x);
      cases.push({
        set: 'dev-theme',
        index: devIndex,
        question: `Who said that ${th.statement.charAt(0).toLowerCase()}${th.statement.slice(1).replace(/\.$/, '')}?`,
        goldInterviews: new Set(ids),
      });
    }
  }
  for (const question of DEV_ON_TOPIC) cases.push({ set: 'dev-on-topic', index: devIndex, question });
  for (const question of DEV_OFF_TOPIC) cases.push({ set: 'dev-off-topic', index: devIndex, question });

  const UNCOVERED = new Set(['qmsum-other-domain', 'dev-off-topic']);
  const INFORMATIONAL = new Set(['qmsum-same-domain-other-series']);

  if (args.has('--sweep')) {
    sweep(cases, UNCOVERED, INFORMATIONAL);
    return;
  }

  const rates = new Map<string, Rate>();
  const cite = { qmsum: { cited: 0, inGold: 0 }, dev: { cited: 0, inGold: 0 } };
  let cpu = process.cpuUsage();
  for (const c of cases) {
    const r = rates.get(c.set) ?? rate();
    rates.set(c.set, r);
    const res = askIndex(c.index, c.question, { maxWords: 100 });
    r.n++;
    if (!res.covered) r.declined++;
    const wrong = UNCOVERED.has(c.set) ? res.covered : !INFORMATIONAL.has(c.set) && !res.covered;
    if (verbose && wrong)
      console.log(`[${c.set}] ${res.covered ? 'ANSWERED' : 'DECLINED'}: ${c.question}\n  ${res.answer}\n`);
    if (res.covered && c.goldTurns) {
      for (const ci of res.citations) {
        cite.qmsum.cited++;
        if (ci.start !== null && c.goldTurns.has(ci.start)) cite.qmsum.inGold++;
      }
    }
    if (res.covered && c.goldInterviews) {
      for (const ci of res.citations) {
        cite.dev.cited++;
        if (c.goldInterviews.has(ci.interview)) cite.dev.inGold++;
      }
    }
  }
  cpu = process.cpuUsage(cpu);
  const sets = Object.fromEntries(
    [...rates].map(([set, r]) => [
      set,
      {
        questions: r.n,
        declined: r.declined,
        [UNCOVERED.has(set)
          ? 'declineRate'
          : INFORMATIONAL.has(set)
            ? 'declineRateInformational'
            : 'falseDeclineRate']: pct(r),
      },
    ]),
  );
  const uncovered = [...rates].filter(([s]) => UNCOVERED.has(s)).map(([, r]) => r);
  const covered = [...rates].filter(([s]) => !UNCOVERED.has(s) && !INFORMATIONAL.has(s)).map(([, r]) => r);
  const sum = (rs: Rate[]) =>
    rs.reduce((a, r) => ({ n: a.n + r.n, declined: a.declined + r.declined }), rate());
  const share = (x: { cited: number; inGold: number }) =>
    x.cited ? Math.round((1000 * x.inGold) / x.cited) / 10 : 0;
  const result = {
    benchmark: 'ask: declines on questions the transcripts do not discuss, answers on those they do',
    coverage: DEFAULT_COVERAGE,
    declineRate: pct(sum(uncovered)),
    falseDeclineRate: pct(sum(covered)),
    sets,
    citations: {
      qmsumInGoldSpans: { ...cite.qmsum, percent: share(cite.qmsum) },
      devFromThemeInterviewees: { ...cite.dev, percent: share(cite.dev) },
    },
    cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
  for (const [set, r] of rates) {
    const what = UNCOVERED.has(set)
      ? 'declined'
      : INFORMATIONAL.has(set)
        ? 'declined (informational)'
        : 'falsely declined';
    console.log(`${set.padEnd(34)} ${String(r.n).padStart(4)} questions, ${what} ${pct(r)}%`);
  }
  console.log(
    `not covered: declined ${result.declineRate}%; covered: falsely declined ${result.falseDeclineRate}%`,
  );
  console.log(
    `citations in QMSum gold spans ${share(cite.qmsum)}% (${cite.qmsum.inGold}/${cite.qmsum.cited}); ` +
      `dev theme citations from the theme's interviewees ${share(cite.dev)}% (${cite.dev.inGold}/${cite.dev.cited})`,
  );
  console.log(`CPU ${result.cpuSeconds} s; written ${OUT}`);
}

/** Decline and false-decline rates of the coverage test alone over a grid of its settings. */
function sweep(cases: Case[], uncoveredSets: Set<string>, informational: Set<string>): void {
  const analysed = cases.map((c) => {
    const speakers = [...new Set(c.index.units.map((u) => u.speaker).filter((s): s is string => s !== null))];
    return { c, q: analyseQuery(c.question, speakers) };
  });
  for (const window of [4, 6, 9, 12]) {
    for (const share of [0.5]) {
      for (const floorRank of [1]) {
        const requireHead = false;
        const un = rate();
        const cov = rate();
        for (const { c, q } of analysed) {
          if (informational.has(c.set)) continue;
          const r = uncoveredSets.has(c.set) ? un : cov;
          r.n++;
          if (!coverage(c.index, q, { window, share, requireHead, floorRank }).covered) r.declined++;
        }
        console.log(
          `window ${window} share ${share} floor ${floorRank}: declined ${pct(un)}% of not covered, ${pct(cov)}% of covered`,
        );
      }
    }
  }
}

await main();
