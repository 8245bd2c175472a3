/**
 * The type and pixel size of a logo image (PNG, JPEG or SVG), read from its bytes, so the deck can
 * place it without distorting it. Returns undefined for anything it cannot read; never throws.
 */

export interface ImageInfo {
  mime: 'image/png' | 'image/jpeg' | 'image/svg+xml';
  width: number;
  height: number;
}

function u16be(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
}

function u32be(b: Uint8Array, i: number): number {
  return (((b[i] ?? 0) << 24) >>> 0) + (((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0));
}

function pngSize(b: Uint8Array): ImageInfo | undefined {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 24 || !sig.every((v, i) => b[i] === v)) return undefined;
  // The first chunk is IHDR: width and height as big-endian 32-bit integers.
  if (String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!) !== 'IHDR') return undefined;
  const width = u32be(b, 16);
  const height = u32be(b, 20);
  return width > 0 && height > 0 ? { mime: 'image/png', width, height } : undefined;
}

function jpegSize(b: Uint8Array): ImageInfo | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // markers without a length
      continue;
    }
    const length = u16be(b, i + 2);
    if (length < 2) return undefined;
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = u16be(b, i + 5);
      const width = u16be(b, i + 7);
      return width > 0 && height > 0 ? { mime: 'image/jpeg', width, height } : undefined;
    }
    i += 2 + length;
  }
  return undefined;
}

function svgLength(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const m = /^\s*([0-9]*\.?[0-9]+)\s*(px|pt|mm|cm|in)?\s*$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2] ?? 'px';
  const px =
    unit === 'pt'
      ? n * (96 / 72)
      : unit === 'mm'
        ? n * 3.7795
        : unit === 'cm'
          ? n * 37.795
          : unit === 'in'
            ? n * 96
            : n;
  return px > 0 && Number.isFinite(px) ? px : undefined;
}

function svgSize(b: Uint8Array): ImageInfo | undefined {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 4096));
  const tag = /<svg\b([^>]*)>/i.exec(head);
  if (!tag) return undefined;
  const attrs = tag[1] ?? '';
  const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(attrs)?.[1];
  let width = svgLength(attr('width'));
  let height = svgLength(attr('height'));
  const viewBox = attr('viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (viewBox && viewBox.length === 4 && viewBox.every(Number.isFinite)) {
    const [, , vw, vh] = viewBox as [number, number, number, number];
    if (vw > 0 && vh > 0) {
      if (width === undefined && height === undefined) {
        width = vw;
        height = vh;
      } else if (width === undefined && height !== undefined) {
        width = (height * vw) / vh;
      } else if (height === undefined && width !== undefined) {
        height = (width * vh) / vw;
      }
    }
  }
  return width && height ? { mime: 'image/svg+xml', width, height } : undefined;
}

export function imageInfo(bytes: Uint8Array): ImageInfo | undefined {
  return pngSize(bytes) ?? jpegSize(bytes) ?? svgSize(bytes);
}
