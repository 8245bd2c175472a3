/** Reads a theme file and its logo from disk (the I/O edge of theme.ts). */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { AppError } from '../../platform/errors.ts';
import { imageInfo } from './image-size.ts';
import { type DeckLogo, type DeckTheme, parseThemeFile, resolveTheme } from './theme.ts';

const MAX_THEME_BYTES = 1_000_000;
const MAX_LOGO_BYTES = 5_000_000;

async function readOrFail(path: string, what: string, themeFile: string, field?: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? err);
    throw new AppError(
      field ? 'THEME_INVALID' : 'FILE_NOT_FOUND',
      field
        ? `${themeFile} (field ${field}): cannot read ${what} ${path}: ${reason}`
        : `cannot read ${what} ${path}: ${reason}`,
      { file: themeFile, field },
      { cause: err },
    );
  }
}

/** Load a theme file; a relative logo path is taken relative to the theme file. */
export async function loadThemeFile(file: string): Promise<DeckTheme> {
  const bytes = await readOrFail(file, 'theme file', file);
  if (bytes.length > MAX_THEME_BYTES) {
    throw new AppError(
      'THEME_INVALID',
      `${file}: a theme file of ${bytes.length} bytes is too large (at most 1 MB)`,
      {
        file,
      },
    );
  }
  const spec = parseThemeFile(bytes.toString('utf8'), file);
  let logo: DeckLogo | undefined;
  if (spec.logo) {
    const logoPath = resolve(dirname(file), spec.logo);
    const logoBytes = await readOrFail(logoPath, 'logo', file, 'logo');
    if (logoBytes.length > MAX_LOGO_BYTES) {
      throw new AppError(
        'THEME_INVALID',
        `${file} (field logo): ${logoPath} is larger than 5 MB; use a smaller image`,
        {
          file,
          field: 'logo',
        },
      );
    }
    const info = imageInfo(logoBytes);
    if (!info) {
      throw new AppError(
        'THEME_INVALID',
        `${file} (field logo): ${logoPath} is not a readable PNG, JPEG or SVG image (SVG needs width/height or a viewBox)`,
        { file, field: 'logo' },
      );
    }
    logo = {
      data: `${info.mime};base64,${logoBytes.toString('base64')}`,
      width: info.width,
      height: info.height,
    };
  }
  return resolveTheme(spec, logo);
}
