/**
 * Reading a question: is it a general "summarise everything" request or about a topic; which
 * speakers it names ("What did Bains say…", "What did C think…"); its topic terms (without the
 * question's frame words); and the topic phrase to restate in the answer.
 */

import { contentWords, stem, words } from '../text/index.ts';

export interface QueryAnalysis {
  question: string;
  kind: 'general' | 'specific';
  /** Stemmed topic terms (frame words and speaker names removed), with their weights. */
  terms: Map<string, number>;
  /** Each topic term as the question words it ("invest" -> "investments"). */
  surface: Map<string, string>;
  /** Topic terms the question writes as names: capitalised inside the sentence or acronyms ("Europe", "ESG"). */
  names: Set<string>;
  /** Speaker labels (as in the transcripts) the question names. */
  speakers: string[];
  /** How the question names each of those speakers ("C" for "Grad C", "Bains" for "Hon. Navdeep Bains"). */
  namedAs: Map<string, string>;
  /** The topic as the question words it, for restating ("the recording equipment"); null if none. */
  topic: string | null;
}

// Words that frame a question rather than name its topic.
const FRAME = new Set(
  `summarize summarise summarized summarised summary summaries discuss discusses discussed discussing discussion
  discussions talk talks talked talking think thinks thought thoughts say says said mention mentions mentioned
  describe described explain explained please tell opinion opinions view views idea ideas meeting meetings
  group team whole overall general entire main key everything interview interviews interviewee interviewees
  call conversation conversations session people participants members member speaker speakers regard
  regarding concerning towards toward respond responded response comment comments point points stance position
  question questions answer answers feel felt believe believed reason reasons happen happened`
    .split(/\s+/)
    .filter(Boolean),
);
const FRAME_STEMS = new Set([...FRAME].map(stem));

// Titles and honorifics that are part of a speaker label but not of how people refer to the speaker.
const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'hon',
  'right',
  'the',
  'sir',
  'dame',
  'lord',
  'am',
  'ms',
  'mp',
  'mla',
]);

/** A speaker label reduced to how a question would name them: "Hon. Navdeep Bains (…, Lib.)" -> "Navdeep Bains". */
export function speakerName(label: string): string {
  const noParens = label.replace(/\([^)]*\)?/g, ' ');
  const toks = noParens.split(/\s+/).filter((t) => t && !HONORIFICS.has(t.toLowerCase().replace(/\.$/, '')));
  return toks.join(' ').trim() || label.trim();
}

/**
 * How `question` names the speaker `label`, or null: one-letter ids by the letter, roles by all their
 * stems, people by any distinctive capitalised token of their name.
 */
function mentions(question: string, qStems: Set<string>, label: string): string | null {
  const name = speakerName(label);
  const toks = name.split(/\s+/).filter(Boolean);
  // A one-letter id ("Grad C", "Speaker B"): the capital letter as a word, not question-initial ("A few…").
  const letter = toks.find((t) => /^[A-Z]$/.test(t));
  if (letter) return new RegExp(`(?<!^\\s*)\\b${letter}\\b(?!\\.\\w)`).test(question) ? letter : null;
  const capitalised = toks.filter((t) => /^\p{Lu}\p{Ll}{2,}/u.test(t));
  const isRole =
    toks.every((t) => /^\p{Lu}\p{Ll}+$/u.test(t)) && capitalised.length <= 3 && looksLikeRole(toks);
  if (isRole) return toks.every((t) => qStems.has(stem(t.toLowerCase()))) ? name : null;
  // A person's name: the distinctive name tokens written with their capital in the question.
  const used = capitalised.filter(
    (t) => t.length >= 3 && new RegExp(`\\b${escapeRe(t)}(?:'s)?\\b`, 'u').test(question),
  );
  return used.length > 0 ? used.join(' ') : null;
}

const ROLE_WORDS =
  /^(?:project|manager|marketing|industrial|designer|design|user|interface|interviewer|interviewee|moderator|host|chair|professor|grad|phd|postdoc|student|engineer|analyst|consultant|director|lead|speaker|participant|customer|client|researcher)$/i;
function looksLikeRole(toks: string[]): boolean {
  return toks.some((t) => ROLE_WORDS.test(t));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Where a question puts its topic: after "about/on/of/regarding …", or as the object of "summarise/describe".
const TOPIC_PATTERNS: RegExp[] = [
  /\b(?:about|regarding|concerning|on|towards?|of)\s+(.+?)[?.!]*$/i,
  /\b(?:summari[sz]e|describe|explain)\s+(.+?)[?.!]*$/i,
];

function topicPhrase(question: string, speakerWords: string[]): string | null {
  const q = question.trim();
  for (const re of TOPIC_PATTERNS) {
    const m = re.exec(q);
    if (!m?.[1]) continue;
    let t = m[1].trim();
    // "the discussion about X" inside the capture: keep X
    t = t.replace(
      /^(?:the|their|our)\s+(?:discussions?|talks?|conversations?|ideas?)\s+(?:about|on|of|regarding)\s+/i,
      '',
    );
    if (speakerWords.some((w) => t.includes(w)) && t.split(/\s+/).length <= 3) continue;
    if (contentWords(t).some((w) => !FRAME_STEMS.has(stem(w)))) return t;
  }
  return null;
}

/** `word` (lower case) as `text` writes it ("europe" -> "Europe"). */
function asWritten(text: string, word: string): string {
  const at = text.toLowerCase().indexOf(word);
  return at < 0 ? word : text.slice(at, at + word.length);
}

const CONTEXT_TAIL =
  /\b(?:when|while|during|in the (?:context|course) of)\s+(?:\w+ing|the|a|an|their|our)\b.*$/i;

/** Analyse `question` against the speaker labels present in the transcripts. */
export function analyseQuery(question: string, speakerLabels: string[]): QueryAnalysis {
  const qWords = words(question);
  const qStems = new Set(qWords.map(stem));
  const namedAs = new Map<string, string>();
  for (const l of speakerLabels) {
    const m = mentions(question, qStems, l);
    if (m !== null) namedAs.set(l, m);
  }
  const speakers = [...namedAs.keys()];
  const speakerStems = new Set<string>();
  const speakerWords: string[] = [];
  for (const l of speakers) {
    for (const t of speakerName(l).split(/\s+/)) {
      speakerStems.add(stem(t.toLowerCase()));
      speakerWords.push(t);
    }
  }
  const terms = new Map<string, number>();
  const surface = new Map<string, string>();
  // "What did X think of A when discussing B?": A is the point, B only where to look.
  const ctx = CONTEXT_TAIL.exec(question);
  const main = ctx ? question.slice(0, ctx.index) : question;
  const addTerms = (text: string, weight: number) => {
    for (const w of contentWords(text)) {
      const s = stem(w);
      if (FRAME_STEMS.has(s) || speakerStems.has(s)) continue;
      terms.set(s, Math.max(terms.get(s) ?? 0, weight));
      if (!surface.has(s)) surface.set(s, asWritten(text, w));
    }
  };
  addTerms(main, 1);
  if (ctx) addTerms(ctx[0], 0.5);
  const kind = terms.size === 0 ? 'general' : 'specific';
  const names = new Set<string>();
  for (const m of main.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
    const w = m[0];
    const initial = /(?:^|[.?!:]\s*)$/.test(main.slice(0, m.index));
    const acronym = /^\p{Lu}[\p{Lu}\d]+s?$/u.test(w);
    if (!acronym && (initial || !/^\p{Lu}/u.test(w))) continue;
    const s = stem(w.toLowerCase().replace(/['’]s$/, ''));
    if (terms.has(s)) names.add(s);
  }
  return {
    question,
    kind,
    terms,
    surface,
    names,
    speakers,
    namedAs,
    topic: kind === 'general' ? null : topicPhrase(main, speakerWords),
  };
}
