/**
 * Reported speech: "I think we should cut the budget" said by Dana becomes
 * "Dana thought that they should cut the budget". Only the frame changes — the person (I/we -> the
 * speaker or "they"), the tense (is -> was, will -> would, want -> wanted), the reporting verb and
 * opening discourse words ("yeah, so"). Content words, numbers, negations and names are kept as said.
 *
 * Kept in one file: one transformation; most of its length is the word lists (auxiliaries, adverbs,
 * openers, verbs) that the rules beside them read.
 */

import { FIRST_TO_THIRD_PERSON, isStopword } from '../text/index.ts';

const PERSON = FIRST_TO_THIRD_PERSON;
// Auxiliaries and modals: backshifted wherever they stand.
const AUX: Record<string, string> = {
  is: 'was',
  are: 'were',
  am: 'was',
  will: 'would',
  can: 'could',
  shall: 'should',
  may: 'might',
  "isn't": "wasn't",
  "aren't": "weren't",
  "don't": "didn't",
  "doesn't": "didn't",
  "can't": "couldn't",
  "won't": "wouldn't",
  "haven't": "hadn't",
  "hasn't": "hadn't",
  has: 'had',
  "ain't": "wasn't",
  cannot: 'could not',
};
// Contracted pronoun + auxiliary: "we're" -> "they were"; 's and 've before a participle mean "has/have".
const CONTRACTED: Record<string, string> = {
  "i'm": 'they were',
  "we're": 'they were',
  "you're": 'you were',
  "they're": 'they were',
  "i've": 'they had',
  "we've": 'they had',
  "you've": 'you had',
  "they've": 'they had',
  "i'll": 'they would',
  "we'll": 'they would',
  "you'll": 'you would',
  "they'll": 'they would',
  "it'll": 'it would',
  "that'll": 'that would',
  "he'll": 'he would',
  "she'll": 'she would',
  "i'd": 'they would',
  "we'd": 'they would',
  "you'd": 'you would',
  "they'd": 'they would',
  "let's": 'they should',
  gonna: 'going to',
};
const S_CONTRACTED = new Set([
  "it's",
  "that's",
  "there's",
  "what's",
  "he's",
  "she's",
  "here's",
  "who's",
  "where's",
  "how's",
]);
const PARTICIPLE_AFTER_S = /^(?:been|got|gotten|done|had|gone|seen|made|taken|given|said|told|become|come)$/;
const IRREGULAR_PAST: Record<string, string> = {
  be: 'were',
  have: 'had',
  do: 'did',
  go: 'went',
  get: 'got',
  make: 'made',
  take: 'took',
  see: 'saw',
  come: 'came',
  know: 'knew',
  think: 'thought',
  say: 'said',
  tell: 'told',
  give: 'gave',
  find: 'found',
  feel: 'felt',
  keep: 'kept',
  leave: 'left',
  mean: 'meant',
  put: 'put',
  run: 'ran',
  set: 'set',
  let: 'let',
  bring: 'brought',
  buy: 'bought',
  build: 'built',
  begin: 'began',
  choose: 'chose',
  draw: 'drew',
  drive: 'drove',
  eat: 'ate',
  fall: 'fell',
  hold: 'held',
  hear: 'heard',
  lose: 'lost',
  meet: 'met',
  pay: 'paid',
  read: 'read',
  send: 'sent',
  sell: 'sold',
  show: 'showed',
  sit: 'sat',
  speak: 'spoke',
  spend: 'spent',
  stand: 'stood',
  teach: 'taught',
  understand: 'understood',
  win: 'won',
  write: 'wrote',
  cut: 'cut',
  hit: 'hit',
  hurt: 'hurt',
  cost: 'cost',
  grow: 'grew',
  forget: 'forgot',
  lead: 'led',
  wear: 'wore',
  sleep: 'slept',
  fight: 'fought',
  catch: 'caught',
  seek: 'sought',
  become: 'became',
  shut: 'shut',
  throw: 'threw',
  break: 'broke',
  rise: 'rose',
  deal: 'dealt',
};
// Words that can sit between a subject and its verb ("we really need").
const ADVERBS = new Set([
  'really',
  'just',
  'also',
  'actually',
  'still',
  'never',
  'always',
  'probably',
  'definitely',
  'only',
  'certainly',
  'usually',
  'often',
  'sometimes',
  'already',
  'even',
  'all',
  'both',
  'kind',
  'sort',
  'totally',
  'generally',
  'basically',
  'obviously',
  'personally',
  'mostly',
  'strongly',
  'truly',
  'simply',
  'again',
]);
// After these a verb is an infinitive or participle and keeps its form.
const NO_SHIFT_AFTER = new Set([
  'to',
  'would',
  'could',
  'should',
  'might',
  'must',
  'will',
  'can',
  'may',
  'shall',
  "don't",
  "didn't",
  "doesn't",
  'not',
  'did',
  'does',
  'do',
  "won't",
  "can't",
  "wouldn't",
  "couldn't",
  "shouldn't",
  'let',
]);
// Not verbs even when they follow a subject pronoun.
const NOT_VERB =
  /^(?:and|or|but|so|because|if|that|the|a|an|this|these|those|there|then|here|now|know|guys|all|both|each|who|which|what|when|where|how|why|as|at|in|on|of|for|with|by|from|too|not|no|yes|yeah|okay|ok|um|uh|mean|should|would|could|might|must|ought|had|was|were|did|does|got|said)$/;
const OPENERS =
  /^(?:(?:yeah|yes|yep|okay|ok|so|well|and|but|oh|right|alright|now|anyway|actually|basically|also|um|uh|i mean|you know|sure|hmm|mm|hm)\s*[,.]?\s+)+/i;
const OPINION =
  /^(?:i|we)\s+(?:(?:really|just|also|actually|personally|still|kind of|sort of|do)\s+)?(think|guess|believe|feel|suppose|reckon|assume)\s+(?:that\s+)?/i;
const OPINION_NEG = /^(?:i|we)\s+(?:don't|do not|didn't)\s+(think|believe|feel|suppose)\s+(?:that\s+)?/i;
const SUGGESTION = /\b(?:should|could|let's|maybe we|how about|what about|i suggest|we suggest|propose)\b/i;

// Verbs that open advice when they start a sentence in their base form ("Wait until the pilot ends.").
const IMPERATIVE_VERBS = new Set(
  `ask avoid be begin bring build buy call change check choose consider cut do drop focus get give go hire
  invest keep leave let look make move pay pick plan put read remember run see send set show sign skip
  start stay stop take talk tell think try turn use wait watch write`.split(/\s+/),
);
// A sentence-initial verb followed by one of these is a noun after all ("Plan is to ship in May").
const NOT_AFTER_IMPERATIVE =
  /^(?:is|was|are|were|has|had|have|will|would|can|could|should|must|may|might|'s|of|and|or|to|from|in|on|for|with|at|by|time|times)$/i;
const DROPPED_SUBJECT_VERBS = new Set([
  'know',
  'think',
  'remember',
  'recall',
  'care',
  'mind',
  'understand',
  'see',
]);
const ADVICE_NEGATION = /^(?:don't|do not|never)\s+/i;

// "Wait until the pilot ends" / "Don't rush it" / "Please send it": advice, or undefined.
function imperativeClause(s: string): string | undefined {
  const body = s.replace(/^please\s+/i, '');
  const neg = ADVICE_NEGATION.exec(body);
  const rest = neg ? body.slice(neg[0].length) : body;
  const m = /^(\p{L}+)\s+([\p{L}']+)/u.exec(rest);
  if (!m) return undefined;
  const first = m[1]!;
  const verb = first.toLowerCase();
  // After "don't" any verb is advice, except the ones people drop their "I" before ("Don't know").
  const known = neg ? !DROPPED_SUBJECT_VERBS.has(verb) && !isStopword(verb) : IMPERATIVE_VERBS.has(verb);
  if (!known || NOT_AFTER_IMPERATIVE.test(m[2]!)) return undefined;
  const modal = !neg ? 'should' : /^never/i.test(neg[0]) ? 'should never' : 'should not';
  return `that they ${modal} ${shiftClause(first.toLowerCase() + rest.slice(first.length))}`;
}

export interface Reported {
  /** Reporting verb: said, thought, suggested, asked. */
  verb: string;
  /** The clause after the verb ("that they should cut the budget"), no final punctuation. */
  clause: string;
}

/** Past tense of a base-form verb: irregular table, then spelling rules (stop -> stopped, try -> tried). */
export function pastTense(verb: string): string {
  const lower = verb.toLowerCase();
  const irr = IRREGULAR_PAST[lower];
  if (irr) return irr;
  if (lower.endsWith('e')) return `${lower}d`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ied`;
  if (/^[^aeiou]*[aeiou][bdgmnpt]$/.test(lower)) return `${lower}${lower.at(-1)}ed`;
  return `${lower}ed`;
}

// A present-tense third-person verb back to its base ("wants" -> "want", "tries" -> "try").
function baseOf(verb: string): string {
  if (verb === 'has') return 'have';
  if (verb === 'does') return 'do';
  if (verb === 'goes') return 'go';
  if (/[^aeiou]ies$/.test(verb)) return `${verb.slice(0, -3)}y`;
  if (/(?:sses|ches|shes|xes|zes)$/.test(verb)) return verb.slice(0, -2);
  if (verb.endsWith('s') && !verb.endsWith('ss')) return verb.slice(0, -1);
  return verb;
}

// Words after which "it"/"you" start a clause (elsewhere they are likely objects: "make it work").
const CLAUSE_OPENERS = new Set([
  '',
  'that',
  'and',
  'but',
  'because',
  'if',
  'so',
  'when',
  'then',
  'or',
  'since',
  'though',
  'although',
  'as',
  'where',
  'what',
  'which',
  'who',
  'how',
  'why',
  'whether',
  'unless',
  'until',
  'while',
  'once',
]);
const NOMINATIVE = new Set(['i', 'we', 'they', 'he', 'she']);
const BE_PLURAL: Record<string, string> = {
  am: 'were',
  is: 'were',
  was: 'were',
  "isn't": "weren't",
  "wasn't": "weren't",
};

/** Shift person (I/we -> they) and tense (present -> past) in a clause; other words stay as said. */
export function shiftClause(clause: string): string {
  const parts = clause.split(/([\p{L}\p{N}'’]+)/u);
  let prevWord = '';
  let prevOut = '';
  // The subject pronoun whose verb is still to come, if any ("we really [need]").
  let subject: string | null = null;
  let inQuote = false;
  for (let k = 1; k < parts.length; k += 2) {
    // Words inside quotation marks are quoted as said.
    if ((parts[k - 1]!.match(/["“”]/g)?.length ?? 0) % 2 === 1) inQuote = !inQuote;
    if (inQuote) continue;
    const raw = parts[k]!.replace(/’/g, "'");
    const lower = raw.toLowerCase();
    if (/[.,;:!?()"]/.test(parts[k - 1]!)) {
      subject = null;
      prevWord = '';
      prevOut = '';
    }
    let out = raw;
    const plural = prevOut === 'they' || prevOut === 'you';
    if (CONTRACTED[lower] !== undefined) {
      out = CONTRACTED[lower]!;
      subject = null;
    } else if (S_CONTRACTED.has(lower)) {
      const next = (parts[k + 2] ?? '').toLowerCase();
      out = `${raw.slice(0, -2)} ${PARTICIPLE_AFTER_S.test(next) ? 'had' : 'was'}`;
      subject = null;
    } else if (PERSON[lower] !== undefined) {
      out = PERSON[lower]!;
      subject = lower === 'i' || lower === 'we' ? 'they' : null;
    } else if (plural && BE_PLURAL[lower] !== undefined) {
      out = BE_PLURAL[lower]!;
      subject = null;
    } else if (
      AUX[lower] !== undefined &&
      !(lower === 'may' && raw === 'May') &&
      !NO_SHIFT_AFTER.has(prevWord)
    ) {
      out = AUX[lower]!;
      subject = null;
    } else if (subject !== null && ADVERBS.has(lower)) {
      // still waiting for the verb
    } else if (subject !== null) {
      out = pastOfVerb(lower, subject) ?? raw;
      subject = null;
    } else if (
      NOMINATIVE.has(lower) ||
      ((lower === 'it' || lower === 'you') && CLAUSE_OPENERS.has(prevWord))
    ) {
      subject = NO_SHIFT_AFTER.has(prevWord) ? null : lower;
    }
    parts[k] = out;
    prevWord = lower;
    prevOut = out.toLowerCase();
  }
  // "I, we decided" -> "they, they decided" reads as a stutter: say it once.
  return parts.join('').replace(/\b(they|them|their)(?:,?\s+\1\b)+/g, '$1');
}

// The past form of the word after a subject pronoun, or null when it does not look like a present verb.
function pastOfVerb(w: string, subject: string): string | null {
  if (w === 'have' || w === 'do') return w === 'have' ? 'had' : 'did';
  if (w === 'are' || w === 'were') return 'were';
  if (!/^[a-z]+$/.test(w) || NOT_VERB.test(w) || isStopword(w) || /(?:ing|[^e]ed|ly|en)$/.test(w))
    return null;
  const third = subject === 'he' || subject === 'she' || subject === 'it';
  if (third && !w.endsWith('s')) return null; // "it work" is not a present verb form
  return pastTense(third ? baseOf(w) : w);
}

/** Turn one spoken sentence into a reporting verb and a reported clause. */
export function reportClause(sentence: string): Reported {
  let s = sentence.trim().replace(OPENERS, '');
  const question = /\?\s*$/.test(s);
  s = s.replace(/[\s.!?…,;:-]+$/, '').trim();
  if (!s) return { verb: 'said', clause: '' };
  if (question) return { verb: 'asked', clause: questionClause(s) };
  const neg = OPINION_NEG.exec(s);
  if (neg)
    return { verb: 'did not think', clause: `that ${shiftClause(lowerFirst(s.slice(neg[0].length)))}` };
  const op = OPINION.exec(s);
  if (op) return { verb: 'thought', clause: `that ${shiftClause(lowerFirst(s.slice(op[0].length)))}` };
  const advice = imperativeClause(s);
  if (advice) return { verb: 'suggested', clause: advice };
  const verb = SUGGESTION.test(s) ? 'suggested' : 'said';
  return { verb, clause: `that ${shiftClause(lowerFirst(s))}` };
}

const WH = /^(what|why|how|when|where|who|which|whether)\b\s*/i;
const INVERTED =
  /^(do|does|did|is|are|was|were|can|could|will|would|should|have|has|shall|may|might)\s+(i|we|you|they|he|she|it|this|that|there)\b\s*/i;

// "Do we need a new one?" -> "whether they needed a new one"; "Why is it late?" -> "why it was late".
function questionClause(q: string): string {
  let lead = 'whether';
  let body = q;
  const wh = WH.exec(body);
  if (wh) {
    lead = wh[1]!.toLowerCase();
    body = body.slice(wh[0].length);
  }
  const inv = INVERTED.exec(body);
  if (!inv) {
    // Not an inverted question (a statement said as a question, or a subject question): shift as is.
    return wh ? `${lead} ${shiftClause(body)}`.trim() : `whether ${shiftClause(lowerFirst(body))}`;
  }
  const aux = inv[1]!.toLowerCase();
  const subject = inv[2]!;
  const rest = body.slice(inv[0].length);
  const subj = shiftClause(lowerFirst(subject));
  if (aux === 'do' || aux === 'does' || aux === 'did') {
    // "do we need X" -> "they needed X": the verb takes the tense.
    const m = /^([\p{L}']+)(.*)$/su.exec(rest);
    if (m && /^[a-z]+$/.test(m[1]!)) return `${lead} ${subj} ${pastTense(m[1]!)}${shiftClause(m[2]!)}`;
    return `${lead} ${subj} ${shiftClause(rest)}`.trim();
  }
  const shiftedAux = AUX[aux] ?? (aux === 'have' ? 'had' : aux);
  const auxOut = (aux === 'are' || aux === 'were') && subj !== 'they' && subj !== 'you' ? 'was' : shiftedAux;
  return `${lead} ${subj} ${auxOut} ${shiftClause(rest)}`.replace(/\s+/g, ' ').trim();
}

// Lower-case the first word unless it is a name ("The plan" -> "the plan", "Dana said" stays).
export function lowerFirst(s: string): string {
  const m = /^([\p{L}']+)/u.exec(s);
  if (!m) return s;
  const w = m[1]!;
  if (w === 'I' || /^I'/.test(w)) return s;
  const lower = w.toLowerCase();
  // common words and -ly adverbs ("Honestly") are not names
  const common =
    COMMON_FIRST.has(lower) ||
    IMPERATIVE_VERBS.has(lower) ||
    isStopword(lower) ||
    /^\p{Ll}{3,}ly$/u.test(lower);
  return /^\p{Lu}[\p{Ll}']*$/u.test(w) && common ? lower + s.slice(w.length) : s;
}

const COMMON_FIRST = new Set(
  `the a an this that these those it we you they he she there here what which who how why when where
  if so but and or because then now well yes no not maybe perhaps all some any each every both one two
  our my your their its his her to in on at for with from by of about as after before since until while
  across along among around against between beyond during despite within without through throughout
  toward towards under over overall given
  just also only even still already actually basically really obviously probably definitely
  i'm we're it's that's there's let's don't can't won't isn't aren't is are was were do does did have has
  had can could would should will might must may shall right okay ok yeah oh`
    .split(/\s+/)
    .filter(Boolean),
);

/** "Dana said that they should cut the budget." from Dana's "Yeah, we should cut the budget." */
export function reportedSentence(sentence: string, speaker: string): string {
  const r = reportClause(sentence);
  if (!r.clause) return '';
  return `${speaker} ${r.verb} ${r.clause}.`;
}
