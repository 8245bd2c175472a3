/**
 * Redaction of one piece of text: every recogniser proposes spans; context words nearby raise a
 * score; the allow list and the threshold decide; overlaps go to the higher score (then the longer
 * span); what is kept is replaced by its pseudonym. Every candidate becomes a recorded finding with
 * its recogniser, score and decision — the material of a review before hand-off. Pure.
 */
import type { Candidate, EntityKind, Finding, Recognizer } from './findings.ts';
import { type ListEntry, listRecognizer } from './lists.ts';
import { compromiseRecognizer } from './nlp.ts';
import { patternRecognizers } from './patterns.ts';
import type { Pseudonyms } from './pseudonyms.ts';

export interface RedactionPolicy {
  recognizers: Recognizer[];
  /** Findings scoring below this are recorded, not redacted. */
  threshold: number;
  /** Texts never redacted (case-insensitive): "Speaker", the firm's own product names… */
  allow: ReadonlySet<string>;
  /** Words near a finding that make it more likely, per kind; each raises the score by `contextBoost`. */
  context: Partial<Record<EntityKind, readonly string[]>>;
  contextBoost: number;
}

export const DEFAULT_CONTEXT: Partial<Record<EntityKind, readonly string[]>> = {
  PERSON: [
    'mr',
    'mrs',
    'ms',
    'dr',
    'doctor',
    'colleague',
    'manager',
    'director',
    'boss',
    'told',
    'said',
    'asked',
    'called',
    'named',
    'name',
    'thanks',
    'hi',
  ],
  ORG: ['company', 'firm', 'hospital', 'client', 'group', 'practice', 'vendor', 'partner', 'system', 'bank'],
  PLACE: ['clinic', 'site', 'street', 'road', 'town', 'city', 'county', 'office', 'practice', 'bridge'],
  PHONE: [
    'phone',
    'call',
    'cell',
    'mobile',
    'number',
    'tel',
    'telephone',
    'reach',
    'text',
    'fax',
    'extension',
  ],
  CARD: ['card', 'visa', 'mastercard', 'amex', 'credit', 'debit'],
  IBAN: ['iban', 'account', 'bank', 'transfer'],
};

/** The recognisers in their usual order: the lists first, compromise, then the patterns. */
export function defaultPolicy(lists: readonly ListEntry[], allow: readonly string[] = []): RedactionPolicy {
  return {
    recognizers: [listRecognizer(lists), compromiseRecognizer, ...patternRecognizers],
    threshold: 0.5,
    allow: new Set(allow.map((a) => a.toLowerCase())),
    context: DEFAULT_CONTEXT,
    contextBoost: 0.35,
  };
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased words in the 5 words before and 2 after a span. */
function contextWords(text: string, start: number, end: number): string[] {
  const before = [...text.slice(Math.max(0, start - 60), start).matchAll(WORD)].slice(-5).map((m) => m[0]);
  const after = [...text.slice(end, end + 30).matchAll(WORD)].slice(0, 2).map((m) => m[0]);
  return [...before, ...after].map((w) => w.toLowerCase());
}

function withContext(text: string, c: Candidate, policy: RedactionPolicy): Candidate {
  if (c.score >= 1) return c;
  const words = policy.context[c.kind];
  if (!words || words.length === 0) return c;
  const near = contextWords(text, c.start, c.end);
  if (!near.some((w) => words.includes(w))) return c;
  return { ...c, score: Math.min(1, Math.round((c.score + policy.contextBoost) * 100) / 100) };
}

/** Every candidate in `text` with its decision (not yet labelled). */
export function findEntities(text: string, policy: RedactionPolicy): Finding[] {
  const candidates = policy.recognizers.flatMap((r) => r(text)).map((c) => withContext(text, c, policy));
  candidates.sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Finding[] = [];
  const findings: Finding[] = [];
  for (const c of candidates) {
    const found = text.slice(c.start, c.end);
    let decision: Finding['decision'] = 'redacted';
    if (policy.allow.has(found.toLowerCase())) decision = 'allowed';
    else if (c.score < policy.threshold) decision = 'below-threshold';
    else if (kept.some((k) => k.start < c.end && c.start < k.end)) decision = 'overlapped';
    const f: Finding = { ...c, text: found, decision };
    if (decision === 'redacted') kept.push(f);
    findings.push(f);
  }
  return findings.sort((a, b) => a.start - b.start || b.score - a.score);
}

export interface Redacted {
  text: string;
  findings: Finding[];
}

/** `text` with every kept finding replaced by its pseudonym. */
export function redactText(text: string, policy: RedactionPolicy, pseudonyms: Pseudonyms): Redacted {
  const findings = findEntities(text, policy);
  let out = '';
  let at = 0;
  for (const f of findings) {
    if (f.decision !== 'redacted') continue;
    f.label = pseudonyms.labelFor(f.kind, f.key, f.text);
    out += text.slice(at, f.start) + f.label;
    at = f.end;
  }
  return { text: out + text.slice(at), findings };
}
