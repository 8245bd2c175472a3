/**
 * Retrieval terms: the words of a text that carry content (stopwords and single letters dropped,
 * clitics cut), Porter-stemmed so that "discussed" and "discussion" meet.
 */

import { stem } from './stem.ts';
import { STOPWORDS } from './stopwords.ts';
import { words } from './tokens.ts';

/** Content words of `text`: lower case, stopwords removed, clitics cut ("budget's" -> "budget"). */
export function contentWords(text: string): string[] {
  return contentTokens(words(text));
}

/** `contentWords` for text already split by `words` (saves a second scan). */
export function contentTokens(tokens: string[]): string[] {
  const out: string[] = [];
  for (const w of tokens) {
    if (STOPWORDS.has(w)) continue;
    const base = w.includes("'") ? w.replace(/'(?:s|re|ve|ll|d|m)$|n't$/, '') : w;
    if (base.length < 2 && !/\d/.test(base)) continue;
    if (!STOPWORDS.has(base)) out.push(base);
  }
  return out;
}

/** Stemmed content terms of `text` ("The budgets were discussed" -> ["budget", "discuss"]). */
export function terms(text: string): string[] {
  return contentWords(text).map(stem);
}
