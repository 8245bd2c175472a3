/** A URL- and file-safe name: accents folded, lower case, runs of anything else as one hyphen. */
export function slug(text: string, opts: { max: number; fallback: string }): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, opts.max)
    .replace(/-+$/, '');
  return s || opts.fallback;
}
