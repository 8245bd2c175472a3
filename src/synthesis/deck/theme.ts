/**
 * The deck theme: colors, fonts and a logo, read from a JSON theme file (docs/deck-theme.md).
 * Parsing is pure (text in, typed theme or THEME_INVALID out); reading the file and the logo
 * bytes happens in theme-file.ts.
 */
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';

/** The theme writeDeck uses: colors as 6-digit upper-case hex without "#". */
export interface DeckTheme {
  colors: {
    primary: string;
    accent: string;
    text: string;
    /** Secondary text (attributions, footers); derived from text and background when not set. */
    muted: string;
    background: string;
    /** Chart series colors, first used first. */
    chart: string[];
  };
  fonts: { heading: string; body: string };
  logo?: DeckLogo;
}

export interface DeckLogo {
  /** "image/png;base64,…" — the form pptxgenjs takes for embedded images. */
  data: string;
  /** Pixel size, for keeping the aspect ratio. */
  width: number;
  height: number;
}

export const defaultTheme: DeckTheme = {
  colors: {
    primary: '1F3A5F',
    accent: 'C8553D',
    text: '1E2329',
    muted: '5F6B7A',
    background: 'FFFFFF',
    chart: ['1F3A5F', 'C8553D', '4F7CAC', '8AA29E', 'E0A458', '6C5B7B'],
  },
  fonts: { heading: 'Arial', body: 'Arial' },
};

const HEX = /^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/;

const color = z.string({ error: 'expected a hex color string such as "#1F3A5F"' }).regex(HEX, {
  error: (iss) => `expected a hex color such as "#1F3A5F", got ${JSON.stringify(iss.input)}`,
});

const fontName = z
  .string({ error: 'expected a font name such as "Arial"' })
  .trim()
  .min(1, { error: 'font name is empty' })
  .max(64, { error: 'font name is longer than 64 characters' })
  .regex(/^[\p{L}\p{N} \-_.]+$/u, {
    error: 'font name may hold only letters, digits, spaces, "-", "_" and "."',
  });

/** What a theme file may hold; every field is optional and falls back to the default theme. */
export const themeFileSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().max(200).optional(),
  colors: z
    .strictObject({
      primary: color.optional(),
      accent: color.optional(),
      text: color.optional(),
      muted: color.optional(),
      background: color.optional(),
      chart: z
        .array(color)
        .min(1, { error: 'give at least one chart color' })
        .max(12, { error: 'give at most 12 chart colors' })
        .optional(),
    })
    .optional(),
  fonts: z.strictObject({ heading: fontName.optional(), body: fontName.optional() }).optional(),
  logo: z
    .string({ error: 'expected the path of a PNG, JPEG or SVG file' })
    .min(1, { error: 'logo path is empty' })
    .regex(/\.(png|jpe?g|svg)$/i, { error: 'logo must be a .png, .jpg, .jpeg or .svg file' })
    .optional(),
});

export type ThemeFile = z.infer<typeof themeFileSchema>;

export function normalizeHex(value: string): string {
  const hex = value.replace(/^#/, '').toUpperCase();
  return hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
}

/** A color between a and b: t = 0 gives a, t = 1 gives b. */
export function mix(a: string, b: string, t: number): string {
  const pa = Number.parseInt(a, 16);
  const pb = Number.parseInt(b, 16);
  let out = 0;
  for (const shift of [16, 8, 0]) {
    const ca = (pa >> shift) & 255;
    const cb = (pb >> shift) & 255;
    out |= Math.round(ca + (cb - ca) * t) << shift;
  }
  return out.toString(16).toUpperCase().padStart(6, '0');
}

/**
 * Parse a theme file's text. Errors are THEME_INVALID and name the file and the field.
 * The logo stays a path here; theme-file.ts loads it.
 */
export function parseThemeFile(text: string, file = 'theme.json'): ThemeFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new AppError(
      'THEME_INVALID',
      `${file}: not valid JSON (${err instanceof Error ? err.message : String(err)}); a theme file is a JSON object, see docs/deck-theme.md`,
      { file },
      { cause: err },
    );
  }
  const parsed = themeFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.') || '(top level)';
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : issue.message;
    throw new AppError(
      'THEME_INVALID',
      `${file} (field ${field}): ${message}; see docs/deck-theme.md for the fields a theme may set`,
      {
        file,
        field,
        errors: parsed.error.issues.map((i) => ({ message: `${i.path.join('.')}: ${i.message}` })),
      },
    );
  }
  return parsed.data;
}

/** Merge a parsed theme file onto the default theme; `logo` is the already loaded image. */
export function resolveTheme(spec: ThemeFile, logo?: DeckLogo): DeckTheme {
  const c = spec.colors ?? {};
  const text = c.text ? normalizeHex(c.text) : defaultTheme.colors.text;
  const background = c.background ? normalizeHex(c.background) : defaultTheme.colors.background;
  const theme: DeckTheme = {
    colors: {
      primary: c.primary ? normalizeHex(c.primary) : defaultTheme.colors.primary,
      accent: c.accent ? normalizeHex(c.accent) : defaultTheme.colors.accent,
      text,
      muted: c.muted
        ? normalizeHex(c.muted)
        : c.text || c.background
          ? mix(text, background, 0.35)
          : defaultTheme.colors.muted,
      background,
      // Without its own chart colors a theme's charts follow its primary and accent colors.
      chart: c.chart
        ? c.chart.map(normalizeHex)
        : [
            c.primary ? normalizeHex(c.primary) : defaultTheme.colors.primary,
            c.accent ? normalizeHex(c.accent) : defaultTheme.colors.accent,
            ...defaultTheme.colors.chart.slice(2),
          ],
    },
    fonts: {
      heading: spec.fonts?.heading ?? defaultTheme.fonts.heading,
      body: spec.fonts?.body ?? defaultTheme.fonts.body,
    },
  };
  if (logo) theme.logo = logo;
  return theme;
}
