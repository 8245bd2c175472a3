/**
 * The workspace's own lists as a recogniser — the most valuable one: members, clients, contacts,
 * interviewees, custom terms. Every listed name is found wherever it occurs, in any casing, with
 * its variants (name-variants.ts) and possessives ("Joanne's" keeps its "'s"). One exception keeps
 * ordinary words: a single-word variant that is also a common English word ("Will", "Rose", "Hope")
 * is matched only capitalised or in capitals. Pure.
 */
import nlp from 'compromise';
import type { Candidate, EntityKind, Recognizer } from './findings.ts';
import { orgVariants, personVariants } from './name-variants.ts';

export type ListKind = 'PERSON' | 'CLIENT' | 'ORG' | 'TERM';

export interface ListEntry {
  name: string;
  kind: ListKind;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Words are separated by any whitespace (a name can wrap across subtitle lines). */
function pattern(variant: string): string {
  return variant
    .trim()
    .split(/\s+/)
    .map((w) => escapeRegExp(w))
    .join('\\s+');
}

const NAME_TAGS = new Set([
  'FirstName',
  'MaleName',
  'FemaleName',
  'LastName',
  'Person',
  'Honorific',
  'Organization',
  'Place',
  'City',
  'Country',
  'Region',
]);
let lexicon: Record<string, string> | undefined;

/** A lower-case word that compromise knows as something other than a name ("will", "rose"). */
export function isCommonWord(word: string): boolean {
  lexicon ??= (nlp.world() as unknown as { model: { one: { lexicon: Record<string, string> } } }).model.one
    .lexicon;
  const tag = lexicon[word.toLowerCase()];
  return tag !== undefined && !NAME_TAGS.has(tag);
}

export function variantsOf(entry: ListEntry): string[] {
  switch (entry.kind) {
    case 'PERSON':
      return personVariants(entry.name);
    case 'CLIENT':
    case 'ORG':
      return orgVariants(entry.name);
    case 'TERM':
      return [entry.name.trim()];
  }
}

const BEFORE = '(?<![\\p{L}\\p{N}_])';
const AFTER = '(?![\\p{L}\\p{N}_])';

export function listRecognizer(entries: readonly ListEntry[]): Recognizer {
  // Variant (lower-cased) -> the entry it stands for; the first entry listed wins a shared variant.
  const owner = new Map<string, ListEntry>();
  const anyCase: string[] = [];
  const capitalised: string[] = [];
  for (const entry of entries) {
    for (const v of variantsOf(entry)) {
      const lower = v.toLowerCase().replace(/\s+/g, ' ');
      if (lower.replace(/[^\p{L}\p{N}]/gu, '').length < 2 || owner.has(lower)) continue;
      owner.set(lower, entry);
      if (!/\s/.test(v) && entry.kind !== 'TERM' && isCommonWord(v)) {
        const cap = v[0]!.toUpperCase() + v.slice(1).toLowerCase();
        capitalised.push(escapeRegExp(cap), escapeRegExp(v.toUpperCase()));
      } else anyCase.push(pattern(v));
    }
  }
  const byLength = (a: string, b: string) => b.length - a.length;
  const regexes = [
    anyCase.length > 0 ? new RegExp(`${BEFORE}(?:${anyCase.sort(byLength).join('|')})${AFTER}`, 'giu') : null,
    capitalised.length > 0
      ? new RegExp(`${BEFORE}(?:${capitalised.sort(byLength).join('|')})${AFTER}`, 'gu')
      : null,
  ].filter((r): r is RegExp => r !== null);
  return (text) => {
    const out: Candidate[] = [];
    for (const re of regexes) {
      for (const m of text.matchAll(re)) {
        const entry = owner.get(m[0].toLowerCase().replace(/\s+/g, ' '));
        if (!entry) continue;
        const kind: EntityKind = entry.kind;
        out.push({
          start: m.index,
          end: m.index + m[0].length,
          kind,
          recognizer: 'list',
          score: 1,
          key: entry.name,
        });
      }
    }
    return out;
  };
}
