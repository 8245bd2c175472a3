/**
 * One-sentence summaries in reported speech, built from what the interviewees said: "Many
 * interviewees said that they still build the weekly reports by hand, and that the reporting is
 * all manual." Only the frame changes (a reporting verb, I/we -> they, advice as "they should"); the
 * content words are the interviewees' own, so nothing is invented. The count is not repeated here:
 * the deck shows prevalence next to the summary; the subject only says how widely it was said.
 */
import { lowerFirst } from '../ask/reported.ts';
import { FIRST_TO_THIRD_PERSON, words } from '../text/index.ts';
import type { Clause } from './describe.ts';

/** "Most interviewees", "Many interviewees", … from n of `of`: a word that agrees with the count. */
export function quantifier(n: number, of: number): string {
  if (of > 1 && n >= of) return 'All interviewees';
  const share = of > 0 ? n / of : 0;
  if (share > 0.5) return 'Most interviewees';
  if (share >= 0.3) return 'Many interviewees';
  // On shares, not counts: the same collection twice over says the same words.
  if (share >= 0.175) return 'Several interviewees';
  return 'A few interviewees';
}

const SUBJECT =
  /^(?:i|we|they|you|he|she|it|there|nobody|everyone|everybody|someone|somebody|none|i'm|we're|they're|you're|it's|there's|that's|i've|we've|they've|i'd|we'd|they'd|i'll|we'll|they'll)$/;
const FINITE = new Set(
  `is are was were has have had can could should would will must might may do does did don't
  doesn't didn't can't cannot won't isn't aren't wasn't weren't shouldn't wouldn't couldn't haven't
  hasn't hadn't mustn't that's it's there's what's he's she's who's they're we're you're i'm they've
  we've i've they'd we'd i'd they'll we'll i'll`.split(/\s+/),
);
// -ing words that are not participles.
const NOT_PARTICIPLE = new Set([
  'thing',
  'nothing',
  'something',
  'anything',
  'everything',
  'morning',
  'evening',
  'during',
  'bring',
  'spring',
  'string',
  'ceiling',
  'king',
  'ring',
  'sing',
]);
const isParticiple = (w: string) => w.length > 4 && w.endsWith('ing') && !NOT_PARTICIPLE.has(w);

/**
 * Whether a clause has a subject and a finite verb ("the data quality is poor") rather than being a
 * phrase ("higher client satisfaction scores", "knowing when an answer is wrong"). Cautious: when
 * in doubt it is a phrase, whose frame ("mentioned …") reads well either way.
 */
export function isFullClause(text: string): boolean {
  const toks = words(text);
  if (toks.length < 2) return false;
  if (SUBJECT.test(toks[0]!)) return true;
  if (isParticiple(toks[0]!)) return false;
  // A verb after "what", "if", "when"… belongs to a clause inside the phrase ("the ability to spot
  // what doesn't make sense") — up to the next comma ("if we get a day back, that's success").
  let first = true;
  for (const part of text.split(/[,;]/)) {
    const segment = words(part);
    let subordinate = false;
    for (let k = 0; k < segment.length; k++) {
      const w = segment[k]!;
      if (first && k === 0) {
        subordinate = SUBORDINATE.has(w);
        continue;
      }
      if (SUBORDINATE.has(w)) {
        subordinate = true;
        continue;
      }
      if (FINITE.has(w)) {
        if (!subordinate) return true;
        subordinate = false;
        continue;
      }
      // "Clients telling us the work is better": a participle before any finite verb makes a phrase.
      if (isParticiple(w) && !subordinate) return false;
    }
    if (segment.length > 0) first = false;
  }
  return false;
}

const SUBORDINATE = new Set([
  'what',
  'which',
  'who',
  'whom',
  'whose',
  'where',
  'when',
  'how',
  'why',
  'whether',
  'if',
  'unless',
  'because',
  'since',
  'until',
  'before',
  'after',
  'while',
  'once',
]);

interface Reported {
  verb: string;
  clause: string;
  phrase: boolean;
}

// First person -> "they" (tense is kept: "said that the data is poor" reads as still true, and a
// half-done backshift reads worse than none).
const PERSON: Record<string, string> = {
  ...FIRST_TO_THIRD_PERSON,
  "i'm": "they're",
  "we're": "they're",
  "i've": "they've",
  "we've": "they've",
  "i'd": "they'd",
  "we'd": "they'd",
  "i'll": "they'll",
  "we'll": "they'll",
};
// "I am" / "I was" become "they are" / "they were".
const AFTER_I: Record<string, string> = { am: 'are', was: 'were', "wasn't": "weren't" };

/** I/we -> they, my/our -> their, me/us -> them; words inside quotation marks stay as said. */
export function shiftPerson(text: string): string {
  const parts = text.split(/([\p{L}'’]+)/u);
  let prevI = false;
  let quoted = false;
  for (let k = 1; k < parts.length; k += 2) {
    if ((parts[k - 1]!.match(/["“”]/g)?.length ?? 0) % 2 === 1) quoted = !quoted;
    if (quoted) continue;
    const raw = parts[k]!;
    const lower = raw.toLowerCase().replace(/’/g, "'");
    const swap = PERSON[lower] ?? (prevI ? AFTER_I[lower] : undefined);
    prevI = lower === 'i';
    if (swap === undefined) continue;
    parts[k] = swap;
  }
  return parts.join('');
}

// Verbs that open an imperative ("Start with internal work", "Wait until…"): reported as advice.
const IMPERATIVE =
  /^(?:start|begin|try|wait|hold|pause|keep|give|show|get|make|take|use|focus|invest|move|stop|build|fix|clean|train|hire|put|go|do|don't|be|ask|check|test|pilot|set|roll|push|slow|speed|spend|cut|add|let|look|think|stay|avoid|bring|buy|pick|choose|double|scale|treat|plan|prioritise|prioritize|automate|measure|hold|leave|drop|run|tell|send|write|call|limit|protect|respect|remember|accept|learn|teach)$/i;

// "Give me references…", "Show me the error rate…": what the speaker asked for.
const ASK_FOR = /^(give|show|send|get)\s+(?:me|us)\s+/i;

function report(spoken: string): Reported {
  const first = /^[\p{L}'’]+/u.exec(spoken)?.[0]?.toLowerCase() ?? '';
  const ask = ASK_FOR.exec(spoken);
  if (ask) {
    const rest = shiftPerson(spoken.slice(ask[0].length));
    const verb = ask[1]!.toLowerCase() === 'show' ? 'wanted to see' : 'asked for';
    return { verb, clause: rest, phrase: true };
  }
  if (first === "let's")
    return { verb: 'said', clause: `that they should ${shiftPerson(spoken.slice(6).trim())}`, phrase: false };
  if (IMPERATIVE.test(first)) {
    const rest = first === "don't" ? `not ${spoken.slice(first.length).trim()}` : lowerFirst(spoken);
    return { verb: 'said', clause: `that they should ${shiftPerson(rest)}`, phrase: false };
  }
  if (isFullClause(spoken))
    return { verb: 'said', clause: `that ${shiftPerson(lowerFirst(spoken))}`, phrase: false };
  return { verb: 'mentioned', clause: shiftPerson(lowerFirst(spoken)), phrase: true };
}

/**
 * "<subject> said that A, and that B." from one or two clauses as spoken (hedges gone, running-text
 * case: see describe.ts spokenClause / inRunningText) — "said that" for clauses and advice,
 * "mentioned" for phrases. Empty when there is nothing to report.
 */
export function reportedSummary(subject: string, clauses: readonly string[], maxWords = 40): string {
  const parts = clauses
    .filter((c) => c.trim() && !/\?\s*$/.test(c))
    .map(report)
    .filter((r) => r.clause);
  const [a, b] = parts;
  if (!a) return '';
  let out = `${subject} ${a.verb} ${a.clause}`;
  if (b) {
    let second: string;
    if (b.phrase && a.phrase) second = `, as well as ${b.clause}`;
    else if (!b.phrase && !a.phrase && b.verb === a.verb) second = `, and ${b.clause}`;
    else second = `, and ${b.verb} ${b.clause}`;
    if (words(out + second).length <= maxWords) out += second;
  }
  return `${out.replace(/[\s,;:]+$/, '')}.`;
}

/**
 * The clauses a summary reports: the label's point as said in full, then the most central clause
 * that says something else, close to the centre (a theme's summary says what it is about, and what
 * else its people said about it).
 */
export function summaryClauses(ranked: readonly Clause[], label: string, max = 2): string[] {
  if (ranked.length === 0) return [];
  const labelWords = contentSet(label);
  const best = ranked[0]!.score;
  const close = ranked.filter((c) => c.score >= (best > 0 ? 0.6 * best : best));
  const lower = label.toLowerCase();
  // The label's point as said in full (when the label is a headline made of it, its source clause;
  // a clause that hangs off another or speaks to the interviewer only when nothing else does).
  const first =
    close.find((c) => c.text.toLowerCase().includes(lower)) ??
    close.find((c) => similar(contentSet(c.text), labelWords)) ??
    close.find((c) => reportable(c.spoken)) ??
    ranked[0]!;
  const picked: { text: string; set: Set<string> }[] = [{ text: first.spoken, set: contentSet(first.text) }];
  for (const c of close) {
    if (picked.length >= max) break;
    const set = contentSet(c.text);
    if (!reportable(c.spoken) || similar(set, labelWords) || picked.some((p) => similar(p.set, set)))
      continue;
    picked.push({ text: c.spoken, set });
  }
  return picked.map((p) => p.text);
}

function contentSet(text: string): Set<string> {
  return new Set(words(text).filter((w) => w.length > 3));
}

function similar(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  const union = a.size + b.size - inter;
  return union > 0 && inter / union >= 0.5;
}

/** Words that open no reportable clause: it points elsewhere or hangs off another clause. */
const HANGING =
  /^(?:which|who|because|and|but|so|or|if|when|although|though|while|whereas|as|than|it|it's|that|that's|this|these|those|there's|then|also|even)\b/i;

/**
 * Whether a clause can be reported on its own: four words or more, not hanging off another clause
 * ("which leads nicely into…", "it's connected"), not addressed to the interviewer ("you won't be
 * shocked…") and not calling anyone by name.
 */
export function reportable(spoken: string): boolean {
  const ws = words(spoken);
  if (ws.length < 4 || HANGING.test(spoken.trim())) return false;
  return !ws.some((w) => w === 'you' || w === "you're" || w === "you've" || w === 'your');
}
