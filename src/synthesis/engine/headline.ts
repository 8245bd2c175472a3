/**
 * Theme labels as a consultant writes a slide headline: one short clause with a subject and a verb
 * (4–10 words: "Every clinic has its own scheduling rules", "Nobody owns the decision"), not a
 * fragment of what one person said ("Which is more than four percent of sales", "Nobody answers
 * it", "I have a team of twenty-two").
 *
 * A clause the interviewees said is taken as it is when it already reads that way. The speaker's
 * "we" becomes the organisation ("We promote the best MA" -> "The organization promotes the best
 * MA"); a clause about "I", "you", "it", "that" or "they" points at something outside it and is no
 * headline. Rules on words, no tagger: the engine loads no language model.
 */
import { countWords } from '../text/index.ts';

/** Subjects that point back at something said before, or at the speaker alone: no headline. */
const NO_SUBJECT = new Set(
  `i i'm i've i'd i'll me my you you're you've you'd you'll your it it's its that that's this
  these those there there's here he he's she she's they they're they've they'd they'll them which
  what who whom whose where when how why because and but or so if unless although though while
  whereas since until as then than like just also even well yes no yeah okay oh um uh not nor to
  for of in on at by with about from into after before once whether whatever whoever however
  wherever whenever`.split(/\s+/),
);

/** An anecdote's count ("Three went to Tern Valley") is no subject for a headline. */
const NUMBER_WORD =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)(?:-\w+)?$/;

/** Words of the speaker's own voice. */
const SPEAKER = new Set(
  `i i'm i've i'd i'll me my mine myself we we're we've we'd we'll us our ours ourselves you you're
  you've you'd you'll your yours`.split(/\s+/),
);

/** Pronouns that make a subject point outside the clause. */
const POINTING = new Set(
  `i me my you your it it's they they're them he she this that that's these those there there's`.split(/\s+/),
);

/** Relative pronouns: one inside the subject means the verb found belongs to its clause. */
const RELATIVE = new Set(['who', 'whom', 'whose', 'which', 'that']);

/**
 * Openers that place a clause in the talk, not in the claim ("Right now one clinic answers with the
 * clinic name", "Meanwhile the clinic is short"): left off a headline.
 */
const LEAD_ADVERB =
  /^(?:right now|for now|meanwhile|today|these days|nowadays|at the moment|now|then|also|plus|still|honestly|frankly|basically|actually|obviously|of course|in fact|in practice)\b,?\s+/i;

/** Finite verbs and auxiliaries (a clause has one). */
const FINITE = new Set(
  `is are was were has have had can could should would will must might may do does did don't doesn't
  didn't can't cannot won't isn't aren't wasn't weren't shouldn't wouldn't couldn't haven't hasn't
  hadn't mustn't needn't`.split(/\s+/),
);

/** Common verbs in their base form; -s, -es, -ies, -ed and -ing forms are recognised from these. */
const VERBS = new Set(
  `accept add agree allow answer approve argue arrive ask avoid become begin believe belong blame book
  break bring build burn buy call cancel care carry catch cause change charge check choose claim close
  come commit compare compete complain cost count cover cut deal decide delay deliver depend deserve differ
  do drag drain drive drop earn end expect explain face fail fall feel fight fill find finish fit fix
  approve assign hesitate invest
  focus follow forget get give go grow handle happen hate have hear help hire hold hurt improve keep
  know lack lag land last lead learn leave let lie like limit listen live look lose love make manage
  matter mean measure meet miss move need offer open own pay pick plan play point prefer protect pull
  promote push put quit raise reach read report require rest rise run save say see seem sell send serve set
  share show sit slip slow sort spend stand start stay stop struggle suffer support take talk teach
  tell tend think train trust try turn understand use vary wait want waste watch wear win wish work
  worry write`.split(/\s+/),
);
const IRREGULAR_PAST = new Set(
  `got went came took made said saw gave felt left lost kept ran paid sat told built bought brought
  thought knew grew became began broke fell held meant spent sold sent stood understood won wrote
  drove caught fought found heard led`.split(/\s+/),
);

/** Words that cannot end a headline (it would stop mid-phrase). */
const DANGLING = new Set(
  `the a an of to for with and or but because that which who in on at by from as than our their its
  my your his her is are was were be been being has have had do does did can could should would will
  very really just so it them this that`.split(/\s+/),
);

function verbBase(w: string): boolean {
  if (VERBS.has(w)) return true;
  if (w.endsWith('ies') && VERBS.has(`${w.slice(0, -3)}y`)) return true;
  if (w.endsWith('es') && VERBS.has(w.slice(0, -2))) return true;
  if (w.endsWith('s') && VERBS.has(w.slice(0, -1))) return true;
  if (w.endsWith('ied') && VERBS.has(`${w.slice(0, -3)}y`)) return true;
  if (w.endsWith('ed') && (VERBS.has(w.slice(0, -2)) || VERBS.has(w.slice(0, -1)))) return true;
  if (w.endsWith('ed') && w.length > 5 && w.at(-3) === w.at(-4) && VERBS.has(w.slice(0, -3))) return true;
  return false;
}

/** Whether a word can be the finite verb of a clause. */
function isVerb(w: string): boolean {
  if (FINITE.has(w) || IRREGULAR_PAST.has(w)) return true;
  if (w.endsWith('ing')) return false;
  return verbBase(w);
}

const tokensOf = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/[^\p{L}\p{N}'&-]+/u)
    .filter(Boolean);

/**
 * Whether a text reads as a headline: 4–10 words, a subject (not a pronoun pointing elsewhere, not
 * a conjunction) and a finite verb after it, no question.
 */
export function isHeadline(text: string): boolean {
  const t = text.trim().replace(/[.!]$/, '');
  if (/\?$/.test(t)) return false;
  const toks = tokensOf(t);
  if (toks.length < 4 || toks.length > 10) return false;
  // The speaker's own voice ("I'll hear about it", "as we go") is a quote, not a headline.
  if (toks.some((w) => SPEAKER.has(w))) return false;
  if (NO_SUBJECT.has(toks[0]!) || /^\d/.test(toks[0]!) || NUMBER_WORD.test(toks[0]!)) return false;
  if (DANGLING.has(toks.at(-1)!)) return false;
  // The subject runs up to the first verb: no comma in it, no pronoun that points elsewhere.
  const subjectText = /^[^,;:]*/.exec(t)![0];
  for (let k = 1; k < toks.length; k++) {
    const w = toks[k]!;
    if (isVerb(w)) {
      if (tokensOf(subjectText).length < k) return false;
      // "A patient who has a great visit at Westerby": the verb is the relative clause's, and the
      // subject's own verb never comes.
      if (toks.slice(1, k).some((x) => RELATIVE.has(x))) return false;
      return !toks.slice(0, k).some((x) => POINTING.has(x));
    }
  }
  return false;
}

// The organisation's "we", and what the verb after it becomes.
const WE_CONTRACTED: Record<string, string> = {
  "we're": 'is',
  "we've": 'has',
  "we'd": 'would',
  "we'll": 'will',
};
const WE_VERB: Record<string, string> = {
  are: 'is',
  were: 'was',
  have: 'has',
  do: 'does',
  "don't": "doesn't",
  "aren't": "isn't",
  "weren't": "wasn't",
  "haven't": "hasn't",
};
const OUR: Record<string, string> = { our: 'its', ours: 'its own', ourselves: 'itself', us: 'it' };

/** Third person singular of a base verb ("promote" -> "promotes", "try" -> "tries"). */
function thirdPerson(verb: string): string {
  if (/(?:s|sh|ch|x|z|o)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** Verbs that open advice when they open a clause ("Pick a few things and finish them"). */
const IMPERATIVE = new Set(
  `add ask avoid bring build buy cut do don't finish fix focus get give hire hold invest keep let make
  move pause pay pick put raise share spend start stop take train wait`.split(/\s+/),
);

/** What follows an imperative verb ("Pick a few…", "Pay our people…"), and not a noun ("Hold times go up"). */
const OBJECT_START = new Set(
  `the a an our your their them it us more less fewer some all every one those these that this no
  fewer each everyone everybody people`.split(/\s+/),
);

/** The subject the speaker's "we" stands for in a headline. */
export const ORGANIZATION = 'The organization';

/**
 * A clause with the speaker's "we" as its subject, said of the organisation; null when "I", "me"
 * or "my" is left in it (a personal anecdote), or when the verb after "we" is not recognised.
 */
export function organizationVoice(text: string): string | null {
  const words = text.trim().split(/\s+/);
  const first = words[0]!.toLowerCase().replace(/’/g, "'");
  let out: string[];
  if (first in WE_CONTRACTED) out = [ORGANIZATION, WE_CONTRACTED[first]!, ...words.slice(1)];
  else if (first === 'our') out = [`${ORGANIZATION}'s`, ...words.slice(1)];
  else if (first === 'we') {
    const verb = (words[1] ?? '').toLowerCase().replace(/’/g, "'");
    let v: string;
    if (WE_VERB[verb]) v = WE_VERB[verb]!;
    else if (
      FINITE.has(verb) ||
      IRREGULAR_PAST.has(verb) ||
      (verb.endsWith('ed') && !VERBS.has(verb) && verbBase(verb))
    )
      v = words[1]!;
    else if (VERBS.has(verb)) v = thirdPerson(verb);
    else return null;
    out = [ORGANIZATION, v, ...words.slice(2)];
  } else if (IMPERATIVE.has(first) && OBJECT_START.has((words[1] ?? '').toLowerCase())) {
    // Advice ("Do a proper market adjustment for frontline pay") is what the organisation should do.
    out = [ORGANIZATION, 'should', first === "don't" ? 'not' : first, ...words.slice(1)];
  } else return text;
  for (let k = 2; k < out.length; k++) {
    const bare = out[k]!.toLowerCase()
      .replace(/’/g, "'")
      .replace(/[^\p{L}']/gu, '');
    if (bare === 'i' || bare === 'me' || bare === 'my' || bare === 'we' || bare.startsWith("we'"))
      return null;
    if (OUR[bare]) out[k] = out[k]!.replace(/\p{L}+/u, OUR[bare]!);
  }
  return out.join(' ');
}

/** Secondary cuts for a clause too long to be a headline: the part before a reason or a tag. */
const SHORTEN = /,\s+|\s+(?:which|because|so that|so|when|where|if|and then|and)\s+/i;

/** Words a phrase starts with: a long clause may end before them. */
const CUT_BEFORE = new Set(
  `on in for to with at about from after before out because which when where so and but if than as
  by into through over under without across while since until instead`.split(/\s+/),
);

/**
 * The clause as a headline, or null when it cannot be one: first letter capitalised, no end
 * punctuation, "we" said of the organisation, a long clause cut before a trailing reason.
 */
export function asHeadline(clause: string): string | null {
  const text = clause
    .trim()
    .replace(/[\s,;:.!…-]+$/, '')
    .replace(/^["'“‘]+|["'”’]+$/g, '');
  if (!text) return null;
  const bare = text.replace(LEAD_ADVERB, '');
  return (bare !== text && bare ? headlineOf(bare) : null) ?? headlineOf(text);
}

function headlineOf(said: string): string | null {
  let text = said;
  const voiced = organizationVoice(text);
  if (voiced === null) return null;
  text = voiced;
  text = text.charAt(0).toUpperCase() + text.slice(1);
  if (countWords(text) <= 10 && isHeadline(text)) return text;
  const cut = SHORTEN.exec(text);
  if (cut) {
    const head = text.slice(0, cut.index).replace(/[\s,;:-]+$/, '');
    if (isHeadline(head)) return head;
  }
  // The longest start of at most ten words that ends before a phrase ("People need training on how
  // to get useful results | out of the tools").
  const ws = text.split(/\s+/);
  for (let k = Math.min(10, ws.length - 1); k >= 4; k--) {
    const next = ws[k]!.toLowerCase();
    if (!CUT_BEFORE.has(next) && !/[,;:]$/.test(ws[k - 1]!)) continue;
    // "…paying for turnover instead of paying | for wages": a gerund after a preposition waits for
    // its object.
    const before = ws[k - 2]!.toLowerCase();
    if (/ing$/i.test(ws[k - 1]!) && (CUT_BEFORE.has(before) || before === 'of')) continue;
    const head = ws
      .slice(0, k)
      .join(' ')
      .replace(/[\s,;:-]+$/, '');
    if (isHeadline(head)) return head;
  }
  return null;
}
