import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { imageInfo } from './image-size.ts';
import { defaultTheme, parseThemeFile, resolveTheme } from './theme.ts';
import { loadThemeFile } from './theme-file.ts';

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real w × h RGB PNG of one colour. */
function png(w: number, h: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3, 0x40)]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function expectThemeError(fn: () => unknown, pattern: RegExp): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('THEME_INVALID');
    expect((err as AppError).message).toMatch(pattern);
    return;
  }
  throw new Error('expected THEME_INVALID');
}

describe('parseThemeFile', () => {
  it('merges a partial theme onto the default and normalises colours', () => {
    const theme = resolveTheme(
      parseThemeFile('{"colors":{"primary":"#0b6e4f","accent":"f80"},"fonts":{"heading":"Georgia"}}'),
    );
    expect(theme.colors.primary).toBe('0B6E4F');
    expect(theme.colors.accent).toBe('FF8800');
    expect(theme.colors.background).toBe(defaultTheme.colors.background);
    expect(theme.fonts).toEqual({ heading: 'Georgia', body: 'Arial' });
    expect(theme.colors.chart.slice(0, 2)).toEqual(['0B6E4F', 'FF8800']);
  });

  it('names the file and the field that is wrong', () => {
    expectThemeError(
      () => parseThemeFile('{"colors":{"primary":"navy"}}', 'brand.json'),
      /^brand\.json \(field colors\.primary\): expected a hex color.*"navy"/,
    );
    expectThemeError(
      () => parseThemeFile('{"colours":{}}', 'brand.json'),
      /^brand\.json \(field \(top level\)\): unknown field "colours"/,
    );
    expectThemeError(
      () => parseThemeFile('{"colors":{"chart":[]}}', 'b.json'),
      /field colors\.chart\): give at least one/,
    );
    expectThemeError(
      () => parseThemeFile('{"logo":"logo.gif"}', 'b.json'),
      /field logo\): logo must be a \.png/,
    );
    expectThemeError(() => parseThemeFile('{"fonts":{"body":"<script>"}}', 'b.json'), /field fonts\.body\)/);
    expectThemeError(() => parseThemeFile('{"colors": ', 'b.json'), /^b\.json: not valid JSON/);
    expectThemeError(() => parseThemeFile('[1,2]', 'b.json'), /^b\.json \(field \(top level\)\)/);
  });

  it('never fails with anything but THEME_INVALID on generated or mutated input', () => {
    const valid =
      '{"colors":{"primary":"#1F3A5F","chart":["#111111"]},"fonts":{"body":"Arial"},"logo":"a.png"}';
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ colors: v })),
          fc
            .tuple(fc.nat(valid.length), fc.string({ maxLength: 3 }))
            .map(([i, s]) => valid.slice(0, i) + s + valid.slice(i + 1)),
        ),
        (text) => {
          try {
            const spec = parseThemeFile(text, 't.json');
            const theme = resolveTheme(spec);
            expect(theme.colors.primary).toMatch(/^[0-9A-F]{6}$/);
          } catch (err) {
            expect(err).toBeInstanceOf(AppError);
            expect((err as AppError).code).toBe('THEME_INVALID');
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('imageInfo', () => {
  it('reads PNG, JPEG and SVG sizes', () => {
    expect(imageInfo(png(40, 10))).toEqual({ mime: 'image/png', width: 40, height: 10 });
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x20, 0x00, 0x50,
      0x03, 0, 0, 0, 0,
    ]);
    expect(imageInfo(jpeg)).toEqual({ mime: 'image/jpeg', width: 80, height: 32 });
    expect(
      imageInfo(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"></svg>')),
    ).toEqual({
      mime: 'image/svg+xml',
      width: 300,
      height: 100,
    });
    expect(imageInfo(Buffer.from('<svg width="2in" viewBox="0 0 200 50"/>'))).toEqual({
      mime: 'image/svg+xml',
      width: 192,
      height: 48,
    });
    expect(imageInfo(Buffer.from('GIF89a'))).toBeUndefined();
  });

  it('never throws on random or truncated bytes', () => {
    const real = png(5, 5);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.nat(real.length).map((n) => new Uint8Array(real.subarray(0, n))),
        ),
        (bytes) => {
          const info = imageInfo(bytes);
          if (info) expect(info.width > 0 && info.height > 0).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('loadThemeFile', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'outtask-theme-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the logo relative to the theme file and keeps its pixel size', async () => {
    await writeFile(join(dir, 'logo.png'), png(120, 30));
    await writeFile(
      join(dir, 'theme.json'),
      JSON.stringify({ colors: { primary: '#0B6E4F' }, logo: 'logo.png' }),
    );
    const theme = await loadThemeFile(join(dir, 'theme.json'));
    expect(theme.colors.primary).toBe('0B6E4F');
    expect(theme.logo).toMatchObject({ width: 120, height: 30 });
    expect(theme.logo?.data).toMatch(/^image\/png;base64,iVBOR/);
  });

  it('rejects a missing or unreadable logo naming the theme file and the logo field', async () => {
    await writeFile(join(dir, 'no-logo.json'), JSON.stringify({ logo: 'missing.png' }));
    await expect(loadThemeFile(join(dir, 'no-logo.json'))).rejects.toMatchObject({
      code: 'THEME_INVALID',
      message: expect.stringMatching(
        /no-logo\.json \(field logo\): cannot read logo .*missing\.png: no such file/,
      ),
    });
    await writeFile(join(dir, 'fake.png'), 'not a png');
    await writeFile(join(dir, 'fake.json'), JSON.stringify({ logo: 'fake.png' }));
    await expect(loadThemeFile(join(dir, 'fake.json'))).rejects.toMatchObject({ code: 'THEME_INVALID' });
  });
});
