import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WORD_VECTORS_FILE, wordVectorsPath } from './load.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const asset = join(root, 'assets', 'embeddings', 'sg100d-100k.bin');

describe('word-vector file location', () => {
  it('lives in assets/, outside src/, and the source modules find it', () => {
    expect(DEFAULT_WORD_VECTORS_FILE).toBe(asset);
    expect(existsSync(asset)).toBe(true);
  });

  it('is found from the bundle too (dist/ and dist/chunks/)', () => {
    expect(wordVectorsPath('sg100d-100k.bin', join(root, 'dist'))).toBe(asset);
    expect(wordVectorsPath('sg100d-100k.bin', join(root, 'dist', 'chunks'))).toBe(asset);
  });
});
