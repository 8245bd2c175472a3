/**
 * Who asks and which answer belongs to which form question.
 *
 * - The interviewer is the speaker whose sentences match the form's questions best and who asks most.
 * - Question boundaries: each candidate sentence (the interviewer's; in unlabelled transcripts any
 *   sentence, "?" preferred) is scored against each form question. Two passes: the first uses the
 *   form's wording only; the second also uses what the collection taught — how the interviewers
 *   actually worded each question in other interviews, and what the answers to it are about (the
 *   reply after a candidate sentence should sound like the other answers to that question).
 * - A monotone pass keeps the form's order; a repair step lets a clearly matched question sit out
 *   of order (reordered interviews). Questions never matched count as skipped.
 * - Inside an answer, an interviewer question that is neither a follow-up nor on topic (an aside,
 *   a closing "anything else?") takes its reply out of the answer when the reply is off topic.
 *
 * Kept in one file: one alignment (two scoring passes, the monotone order, the repair, the asides)
 * over state each step hands to the next.
 */
import { ASIDE, announcedQuestion, FAREWELL, isFarewell, isSocialAct, PROMPT, TOPIC_SHIFT } from './acts.ts';
import type { Sentence } from './corpus.ts';
import { centroid, copyVector, dot } from './space.ts';

export type Role = 'interviewer' | 'interviewee';

export interface AlignOptions {
  /** Least score for a sentence to be taken as asking a form question (default 0.15). */
  minQuestionScore?: number;
  /** A question can leave the form's order when its best match is at least this good (default 0.55). */
  strongQuestionScore?: number;
  /** A reply after an off-form question stays in the answer when this similar to it (default 0.12). */
  onTopicScore?: number;
  /** Weight of "the reply sounds like the other answers to this question" in pass two (default 0.5). */
  answerWeight?: number;
  /** Weight of "the reply answers some form question at all" (vs small talk) in pass two (default 0.4). */
  onFormWeight?: number;
  /** Debugging: called with each candidate sentence's pass-two evidence. */
  trace?: (interview: number, sentence: number, evidence: string) => void;
}

export interface Alignment {
  interviewer: string | null;
  interviewee: string | null;
  /** Per sentence: who said it (unlabelled transcripts: "?" sentences count as the interviewer's). */
  roles: Role[];
  /** Per sentence: index of the form question it answers, or -1 (small talk, asides, the interviewer). */
  question: number[];
  /** Per form question: index of the sentence that asks it, or -1 when it was not asked. */
  anchors: number[];
}

interface Doc {
  sentences: readonly Sentence[];
  /**
   * The vector of sentence i, while the interview is being aligned (dropped between the passes to
   * save memory). Pass one makes every sentence's; pass two only those of the candidates and their
   * lead-ins, and any other when first asked for.
   */
  vec: (i: number) => Float32Array;
  /** The vectors of several sentences, in the order asked (made in one batch where missing). */
  vecs: (indices: readonly number[]) => Float32Array[];
  labelled: boolean;
  interviewer: string | null;
  interviewee: string | null;
  roles: Role[];
  /** Candidate anchor sentence indices, in order. */
  cand: number[];
  /**
   * Per candidate, the first sentence of the question it is part of: the same speaker's turn up to
   * it ("Let's talk technology. Vesperline's the big one. Where are you on it?").
   */
  leadFrom: number[];
  /** The lead-ins' vectors (per candidate, made when first needed; dropped with the vectors). */
  leadVecs?: (Float32Array | null)[];
  /** Per candidate, the form question its turn announces by place ("Okay, second one."), or -1. */
  announced: number[];
  /** Per candidate, whether its turn moves the conversation on ("Okay, let's do technology."). */
  shift: boolean[];
  /** Centroid of the reply after each candidate (null when there is none). */
  replies: (Float32Array | null)[];
}

/** Similarity to the form's wording above which a pass-one match is trusted as a known wording. */
const CONFIDENT = 0.35;
/** Similarity at which two interviewer sentences count as the same wording of a question. */
const SAME_WORDING = 0.6;
/** Typical similarity of an on-form reply to its question's answers; replies below it count against. */
const ON_FORM_BASE = 0.2;
const FOLLOW_UP =
  /\b(?:say more|tell me more|more about|an example|example|why|how so|what do you mean|elaborate|in practice|look like|how often|what happens|such as|for instance|expand on|go on|and then|what else)\b/i;
/** The interviewer wrapping up: what follows is rarely an answer to the last question. */
const CLOSING =
  /\b(?:anything (?:else|(?:that |which )?(?:i|we|you)(?:'ve|'d| have| had| would| should| might)? ?(?:should have asked|should've asked|asked|missed|not covered|haven't covered|forgot|forgotten|want to add|like to add|wanted to add)|to add)|before we (?:wrap|finish|close)|that's (?:all|everything) (?:i had|from me|my questions)|(?:those|these) (?:were|are) all my questions|that's all my questions|(?:that|this) covers (?:my|all my|everything)|last question)\b/i;
const ASKING =
  /^(?:so,?\s+|and\s+|okay,?\s+)?(?:what|how|why|where|when|which|who|would|could|can|do|does|did|is|are|should|tell me|walk me|describe|take me|talk me|share)\b/i;

/** An interview to align: its sentences, and how to make their vectors. */
export interface AlignDoc {
  sentences: readonly Sentence[];
  /** Every sentence's vector (pass one); may reuse one buffer, valid until the next call. */
  vectors: () => readonly Float32Array[];
  /** The vectors of some sentences, in the order asked; `reuse`: in that same buffer. */
  vectorsAt: (indices: readonly number[], reuse: boolean) => readonly Float32Array[];
}

export function alignInterviews(
  /** Each interview's sentences and how to make their vectors. */
  docs: readonly AlignDoc[],
  questionVectors: readonly Float32Array[],
  opts: AlignOptions = {},
): Alignment[] {
  const Q = questionVectors.length;
  const dims = questionVectors[0]?.length ?? 0;
  // Copies of one transcript (the same words under another file name) are one interview when the
  // collection teaches wordings: a wording is learned from *other* interviews.
  const sameText = new Map<string, number>();
  const original = docs.map((d, di) => {
    const key = d.sentences.map((s) => s.text).join('\n');
    const first = sameText.get(key);
    if (first !== undefined) return first;
    sameText.set(key, di);
    return di;
  });

  // Pass one, one interview at a time (its vectors are dropped after): the form's wording only.
  // On the way, what the collection teaches: each question's wordings as asked (near-identical ones
  // share an entry, with the interviews using them), and what its answers talk about.
  const wordings: { docs: Set<number>; v: Float32Array; terms: Set<number> }[][] = Array.from(
    { length: Q },
    () => [],
  );
  const answerSums = Array.from({ length: Q }, () => new Float32Array(dims));
  const prepared: Doc[] = [];
  const first: Alignment[] = [];
  docs.forEach((doc, di) => {
    const d = describe(doc.sentences, doc.vectors(), questionVectors);
    const formScore = (k: number, q: number) =>
      similarity(d, k, questionVectors[q]!, dims) + bonus(d, k) + placeBonus(d, k, q);
    const a = label(d, anchorsFor(d, Q, formScore, formScore, opts), questionVectors, opts);
    a.anchors.forEach((s, q) => {
      // Only confident matches teach a wording: a wrong one would spread to every interview.
      if (s >= 0 && isAsking(d.sentences[s]!) && dot(d.vec(s), questionVectors[q]!) >= CONFIDENT) {
        const v = d.vec(s);
        const same = wordings[q]!.find((x) => dot(x.v, v) >= 0.98);
        if (same) same.docs.add(original[di]!);
        else
          wordings[q]!.push({
            docs: new Set([original[di]!]),
            v: copyVector(v),
            terms: new Set(d.sentences[s]!.terms),
          });
      }
    });
    // Only answers under a confidently matched question describe what its answers are about.
    const confident = a.anchors.map((s, q) => s >= 0 && dot(d.vec(s), questionVectors[q]!) >= CONFIDENT);
    a.question.forEach((q, i) => {
      if (q < 0 || !confident[q]) return;
      const v = d.vec(i);
      const sum = answerSums[q]!;
      for (let x = 0; x < dims; x++) sum[x]! += v[x]!;
    });
    d.vec = dropped;
    d.vecs = dropped;
    d.leadVecs = undefined;
    prepared.push(d);
    first.push(a);
  });
  const answerCentroids = answerSums.map((s) => centroid([s], dims));
  if (first.every((a) => a.anchors.every((x) => x < 0))) return first;

  // Pass two.
  const w = opts.answerWeight ?? 0.5;
  const wOn = opts.onFormWeight ?? 0.4;
  return prepared.map((d, di) => {
    passTwoVectors(d, docs[di]!);
    // Similarity of each candidate to each question's wording: the form's, or (only for sentences
    // that ask something) a wording seen in another interview when nearly the same — interviewers
    // reuse their phrasings, and loose resemblance through one shared word is noise.
    const askedM = d.cand.map((c, k) => {
      const v = d.vec(c);
      const row = new Float64Array(Q);
      const asking = isAsking(d.sentences[c]!);
      const terms = new Set(d.sentences[c]!.terms);
      for (let q = 0; q < Q; q++) {
        let s = similarity(d, k, questionVectors[q]!, dims);
        if (asking) {
          for (const p of wordings[q]!) {
            if (p.docs.size === 1 && p.docs.has(original[di]!)) continue;
            // One shared word is no wording ("Is that any better?" vs "…performing at its best?").
            if (sharedTerms(terms, p.terms) < 2) continue;
            const x = dot(v, p.v);
            if (x >= SAME_WORDING) s = Math.max(s, 0.9 * x);
          }
        }
        row[q] = s;
      }
      return row;
    });
    const asked = (k: number, q: number) => askedM[k]![q]!;
    // How the reply after a candidate fits each question's answers: relative (which question) and
    // absolute (is it answering a form question at all, or small talk).
    const fits = d.cand.map((_, k) => {
      const out = new Float64Array(Q);
      const r = d.replies[k];
      if (!r) return { rel: out, onForm: 0 };
      let mean = 0;
      let max = Number.NEGATIVE_INFINITY;
      for (let q = 0; q < Q; q++) {
        out[q] = dot(r, answerCentroids[q]!);
        mean += out[q]! / Q;
        max = Math.max(max, out[q]!);
      }
      for (let q = 0; q < Q; q++) out[q] = out[q]! - mean;
      return { rel: out, onForm: max };
    });
    const score = (k: number, q: number) =>
      asked(k, q) +
      bonus(d, k) +
      placeBonus(d, k, q) +
      w * fits[k]!.rel[q]! +
      wOn * (fits[k]!.onForm - ON_FORM_BASE);
    if (opts.trace) {
      d.cand.forEach((c, k) => {
        const row = (f: (q: number) => number) =>
          Array.from({ length: Q }, (_, q) => f(q).toFixed(2)).join(' ');
        opts.trace!(
          di,
          c,
          `onForm=${fits[k]!.onForm.toFixed(2)} asked=${row((q) => asked(k, q))} fit=${row((q) => fits[k]!.rel[q]!)}`,
        );
      });
    }
    const aligned = label(
      d,
      anchorsFor(d, Q, score, (k, q) => asked(k, q) + bonus(d, k) + placeBonus(d, k, q), opts),
      questionVectors,
      opts,
    );
    d.vec = dropped;
    d.vecs = dropped;
    d.leadVecs = undefined;
    return aligned;
  });
}

const dropped = (): never => {
  throw new Error('alignment: the vectors of this interview were dropped');
};

/**
 * Pass two's vectors: what it reads on every interview (the candidates and their lead-ins) made at
 * once in the reusable buffer; the rest (the answer around an aside or a closing) when first asked
 * for. Pass one made every sentence's vector; pass two needs the interviewer's few. Each vector depends
 * on its own sentence alone, so they are the same made one way or the other.
 */
function passTwoVectors(d: Doc, doc: AlignDoc): void {
  const made = new Map<number, Float32Array>();
  const need = [...new Set(d.cand.flatMap((c, k) => range(d.leadFrom[k]!, c + 1)))];
  const got = doc.vectorsAt(need, true);
  need.forEach((i, x) => {
    made.set(i, got[x]!);
  });
  d.vecs = (indices) => {
    const missing = indices.filter((i) => !made.has(i));
    if (missing.length > 0) {
      const more = doc.vectorsAt(missing, false);
      missing.forEach((i, x) => {
        made.set(i, more[x]!);
      });
    }
    return indices.map((i) => made.get(i)!);
  };
  d.vec = (i) => made.get(i) ?? d.vecs([i])[0]!;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

function describe(
  sentences: readonly Sentence[],
  vectors: readonly Float32Array[],
  questionVectors: readonly Float32Array[],
): Doc {
  const Q = questionVectors.length;
  const speakers = [...new Set(sentences.map((s) => s.speaker).filter((s): s is string => s !== null))];
  const labelled = speakers.length >= 2;
  let interviewer: string | null = null;
  let interviewee: string | null = null;
  const interviewers = new Set<string>();
  if (labelled) {
    const stats = speakers.map((sp) => {
      let qScore = 0;
      const best = new Float64Array(Q).fill(-1);
      let asks = 0;
      let count = 0;
      let wordCount = 0;
      sentences.forEach((s, i) => {
        if (s.speaker !== sp) return;
        count++;
        wordCount += s.wordCount;
        if (s.endsWithQuestion) asks++;
        for (let q = 0; q < Q; q++) best[q] = Math.max(best[q]!, dot(vectors[i]!, questionVectors[q]!));
      });
      for (let q = 0; q < Q; q++) qScore += Math.max(0, best[q]!) / Math.max(1, Q);
      const askRate = asks / Math.max(1, count);
      return { sp, score: qScore + 0.25 * askRate, qScore, askRate, wordCount };
    });
    stats.sort((a, b) => b.score - a.score);
    const top = stats[0]!;
    interviewer = top.sp;
    interviewers.add(top.sp);
    const total = stats.reduce((a, s) => a + s.wordCount, 0);
    for (const s of stats.slice(1)) {
      // A second interviewer (a colleague asking some of the questions) asks much and says little.
      if (s.askRate >= 0.4 && s.wordCount < 0.15 * total && s.qScore >= 0.6 * top.qScore)
        interviewers.add(s.sp);
    }
    interviewee =
      stats.filter((s) => !interviewers.has(s.sp)).sort((a, b) => b.wordCount - a.wordCount)[0]?.sp ?? null;
  }
  const roles: Role[] = sentences.map((s) =>
    labelled
      ? s.speaker !== null && interviewers.has(s.speaker)
        ? 'interviewer'
        : 'interviewee'
      : s.endsWithQuestion
        ? 'interviewer'
        : 'interviewee',
  );
  let cand: number[] = [];
  for (let i = 0; i < sentences.length; i++) if (!labelled || roles[i] === 'interviewer') cand.push(i);
  if (!labelled) {
    // Without speakers any sentence could ask; when the text has enough questions ("?", "tell me…"),
    // only those are candidates (an ASR export without punctuation keeps every sentence).
    const asking = cand.filter((i) => isAsking(sentences[i]!));
    if (asking.length >= Q) cand = asking;
  }
  const dims = vectors[0]?.length ?? 0;
  const replies = cand.map((i) => {
    // The reply: the interviewee's next sentences, up to the next question (at most six).
    const got: Float32Array[] = [];
    for (let j = i + 1; j < sentences.length && got.length < 6; j++) {
      if (roles[j] === 'interviewer') {
        if (sentences[j]!.endsWithQuestion && got.length > 0) break;
        continue;
      }
      if (sentences[j]!.terms.length > 0) got.push(vectors[j]!);
    }
    return got.length > 0 ? centroid(got, dims) : null;
  });
  // A short sentence that can only be the interviewer's lead-in: an acknowledgement, a place ("Last
  // one."), a change of topic, or the name of a form question's topic ("Technology and data.").
  const leadIn = (s: Sentence, v: Float32Array) =>
    s.wordCount <= 6 &&
    (isSocialAct(s) ||
      announcedQuestion(straight(s.text), Q) >= 0 ||
      TOPIC_SHIFT.test(straight(s.text)) ||
      (s.wordCount <= 4 && !FIRST_PERSON.test(s.text) && questionVectors.some((qv) => dot(v, qv) >= 0.3)));
  const leadFrom = cand.map((c) => {
    let f = c;
    if (labelled) {
      while (f > 0 && sentences[f - 1]!.turn === sentences[c]!.turn && roles[f - 1] === roles[c] && c - f < 4)
        f--;
      return f;
    }
    // Without speakers: the short sentences of its segment before it that read as the interviewer's
    // ("Okay. Systems and data. I'm guessing you have views."). Across a segment boundary it cost
    // answers in a generated corpus (an answer's last short sentence taken for a lead-in).
    while (f > 0 && c - f < 3 && !sentences[f - 1]!.endsWithQuestion) {
      const prev = sentences[f - 1]!;
      const lead =
        leadIn(prev, vectors[f - 1]!) || (prev.wordCount <= 8 && !FIRST_PERSON.test(straight(prev.text)));
      if (!lead || prev.turn !== sentences[c]!.turn) break;
      f--;
    }
    return f;
  });
  const announced = cand.map((c, k) => {
    for (let j = leadFrom[k]!; j <= c; j++) {
      const a = announcedQuestion(straight(sentences[j]!.text), Q);
      if (a >= 0) return a;
    }
    return -1;
  });
  // A turn that moves on ("Okay, let's do technology.") or opens by acknowledging the last answer
  // ("Got it. And what's slowing things down?"): a new question rather than a follow-up.
  const shift = cand.map((c, k) => {
    for (let j = leadFrom[k]!; j <= c; j++) {
      if (TOPIC_SHIFT.test(straight(sentences[j]!.text))) return true;
      if (j < c && isSocialAct(sentences[j]!)) return true;
    }
    return false;
  });
  return {
    sentences,
    vec: (i) => vectors[i]!,
    vecs: (indices) => indices.map((i) => vectors[i]!),
    labelled,
    interviewer,
    interviewee,
    roles,
    cand,
    leadFrom,
    announced,
    shift,
    replies,
  };
}

/** "I", "we", "my"…: an interviewee speaking, not an interviewer naming the next topic. */
const FIRST_PERSON = /\b(?:i|i'm|i've|i'd|me|my|we|we're|our|us)\b/i;

/** The text with typographic apostrophes made straight (the cue patterns are written with "'"). */
function straight(text: string): string {
  return text.includes('’') ? text.replace(/’/g, "'") : text;
}

function isAsking(s: Sentence): boolean {
  return s.endsWithQuestion || ASKING.test(straight(s.text)) || PROMPT.test(straight(s.text));
}

/** Weight of a question's lead-in ("Staffing. I'm guessing you have views.") beside its own words. */
const LEAD_WEIGHT = 0.9;

/**
 * How well candidate k asks form question vector `qv`: its own words, or its words with the lead-in
 * of its turn (a question is often said in several sentences; the last one alone can be "Where are
 * you on it?").
 */
function similarity(d: Doc, k: number, qv: Float32Array, dims: number): number {
  const c = d.cand[k]!;
  const own = dot(d.vec(c), qv);
  const from = d.leadFrom[k]!;
  if (from === c) return own;
  if (!d.leadVecs) d.leadVecs = new Array(d.cand.length).fill(null);
  let lead = d.leadVecs[k];
  if (!lead) {
    lead = centroid(d.vecs(range(from, c + 1)), dims);
    d.leadVecs![k] = lead;
  }
  return Math.max(own, LEAD_WEIGHT * dot(lead, qv));
}

/** A question announced by its place ("second one") or after a change of topic scores higher. */
const ANNOUNCED_BONUS = 0.25;
const SHIFT_BONUS = 0.08;
function placeBonus(d: Doc, k: number, q: number): number {
  return (d.announced[k] === q ? ANNOUNCED_BONUS : 0) + (d.shift[k] ? SHIFT_BONUS : 0);
}

/**
 * A short question that only echoes what the interviewee just said ("Nine months?", "A couple of
 * days every month?", "Really?"): a follow-up, never a form question.
 */
function echoes(d: Doc, c: number): boolean {
  const said = new Set<number>();
  for (let i = c - 1, n = 0; i >= 0 && n < 4; i--) {
    if (d.roles[i] !== 'interviewee') {
      if (n > 0) break;
      continue;
    }
    n++;
    for (const t of d.sentences[i]!.terms) said.add(t);
  }
  return said.size > 0 && d.sentences[c]!.terms.every((t) => said.has(t));
}

function sharedTerms(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n;
}

function bonus(d: Doc, k: number): number {
  const c = d.cand[k]!;
  const s = d.sentences[c]!;
  if (s.endsWithQuestion && s.wordCount < 10 && echoes(d, c)) return -0.05;
  if (s.endsWithQuestion) return FOLLOW_UP.test(straight(s.text)) && s.wordCount < 10 ? 0 : 0.1;
  if (ASKING.test(straight(s.text)) || PROMPT.test(straight(s.text))) return 0.03;
  // Interviewers ask with "?" or "tell me / walk me through"; a statement rarely opens a question.
  return -0.15;
}

/** Anchor sentence per question: the best chain in the form's order, then out-of-order repairs. */
function anchorsFor(
  d: Doc,
  Q: number,
  score: (k: number, q: number) => number,
  wording: (k: number, q: number) => number,
  opts: AlignOptions,
): number[] {
  const minScore = opts.minQuestionScore ?? 0.15;
  const strong = opts.strongQuestionScore ?? 0.55;
  const C = d.cand.length;
  const S: Float64Array[] = Array.from({ length: C }, (_, k) =>
    Float64Array.from({ length: Q }, (_, q) => score(k, q)),
  );
  const gain = (k: number, q: number) => S[k]![q]! - minScore;
  // Two form questions are never asked without an answer between them: the one before candidate k
  // is asked at prevOK[k] or earlier (the last candidate with an interviewee's sentence after it).
  const prevOK = new Int32Array(C);
  {
    let lastAnswered = -1; // last sentence said by the interviewee with content
    let p = -1;
    for (let k = 0; k < C; k++) {
      const c = d.cand[k]!;
      for (let i = k > 0 ? d.cand[k - 1]! + 1 : 0; i < c; i++)
        if (d.roles[i] === 'interviewee' && d.sentences[i]!.terms.length >= 2) lastAnswered = i;
      while (p + 1 < k && d.cand[p + 1]! < lastAnswered) p++;
      prevOK[k] = p;
    }
  }
  const NEG = Number.NEGATIVE_INFINITY;
  // best[q][k]: best chain ending with question q asked at candidate k; pre[q][k]: best over q'<=q, k'<=k.
  const best = Array.from({ length: Q }, () => new Float64Array(C).fill(NEG));
  const pre = Array.from({ length: Q }, () => new Float64Array(C).fill(0));
  for (let k = 0; k < C; k++) {
    for (let q = 0; q < Q; q++) {
      const g = gain(k, q);
      const p = prevOK[k]!;
      if (g > 0) best[q]![k] = g + Math.max(0, q > 0 && p >= 0 ? pre[q - 1]![p]! : 0);
      pre[q]![k] = Math.max(k > 0 ? pre[q]![k - 1]! : 0, q > 0 ? pre[q - 1]![k]! : 0, best[q]![k]!, 0);
    }
  }
  const anchorK = new Array<number>(Q).fill(-1);
  let q = Q - 1;
  let k = C - 1;
  let need = Q > 0 && C > 0 ? pre[Q - 1]![C - 1]! : 0;
  while (q >= 0 && k >= 0 && need > 1e-9) {
    if (best[q]![k]! > NEG && Math.abs(best[q]![k]! - need) < 1e-9) {
      anchorK[q] = k;
      need -= gain(k, q);
      q--;
      k = prevOK[k]!;
    } else if (k > 0 && Math.abs(pre[q]![k - 1]! - need) < 1e-9) k--;
    else q--;
  }

  // Repair: a question asked out of the form's order shows up as a strong match the chain skipped.
  // Only the wording counts here (not the reply), so a reply on a neighbouring topic cannot pull it.
  const W: Float64Array[] = Array.from({ length: C }, (_, k) =>
    Float64Array.from({ length: Q }, (_, q) => wording(k, q)),
  );
  const bestK = (qi: number) => {
    let bk = -1;
    let bs = NEG;
    for (let c = 0; c < C; c++) {
      if (W[c]![qi]! > bs) {
        bs = W[c]![qi]!;
        bk = c;
      }
    }
    return { k: bk, s: bs };
  };
  const owner = new Map<number, number>();
  anchorK.forEach((c, qi) => {
    if (c >= 0) owner.set(c, qi);
  });
  const order = Array.from({ length: Q }, (_, i) => i).sort((a, b) => bestK(b).s - bestK(a).s);
  for (const qi of order) {
    const b = bestK(qi);
    if (b.k < 0 || b.s < strong) continue;
    const current = anchorK[qi]!;
    if (current === b.k || (current >= 0 && W[current]![qi]! > b.s - 0.12)) continue;
    const other = owner.get(b.k);
    if (other !== undefined) {
      if (W[b.k]![other]! >= b.s) continue;
      anchorK[other] = -1;
    }
    if (current >= 0) owner.delete(current);
    anchorK[qi] = b.k;
    owner.set(b.k, qi);
  }
  return anchorK.map((c) => (c >= 0 ? d.cand[c]! : -1));
}

/**
 * Where the goodbyes start, after the last question (at sentence `last`): the interviewer's
 * leave-taking ("Thank you so much, Graham, this was really helpful"; in unlabelled transcripts,
 * anyone's), unless the same turn goes on to ask something; and once the answer has begun, thanks
 * said alone by either side ("Thanks, Maren.", "Great, thank you.").
 */
function farewellAt(d: Doc, last: number): number {
  const n = d.sentences.length;
  let begun = false;
  for (let i = last + 1; i < n; i++) {
    const s = d.sentences[i]!;
    const byInterviewer = !d.labelled || d.roles[i] === 'interviewer';
    const leaving =
      (byInterviewer && (FAREWELL_STRICT.test(straight(s.text)) || (begun && isFarewell(s.text)))) ||
      (begun && isSocialAct(s) && THANKS_OR_BYE.test(s.text));
    if (leaving && !asksLaterInTurn(d, i)) return i;
    if (d.roles[i] === 'interviewee' && s.terms.length >= 2 && !isFarewell(s.text)) begun = true;
  }
  return n;
}

/** Leave-taking that cannot open an answer (unlike a bare "Thanks."). */
const FAREWELL_STRICT = FAREWELL;
const THANKS_OR_BYE = /\b(?:thank|thanks|cheers|bye|goodbye|appreciate|take care)\b/i;

/** Whether the turn of sentence i goes on to ask a question that is not a closing ("Thanks. Why?"). */
function asksLaterInTurn(d: Doc, i: number): boolean {
  const turn = d.sentences[i]!.turn;
  for (let j = i + 1; j < d.sentences.length && d.sentences[j]!.turn === turn; j++) {
    const t = d.sentences[j]!;
    if (t.endsWithQuestion && !CLOSING.test(straight(t.text)) && !FAREWELL.test(straight(t.text)))
      return true;
  }
  return false;
}

function label(
  d: Doc,
  anchors: number[],
  questionVectors: readonly Float32Array[],
  opts: AlignOptions,
): Alignment {
  const onTopic = opts.onTopicScore ?? 0.12;
  const n = d.sentences.length;
  const dims = questionVectors[0]?.length ?? 0;
  const question = new Array<number>(n).fill(-1);
  const starts = anchors
    .map((a, qi) => ({ a, qi }))
    .filter((x) => x.a >= 0)
    .sort((x, y) => x.a - y.a);
  // Without speaker labels, the lead-in of a question's turn is the interviewer's too ("Okay. Systems
  // and data. I'm guessing you have views.").
  const roles = d.labelled ? d.roles : d.roles.slice();
  if (!d.labelled) {
    for (const { a } of starts) {
      const k = d.cand.indexOf(a);
      for (let j = k >= 0 ? d.leadFrom[k]! : a; j < a; j++) roles[j] = 'interviewer';
    }
  }
  const last = starts.length > 0 ? starts[starts.length - 1]!.a : n;
  const farewell = farewellAt(d, last);
  starts.forEach(({ a, qi }, si) => {
    const end = si + 1 < starts.length ? starts[si + 1]!.a : farewell;
    // The answer so far, as sentence indices: its vectors are only needed when an aside or a
    // closing comes up (pass two makes them then).
    const context: number[] = [];
    let i = a + 1;
    // The rest of the question's own turn is the question ("…the big one. Where are you on it?").
    while (i < end && roles[i] === 'interviewer' && d.sentences[i]!.turn === d.sentences[a]!.turn) i++;
    while (i < end) {
      const s = d.sentences[i]!;
      if (roles[i] === 'interviewer') {
        const closing = CLOSING.test(straight(s.text));
        // Follow-ups ("Has the board weighed in?", "Nine months?") keep their replies with the open
        // question; only an aside that says so ("Quick aside:", "Before I forget,") or a closing
        // ("anything else?") takes its reply out, unless the reply is on the answer's topic.
        if (closing || ASIDE.test(straight(s.text))) {
          let j = i + 1;
          while (j < end && roles[j] === 'interviewer') j++;
          let r = j;
          while (r < end && roles[r] === 'interviewee' && (d.labelled || r - j < 3)) r++;
          const reply = d.vecs(range(j, r));
          const fit =
            reply.length > 0
              ? dot(
                  centroid(reply, dims),
                  centroid([questionVectors[qi]!, d.vec(a), ...d.vecs(context)], dims),
                )
              : 1;
          if (fit < (closing ? 2 * onTopic : onTopic)) {
            i = r;
            continue;
          }
        }
        i++;
        continue;
      }
      // Thanks, greetings, backchannels and laughter said alone answer nothing.
      if (!isSocialAct(s)) {
        question[i] = qi;
        context.push(i);
      }
      i++;
    }
  });
  return { interviewer: d.interviewer, interviewee: d.interviewee, roles, question, anchors };
}
