import { loadWordVectors } from '../src/synthesis/embeddings/index.ts';
import { analyzeInterviews } from '../src/synthesis/engine/index.ts';
import { loadTruthCorpus } from './corpus/truth.ts';
const corpus = (await loadTruthCorpus('/work/shared/eval/interviews-dev'))!;
const wordVectors = loadWordVectors();
const rep = (k: number) => Array.from({ length: k }, (_, c) => corpus.transcripts.map((t) => ({ ...t, id: `${t.id}-${c}`, file: `${c}-${t.file}` }))).flat();
for (const k of [1, 5]) {
  (globalThis as any).DBG = k;
  analyzeInterviews(rep(k), corpus.form, { wordVectors });
}
