/**
 * Stance cues: does a sentence push to go ahead (faster, now, invest, expand, yes) or to hold back
 * (slow down, wait, pause, first, before, pilot, careful, against)? Lexical correlates only, with
 * negation flipping the cue ("we shouldn't rush" holds back, "we can't wait" pushes ahead).
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
  ['keep', -1],
  ['risky', -1],
  ['risks', -1],
  ['premature', -1],
  ['later', -1],
  ['stop', -1],
  ['freeze', -1],
  ['rushing', 1],
]);
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
    out ??= [];
    out.push({ polarity: negatedAt(toks, i) ? (-polarity as 1 | -1) : polarity, phrase: toks[i]! });
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
