/**
 * Words for a theme: a short label (the most central clause its members said, cleaned of fillers
 * and hedges — a clause, not a keyword list), keywords (content terms the theme's interviewees use
 * far more than the rest of the question's answers, and more under this question than elsewhere),
 * and representative quotes (the most central sentences, one per interview and one per wording,
 * cleaned of fillers but otherwise the interviewee's words).
 *
 * Kept in one file: a theme's label, keywords and quotes share the clause cleaning and the ranking
 * by centrality above them.
 */
import { countWords, removeFillers, truncateWords } from '../text/index.ts';
import type { Quote } from '../types.ts';
import { contentWords, lookupTerms, type Sentence, type Vocabulary } from './corpus.ts';
import { stripOpeners } from './discourse.ts';
import { asHeadline } from './headline.ts';
import { COMPLEMENTIZER, HEDGE } from './opening.ts';
import { leadTerms } from './pieces.ts';
import { dot, type VectorSpace } from './space.ts';

/** A sentence of some interview: [interview index, sentence index]. */
export type SentenceRef = readonly [number, number];

export interface DescribeContext {
  sentences: readonly Sentence[][];
  interviewIds: readonly string[];
  vocab: Vocabulary;
  space: VectorSpace;
  /** Question-specificity of each term (units.ts termSpecificity); keywords favour specific terms. */
  specificity?: Float64Array;
  /** Openers learned from the collection ("to be fair"): left out of labels and summaries. */
  openers?: ReadonlySet<string>;
  /** Per interview, the first with exactly the same transcript: copies count as one interview. */
  copyOf?: readonly number[];
}

// Clause boundaries for labels. Not a bare "and" or "so": "copy and paste", "pricing and capacity
// planning" are one thing.
const CLAUSE_SPLIT =
  /\s*[,;:—–]\s+|\s+-\s+|\s+(?:and then|and also|but|because|plus|although|while|whereas)\s+/i;
/** Strip fillers, opening hedges and connectives, and end punctuation; capitalise. */
export function cleanClause(text: string): string {
  const s = spokenClause(text);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** As `cleanClause`, but in the case it was said (for reporting it inside a sentence). */
export function spokenClause(text: string): string {
  let s = removeFillers(text).trim();
  for (let i = 0; i < 6; i++) {
    const next = s.replace(HEDGE, '').replace(COMPLEMENTIZER, '').trim();
    if (next === s) break;
    s = next;
  }
  return s.replace(/[\s,;:.!?…-]+$/, '').replace(/^["'“‘]+|["'”’]+$/g, '');
}

/**
 * A clause's first word in running text: sentence-start capitals go ("Nobody trusts…" -> "nobody
 * trusts…"); acronyms, "I" and words capitalised elsewhere in the middle of what people said (names)
 * stay.
 */
export function inRunningText(clause: string, names: ReadonlySet<string>): string {
  const m = /^([\p{L}'’-]+)/u.exec(clause);
  if (!m) return clause;
  const w = m[1]!;
  if (!/^\p{Lu}/u.test(w) || /^I(?:['’]|$)/.test(w) || /^\p{Lu}{2,}/u.test(w) || names.has(w)) return clause;
  return w.charAt(0).toLowerCase() + clause.slice(1);
}

/** Capitalised words said in the middle of sentences (names, places, products). */
export function namesIn(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) {
    for (const m of t.matchAll(/(?<=[\p{L}\p{N},;:'"’”)]\s+)(\p{Lu}[\p{L}'’-]*)/gu)) out.add(m[1]!);
  }
  return out;
}

/**
 * Words that are never keywords although the tokenizer keeps them (stance needs "should", "not",
 * "now"): modals, negation, light verbs, vague quantities and time adverbs. They say nothing about
 * what a theme is about.
 */
const NOT_KEYWORDS = new Set(
  `should would could must might may shall can cannot need needs needed not never now then already
  always still just even ever also much many lot lots bit thing things stuff way ways get gets got
  getting gotten go goes going went gone make makes made making let lets see sees saw seen seeing
  know knows knew known knowing think thinks thought say says said saying want wants wanted take
  takes took taken put puts come comes came keep keeps kept give gives gave look looks looked feel
  feels felt mean means meant try tries tried tell told use used really quite pretty kind sort one
  two every each whole good great big right sure well like yes okay else people person us everyone
  everybody nobody`.split(/\s+/),
);

/** True when a term may be shown as a keyword (a content word that says what the theme is about). */
export function keywordEligible(term: number, vocab: Vocabulary): boolean {
  const w = vocab.display(term);
  return w.length > 2 && !NOT_KEYWORDS.has(w) && !NOT_KEYWORDS.has(vocab.stems[term]!);
}

/**
 * Keywords: content terms used by many of the theme's interviews and few of the question's others,
 * weighted by how specific they are to this question (a word said under every question is not
 * what this theme is about).
 */
export function keywordsOf(
  members: readonly SentenceRef[],
  background: readonly SentenceRef[] | InterviewFrequencies,
  ctx: DescribeContext,
  max = 6,
): number[] {
  const mine = interviewFrequencies(members, ctx);
  const all = Array.isArray(background)
    ? interviewFrequencies(background as readonly SentenceRef[], ctx)
    : (background as InterviewFrequencies);
  const scored: { t: number; s: number }[] = [];
  for (const [t, c] of mine.df) {
    if (mine.n >= 3 && c < 2) continue;
    if (!keywordEligible(t, ctx.vocab)) continue;
    const share = c / mine.n;
    const rest = Math.max(0, (all.df.get(t) ?? 0) - c) / Math.max(1, all.n - mine.n);
    const specific = ctx.specificity ? 0.2 + (ctx.specificity[t] ?? 0) : 1;
    scored.push({ t, s: share * Math.log((1 + share) / (rest + 0.05)) * specific });
  }
  return scored
    .sort((a, b) => b.s - a.s || a.t - b.t)
    .slice(0, max)
    .map((x) => x.t);
}

/** In how many interviews each term is said (opening hedges aside), over some sentences. */
export interface InterviewFrequencies {
  df: Map<number, number>;
  /** Interviews among the sentences. */
  n: number;
}

export function interviewFrequencies(
  refs: readonly SentenceRef[],
  ctx: DescribeContext,
): InterviewFrequencies {
  const df = new Map<number, number>();
  const perInterview = new Map<number, Set<number>>();
  for (const [i, s] of refs) {
    const who = ctx.copyOf ? ctx.copyOf[i]! : i;
    let set = perInterview.get(who);
    if (!set) {
      set = new Set();
      perInterview.set(who, set);
    }
    const sentence = ctx.sentences[i]![s]!;
    // Not the words of an opening hedge ("The main thing is that…").
    for (let k = leadTerms(sentence); k < sentence.terms.length; k++) set.add(sentence.terms[k]!);
  }
  for (const set of perInterview.values()) for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
  return { df, n: perInterview.size };
}

/**
 * How keywords are shown: each term in the form the theme's own members used most ("training", not
 * the "trains" of some small talk elsewhere that shares its stem).
 */
export function keywordForms(
  terms: readonly number[],
  members: readonly SentenceRef[],
  ctx: DescribeContext,
): string[] {
  const wanted = new Set(terms);
  const counts = new Map<number, Map<string, number>>();
  for (const [i, s] of members) {
    const sentence = ctx.sentences[i]![s]!;
    const words = contentWords(sentence.tokens);
    sentence.terms.forEach((t, k) => {
      if (!wanted.has(t)) return;
      let m = counts.get(t);
      if (!m) {
        m = new Map();
        counts.set(t, m);
      }
      const w = words[k]!;
      m.set(w, (m.get(w) ?? 0) + 1);
    });
  }
  return terms.map((t) => {
    const m = counts.get(t);
    if (!m) return ctx.vocab.display(t);
    return [...m.entries()].sort(
      (a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1),
    )[0]![0];
  });
}

/** Member sentences ranked by closeness to the theme's centre, nearest first. */
export function rankByCentre(
  members: readonly SentenceRef[],
  centre: Float32Array,
  ctx: DescribeContext,
): { ref: SentenceRef; sim: number }[] {
  const vecs = ctx.space.encode(
    members.map(([i, s]) => ctx.sentences[i]![s]!.terms),
    { fit: false },
  );
  // Rounded: float noise (a centre summed in another order) must not reorder near-equal sentences.
  return members
    .map((ref, k) => ({ ref, sim: Math.round(dot(vecs[k]!, centre) * 1e4) / 1e4 }))
    .sort((a, b) => b.sim - a.sim);
}

/** A clause said by the theme's members, cleaned, with who said it and how central it is. */
export interface Clause {
  text: string;
  terms: number[];
  interviews: Set<number>;
  /** Closeness to the theme's centre, with a small bonus for being said by several people. */
  score: number;
  /** The clause as it reads inside a sentence (hedges gone, first letter in running-text case). */
  spoken: string;
  /** Sentence it was cut from (the first speaker's). */
  ref: SentenceRef;
  /** Whether it opens that sentence. */
  first: boolean;
}

/**
 * Clauses of the sentences nearest the centre (the label and the summary speak for the theme's
 * core, not for a stray member that joined it), 3..maxWords words, ranked by closeness to the centre.
 */
export function centralClauses(
  members: readonly SentenceRef[],
  centre: Float32Array,
  keywords: readonly number[],
  ctx: DescribeContext,
  opts: {
    split: RegExp;
    maxWords: number;
    maxSentences?: number;
    /** `members` ranked by closeness to `centre` already (rankByCentre), to save the work. */
    ranked?: readonly { ref: SentenceRef; sim: number }[];
  },
): Clause[] {
  const ranked = opts.ranked ?? rankByCentre(members, centre, ctx);
  if (ranked.length === 0) return [];
  const best = ranked[0]!.sim;
  // The core: sentences nearly as close to the centre as the closest one.
  // Counted in distinct wordings: copies of a sentence (the same interview under two file names)
  // take no place of their own.
  const maxSentences = opts.maxSentences ?? 40;
  const texts = new Set<string>();
  const core = ranked.filter((r) => {
    const text = ctx.sentences[r.ref[0]]![r.ref[1]]!.text;
    if (texts.has(text)) return true;
    if (texts.size >= maxSentences || (texts.size >= 3 && r.sim < (best > 0 ? 0.6 * best : best)))
      return false;
    texts.add(text);
    return true;
  });
  let candidates: Omit<Clause, 'score'>[] = [];
  const seen = new Map<string, number>();
  const names = namesIn(core.map(({ ref: [i, s] }) => ctx.sentences[i]![s]!.text));
  for (const { ref } of core) {
    const [i, s] = ref;
    const pieces = ctx.sentences[i]![s]!.text.split(opts.split);
    for (let piece = 0; piece < pieces.length; piece++) {
      const raw = pieces[piece]!;
      const spoken = inRunningText(spokenClause(ctx.openers ? stripOpeners(raw, ctx.openers) : raw), names);
      const text = cap(spoken);
      const words = countWords(text);
      if (words < 3 || words > opts.maxWords) continue;
      const key = text.toLowerCase();
      const at = seen.get(key);
      if (at !== undefined) {
        candidates[at]!.interviews.add(ctx.copyOf ? ctx.copyOf[i]! : i);
        continue;
      }
      const terms = lookupTerms(text, ctx.vocab).filter((t) => t >= 0);
      if (terms.length < 2) continue;
      seen.set(key, candidates.length);
      candidates.push({
        text,
        spoken,
        terms,
        interviews: new Set([ctx.copyOf ? ctx.copyOf[i]! : i]),
        ref,
        first: piece === 0,
      });
    }
  }
  if (candidates.length === 0) return [];
  // A clause that shares none of the theme's characteristic words speaks for something else that
  // joined it (a remark, another point of a run-on answer): it is not a candidate while others are.
  const characteristic = new Set(keywords);
  const onTopic =
    characteristic.size > 0 ? candidates.filter((c) => c.terms.some((t) => characteristic.has(t))) : [];
  if (onTopic.length > 0) candidates = onTopic;
  const vecs = ctx.space.encode(
    candidates.map((c) => c.terms),
    { fit: false },
  );
  const kw = new Set(keywords.slice(0, 4));
  return (
    candidates
      .map((c, k) => ({
        ...c,
        score:
          dot(vecs[k]!, centre) +
          0.04 * Math.min(3, c.interviews.size - 1) +
          0.03 * c.terms.filter((t) => kw.has(t)).length +
          // People state the point first; what trails after a comma is often a tag ("plain and simple").
          (c.first ? 0.03 : 0) -
          0.01 * Math.max(0, countWords(c.text) - 10),
      }))
      // Rounded, ties by text: float noise (a centre summed in another order when a collection is
      // repeated) must not reorder near-equal clauses.
      .map((c) => ({ ...c, score: Math.round(c.score * 1e4) / 1e4 }))
      .sort((a, b) => b.score - a.score || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
  );
}

/** Clause boundaries for labels: commas, semicolons, dashes and connectives. */
export const LABEL_SPLIT = CLAUSE_SPLIT;
/** Clause boundaries for summaries: looser (a reason or a list stays with its clause). */
export const SUMMARY_SPLIT =
  /\s*[;:—–]\s+|\s+-\s+|,?\s+(?:and then|and also|and on top of that|on top of that|plus|also|but|although|whereas)\s+|,\s+and\s+/i;

/** The first `max` of ranked sentences in distinct wordings (copies of a transcript take no place). */
function distinctTexts(
  ranked: readonly { ref: SentenceRef; sim: number }[],
  ctx: DescribeContext,
  max: number,
): { ref: SentenceRef; sim: number }[] {
  const seen = new Set<string>();
  const out: { ref: SentenceRef; sim: number }[] = [];
  for (const r of ranked) {
    const text = ctx.sentences[r.ref[0]]![r.ref[1]]!.text;
    if (seen.has(text)) continue;
    seen.add(text);
    out.push(r);
    if (out.length >= max) break;
  }
  return out;
}

/** How far below the most central clause a clause that reads as a headline may rank and still win. */
const HEADLINE_SLACK = 0.15;

/** The most central clause said by the theme's members that reads as a headline, cleaned. */
export function labelOf(
  members: readonly SentenceRef[],
  centre: Float32Array,
  keywords: readonly number[],
  ctx: DescribeContext,
  avoid: ReadonlySet<string> = new Set(),
  /** `members` ranked by closeness to `centre` already (rankByCentre). */
  rankedMembers?: readonly { ref: SentenceRef; sim: number }[],
): string {
  const sentences = rankedMembers ?? rankByCentre(members, centre, ctx);
  const ranked = centralClauses(members, centre, keywords, ctx, {
    split: LABEL_SPLIT,
    maxWords: 16,
    ranked: sentences,
  });
  // A headline: the most central clause that reads as one (subject and verb, 4–10 words), or the
  // most central sentence cut to one; closeness rounded and ties broken by the words, so that float
  // noise does not pick another.
  const best = ranked[0]?.score ?? 0;
  const options: { text: string; score: number }[] = [];
  for (const r of ranked) {
    const h = asHeadline(r.spoken);
    if (h) options.push({ text: h, score: r.score });
  }
  for (const { ref, sim } of distinctTexts(sentences, ctx, Number.POSITIVE_INFINITY)) {
    const said = ctx.sentences[ref[0]]![ref[1]]!.text;
    const h = asHeadline(
      inRunningText(spokenClause(ctx.openers ? stripOpeners(said, ctx.openers) : said), new Set()),
    );
    if (h) options.push({ text: h, score: Math.round(sim * 1e4) / 1e4 });
  }
  const order = (a: { text: string; score: number }, b: { text: string; score: number }) =>
    b.score - a.score || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
  const fresh = options.filter((o) => !avoid.has(o.text.toLowerCase())).sort(order);
  const near = fresh.filter((o) => o.score >= best - HEADLINE_SLACK);
  if (near.length > 0) return near[0]!.text;
  // None near the centre: the best-placed headline any member said, rather than a fragment.
  if (fresh.length > 0) return fresh[0]!.text;
  if (ranked.length > 0) {
    const pick = ranked.find((r) => !avoid.has(r.text.toLowerCase())) ?? ranked[0]!;
    return pick.text;
  }
  // No clause: the most central sentence, cut at fourteen words.
  const nearest = sentences[0];
  if (nearest) {
    const [i, s] = nearest.ref;
    const said = ctx.sentences[i]![s]!.text;
    const text = cleanClause(ctx.openers ? stripOpeners(said, ctx.openers) : said);
    const cut = truncateWords(text, 14);
    if (cut) return cut.length < text.length ? `${cut.replace(/[,;:]$/, '')}…` : cut;
  }
  const kw = keywords.slice(0, 3).map((t) => ctx.vocab.display(t));
  return kw.length > 0 ? cap(kw.join(', ')) : 'Other remarks';
}

/**
 * Up to `max` quotes: the sentences closest to the theme's centre, one per interview, and each in
 * different words (three people saying the same sentence make one quote, not three).
 */
/**
 * What makes two quotes the same words whatever their opener: the last eight words ("Put simply, X"
 * and "Across the group, X" are one quote said twice).
 */
export function wordingKey(text: string): string {
  return removeFillers(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(-8)
    .join(' ');
}

export function quotesOf(
  members: readonly SentenceRef[],
  centre: Float32Array,
  ctx: DescribeContext,
  max = 3,
  keywords: readonly number[] = [],
  /** `members` ranked by closeness to `centre` already (rankByCentre). */
  rankedMembers?: readonly { ref: SentenceRef; sim: number }[],
): Quote[] {
  const usable = members.filter(([i, s]) => {
    const n = ctx.sentences[i]![s]!.wordCount;
    return n >= 5 && n <= 45;
  });
  // Quotes say the theme's point: sentences with none of its characteristic words only when needed.
  const characteristic = new Set(keywords);
  const onTopic = usable.filter(([i, s]) => ctx.sentences[i]![s]!.terms.some((t) => characteristic.has(t)));
  const pool = onTopic.length > 0 ? onTopic : usable.length > 0 ? usable : members;
  let order: readonly { ref: SentenceRef }[];
  if (rankedMembers) {
    const inPool = new Set(pool);
    order = rankedMembers.filter((r) => inPool.has(r.ref));
  } else order = rankByCentre(pool, centre, ctx);
  const picked: SentenceRef[] = [];
  const used = new Set<number>();
  const wordings: Set<number>[] = [];
  const texts = new Set<string>();
  // Echoed: someone else in the theme said two of its words too — a point several people made,
  // not an anecdote that drifted in.
  const termSets = order.map(({ ref: [i, s] }) => ({ i, terms: new Set(ctx.sentences[i]![s]!.terms) }));
  const echoed = (k: number) =>
    termSets.some((o, j) => {
      if (j === k || o.i === termSets[k]!.i) return false;
      let shared = 0;
      for (const t of termSets[k]!.terms)
        if (o.terms.has(t) && keywordEligible(t, ctx.vocab) && ++shared >= 2) return true;
      return false;
    });
  // Echoed points only, in distinct wordings first, then similar ones (never the same words twice);
  // with no echoed point at all, the single most central sentence.
  if (!order.some((_, k) => echoed(k))) order = order.slice(0, 1);
  for (const pass of [0, 2]) {
    for (let k = 0; k < order.length; k++) {
      const { ref } = order[k]!;
      if (picked.length >= max) break;
      const [i, s] = ref;
      if (used.has(i)) continue;
      const terms = termSets[k]!.terms;
      const text = wordingKey(cleanQuote(ctx.sentences[i]![s]!.text, ctx.openers));
      if (texts.has(text) || (pass < 2 && wordings.some((w) => overlap(w, terms) >= 0.7))) continue;
      if (order.length > 1 && !echoed(k)) continue;
      used.add(i);
      wordings.push(terms);
      texts.add(text);
      picked.push(ref);
    }
  }
  return picked.map(([i, s]) => {
    const sentence = ctx.sentences[i]![s]!;
    return {
      interview: ctx.interviewIds[i]!,
      text: cleanQuote(sentence.text, ctx.openers),
      start: sentence.start,
    };
  });
}

// A lead-in that frames how the speaker says it, set off by a comma: "Candidly,", "Bluntly,",
// "Frankly speaking,", "To be honest,", "In all honesty," — not "Unfortunately," or "Only", which
// say something about the point.
const SPEAKING_OPENER =
  /^(?:(?:candidly|bluntly|frankly|honestly|truthfully|seriously|personally|basically|obviously|genuinely|realistically|admittedly)(?: speaking)?|to be (?:honest|frank|fair|blunt|candid)|in all honesty|if i'm honest|if i'm being honest|truth be told|put simply|simply put|look|listen|well|so|okay|ok|right|yeah|um|uh)\s*,\s*/i;

/**
 * A quote cleaned: fillers gone, and the lead-ins that frame how the speaker says it ("Candidly,",
 * "Bluntly,", "To be honest,", and the openers learned from the collection); otherwise the
 * interviewee's own words.
 */
export function cleanQuote(text: string, openers?: ReadonlySet<string>): string {
  let s = removeFillers(text).trim();
  for (let k = 0; k < 4; k++) {
    let next = s.replace(SPEAKING_OPENER, '');
    if (next === s && openers && openers.size > 0) {
      const m = /^([^,]{1,60}),\s+/.exec(s);
      if (m && openers.has(m[1]!.toLowerCase())) next = s.slice(m[0].length);
    }
    if (next === s) break;
    s = next;
  }
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Jaccard overlap of two term sets. */
function overlap(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
