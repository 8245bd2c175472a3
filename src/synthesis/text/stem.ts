/**
 * Porter stemming (the `stemmer` package, Porter 1980) with a memo, plus a cheap lemmatiser for
 * readable keys: stems are for matching ("discussion" ~ "discussed"), lemmas for showing words.
 */

import { stemmer } from 'stemmer';

const memo = new Map<string, string>();
const MEMO_LIMIT = 200_000;

/** Porter stem of a lower-case word ("meetings" -> "meet"); memoised, so cheap on the hot path. */
export function stem(word: string): string {
  let s = memo.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(word, s);
  }
  return s;
}

const IRREGULAR: Record<string, string> = {
  am: 'be',
  is: 'be',
  are: 'be',
  was: 'be',
  were: 'be',
  been: 'be',
  being: 'be',
  has: 'have',
  had: 'have',
  having: 'have',
  does: 'do',
  did: 'do',
  done: 'do',
  doing: 'do',
  said: 'say',
  says: 'say',
  went: 'go',
  gone: 'go',
  goes: 'go',
  made: 'make',
  got: 'get',
  gotten: 'get',
  thought: 'think',
  took: 'take',
  taken: 'take',
  gave: 'give',
  given: 'give',
  saw: 'see',
  seen: 'see',
  knew: 'know',
  known: 'know',
  told: 'tell',
  felt: 'feel',
  found: 'find',
  kept: 'keep',
  left: 'leave',
  brought: 'bring',
  bought: 'buy',
  built: 'build',
  paid: 'pay',
  spent: 'spend',
  began: 'begin',
  begun: 'begin',
  ran: 'run',
  came: 'come',
  became: 'become',
  meant: 'mean',
  met: 'meet',
  sent: 'send',
  wrote: 'write',
  written: 'write',
  chose: 'choose',
  chosen: 'choose',
  lost: 'lose',
  held: 'hold',
  people: 'person',
  children: 'child',
  men: 'man',
  women: 'woman',
  data: 'data',
  criteria: 'criterion',
  better: 'good',
  best: 'good',
  worse: 'bad',
  worst: 'bad',
};
// Words ending in -s that are not plurals.
const KEEP_S = /(?:ss|us|is|ous|ics|ws|news|series|species|yes|this|thus|always|perhaps|sometimes|less)$/;
// -ing words that are not verb forms, and -eed words whose "ed" is not a suffix.
const KEEP_ING = new Set([
  'during',
  'something',
  'nothing',
  'anything',
  'everything',
  'morning',
  'evening',
  'thing',
  'king',
  'ring',
  'spring',
  'string',
  'bring',
  'sing',
  'wing',
  'ceiling',
  'wedding',
  'pudding',
]);
const KEEP_EED = /(?:ceed|^need|^feed|^seed|^speed|^breed|^greed|^bleed|^weed|^heed)$/;
// After cutting -ed/-ing, endings that had a silent e ("creat" -> "create", "solv" -> "solve").
const TAKES_E =
  /(?:[^aeiou]at|^creat|[^z]z|v|c|u|dg|rg|ag|ang|eng|[bcdfgkptz]l|[^e]ir|[^o]ur|[aeiouy]s|cid|vid|clud)$/;
const NO_E_BASES = new Set([
  'focus',
  'bias',
  'gas',
  'bus',
  'plus',
  'status',
  'bonus',
  'atlas',
  'canvas',
  'chaos',
]);
// One vowel group, consonant-vowel-consonant end: "mak" -> "make", "hop" -> "hope", "us" -> "use".
const MONO_CVC = /^[^aeiouy]*[aeiou][^aeiouwxy]$/;
const ING_IRREGULAR: Record<string, string> = { dying: 'die', lying: 'lie', tying: 'tie' };

/**
 * A cheap English lemma of a lower-case word: irregular forms, then plural and -ed/-ing suffixes
 * ("companies" -> "company", "planned" -> "plan", "making" -> "make"). Rule-based, not a dictionary:
 * good for grouping and display keys, not for linguistics.
 */
export function lemma(word: string): string {
  const w = word
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/'(?:s|re|ve|ll|d|m)$|n't$/, '');
  const irr = IRREGULAR[w] ?? ING_IRREGULAR[w];
  if (irr) return irr;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !KEEP_S.test(w)) return w.slice(0, -1);
  if (w.endsWith('ied')) return `${w.slice(0, -3)}y`;
  if (w.endsWith('eed')) return KEEP_EED.test(w) ? w : w.slice(0, -1);
  if (w.endsWith('ed')) return undoSuffix(w.slice(0, -2));
  if (w.endsWith('ing') && w.length > 5 && !KEEP_ING.has(w)) return undoSuffix(w.slice(0, -3));
  return w;
}

// After cutting -ed/-ing: undo consonant doubling ("planned"), restore a silent e ("making").
function undoSuffix(base: string): string {
  if (!/[aeiouy]/.test(base)) return base;
  if (base.length > 3 && /([bdfgmnprt])\1$/.test(base)) return base.slice(0, -1);
  if (NO_E_BASES.has(base)) return base;
  if (TAKES_E.test(base) || MONO_CVC.test(base)) return `${base}e`;
  return base;
}

/** Matching key of a word: lower case, clitics dropped ("we're" -> "we"), Porter-stemmed. */
export function normalise(word: string): string {
  const w = word
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/'(?:s|re|ve|ll|d|m)$|n't$/, '');
  return stem(w);
}
