/**
 * Stage 1 of the analysis: sentences, vocabulary, vectors, and each interview aligned to the form.
 */
import type { WordVectors } from '../embeddings/index.ts';
import type { InterviewForm, Transcript } from '../types.ts';
import { type Alignment, type AlignOptions, alignInterviews } from './align.ts';
import { type Sentence, sentencesOf, tokenize, Vocabulary } from './corpus.ts';
import { type SpaceOptions, VectorSpace } from './space.ts';

export interface Prepared {
  vocab: Vocabulary;
  space: VectorSpace;
  sentences: Sentence[][];
  alignments: Alignment[];
  /** Term ids of each form question (text and hint). */
  questionTerms: number[][];
  /** Per interview, the first interview with exactly the same sentences (itself when none). */
  copyOf: number[];
}

/** Per document, the first document with exactly the same sentences (itself when none). */
export function copiesOf(sentences: readonly (readonly Sentence[])[]): number[] {
  const first = new Map<string, number>();
  return sentences.map((doc, i) => {
    const key = doc.map((s) => s.text).join('\n');
    const at = first.get(key);
    if (at !== undefined) return at;
    first.set(key, i);
    return i;
  });
}

export interface SoftOptions {
  /** Share a term passes to its word-vector neighbours (0 turns soft matching off; default 0.6). */
  weight?: number;
  /** Least cosine of two words to be neighbours (default 0.45). */
  minSim?: number;
  /** Most neighbours per term (default 4). */
  k?: number;
  /** Most terms linked, the most widely used first (bounds the quadratic step; default 1200). */
  maxTerms?: number;
}

export interface PrepareOptions {
  wordVectors: WordVectors | null;
  space?: SpaceOptions;
  align?: AlignOptions;
  onProgress?: (done: number, total: number, stage: string) => void;
}

export function prepare(
  transcripts: readonly Transcript[],
  form: InterviewForm,
  opts: PrepareOptions,
): Prepared {
  const vocab = new Vocabulary();
  opts.onProgress?.(0, 1, 'reading sentences');
  const sentences = sentencesOf(transcripts, vocab);
  opts.onProgress?.(1, 1, 'reading sentences');
  const questionTerms = form.questions.map((q) => tokenize(`${q.text} ${q.hint ?? ''}`, vocab).terms);
  for (const doc of sentences) for (const s of doc) vocab.addDocument(s.terms);
  // The form's questions are no documents of the collection: counted, they made IDF depend on how
  // many interviews there are besides the shares (log((docs + 6) / df)), and a collection repeated
  // k times chose other themes at the margin.
  const space = new VectorSpace(vocab, opts.wordVectors, opts.space);
  opts.onProgress?.(0, 1, 'vectors');
  const flat = sentences.flat();
  const bags = [...flat.map((s) => s.terms), ...questionTerms];
  const embs = space.embed(bags);
  // Centred on all the sentences and questions at once, but assembled one interview at a time when
  // the alignment asks: the full vectors of every sentence at once were 650 MB at 500 interviews.
  space.fitMean(embs);
  const questionVectors = space.assemble(questionTerms, embs.slice(flat.length), { fit: false });
  let at = 0;
  const docs = sentences.map((doc) => {
    const from = at;
    at += doc.length;
    return {
      sentences: doc,
      // In the space's reusable buffer: the alignment drops each interview's vectors before it asks
      // for the next interview's (and copies what it keeps).
      vectors: () =>
        space.assemble(
          doc.map((s) => s.terms),
          embs.slice(from, from + doc.length),
          { fit: false, scratch: true },
        ),
      vectorsAt: (indices: readonly number[], reuse: boolean) =>
        space.assemble(
          indices.map((i) => doc[i]!.terms),
          indices.map((i) => embs[from + i]!),
          { fit: false, scratch: reuse },
        ),
    };
  });
  opts.onProgress?.(1, 1, 'vectors');
  opts.onProgress?.(0, 1, 'aligning answers to the form');
  const alignments: Alignment[] = alignInterviews(docs, questionVectors, opts.align);
  space.releaseScratch();
  opts.onProgress?.(1, 1, 'aligning answers to the form');
  // The sentences' word-vector parts are not returned: units make their own (see analyzeInterviews).
  return { vocab, space, sentences, alignments, questionTerms, copyOf: copiesOf(sentences) };
}

/**
 * Soft matching: terms said in at least two interviews get their close word-vector neighbours, so
 * "hire" also counts a little as "recruiting" (see VectorSpace.linkNeighbours).
 */
export function linkWidelyUsedTerms(
  space: VectorSpace,
  sentences: readonly Sentence[][],
  options: SoftOptions = {},
  /** See Prepared.copyOf: copies of one transcript are one interview here. */
  copyOf?: readonly number[],
): void {
  const soft = { weight: 0.6, minSim: 0.45, k: 4, maxTerms: 1200, ...options };
  if (soft.weight <= 0) return;
  const seenIn = new Map<number, number>();
  const lastDoc = new Map<number, number>();
  sentences.forEach((doc, i) => {
    if (copyOf && copyOf[i] !== i) return;
    for (const s of doc) {
      for (const t of s.terms) {
        if (lastDoc.get(t) === i) continue;
        lastDoc.set(t, i);
        seenIn.set(t, (seenIn.get(t) ?? 0) + 1);
      }
    }
  });
  const linked = [...seenIn.entries()]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1])
    .slice(0, soft.maxTerms)
    .map(([t]) => t);
  space.linkNeighbours(linked, soft.minSim, soft.k, soft.weight);
}
