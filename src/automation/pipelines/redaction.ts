/**
 * A run's redaction: the transcript redacted with the workspace's lists, the pipeline's terms and
 * the review's decisions (texts to redact too, texts to keep), under the pipeline's pseudonyms.
 *
 * The slow part (recognisers over the whole transcript) runs with provisional labels, outside any
 * transaction; `finalizeRedaction` then swaps them for the pipeline's real pseudonyms inside the
 * transaction that stores them, so two runs redacting at once never hand one label to two names.
 */
import type { EntityKind } from '../redact/findings.ts';
import type { ListEntry, ListKind } from '../redact/lists.ts';
import { createPseudonyms, type PseudonymEntry, type Pseudonyms } from '../redact/pseudonyms.ts';
import { redactTranscriptBytes } from '../redact/redact-files.ts';
import { defaultPolicy } from '../redact/redactor.ts';
import type { LocatedFinding } from '../redact/transcript.ts';
import { redactFileName } from '../redact/transcript.ts';

export interface ReviewTerm {
  text: string;
  kind: string;
  action: 'redact' | 'keep';
}

export interface ProvisionalRedaction {
  text: string;
  fileName: string;
  findings: LocatedFinding[];
  /** Provisional label number → what it stands for. */
  slots: { kind: EntityKind; key: string; seen: string[] }[];
}

export interface FinalRedaction {
  text: string;
  fileName: string;
  findings: LocatedFinding[];
  pseudonyms: PseudonymEntry[];
}

// Private-use characters: they never occur in a transcript, so a provisional label cannot be confused.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const SLOT = /\uE000(\d+)\uE001/g;

function provisionalPseudonyms(): Pseudonyms & { slots: ProvisionalRedaction['slots'] } {
  const slots: ProvisionalRedaction['slots'] = [];
  const index = new Map<string, number>();
  return {
    slots,
    labelFor(kind, key, seen) {
      const id = `${kind}\u0000${key.toLowerCase()}`;
      let n = index.get(id);
      if (n === undefined) {
        n = slots.length;
        index.set(id, n);
        slots.push({ kind, key, seen: [] });
      }
      const slot = slots[n]!;
      if (!slot.seen.includes(seen)) slot.seen.push(seen);
      return `${OPEN}${n}${CLOSE}`;
    },
    entries: () => [],
  };
}

const LIST_KINDS = new Set<string>(['PERSON', 'CLIENT', 'ORG', 'TERM']);

/** The lists a run is redacted with: the workspace's and pipeline's, plus what review added. */
export function redactionLists(base: readonly ListEntry[], terms: readonly ReviewTerm[]): ListEntry[] {
  const added = terms
    .filter((t) => t.action === 'redact')
    .map((t) => ({ name: t.text, kind: (LIST_KINDS.has(t.kind) ? t.kind : 'TERM') as ListKind }));
  return [...base, ...added];
}

export async function redactProvisionally(
  fileName: string,
  bytes: Uint8Array,
  lists: readonly ListEntry[],
  terms: readonly ReviewTerm[],
): Promise<ProvisionalRedaction> {
  const policy = defaultPolicy(
    redactionLists(lists, terms),
    terms.filter((t) => t.action === 'keep').map((t) => t.text),
  );
  const pseudonyms = provisionalPseudonyms();
  const { result, ext } = await redactTranscriptBytes(fileName, Buffer.from(bytes), policy, pseudonyms);
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  const name = redactFileName(`${stem}${ext}`, policy, pseudonyms);
  return { text: result.text, fileName: name, findings: result.findings, slots: pseudonyms.slots };
}

/** Swaps provisional labels for the pipeline's pseudonyms (numbering carried on from `existing`). Pure. */
export function finalizeRedaction(
  p: ProvisionalRedaction,
  existing: readonly PseudonymEntry[],
): FinalRedaction {
  const pseudonyms = createPseudonyms(existing);
  const labels = p.slots.map((s) => {
    let label = '';
    for (const seen of s.seen) label = pseudonyms.labelFor(s.kind, s.key, seen);
    return label || pseudonyms.labelFor(s.kind, s.key, s.key);
  });
  const swap = (text: string) => text.replace(SLOT, (_, n: string) => labels[Number(n)] ?? '[REDACTED]');
  return {
    text: swap(p.text),
    fileName: swap(p.fileName),
    findings: p.findings.map((f) => (f.label ? { ...f, label: swap(f.label) } : f)),
    pseudonyms: pseudonyms.entries(),
  };
}
