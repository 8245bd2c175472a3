/**
 * Consistent pseudonyms per engagement: the same person is PERSON_3 in every transcript of the
 * engagement, a client CLIENT_1. The table is the firm's key to re-identify (mapping.json); it is
 * loaded again for the next batch so that numbering carries on. Pure (a value that grows).
 */
import type { EntityKind } from './findings.ts';

export interface PseudonymEntry {
  label: string;
  kind: EntityKind;
  /** What the label is keyed on: the list entry's name, or the normalised text found. */
  key: string;
  /** Every spelling seen in the transcripts ("Joanne", "Pruett, Joanne"). */
  seen: string[];
}

export interface Pseudonyms {
  labelFor(kind: EntityKind, key: string, seen: string): string;
  entries(): PseudonymEntry[];
}

export function createPseudonyms(existing: readonly PseudonymEntry[] = []): Pseudonyms {
  const byKey = new Map<string, PseudonymEntry>();
  const next = new Map<EntityKind, number>();
  const id = (kind: EntityKind, key: string) => `${kind}\u0000${key.toLowerCase()}`;
  for (const e of existing) {
    byKey.set(id(e.kind, e.key), { ...e, seen: [...e.seen] });
    const n = Number(e.label.slice(e.label.lastIndexOf('_') + 1));
    if (Number.isInteger(n)) next.set(e.kind, Math.max(next.get(e.kind) ?? 0, n));
  }
  return {
    labelFor(kind, key, seen) {
      const k = id(kind, key);
      let entry = byKey.get(k);
      if (!entry) {
        const n = (next.get(kind) ?? 0) + 1;
        next.set(kind, n);
        entry = { label: `${kind}_${n}`, kind, key, seen: [] };
        byKey.set(k, entry);
      }
      if (!entry.seen.includes(seen)) entry.seen.push(seen);
      return entry.label;
    },
    entries: () => [...byKey.values()],
  };
}
