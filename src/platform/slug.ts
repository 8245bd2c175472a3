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

/** Words that say nothing about what a question is about: left out of an id made from its text. */
const FILLER = new Set(
  'a about an and are as at be can could did do does for from had has have how i if in is it its me my of on or our should so than that the their them there these they this to was we were what when where which who why will with would you your'.split(
    ' ',
  ),
);

/**
 * A short id made from a text's first telling words ("What are the biggest challenges you face?" →
 * "biggest-challenges-face"), made unique against `taken` with -2, -3…, and added to it. The same
 * text among the same ids always gives the same id, so a form imported twice keeps its ids.
 */
export function idFromText(
  text: string,
  taken: Set<string>,
  opts: { max: number; fallback: string },
): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const telling = words.filter((w) => !FILLER.has(w));
  const base = slug((telling.length > 0 ? telling : words).slice(0, 4).join(' '), {
    max: opts.max - 3,
    fallback: opts.fallback,
  });
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * The id of each item: its own when it has one, else one made from its text (idFromText) that takes
 * none of the given ids, whatever their order.
 */
export function idsFor(
  items: readonly { id?: string | undefined; text: string }[],
  opts: { max: number; fallback: string },
): string[] {
  const taken = new Set(items.map((q) => q.id ?? '').filter(Boolean));
  return items.map((q) => q.id || idFromText(q.text, taken, opts));
}
