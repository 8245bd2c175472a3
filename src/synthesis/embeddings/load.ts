/**
 * The edge that reads the committed word-vector file (the engine's only file access). Cached per
 * process: the file is read once (~11 MB, a few milliseconds).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../platform/errors.ts';
import { decodeWordVectors, type WordVectors } from './format.ts';

export const DEFAULT_WORD_VECTORS_FILE = fileURLToPath(new URL('./sg100d-100k.bin', import.meta.url));

const cache = new Map<string, WordVectors>();

export function loadWordVectors(file: string = DEFAULT_WORD_VECTORS_FILE): WordVectors {
  const hit = cache.get(file);
  if (hit) return hit;
  let wv: WordVectors;
  try {
    wv = decodeWordVectors(readFileSync(file));
  } catch (cause) {
    throw new AppError(
      'SYNTHESIS_FAILED',
      `Could not read the word vectors at ${file}: ${(cause as Error).message}. Rebuild them with ` +
        '`node --import tsx src/synthesis/embeddings/build.ts`.',
      { file },
      { cause },
    );
  }
  cache.set(file, wv);
  return wv;
}
