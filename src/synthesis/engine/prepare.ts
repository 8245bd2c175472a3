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
  const sentences = sentencesOf(transcripts, vocab);
  const questionTerms = form.questions.map((q) => tokenize(`${q.text} ${q.hint ?? ''}`, vocab).terms);
  for (const doc of sentences) for (const s of doc) vocab.addDocument(s.terms);
  for (const t of questionTerms) vocab.addDocument(t);
  const space = new VectorSpace(vocab, opts.wordVectors, opts.space);
  const flat = sentences.flat();
  const encoded = space.encode([...flat.map((s) => s.terms), ...questionTerms]);
  const questionVectors = encoded.slice(flat.length);
  let at = 0;
  const docs = sentences.map((doc) => {
    const vectors = encoded.slice(at, at + doc.length);
    at += doc.length;
    return { sentences: doc, vectors };
  });
  opts.onProgress?.(0, 1, 'aligning answers to the form');
  const alignments: Alignment[] = alignInterviews(docs, questionVectors, opts.align);
  opts.onProgress?.(1, 1, 'aligning answers to the form');
  return { vocab, space, sentences, alignments, questionTerms };
}
