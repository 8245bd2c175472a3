/**
 * The compact word-vector file: a header, the vocabulary as UTF-8 words separated by "\n", one
 * Float32 scale per word, then one int8 vector per word. Vectors are unit length before
 * quantisation (value ≈ int8 × scale), so the direction survives within ~1 %.
 *
 *   bytes 0..3   "OTWV"
 *   u32 LE       format version (1)
 *   u32 LE       word count
 *   u32 LE       dimensions
 *   u32 LE       vocabulary byte length
 *   ...          vocabulary, padded with zero bytes to a multiple of 4
 *   f32 × count  scales
 *   i8 × count × dims  vectors
 */

export const MAGIC = 'OTWV';
export const FORMAT_VERSION = 1;
const HEADER_BYTES = 20;

export interface WordVectors {
  dims: number;
  words: string[];
  /** word -> row */
  index: Map<string, number>;
  scales: Float32Array;
  /** row-major, count × dims */
  vectors: Int8Array;
}

/** Quantises unit-length vectors and lays them out in the file format above. */
export function encodeWordVectors(words: string[], rows: Float32Array[], dims: number): Uint8Array {
  const vocab = new TextEncoder().encode(words.join('\n'));
  const vocabPadded = Math.ceil(vocab.length / 4) * 4;
  const total = HEADER_BYTES + vocabPadded + words.length * 4 + words.length * dims;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(8, words.length, true);
  view.setUint32(12, dims, true);
  view.setUint32(16, vocab.length, true);
  out.set(vocab, HEADER_BYTES);
  const scalesAt = HEADER_BYTES + vocabPadded;
  const vectorsAt = scalesAt + words.length * 4;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += row[d]! * row[d]!;
    norm = Math.sqrt(norm) || 1;
    let maxAbs = 0;
    for (let d = 0; d < dims; d++) maxAbs = Math.max(maxAbs, Math.abs(row[d]! / norm));
    const scale = maxAbs / 127 || 1;
    view.setFloat32(scalesAt + r * 4, scale, true);
    for (let d = 0; d < dims; d++) {
      view.setInt8(vectorsAt + r * dims + d, Math.round(row[d]! / norm / scale));
    }
  }
  return out;
}

/** Reads the file format back; throws a plain Error on a damaged file (the caller wraps it). */
export function decodeWordVectors(bytes: Uint8Array): WordVectors {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = new TextDecoder().decode(bytes.subarray(0, 4));
  if (magic !== MAGIC) throw new Error(`not a word-vector file (magic "${magic}")`);
  const version = view.getUint32(4, true);
  if (version !== FORMAT_VERSION) throw new Error(`word-vector format version ${version} is not supported`);
  const count = view.getUint32(8, true);
  const dims = view.getUint32(12, true);
  const vocabLength = view.getUint32(16, true);
  const vocabPadded = Math.ceil(vocabLength / 4) * 4;
  const scalesAt = HEADER_BYTES + vocabPadded;
  const vectorsAt = scalesAt + count * 4;
  if (vectorsAt + count * dims > bytes.byteLength) throw new Error('word-vector file is cut off');
  const words = new TextDecoder()
    .decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + vocabLength))
    .split('\n');
  if (words.length !== count)
    throw new Error(`word-vector file lists ${words.length} words, header says ${count}`);
  const index = new Map<string, number>();
  for (let i = 0; i < words.length; i++) index.set(words[i]!, i);
  // Copy (new Uint8Array(view) copies; Buffer#slice would not) so the typed arrays are aligned
  // whatever the Buffer's offset in its pool, and little-endian floats are read explicitly.
  const scales = new Float32Array(count);
  for (let i = 0; i < count; i++) scales[i] = view.getFloat32(scalesAt + i * 4, true);
  const vectors = new Int8Array(new Uint8Array(bytes.subarray(vectorsAt, vectorsAt + count * dims)).buffer);
  return { dims, words, index, scales, vectors };
}

/** Adds word `row`'s vector × weight into `acc` (dense Float32 of length dims). */
export function addWordVector(wv: WordVectors, row: number, weight: number, acc: Float64Array): void {
  const s = wv.scales[row]! * weight;
  const off = row * wv.dims;
  for (let d = 0; d < wv.dims; d++) acc[d]! += wv.vectors[off + d]! * s;
}
