/**
 * Reads a ZIP's central directory without inflating anything, so a workbook is checked before ExcelJS
 * opens it: is it an XLSX at all (not a .docx or a random archive), and how large does it expand?
 * A small file that expands to gigabytes (a "zip bomb") is refused here.
 */

export interface ZipDirectory {
  names: string[];
  /** Sum of the entries' uncompressed sizes; Infinity when a size does not fit 32 bits (ZIP64). */
  uncompressedBytes: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

/** Returns undefined when the bytes do not hold a readable ZIP central directory. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const minEocd = 22;
  if (bytes.length < minEocd) return undefined;
  let eocd = -1;
  const lowest = Math.max(0, bytes.length - minEocd - 65_535);
  for (let i = bytes.length - minEocd; i >= lowest; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) return undefined;
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (offset + size > bytes.length) return undefined;
  const decoder = new TextDecoder();
  const names: string[] = [];
  let uncompressedBytes = 0;
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_SIGNATURE) return undefined;
    const uncompressed = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength > bytes.length) return undefined;
    names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)));
    uncompressedBytes += uncompressed === 0xffffffff ? Number.POSITIVE_INFINITY : uncompressed;
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { names, uncompressedBytes };
}
