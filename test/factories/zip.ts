/**
 * Hostile zip archives for tests: a real zip writer (deflate, CRC-32, local headers, central
 * directory) that can repeat a chunk many times without holding the inflated bytes, and can make the
 * central directory and local headers lie about an entry's size.
 */
import { constants, crc32, createDeflateRaw } from 'node:zlib';

export interface ZipEntrySpec {
  name: string;
  /** The entry's bytes: `head`, `chunk` repeated `times` times, then `tail`. */
  head?: string | Buffer;
  chunk?: string | Buffer;
  times?: number;
  tail?: string | Buffer;
  /** The uncompressed size the archive declares (defaults to the truth). */
  declaredSize?: number;
}

function asBuffer(v: string | Buffer | undefined): Buffer {
  if (v === undefined) return Buffer.alloc(0);
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
}

async function deflateEntry(spec: ZipEntrySpec): Promise<{ data: Buffer; crc: number; size: number }> {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  const write = async (b: Buffer) => {
    if (b.length === 0) return;
    crc = crc32(b, crc);
    size += b.length;
    if (!deflate.write(b)) await new Promise((r) => deflate.once('drain', r));
  };
  await write(asBuffer(spec.head));
  const chunk = asBuffer(spec.chunk);
  // Large pieces per write: deflating a few hundred MB stays around a second.
  const block =
    chunk.length > 0
      ? Buffer.concat(Array(Math.max(1, Math.floor(1_048_576 / chunk.length))).fill(chunk))
      : chunk;
  const perBlock = chunk.length > 0 ? block.length / chunk.length : 0;
  let left = spec.times ?? 0;
  while (left >= perBlock && perBlock > 0) {
    await write(block);
    left -= perBlock;
  }
  for (; left > 0; left--) await write(chunk);
  await write(asBuffer(spec.tail));
  deflate.end();
  await done;
  return { data: Buffer.concat(out), crc: crc >>> 0, size };
}

/** A zip archive of the given entries, every one deflated. */
export async function buildZip(specs: ZipEntrySpec[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const spec of specs) {
    const { data, crc, size } = await deflateEntry(spec);
    const declared = spec.declaredSize ?? size;
    const name = Buffer.from(spec.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(0, 12);
    header.writeUInt16LE(0x21, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(declared, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    parts.push(local, name, data);
    offset += local.length + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(specs.length, 8);
  end.writeUInt16LE(specs.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

/**
 * A DOCX whose document.xml holds `paragraphs` copies of one paragraph (`text`): a real Word
 * document, small on disk, as large as asked when unpacked. `declaredSize` makes the archive lie.
 */
export function docxWithParagraphs(
  paragraphs: number,
  text = 'Interviewer: And how long does the monthly close take you, would you say?',
  declaredSize?: number,
): Promise<Buffer> {
  return buildZip([
    { name: '[Content_Types].xml', head: CONTENT_TYPES },
    {
      name: 'word/document.xml',
      head: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>`,
      chunk: `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`,
      times: paragraphs,
      tail: '</w:body></w:document>',
      ...(declaredSize === undefined ? {} : { declaredSize }),
    },
  ]);
}
