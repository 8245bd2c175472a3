/**
 * The edge that reads the committed word-vector file (the engine's only file access). Cached per
 * process: the file is read once (~11 MB, a few milliseconds).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../platform/errors.ts';
import { decodeWordVectors, type WordVectors } from './format.ts';

const FILE_NAME = 'sg100d-100k.bin';

/**
 * `assets/embeddings/<name>` of the checkout this module runs from: found by walking up from the
 * module, because it runs both as source (src/synthesis/embeddings/) and bundled (dist/, dist/chunks/).
 */
export function wordVectorsPath(name = FILE_NAME, from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'assets', 'embeddings', name);
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  // Not found: the path where it belongs in a source checkout, so the error names a real place.
  return join(from, '..', '..', '..', 'assets', 'embeddings', name);
}

export const DEFAULT_WORD_VECTORS_FILE = wordVectorsPath();

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
