/**
 * The ways a listed name shows up in a transcript. A person "Joanne Pruett" (titles such as "Dr."
 * dropped) is written "Joanne Pruett", "Joanne", "Pruett", "Pruett, Joanne" (meeting tools'
 * display names), "J. Pruett"; an organisation "Brindlemoor Health Partners" also as
 * "Brindlemoor" (its name without the generic words). Pure.
 */

const TITLES = /^(dr|mr|mrs|ms|miss|mx|prof|sir|dame)\.?$/i;

/** Words that make an organisation's name without being its name. */
const GENERIC_ORG_WORDS = new Set([
  'the',
  'of',
  'and',
  '&',
  'inc',
  'inc.',
  'llc',
  'llp',
  'ltd',
  'ltd.',
  'plc',
  'gmbh',
  'ag',
  'sa',
  'co',
  'co.',
  'corp',
  'corp.',
  'company',
  'corporation',
  'group',
  'holdings',
  'partners',
  'partnership',
  'advisory',
  'associates',
  'consulting',
  'health',
  'healthcare',
  'medical',
  'hospital',
  'hospitals',
  'clinic',
  'clinics',
  'system',
  'systems',
  'center',
  'centre',
  'surgery',
  'surgical',
  'services',
  'solutions',
  'bank',
  'capital',
  'foundation',
  'trust',
  'university',
  'international',
  'global',
  'labs',
  'technologies',
  'software',
]);

function words(name: string): string[] {
  return name.split(/\s+/).filter((w) => w.length > 0);
}

export function personVariants(name: string): string[] {
  const parts = words(name.replace(/,/g, ' ')).filter((w) => !TITLES.test(w));
  if (parts.length === 0) return [];
  const out = new Set<string>([parts.join(' ')]);
  if (parts.length >= 2) {
    const first = parts[0]!;
    const last = parts.at(-1)!;
    out.add(first);
    out.add(last);
    out.add(`${last}, ${first}`);
    out.add(`${last}, ${parts.slice(0, -1).join(' ')}`);
    out.add(`${first[0]}. ${last}`);
    out.add(`${first} ${last}`);
    // "Mary Anne Smith": the surname with each given name.
    for (const given of parts.slice(1, -1)) out.add(given);
  }
  return [...out];
}

export function orgVariants(name: string): string[] {
  const all = words(name);
  const out = new Set<string>([all.join(' ')]);
  const distinctive = all.filter((w) => !GENERIC_ORG_WORDS.has(w.toLowerCase()));
  if (distinctive.length > 0 && distinctive.length < all.length) {
    // The leading run of distinctive words: "Carrow Bridge Surgery Center" -> "Carrow Bridge".
    const lead: string[] = [];
    for (const w of all) {
      if (GENERIC_ORG_WORDS.has(w.toLowerCase())) break;
      lead.push(w);
    }
    if (lead.length > 0) out.add(lead.join(' '));
  }
  return [...out];
}
