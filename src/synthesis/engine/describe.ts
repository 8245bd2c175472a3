/**
 * Words for a theme: a short label (the most central short clause its members said, cleaned of
 * fillers and hedges — a clause, not a keyword list), keywords (terms the theme's interviewees use
 * far more than the rest of the question's answers), and representative quotes (the most central
 * sentences, one per interview, cleaned of fillers but otherwise the interviewee's words).
 */
import { countWords, removeFillers, truncateWords } from '../text/index.ts';
import type { Quote } from '../types.ts';
import { type Sentence, tokenize, type Vocabulary } from './corpus.ts';
import { dot, type VectorSpace } from './space.ts';

/** A sentence of some interview: [interview index, sentence index]. */
export type SentenceRef = readonly [number, number];

export interface DescribeContext {
  sentences: readonly Sentence[][];
  interviewIds: readonly string[];
  vocab: Vocabulary;
  space: VectorSpace;
}

const CLAUSE_SPLIT =
  /\s*[,;:—–]\s+|\s+-\s+|\s+(?:and then|and also|and|but|so|because|plus|although|while|whereas)\s+/i;
const HEDGE =
  /^(?:honestly|frankly|really|well|so|and|but|also|plus|then|now|look|okay|ok|yes|yeah|no|sure|right|i think|i guess|i'd say|i would say|i believe|i feel like|i feel|i suppose|to be honest|to me|for me|for us|in my team|in my view|in my opinion|personally|basically|obviously|of course|for example|for instance|on top of that|the main thing is(?: that)?|the big one is(?: that)?|what i see is(?: that)?|the thing is(?: that)?|the problem is(?: that)?|i mean|you know|like)\b[,]?\s*/i;

/** Strip fillers, opening hedges and connectives, and end punctuation; capitalise. */
export function cleanClause(text: string): string {
  let s = removeFillers(text).trim();
  for (let i = 0; i < 6; i++) {
    const next = s.replace(HEDGE, '').trim();
    if (next === s) break;
    s = next;
  }
  s = s.replace(/[\s,;:.!?…-]+$/, '').replace(/^["'“‘]+|["'”’]+$/g, '');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Keywords: terms used by many of the theme's interviews and few of the question's others. */
export function keywordsOf(
  members: readonly SentenceRef[],
  background: readonly SentenceRef[],
  ctx: DescribeContext,
  max = 6,
): number[] {
  const byInterview = (refs: readonly SentenceRef[]) => {
    const df = new Map<number, number>();
    const perInterview = new Map<number, Set<number>>();
    for (const [i, s] of refs) {
      let set = perInterview.get(i);
      if (!set) {
        set = new Set();
        perInterview.set(i, set);
      }
      for (const t of ctx.sentences[i]![s]!.terms) set.add(t);
    }
    for (const set of perInterview.values()) for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
    return { df, n: perInterview.size };
  };
  const mine = byInterview(members);
  const all = byInterview(background);
  const scored: { t: number; s: number }[] = [];
  for (const [t, c] of mine.df) {
    if (mine.n >= 3 && c < 2) continue;
    const share = c / mine.n;
    const rest = ((all.df.get(t) ?? 0) - c) / Math.max(1, all.n - mine.n);
    scored.push({ t, s: share * Math.log((1 + share) / (rest + 0.05)) });
  }
  return scored
    .sort((a, b) => b.s - a.s)
    .slice(0, max)
    .map((x) => x.t);
}

/** The most central short clause said by the theme's members, cleaned. */
export function labelOf(
  members: readonly SentenceRef[],
  centre: Float32Array,
  keywords: readonly number[],
  ctx: DescribeContext,
  avoid: ReadonlySet<string> = new Set(),
): string {
  const candidates: { text: string; terms: number[]; interviews: Set<number> }[] = [];
  const seen = new Map<string, number>();
  for (const [i, s] of members) {
    for (const raw of ctx.sentences[i]![s]!.text.split(CLAUSE_SPLIT)) {
      const text = cleanClause(raw);
      const words = countWords(text);
      if (words < 3 || words > 12) continue;
      const key = text.toLowerCase();
      const at = seen.get(key);
      if (at !== undefined) {
        candidates[at]!.interviews.add(i);
        continue;
      }
      const { terms } = tokenize(text, ctx.vocab);
      if (terms.length < 2) continue;
      seen.set(key, candidates.length);
      candidates.push({ text, terms, interviews: new Set([i]) });
    }
  }
  if (candidates.length > 0) {
    const vecs = ctx.space.encode(
      candidates.map((c) => c.terms),
      { fit: false },
    );
    const kw = new Set(keywords.slice(0, 4));
    const ranked = candidates
      .map((c, k) => ({
        text: c.text,
        score:
          dot(vecs[k]!, centre) +
          0.04 * Math.min(3, c.interviews.size - 1) +
          0.03 * c.terms.filter((t) => kw.has(t)).length,
      }))
      .sort((a, b) => b.score - a.score);
    const pick = ranked.find((r) => !avoid.has(r.text.toLowerCase())) ?? ranked[0]!;
    return pick.text;
  }
  // No short clause: the most central sentence, cut at twelve words.
  if (members.length > 0) {
    const vecs = ctx.space.encode(
      members.map(([i, s]) => ctx.sentences[i]![s]!.terms),
      { fit: false },
    );
    let best = 0;
    for (let k = 1; k < members.length; k++) if (dot(vecs[k]!, centre) > dot(vecs[best]!, centre)) best = k;
    const [i, s] = members[best]!;
    const text = cleanClause(ctx.sentences[i]![s]!.text);
    const cut = truncateWords(text, 12);
    if (cut) return cut.length < text.length ? `${cut.replace(/[,;:]$/, '')}…` : cut;
  }
  const words = keywords.slice(0, 3).map((t) => ctx.vocab.display(t));
  return words.length > 0 ? cap(words.join(', ')) : 'Other remarks';
}

/** Up to `max` quotes: the sentences closest to the theme's centre, one per interview. */
export function quotesOf(
  members: readonly SentenceRef[],
  centre: Float32Array,
  ctx: DescribeContext,
  max = 3,
): Quote[] {
  const usable = members.filter(([i, s]) => {
    const n = ctx.sentences[i]![s]!.wordCount;
    return n >= 5 && n <= 45;
  });
  const pool = usable.length > 0 ? usable : members;
  const vecs = ctx.space.encode(
    pool.map(([i, s]) => ctx.sentences[i]![s]!.terms),
    { fit: false },
  );
  const order = pool.map((ref, k) => ({ ref, s: dot(vecs[k]!, centre) })).sort((a, b) => b.s - a.s);
  const out: Quote[] = [];
  const used = new Set<number>();
  for (const { ref } of order) {
    const [i, s] = ref;
    if (used.has(i)) continue;
    used.add(i);
    const sentence = ctx.sentences[i]![s]!;
    out.push({ interview: ctx.interviewIds[i]!, text: removeFillers(sentence.text), start: sentence.start });
    if (out.length >= max) break;
  }
  return out;
}

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
