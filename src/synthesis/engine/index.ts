/**
 * The analysis engine: transcripts and an interview form in, insights out (themes per question with
 * prevalence and quotes, splits, cross-cutting themes). Pure and synchronous; the only file access
 * is loading the word vectors, at the edge, once per process (pass `wordVectors` to avoid it).
 */
import { AppError } from '../../platform/errors.ts';
import { loadWordVectors, type WordVectors } from '../embeddings/index.ts';
import type { Insights, InterviewForm, InterviewInfo, Split, Transcript } from '../types.ts';
import type { AlignOptions } from './align.ts';
import type { ClusterOptions } from './cluster.ts';
import { type Atom, atomOf, type CrossCutOptions, crossCuttingThemes, saidByTwo } from './crosscut.ts';
import type { DescribeContext } from './describe.ts';
import { type DiscourseOptions, findDiscourse } from './discourse.ts';
import { intervieweeName, interviewerNames, type NameInput } from './names.ts';
import { linkWidelyUsedTerms, prepare, type SoftOptions } from './prepare.ts';
import { reconcileWithSplit } from './reconcile.ts';
import type { SpaceOptions } from './space.ts';
import { type SplitOptions, splitOfQuestion } from './splits.ts';
import {
  clusterQuestion,
  describeThemes,
  type FoundTheme,
  minThemeSupport,
  questionInsights,
} from './themes.ts';
import { answersOf, termSpecificity, type UnitOptions, unitsOf, windowSample } from './units.ts';

export interface AnalyzeOptions {
  title?: string;
  now?: Date;
  onProgress?: (done: number, total: number, stage: string) => void;
  /** Role and date of each interview, by interview id (from a manifest). */
  meta?: Record<string, { role?: string; date?: string }>;
  /** Word vectors (default: the shipped compact file); null to run on TF-IDF alone. */
  wordVectors?: WordVectors | null;
  /** Tuning knobs; the defaults are what the bench measured. */
  tuning?: {
    align?: AlignOptions;
    space?: SpaceOptions;
    units?: UnitOptions;
    cluster?: ClusterOptions & { minTopicality?: number; minSpecificShare?: number };
    split?: SplitOptions;
    crossCutting?: CrossCutOptions;
    soft?: SoftOptions;
    discourse?: DiscourseOptions;
  };
}

export function analyzeInterviews(
  transcripts: readonly Transcript[],
  form: InterviewForm,
  opts: AnalyzeOptions = {},
): Insights {
  validate(transcripts, form);
  const progress = opts.onProgress ?? (() => {});
  const wordVectors = opts.wordVectors === undefined ? loadWordVectors() : opts.wordVectors;
  const p = prepare(transcripts, form, {
    wordVectors,
    space: opts.tuning?.space,
    align: opts.tuning?.align,
    onProgress: progress,
  });
  const Q = form.questions.length;
  const ids = transcripts.map((t) => t.id);
  progress(0, 1, 'answer vectors');
  // Soft matching is for themes only: switched on after alignment (it blurred question matching).
  linkWidelyUsedTerms(p.space, p.sentences, opts.tuning?.soft, p.copyOf);
  const answers = answersOf(p.sentences, p.alignments, Q);
  // Stock phrases said whatever the question ("That's a good question") answer nothing.
  const found0 = findDiscourse(p.sentences, answers, p.alignments, opts.tuning?.discourse, p.copyOf);
  const discourse = found0.sentences;
  const units = unitsOf(p.sentences, answers, opts.tuning?.units, discourse, p.vocab);
  const flat = units.flat();
  const spec = termSpecificity(p.sentences, answers, p.vocab.stems.length, p.copyOf);
  // The units' word-vector parts, made afresh: the sentences' (interviewers, small talk and all,
  // ~180 MB at 500 interviews) are dropped after alignment, so that they are garbage before these are
  // made — kept until here, both were alive when the first question was clustered, at the run's peak.
  // A unit that is one whole sentence gets the same vector its sentence had (same terms, same IDF).
  const unitEmbs = p.space.embed(flat.map((u) => u.terms));
  // Centred on every unit of every question at once; the full vectors are then made one question at
  // a time, used, and dropped (all questions' at once were ~340 MB at 500 interviews). Splits and
  // descriptions place their texts on this same centre (fit: false).
  p.space.fitMean(unitEmbs);
  const ctx: DescribeContext = {
    sentences: p.sentences,
    interviewIds: ids,
    vocab: p.vocab,
    space: p.space,
    specificity: spec,
    openers: found0.openers,
    copyOf: p.copyOf,
  };
  // An interview answered a question when it said something with content under it.
  const answered = answers.map((perInterview) =>
    perInterview.flatMap((idx, i) =>
      idx.some((s) => p.sentences[i]![s]!.terms.length > 0 && !discourse[i]!.has(s)) ? [i] : [],
    ),
  );

  progress(1, 1, 'answer vectors');
  progress(0, Q, 'finding themes');
  // Cross-cutting themes link the small groups of each question (atoms: their mean and sum only).
  const atoms: Atom[] = [];
  const splits: Split[] = [];
  const found: FoundTheme[][] = [];
  let at = 0;
  form.questions.forEach((q, qi) => {
    const n = units[qi]!.length;
    // In the space's reusable buffer: nothing keeps a question's unit vectors (atoms and themes
    // copy what they need), and one buffer instead of one 90 MB slab per question at 500 interviews.
    const qv = p.space.assemble(
      units[qi]!.map((u) => u.terms),
      unitEmbs.slice(at, at + n),
      { fit: false, scratch: true },
    );
    at += n;
    let groups = clusterQuestion(
      units[qi]!,
      qv,
      answered[qi]!,
      spec,
      {
        ...opts.tuning?.cluster,
        sample: opts.tuning?.cluster?.sample ?? windowSample(units[qi]!, p.sentences),
      },
      (made) => {
        for (const g of made) if (saidByTwo(g, units[qi]!, p.copyOf)) atoms.push(atomOf(qi, g, qv));
      },
      p.vocab,
      p.copyOf,
    );
    const split = splitOfQuestion(
      q.id,
      q.text,
      answers[qi]!,
      answered[qi]!,
      ctx,
      opts.tuning?.split,
      discourse,
    );
    if (split) {
      // The question's themes must agree with its split: a theme stating a side counts only that side.
      groups = reconcileWithSplit(
        groups,
        units[qi]!,
        split.sides,
        p.sentences,
        opts.tuning?.cluster?.minSupport ?? minThemeSupport(answered[qi]!.length),
      );
      splits.push(split.split);
    }
    found.push(describeThemes(qi, q.id, groups, units[qi]!, qv, answered[qi]!, ctx));
    progress(qi + 1, Q, 'finding themes');
  });
  p.space.releaseScratch();
  progress(0, 1, 'cross-cutting themes');
  const crossCutting = crossCuttingThemes(
    units,
    atoms,
    answered.map((a) => a.length),
    form.questions.map((q) => q.id),
    ctx,
    opts.tuning?.crossCutting,
  );
  progress(1, 1, 'cross-cutting themes');
  const nameInputs: NameInput[] = transcripts.map((t, i) => ({
    file: t.file,
    sentences: p.sentences[i]!,
    roles: p.alignments[i]!.roles,
    labelled: new Set(p.sentences[i]!.map((s) => s.speaker).filter((x) => x !== null)).size >= 2,
    interviewer: p.alignments[i]!.interviewer,
    interviewee: p.alignments[i]!.interviewee,
  }));
  const knownInterviewers = interviewerNames(nameInputs);
  const interviews: InterviewInfo[] = transcripts.map((t, i) => {
    const name = intervieweeName(nameInputs[i]!, knownInterviewers);
    const a = p.alignments[i]!;
    const m = opts.meta?.[t.id];
    const ends = t.turns.map((x) => x.end ?? x.start).filter((x): x is number => x !== null);
    return {
      id: t.id,
      file: t.file,
      format: t.format,
      interviewer: a.interviewer,
      interviewee: a.interviewee,
      ...(name ? { name } : {}),
      ...(m?.role ? { role: m.role } : {}),
      ...(m?.date ? { date: m.date } : {}),
      words: p.sentences[i]!.reduce((n, s) => n + s.wordCount, 0),
      durationSeconds: ends.length > 0 ? Math.max(...ends) : null,
      answered: form.questions.filter((_, qi) => answered[qi]!.includes(i)).map((q) => q.id),
    };
  });

  return {
    schemaVersion: 1,
    title: opts.title ?? form.title,
    generatedAt: (opts.now ?? new Date(0)).toISOString(),
    form,
    interviews,
    questions: form.questions.map((q, qi) =>
      questionInsights(
        q.id,
        q.text,
        answered[qi]!.map((i) => ids[i]!),
        found[qi]!,
        opts.tuning?.cluster?.minSupport ?? minThemeSupport(answered[qi]!.length),
      ),
    ),
    splits,
    crossCutting,
  };
}

function validate(transcripts: readonly Transcript[], form: InterviewForm): void {
  if (form.questions.length === 0) {
    throw new AppError(
      'FORM_INVALID',
      `The interview form "${form.title}" has no questions; add at least one under "questions".`,
      {
        field: 'questions',
      },
    );
  }
  if (transcripts.length === 0) {
    throw new AppError('SYNTHESIS_FAILED', 'No transcripts to analyse: pass at least one transcript file.');
  }
  const seen = new Map<string, string>();
  for (const t of transcripts) {
    const other = seen.get(t.id);
    if (other !== undefined) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Two transcripts have the interview id "${t.id}" (${other} and ${t.file}); rename one file so each interview has its own id.`,
        { id: t.id, files: [other, t.file] },
      );
    }
    seen.set(t.id, t.file);
  }
}

/** One sentence of an aligned interview: where it is and which form question it answers. */
export interface AlignedSentence {
  turn: number;
  /** Character span in the turn's whitespace-normalised text. */
  from: number;
  to: number;
  text: string;
  start: number | null;
  role: 'interviewer' | 'interviewee';
  /** Form question id, or null (small talk, asides, the interviewer's own words). */
  question: string | null;
}

export interface AlignedInterview {
  id: string;
  interviewer: string | null;
  interviewee: string | null;
  sentences: AlignedSentence[];
}

/** The alignment step alone: every sentence of every transcript with its role and form question. */
export function alignTranscripts(
  transcripts: readonly Transcript[],
  form: InterviewForm,
  opts: Pick<AnalyzeOptions, 'wordVectors' | 'tuning'> = {},
): AlignedInterview[] {
  validate(transcripts, form);
  const wordVectors = opts.wordVectors === undefined ? loadWordVectors() : opts.wordVectors;
  const p = prepare(transcripts, form, {
    wordVectors,
    space: opts.tuning?.space,
    align: opts.tuning?.align,
  });
  return transcripts.map((t, i) => {
    const a = p.alignments[i]!;
    return {
      id: t.id,
      interviewer: a.interviewer,
      interviewee: a.interviewee,
      sentences: p.sentences[i]!.map((s, k) => ({
        turn: s.turn,
        from: s.from,
        to: s.to,
        text: s.text,
        start: s.start,
        role: a.roles[k]!,
        question: a.question[k]! >= 0 ? form.questions[a.question[k]!]!.id : null,
      })),
    };
  });
}
