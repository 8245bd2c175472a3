/**
 * Where interviewees split on a question: one group pushes to go ahead (accelerate, invest, now),
 * the other to hold back (pause, wait, pilot first). Each interviewee's answer gets a net stance
 * from its cue words; a question splits when many of its interviewees take a stance and both sides
 * are well represented. Lexical correlates only: a split argued without cue words goes unseen.
 */
import type { Quote, Split, SplitSide } from '../types.ts';
import {
  cap,
  centralClauses,
  cleanQuote,
  type DescribeContext,
  labelOf,
  type SentenceRef,
  SUMMARY_SPLIT,
  wordingKey,
} from './describe.ts';
import { dot, normaliseF32 } from './space.ts';
import { answerStances, stanceCuesOfTokens } from './stance.ts';
import { reportedSummary, summaryClauses } from './summary.ts';

export interface SplitOptions {
  /** Least share of the question's interviewees taking a stance (default 0.5). */
  minStanceShare?: number;
  /** Least share of the stance-takers on the smaller side (default 0.2). */
  minMinority?: number;
  /** Least mean |net stance| of those taking a side: a split is argued, not one stray "first" (default 1.5). */
  minStrength?: number;
}

const SIDE_SENTENCES = 80;

/** A split with the interview indices of its two sides: [go ahead, hold back]. */
export interface FoundSplit {
  split: Split;
  sides: [number[], number[]];
}

export function splitOfQuestion(
  questionId: string,
  questionText: string,
  /** Answer sentence indices per interview for this question. */
  answers: readonly number[][],
  answered: readonly number[],
  ctx: DescribeContext,
  opts: SplitOptions = {},
  /** Sentences that carry no answer (discourse.ts), per interview. */
  skip?: readonly ReadonlySet<number>[],
): FoundSplit | null {
  const minShare = opts.minStanceShare ?? 0.5;
  const minMinority = opts.minMinority ?? 0.2;
  const minStrength = opts.minStrength ?? 1.5;
  let strength = 0;
  const sides: {
    interviews: number[];
    refs: SentenceRef[];
    strength: number[];
    cues: Map<string, number>;
  }[] = [
    { interviews: [], refs: [], strength: [], cues: new Map() },
    { interviews: [], refs: [], strength: [], cues: new Map() },
  ];
  for (const i of answered) {
    let net = 0;
    const stanceRefs: { ref: SentenceRef; s: number; cues: string[] }[] = [];
    // The speaker's own stance: concessions, views reported of others and answers that decline to
    // take a side count nothing (stance.ts answerStances).
    const said = (answers[i] ?? []).filter((s) => !skip?.[i]?.has(s));
    const stances = answerStances(
      said.map((s) => ctx.sentences[i]![s]!.text),
      said.map((s) => ctx.sentences[i]![s]!.tokens),
    );
    for (let k = 0; k < said.length; k++) {
      const s = said[k]!;
      const v = stances[k]!;
      if (v === 0) continue;
      const cues = stanceCuesOfTokens(ctx.sentences[i]![s]!.tokens);
      net += v;
      stanceRefs.push({
        ref: [i, s],
        s: v,
        cues: cues.filter((c) => Math.sign(c.polarity) === Math.sign(v)).map((c) => c.phrase),
      });
    }
    if (net === 0) continue;
    strength += Math.abs(net);
    const side = sides[net > 0 ? 0 : 1]!;
    side.interviews.push(i);
    for (const r of stanceRefs) {
      if (Math.sign(r.s) !== Math.sign(net)) continue;
      side.refs.push(r.ref);
      side.strength.push(Math.abs(r.s));
      for (const c of r.cues) side.cues.set(c, (side.cues.get(c) ?? 0) + 1);
    }
  }
  const [ahead, back] = sides as [(typeof sides)[0], (typeof sides)[0]];
  const taking = ahead.interviews.length + back.interviews.length;
  const minority = Math.min(ahead.interviews.length, back.interviews.length);
  if (
    answered.length === 0 ||
    taking < minShare * answered.length ||
    minority < 2 ||
    minority < minMinority * taking ||
    strength / taking < minStrength
  ) {
    return null;
  }
  const side = (s: typeof ahead, direction: 'ahead' | 'back'): SplitSide => {
    // The most emphatic stance sentences speak for the side (bounded work on long interviews).
    // Distinct wordings only: copies of a transcript would crowd the others out.
    const wordings = new Set<string>();
    const strongest = s.refs
      .map((ref, k) => ({ ref, k }))
      .sort((a, b) => s.strength[b.k]! - s.strength[a.k]! || a.k - b.k)
      .filter(({ ref: [i, k] }) => {
        const text = ctx.sentences[i]![k]!.text;
        if (wordings.has(text)) return false;
        wordings.add(text);
        return true;
      })
      .slice(0, SIDE_SENTENCES)
      .map((x) => x.ref);
    const vectors = ctx.space.encode(
      strongest.map(([i, k]) => ctx.sentences[i]![k]!.terms),
      { fit: false },
    );
    const centre = new Float32Array(ctx.space.dims);
    for (const v of vectors) for (let d = 0; d < centre.length; d++) centre[d]! += v[d]!;
    normaliseF32(centre);
    const label = labelOf(strongest, centre, [], ctx);
    const clauses = centralClauses(strongest, centre, [], ctx, { split: SUMMARY_SPLIT, maxWords: 22 });
    const lean =
      direction === 'ahead' ? 'want to go ahead or go faster' : 'want to hold back, wait or go slower';
    return {
      label,
      summary:
        reportedSummary('These interviewees', summaryClauses(clauses, label)) ||
        cap(`${s.interviews.length} of ${answered.length} interviewees ${lean}.`),
      interviews: s.interviews.map((i) => ctx.interviewIds[i]!),
      quotes: strongestQuotes(
        strongest,
        vectors.map((v) => dot(v, centre)),
        ctx,
      ),
    };
  };
  return {
    split: {
      id: `${questionId}-split`,
      question: questionId,
      topic: questionText,
      sides: [side(ahead, 'ahead'), side(back, 'back')],
    },
    sides: [ahead.interviews.slice(), back.interviews.slice()],
  };
}

/** One stance sentence per interview and per wording, the most emphatic first, up to three. */
/**
 * Quotes for a side: emphatic and on the side's topic. A stance cue alone can sit in an anecdote ("I
 * still keep my first business card"), so a quote must also be close to what the side says: within
 * 60% of the closest sentence's cosine to the side's centre.
 */
function strongestQuotes(
  refs: readonly SentenceRef[],
  /** Each ref's cosine to the side's centre. */
  closeness: readonly number[],
  ctx: DescribeContext,
): Quote[] {
  const floor = 0.6 * Math.max(0, ...closeness);
  const scored = refs
    .map((ref, k) => {
      const s = ctx.sentences[ref[0]]![ref[1]]!;
      const emphasis = Math.abs(stanceCuesOfTokens(s.tokens).reduce((a, c) => a + c.polarity, 0));
      return { ref, s, close: closeness[k]!, score: emphasis + 2 * closeness[k]! - s.wordCount / 100 };
    })
    .filter((x) => x.s.wordCount >= 4 && x.s.wordCount <= 45 && x.close >= floor)
    .sort((a, b) => b.score - a.score);
  const used = new Set<number>();
  const wordings = new Set<string>();
  const out: Quote[] = [];
  // Different wordings only ("Put simply, X" and "Across the group, X" are one quote), unless no
  // sentence differs at all.
  for (const distinct of [true, false]) {
    if (!distinct && out.length > 0) break;
    for (const x of scored) {
      if (out.length >= 3) break;
      if (used.has(x.ref[0])) continue;
      const wording = wordingKey(cleanQuote(x.s.text, ctx.openers));
      if (distinct && wordings.has(wording)) continue;
      used.add(x.ref[0]);
      wordings.add(wording);
      out.push({
        interview: ctx.interviewIds[x.ref[0]]!,
        text: cleanQuote(x.s.text, ctx.openers),
        start: x.s.start,
      });
    }
  }
  return out;
}
