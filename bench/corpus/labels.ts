/**
 * Two judgements the quality bench makes about what the engine wrote, independently of the engine
 * (wink-nlp's part-of-speech tags, not the engine's own rules):
 * - a label is a statement when it reads as a slide headline: 4–10 words, one clause with a subject
 *   (a noun, a name, or a pronoun that does not point back: not "it", "that", "this", "which") and a
 *   verb after it, not opening on a conjunction ("Which is…", "Because…") and not the speaker's own
 *   "I" ("I have a team of twenty-two");
 * - small talk: thanks, goodbyes, wishes, weather and travel, consent and recording, apologies.
 */
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

const nlp = winkNLP(model);
const its = nlp.its;

const ANAPHORIC = new Set(['it', 'that', 'this', 'which', 'those', 'these', 'i', 'he', 'she', 'there']);
const OPENERS = new Set(['which', 'because', 'and', 'but', 'so', 'or', 'if', 'when', 'although', 'while']);

export function isStatementLabel(label: string): boolean {
  const text = label.trim().replace(/[.!]$/, '');
  if (/\?$/.test(text)) return false;
  const doc = nlp.readDoc(text);
  const words = doc.tokens().filter((t: { out: (x: unknown) => unknown }) => t.out(its.type) === 'word');
  const n = words.length();
  if (n < 4 || n > 10) return false;
  const tokens: { w: string; pos: string }[] = [];
  words.each((t: { out: (x: unknown) => unknown }) => {
    tokens.push({ w: t.out(its.normal) as string, pos: t.out(its.pos) as string });
  });
  if (OPENERS.has(tokens[0]!.w)) return false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
    const subject = tokens
      .slice(0, i)
      .some((s) => s.pos === 'NOUN' || s.pos === 'PROPN' || (s.pos === 'PRON' && !ANAPHORIC.has(s.w)));
    if (subject) return !tokens.slice(0, i).some((s) => s.w === 'i');
  }
  return false;
}

const SMALL_TALK =
  /\b(?:thank(?:s| you)|bye|goodbye|good luck|take care|have a (?:good|great|nice)|nice to (?:meet|see)|you too|see you|cheers|weather|snow(?:ing)?|rain(?:ing|y)?|sunny|traffic|commute|parking|coffee|lunch|can you hear me|hear me okay|recording|recorder|confidential|anonymous|sorry (?:about|for) (?:the|my)|no worries|my pleasure|you're welcome|talk soon|enjoy the)\b/i;

export function isSmallTalk(text: string): boolean {
  return SMALL_TALK.test(text);
}
