/**
 * The realistic development corpus alone (../shared/eval/interviews-dev): analyse, write insights.json, score.
 * Run: node --import tsx bench/dev-run.ts [out.json] [--verbose]
 */
import { writeFileSync } from 'node:fs';
import { loadWordVectors } from '../src/synthesis/embeddings/index.ts';
import { analyzeInterviews } from '../src/synthesis/engine/index.ts';
import { loadTruthCorpus, scoreAgainstTruth } from './corpus/truth.ts';

const DEV = new URL('../../shared/eval/interviews-dev', import.meta.url).pathname;
const corpus = await loadTruthCorpus(DEV);
if (!corpus) {
  console.log(`(no development corpus at ${DEV}: skipped)`);
  process.exit(0);
}
const args = process.argv.slice(2);
const out = args.find((a) => !a.startsWith('--'));
const wordVectors = loadWordVectors();
const cpu0 = process.cpuUsage();
const insights = analyzeInterviews(corpus.transcripts, corpus.form, { wordVectors });
const cpu = process.cpuUsage(cpu0);
if (out) writeFileSync(out, `${JSON.stringify(insights, null, 2)}\n`);
const { lines, ...s } = scoreAgainstTruth(corpus.truth, insights);
if (args.includes('--verbose')) {
  console.log(lines.join('\n'));
  for (const q of insights.questions) {
    console.log(`\n${q.id} (${q.answered.length} answered)`);
    for (const t of q.themes) {
      console.log(
        `  [${t.interviews.length}] ${t.label}  {${t.keywords.join(', ')}}  ${t.interviews.map((x) => x.slice(0, 2)).join(' ')}`,
      );
      console.log(`     ${t.summary}`);
      for (const x of t.quotes) console.log(`     > ${x.text}`);
    }
  }
  for (const sp of insights.splits)
    console.log(
      `split ${sp.question}: ${sp.sides.map((x) => `${x.label} (${x.interviews.map((i) => i.slice(0, 2)).join(' ')})`).join(' vs ')}`,
    );
  for (const c of insights.crossCutting)
    console.log(`cross-cutting: ${c.label} [${c.questions.join(', ')}] (${c.interviews.length})`);
}
console.log(
  `recall ${s.recall.toFixed(2)} precision ${s.precision.toFixed(2)} wJ ${s.weightedJaccard.toFixed(2)} MAE ${s.prevalenceError.toFixed(2)} splits ${s.splitsFound}/${s.splits} cc ${s.crossCuttingFound}/${s.crossCutting} statements ${s.statementLabels.toFixed(2)} smalltalk ${s.smallTalkThemes}/${s.themes} cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms`,
);
