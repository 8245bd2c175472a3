/**
 * The points of a sentence. People chain points in one breath ("we still build the reports by hand,
 * and on top of that nobody trusts the data"): as one unit such a sentence bridges two themes and
 * muddles both, so a sentence is cut where a new point is chained on. Its opening hedge ("Honestly,
 * I think …") is no point at all: those terms are left out.
 */
import { countWords } from '../text/index.ts';
import { isContentWord, lookupTerms, type Sentence, type Vocabulary } from './corpus.ts';
import { stripOpening } from './opening.ts';

/** Where a new point is chained on: semicolons, dashes, "and on top of that", "plus", ", and also". */
export const POINT_SPLIT =
  /\s*;\s*(?:also,?\s+)?|,?\s+(?:and on top of that|on top of that|and also|and then|and besides|plus)\s+|,\s+and\s+|,\s+also,?\s+|\s+-\s+|\s*[—–]\s*/i;

/** How many of the sentence's terms belong to its opening hedge (cached on the sentence). */
export function leadTerms(sentence: Sentence): number {
  if (sentence.lead !== undefined) return sentence.lead;
  const rest = stripOpening(sentence.text);
  let lead = 0;
  if (rest.length < sentence.text.length) {
    const cut = countWords(sentence.text.slice(0, sentence.text.length - rest.length));
    for (let k = 0; k < cut && k < sentence.tokens.length; k++)
      if (isContentWord(sentence.tokens[k]!)) lead++;
  }
  sentence.lead = lead;
  return lead;
}

/**
 * The content terms of each point of a sentence, without its opening hedge. A piece with fewer than
 * `minTerms` terms is no point of its own and stays with the one before it (or after it, first).
 */
export function pointsOf(sentence: Sentence, vocab: Vocabulary, minTerms = 2): number[][] {
  const lead = leadTerms(sentence);
  const whole = lead > 0 ? sentence.terms.slice(lead) : sentence.terms;
  if (!POINT_SPLIT.test(sentence.text)) return [whole];
  const parts = stripOpening(sentence.text)
    .split(POINT_SPLIT)
    .map((p) => lookupTerms(p, vocab).filter((t) => t >= 0));
  const out: number[][] = [];
  for (const terms of parts) {
    if (terms.length === 0) continue;
    if (terms.length < minTerms && out.length > 0) out[out.length - 1]!.push(...terms);
    else out.push(terms);
  }
  // A short first piece joins the next.
  if (out.length > 1 && out[0]!.length < minTerms) out[1]!.unshift(...out.shift()!);
  return out.length > 0 ? out : [whole];
}
