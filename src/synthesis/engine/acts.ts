/**
 * Dialogue acts that carry no answer, recognised by their form rather than by topic: social acts
 * (thanks, greetings, goodbyes, apologies, backchannels and laughter: "Thanks, Maren.", "Ha.",
 * "Oh, you're welcome.", "Bye now."), leave-taking ("Thank you so much, Graham, this was really
 * helpful", "I'll let you go"), asides that announce themselves ("Quick aside:", "Before I forget,"),
 * and prompts that ask without a question mark ("I'm guessing you have views.", "Tell me about…").
 * Which sentence is the interviewer's, where the conversation is (before the first question, after
 * the last answer) and how the collection speaks are decided elsewhere (align.ts, discourse.ts).
 */
import { STOPWORDS } from '../text/index.ts';
import type { Sentence } from './corpus.ts';

/** Words of social acts: a sentence made of these (and names, and function words) answers nothing. */
const SOCIAL_WORDS = new Set(
  `thanks thank you much bye goodbye byebye ha haha hah heh oh okay ok great good perfect lovely brilliant
cool sure course welcome pleasure worries problem take care cheers too yes yeah yep yup right alright
hi hello hey morning afternoon evening sorry mm hmm mhm mm-hmm uh-huh uh um erm ah well fine nice see
soon again really lot appreciate appreciated wow gosh absolutely definitely exactly totally indeed
cheerio later talk glad happy enjoy luck best wishes now clear helpful useful interesting fair enough makes
sense got understood noted`.split(/\s+/),
);

const LAUGHTER = /^\W*(?:ha(?:ha)*|hah|heh|lol|\(?laugh(?:s|ter|ing)\)?|\[laugh(?:s|ter|ing)\])\b/i;

/** A capital after a space or comma: without one, a sentence names nobody (see isSocialAct). */
const CAPITAL_INSIDE = /[\s,]\p{Lu}/u;
const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * A social act and nothing else ("Thanks, Maren.", "Ha, yes.", "Of course.", "Bye now."): every
 * word is a social or function word or a capitalised name, and at least one is social.
 */
export function isSocialAct(s: Sentence): boolean {
  if (s.wordCount === 0) return false;
  // A joke said laughing ("Ha, don't quote me on the battery."): banter, not the answer.
  if (LAUGHTER.test(s.text)) return s.wordCount <= 12;
  if (s.wordCount > 10) return false;
  // The names only when a word is neither social nor a function word (most short sentences fail on
  // their first such word; the regex over every one was ~2 % of a 500-interview run).
  let names: ReadonlySet<string> | null = null;
  let social = 0;
  for (const w of s.tokens) {
    if (SOCIAL_WORDS.has(w)) social++;
    else if (!STOPWORDS.has(w)) {
      names ??= CAPITAL_INSIDE.test(s.text)
        ? new Set(
            [...s.text.matchAll(/(?<=[\s,])\p{Lu}[\p{Ll}'’-]+/gu)].map((m) =>
              m[0].toLowerCase().replace(/’/g, "'"),
            ),
          )
        : NO_NAMES;
      if (!names.has(w)) return false;
    }
  }
  return social > 0;
}

/**
 * Leave-taking: thanks for the interview, "this was really helpful", "I'll let you go", goodbyes.
 * After the last form question it ends the answer.
 */
export const FAREWELL =
  /\b(?:thank you (?:so much|very much|again|for (?:your|the|this|that|taking|doing|making|being))|thanks (?:so much|very much|again|a lot|for (?:your|the|this|doing|taking|making))|(?:this|that) (?:was|has been) (?:really |so |very |super |incredibly )?(?:helpful|useful|great|valuable|interesting)|(?:great|good|nice|perfect) (?:note|place|point) to (?:end|finish|stop|wrap)|(?:let's|we can|i'll let you) (?:wrap|stop|end) (?:it |things )?(?:up |there)|(?:that's|that is) (?:all|it) (?:from me|for (?:me|today|now))|i(?:'ll| will) let you (?:go|get back|get on)|(?:really |much )?appreciate (?:it|your time|you (?:taking|making|doing|giving))|(?:good)?bye(?: now)?|take care)\b/i;

/** A sentence that opens with thanks ("Thank you.", "Great, thanks, Joanne."). */
const OPENS_WITH_THANKS =
  /^(?:(?:okay|ok|great|brilliant|perfect|lovely|wonderful|well|right|good|excellent|fantastic)[,!.]?\s+)*(?:thank you|thanks|cheers)\b/i;

/** Leave-taking said in one sentence: a farewell phrase, or thanks opening the sentence. */
export function isFarewell(text: string): boolean {
  const t = text.replace(/’/g, "'").trim();
  return FAREWELL.test(t) || OPENS_WITH_THANKS.test(t);
}

/** An aside announced as such: "Quick aside:", "Before I forget,", "By the way,", "Sorry, is that your pager?" */
export const ASIDE =
  /^(?:(?:oh|so|and|okay),?\s+)?(?:sorry\b|quick (?:aside|one|check|question)\b|before i forget\b|by the way\b|(?:one|a) (?:quick |small )?(?:side ?note|aside)\b|side ?note\b|off(?:-| )topic\b|unrelated\b|random(?:ly)? question\b|(?:completely )?different (?:subject|topic)\b|changing the subject\b|not related\b)/i;

/**
 * A prompt that asks without a question mark: "I'm guessing you have views.", "Tell me about
 * staffing.", "I'd love to hear how decisions get made." (the interviewer inviting an answer).
 */
export const PROMPT =
  /\b(?:i'm guessing you|i guess you (?:have|'ve)|i imagine you (?:have|'ve)|i'd (?:love|like) to (?:hear|know|understand)|i'm (?:curious|interested) (?:about|in|to)|tell me (?:about|more|how|what|why|where|when)|talk me through|walk me through|take me through|say (?:a bit )?more about|what's the picture|where are you on|your (?:take|view|thoughts) on|over to you)\b/i;

const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];
const ORDINAL = new RegExp(
  String.raw`\b(?:(${ORDINALS.join('|')}|last|final)(?: (?:one|question|thing|area|topic|theme|block|section)\b| of all\b|ly\b)|(to start|let's start|starting with|to kick off|kicking off)\b)`,
  'i',
);

/**
 * The form question a sentence announces by its place ("So, first question.", "Okay, second one.",
 * "Last one."): its index among `questions`, or -1.
 */
export function announcedQuestion(text: string, questions: number): number {
  const m = ORDINAL.exec(text);
  if (!m) return -1;
  if (m[2]) return 0;
  const w = m[1]!.toLowerCase();
  if (w === 'last' || w === 'final') return questions - 1;
  const k = ORDINALS.indexOf(w);
  return k < questions ? k : -1;
}

/**
 * A turn moving the conversation on ("Okay, let's do technology.", "Shifting a bit.", "Moving on",
 * "So, thinking about how things get decided…"): what follows is a new question, not a follow-up.
 */
export const TOPIC_SHIFT =
  /\b(?:let's (?:talk|do|turn|move|go|switch|look|get|shift|pivot|come)|moving on|move on|shifting|switching|turning to|changing gears|next (?:question|one|topic|up|area)|thinking about|on to|onto)\b/i;
