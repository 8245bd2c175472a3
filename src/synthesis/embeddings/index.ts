export { addWordVector, decodeWordVectors, encodeWordVectors, type WordVectors } from './format.ts';
export { DEFAULT_WORD_VECTORS_FILE, loadWordVectors } from './load.ts';
