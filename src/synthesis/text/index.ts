/**
 * Shared text utilities of the synthesis library: small, pure and fast (no NLP model on the hot path).
 */

export { removeFillers, stripMarkers } from './fillers.ts';
export { FIRST_TO_THIRD_PERSON } from './pronouns.ts';
export { type SentenceOptions, splitSentences } from './sentences.ts';
export { lemma, normalise, stem } from './stem.ts';
export { isStopword, STOPWORDS } from './stopwords.ts';
export { contentTokens, contentWords, terms } from './terms.ts';
export { countWords, truncateWords, wordSpans, words } from './tokens.ts';
