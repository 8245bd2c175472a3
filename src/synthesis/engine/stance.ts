/**
 * Stance cues: does a sentence push to go ahead (faster, now, invest, expand, yes) or to hold back
 * (slow down, wait, pause, first, before, pilot, careful, against)? Lexical correlates only, with
 * negation flipping the cue ("we shouldn't rush" holds back, "we can't wait" pushes ahead).
 *
 * Kept in one file: most of it is the cue lexicon (word lists and their exceptions); the matcher that
 * reads them sits right after, so a new cue and the rule it needs are changed together.
 */
import { words } from '../text/index.ts';

export interface StanceCue {
  /** +1 go ahead, −1 hold back */
  polarity: 1 | -1;
  phrase: string;
}

// Multi-word cues first (matched on the joined words), then single words.
const PHRASES: [string, 1 | -1][] = [
  ['as soon as possible', 1],
  ['double down', 1],
  ['speed up', 1],
  ['scale up', 1],
  ['scale it up', 1],
  ['move ahead', 1],
  ['go ahead', 1],
  ['push ahead', 1],
  ['push hard', 1],
  ['go big', 1],
  ['fall behind', 1],
  ['falling behind', 1],
  ['already late', 1],
  ['already behind', 1],
  ['right away', 1],
  ['this year', 1],
  ['slow down', -1],
  ['hold off', -1],
  ['hold back', -1],
  ['wait and see', -1],
  ['step back', -1],
  ['not yet', -1],
  ['take our time', -1],
  ['take it slow', -1],
  ['one step at a time', -1],
  ['small first', -1],
  // Complaints about delay push ahead: "every year we wait makes it dearer", "we keep postponing it".
  ['the longer we wait', 1],
  ['every year we wait', 1],
  ['every month we wait', 1],
  ['each year we wait', 1],
  ['keep postponing', 1],
  ['keep delaying', 1],
  ['keep putting off', 1],
  ['keep putting it off', 1],
  ['kept postponing', 1],
  ['kept delaying', 1],
  // Keeping a plan's dates goes ahead; growing by buying or adding sites goes ahead.
  ['keep going', 1],
  ['keep moving', 1],
  ['keep the dates', 1],
  ['hold the dates', 1],
  ['keep to the schedule', 1],
  ['stick to the schedule', 1],
  ['on schedule', 1],
  ['push on', 1],
  ['press on', 1],
  ['push through', 1],
  ['in limbo', 1],
  ['get bigger', 1],
  ['more clinics', 1],
  ['more sites', 1],
  ['more practices', 1],
  // Putting one's own house in order before adding to it holds back.
  ['house in order', -1],
  ['tidy our own house', -1],
  ['what we already have', -1],
  ['what we already own', -1],
  ['what we have got', -1],
  ["what we've got", -1],
  ['not ready', -1],
];
const WORDS = new Map<string, 1 | -1>([
  ['accelerate', 1],
  ['accelerating', 1],
  ['faster', 1],
  ['quickly', 1],
  ['quicker', 1],
  ['sooner', 1],
  ['now', 1],
  ['immediately', 1],
  ['aggressive', 1],
  ['aggressively', 1],
  ['invest', 1],
  ['investing', 1],
  ['expand', 1],
  ['expanding', 1],
  ['overdue', 1],
  ['urgent', 1],
  ['urgently', 1],
  ['rush', 1],
  ['hurry', 1],
  ['absolutely', 1],
  ['definitely', 1],
  ['slower', -1],
  ['slowly', -1],
  ['pause', -1],
  ['wait', -1],
  ['waiting', -1],
  ['delay', -1],
  ['postpone', -1],
  ['careful', -1],
  ['cautious', -1],
  ['caution', -1],
  ['first', -1],
  ['before', -1],
  ['until', -1],
  ['pilot', -1],
  ['piloting', -1],
  ['trial', -1],
  ['guardrails', -1],
  ['governance', -1],
  ['against', -1],
  ['keep', 1],
  ['risky', -1],
  ['risks', -1],
  ['premature', -1],
  ['later', -1],
  ['stop', -1],
  ['freeze', -1],
  ['rushing', 1],
  ['grow', 1],
  ['growing', 1],
  ['acquire', 1],
  ['acquiring', 1],
  ['acquisitions', 1],
  ['momentum', 1],
  ['consolidate', -1],
  ['consolidating', -1],
  ['standardize', -1],
  ['standardise', -1],
  ['stabilize', -1],
  ['stabilise', -1],
  ['integrating', -1],
  ['waited', -1],
]);

// Words that are cues in one sense only: "fix it first" (not "the first week", "they went first"),
// "before we add" (not "before May"), "pilot it" (not "the pilot sites"), "do it now" (not "fine
// now", "right now"), "keep the dates" (a phrase; "keep" alone is no cue).
const PRECONDITION = new Set([
  'we',
  'any',
  'anyone',
  'anything',
  'another',
  'adding',
  'going',
  'more',
  'expanding',
  'rolling',
  'buying',
  'scaling',
  'everyone',
  'everybody',
  'anybody',
  'there',
  'they',
  'those',
]);
const NOT_BEFORE_FIRST = new Set([
  'the',
  'went',
  'go',
  'goes',
  'was',
  'were',
  'is',
  'are',
  'our',
  'their',
  'my',
  'his',
  'her',
  'its',
  'at',
  'come',
  'came',
]);
const PILOT_VERB_BEFORE = new Set(['to', 'should', "let's", 'we', 'just', 'and', 'then', 'could']);
const WAITER = new Set([
  'we',
  'i',
  'to',
  'should',
  "let's",
  "we'd",
  "i'd",
  'could',
  'would',
  'can',
  'just',
  'rather',
  'and',
  "don't",
  "won't",
  "can't",
  'not',
  'never',
  'or',
  'they',
  'you',
  'he',
  'she',
  'will',
  'must',
  'might',
]);
const NOT_NOW = new Set([
  'right',
  'fine',
  'by',
  'until',
  'even',
  'just',
  'ok',
  'okay',
  'good',
  'better',
  'there',
  'here',
  'and',
  'for',
  'from',
  'is',
  'are',
  'was',
  'were',
  "it's",
  "that's",
  "we're",
  "they're",
  'as',
  'up',
  'till',
  'expect',
  'know',
]);
const PREPOSITION = new Set(['about', 'of', 'with', 'on', 'at', 'for', 'in', 'from', 'to', 'into']);
const OBJECT = new Set(['it', 'this', 'that', 'them']);
const KEPT_PLAN = new Set(
  'the dates date schedule timeline plan going moving january february march april may june july august september october november december'.split(
    ' ',
  ),
);

function inStanceSense(toks: readonly string[], i: number): boolean {
  const w = toks[i]!;
  const prev = toks[i - 1];
  const next = toks[i + 1];
  switch (w) {
    case 'keep':
      return next !== undefined && KEPT_PLAN.has(next);
    case 'first':
      return (
        (prev === undefined || !NOT_BEFORE_FIRST.has(prev)) &&
        (next === undefined || next === 'then' || next === 'and' || next === 'before')
      );
    case 'before':
      return next !== undefined && (PRECONDITION.has(next) || (next.endsWith('ing') && next.length > 4));
    case 'pilot':
    case 'piloting':
      return (prev !== undefined && PILOT_VERB_BEFORE.has(prev)) || next === 'it' || next === 'first';
    case 'wait':
    case 'waiting':
    case 'waited':
      // "we should wait", "if we wait", "I'd rather we waited" — not "the wait", "patients are waiting".
      return prev !== undefined && WAITER.has(prev);
    case 'urgent':
      return next !== 'care';
    case 'now':
      // "replace the ERP now", "do it now" — not "right now", "fine now", "about it now".
      // After a cue it only stresses that cue ("if we pause now").
      if (prev === undefined || NOT_NOW.has(prev) || WORDS.has(prev)) return false;
      return !(OBJECT.has(prev) && toks[i - 2] !== undefined && PREPOSITION.has(toks[i - 2]!));
    default:
      return true;
  }
}
const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'rather',
  'instead',
  "don't",
  "doesn't",
  "didn't",
  "shouldn't",
  "wouldn't",
  "can't",
  'cannot',
  "won't",
  "isn't",
  "aren't",
  'nobody',
  'without',
]);

// Phrases by their first word, so a sentence is scanned once.
const BY_FIRST = new Map<string, { parts: string[]; polarity: 1 | -1; phrase: string }[]>();
for (const [phrase, polarity] of PHRASES) {
  const parts = phrase.split(' ');
  const list = BY_FIRST.get(parts[0]!) ?? [];
  list.push({ parts, polarity, phrase });
  BY_FIRST.set(parts[0]!, list);
}

/** The stance cues of a sentence, negation applied (a negator up to three words before flips a cue). */
export function stanceCues(text: string): StanceCue[] {
  return stanceCuesOfTokens(words(text));
}

/** As `stanceCues`, on lower-case word tokens already made. */
export function stanceCuesOfTokens(toks: readonly string[]): StanceCue[] {
  // Plain loops, no closures: this runs on every answer sentence.
  let out: StanceCue[] | null = null;
  let used: Set<number> | null = null;
  for (let i = 0; i < toks.length; i++) {
    const phrases = BY_FIRST.get(toks[i]!);
    if (phrases === undefined) continue;
    for (const p of phrases) {
      if (used?.has(i) || i + p.parts.length > toks.length) continue;
      let match = true;
      for (let k = 1; k < p.parts.length && match; k++) match = toks[i + k] === p.parts[k];
      if (!match) continue;
      used ??= new Set();
      for (let k = 0; k < p.parts.length; k++) used.add(i + k);
      out ??= [];
      out.push({ polarity: negatedAt(toks, i) ? (-p.polarity as 1 | -1) : p.polarity, phrase: p.phrase });
    }
  }
  for (let i = 0; i < toks.length; i++) {
    const polarity = WORDS.get(toks[i]!);
    if (polarity === undefined || used?.has(i)) continue;
    // "Stop patching the old one" ends the status quo rather than holding back: no stance either way.
    if (toks[i] === 'stop' && toks[i + 1]?.endsWith('ing')) continue;
    if (!inStanceSense(toks, i)) continue;
    out ??= [];
    // "Don't add more until that's sorted", "not until it's fixed": still holding back.
    const negated = toks[i] !== 'until' && negatedAt(toks, i);
    out.push({ polarity: negated ? (-polarity as 1 | -1) : polarity, phrase: toks[i]! });
  }
  return out ?? NONE;
}

const NONE: StanceCue[] = [];

/** A negator up to three words before position `at`. */
function negatedAt(toks: readonly string[], at: number): boolean {
  for (let k = Math.max(0, at - 3); k < at; k++) if (NEGATORS.has(toks[k]!)) return true;
  return false;
}

/** Net stance of a sentence, clipped to −2..2 so one emphatic sentence cannot outweigh an answer. */
export function sentenceStance(text: string): number {
  const s = stanceCues(text).reduce((a, c) => a + c.polarity, 0);
  return Math.max(-2, Math.min(2, s));
}

/**
 * Whether a sentence declines to take a side ("I'm not going to take a side", "I'll stay out of
 * that one", "that's above my pay grade", "I'll go with whatever they decide", "it's a false
 * choice"): such an answer takes no side, whatever cue words it holds.
 */
export function declinesSide(text: string): boolean {
  return DECLINE.test(text.toLowerCase().replace(/’/g, "'"));
}

const DECLINE = new RegExp(
  [
    /\b(?:not going to|won't|don't want to|can't|rather not|not gonna|wouldn't) (?:take|pick|choose) (?:a |either )?sides?\b/,
    /\bstay(?:ing)? out of (?:that|this|it)\b/,
    /\bnot my (?:call|decision|place)\b/,
    /\babove my pay ?grade\b/,
    /\b(?:go|live) with whatever\b/,
    /\bdon't know (?:whether|if) we should\b/,
    /\bfalse (?:choice|dichotomy)\b/,
    /\b(?:see|heard) both sides\b/,
    /\bon the fence\b/,
    /\bgone back and forth\b/,
    /\b(?:no|don't have an?|haven't got an?) (?:strong |real )?(?:view|opinion) (?:on|either)\b/,
  ]
    .map((r) => r.source)
    .join('|'),
);

// A concession ("I get the case for speed, but…") ends where the speaker turns back to their own view.
const TURN = new Set(['but', 'however', 'though', 'yet']);
const TURN_OPENING = /^(?:but|however|that said|having said that|even so|still|and yet)\b/i;
// Someone else's view, reported ("Graham wants to grow", "some people say we should wait").
const REPORTED =
  /\b(?:he|she|they|people|others|some|somebody|someone|the board|everyone|[A-Z][a-z]+)(?:'s| is| are)? (?:wants?|thinks?|says?|argues?|believes?|feels?|keeps? saying|would say|pushing|is pushing|are pushing|has been pushing|likes?)\b|\bwho (?:think|want|say|argue|believe)\b/;

// What the speaker acknowledges without holding it ("I know there's pressure to pause", "I know the
// plan is to keep going").
const ACKNOWLEDGED =
  /^(?:\w+ )?(?:i|we) (?:know|understand|get|hear|see|appreciate|realise|realize) (?:that )?(?:there's|there is|there are|the|people|some|why|everyone|everybody)\b/;

/**
 * Net cue of a sentence's words, an "if" clause argued against: "if we pause, the vendor's team
 * rolls off" pushes ahead, "if we rush it, we lose them" holds back. The clause runs from "if" to
 * the next subject of the main clause (a pronoun after the condition's verb) or the sentence's end.
 */
function conditionalStance(toks: readonly string[]): number {
  // Only a condition that opens the sentence ("If we pause, …", "But if we wait…"), not "… is if we spread it".
  const at = toks.indexOf('if');
  if (at < 0 || at > 2 || toks.slice(0, at).some((w) => !LEAD_IN.has(w)))
    return stanceCuesOfTokens(toks).reduce((a, c) => a + c.polarity, 0);
  let end = toks.length;
  for (let k = at + 3; k < toks.length; k++) {
    if (MAIN_SUBJECT.has(toks[k]!)) {
      end = k;
      break;
    }
  }
  const inside = stanceCuesOfTokens(toks.slice(at + 1, end)).reduce((a, c) => a + c.polarity, 0);
  const outside = stanceCuesOfTokens([...toks.slice(0, at), ...toks.slice(end)]).reduce(
    (a, c) => a + c.polarity,
    0,
  );
  return outside - inside;
}
const LEAD_IN = new Set(['but', 'and', 'so', 'um', 'uh', 'well', 'look', 'because', 'now', 'honestly']);
const MAIN_SUBJECT = new Set([
  "we'll",
  "we'd",
  "we're",
  "i'd",
  "i'll",
  "you'll",
  "you'd",
  "they'll",
  "it'll",
  "that's",
  'then',
  "there's",
  'that',
  "it's",
]);

/**
 * Net stance of each sentence of one answer, clipped to −2..2, as the speaker's own view: cues in
 * a concession do not count ("I understand the contract has dates in it. But…", "I get the argument
 * for speed, but we should wait" counts only the wait), nor cues in someone else's view reported
 * ("I know Graham wants to grow"). The whole answer counts nothing when it declines to take a side.
 */
export function answerStances(texts: readonly string[], tokens: readonly (readonly string[])[]): number[] {
  if (texts.some(declinesSide)) return texts.map(() => 0);
  return texts.map((text, k) => {
    const toks = tokens[k]!;
    let from = 0;
    // Within the sentence: only what follows the last turn counts, when something follows it.
    for (let i = toks.length - 2; i >= 1; i--) {
      if (TURN.has(toks[i]!)) {
        from = i + 1;
        break;
      }
    }
    // A sentence the next one turns away from ("I get that. But…") is a concession.
    const next = texts[k + 1];
    if (from === 0 && next !== undefined && TURN_OPENING.test(next.trim()) && !TURN_OPENING.test(text.trim()))
      return 0;
    const own = from > 0 ? toks.slice(from) : toks;
    if (REPORTED.test(from > 0 ? own.join(' ') : text) || ACKNOWLEDGED.test(own.join(' '))) return 0;
    const v = conditionalStance(own);
    return Math.max(-2, Math.min(2, v));
  });
}
