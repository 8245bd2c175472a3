/**
 * How the deck and the report refer to interviewees, and anonymization.
 * Every interview gets a number (its position in insights.interviews, from 1) so anonymized
 * output can still be traced. One citation form everywhere: "Dana Reyes, Interview 7" (a quote's
 * citation adds its time: "Dana Reyes, Interview 7, 12:34"), the role in place of the name when
 * anonymizing ("CFO, Interview 7"), the number alone when neither is known — never a file name or
 * an interview id. When anonymizing, the names of interviewees and interviewers are redacted from
 * every piece of text ("[name]").
 */
import { cleanLabel, isGenericLabel, isNameLabel } from '../engine/names.ts';
import type { Insights, InterviewInfo } from '../types.ts';

export interface People {
  anonymize: boolean;
  /** "Interview 7". */
  number(id: string): string;
  /** Who said it: "Dana Reyes, Interview 7"; anonymized "CFO, Interview 7"; "Interview 7" when unknown. */
  attribution(id: string): string;
  /** An interview cited as a source: the same as `attribution`. */
  source(id: string): string;
  /** Text with names redacted when anonymizing; unchanged otherwise. */
  text(s: string): string;
  info(id: string): InterviewInfo | undefined;
  /** The interviewee's name (resolved by the engine, or a label that is a name); undefined when none. */
  name(id: string): string | undefined;
}

export const REDACTED = '[name]';

/** Words that appear in speaker labels but are not names ("Dana Reyes (CFO)", "Dr. Lee"). */
const NOT_NAME_WORDS = new Set(
  [
    'mr',
    'mrs',
    'ms',
    'miss',
    'dr',
    'prof',
    'sir',
    'the',
    'and',
    'of',
    'de',
    'van',
    'von',
    'da',
    'la',
    'le',
    'jr',
    'sr',
    'ii',
    'iii',
    'interviewer',
    'interviewee',
    'speaker',
    'host',
    'guest',
    'team',
  ].map((w) => w.toLowerCase()),
);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The strings to redact for one speaker label: the full label and each name-like word in it. */
export function nameParts(label: string | null | undefined): string[] {
  if (!label) return [];
  const clean = label
    .replace(/\(.*?\)|\[.*?\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean === '' || isGenericLabel(clean)) return [];
  const parts = new Set<string>();
  if (/\s/.test(clean)) parts.add(clean);
  for (const word of clean.split(/[\s,]+/)) {
    const w = word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    // Names are capitalized words of two letters or more; all-caps short words are roles (CFO).
    if (w.length < 2 || NOT_NAME_WORDS.has(w.toLowerCase())) continue;
    if (!/^\p{Lu}/u.test(w) || (w.length <= 4 && w === w.toUpperCase())) continue;
    parts.add(w);
  }
  return [...parts];
}

/** A redactor for these names: full names match in any case, single words only as capitalized. */
export function makeRedactor(
  labels: (string | null | undefined)[],
  notNames: ReadonlySet<string> = new Set(),
): (s: string) => string {
  const multi = new Set<string>();
  const single = new Set<string>();
  for (const label of labels) {
    for (const part of nameParts(label)) {
      if (
        part
          .toLowerCase()
          .split(/\s+/)
          .every((w) => notNames.has(w))
      )
        continue;
      (/\s/.test(part) ? multi : single).add(part);
    }
  }
  if (multi.size === 0 && single.size === 0) return (s) => s;
  const byLength = (a: string, b: string) => b.length - a.length;
  const fullRe =
    multi.size > 0
      ? new RegExp(
          `(?<![\\p{L}\\p{N}])(?:${[...multi].sort(byLength).map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
          'giu',
        )
      : undefined;
  const wordRe =
    single.size > 0
      ? new RegExp(
          `(?<![\\p{L}\\p{N}])(?:${[...single].sort(byLength).map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
          'gu',
        )
      : undefined;
  return (s) => {
    let out = s;
    if (fullRe) out = out.replace(fullRe, REDACTED);
    if (wordRe) out = out.replace(wordRe, REDACTED);
    // "[name] [name]" (first and last name matched separately) reads better as one.
    return out.replace(/\[name\](?:\s+\[name\])+/g, REDACTED);
  };
}

export function makePeople(insights: Insights, anonymize: boolean): People {
  const byId = new Map<string, { info: InterviewInfo; n: number }>();
  insights.interviews.forEach((info, i) => {
    byId.set(info.id, { info, n: i + 1 });
  });
  // Words of the roles ("Chief Financial Officer") are not names, even when a transcript uses a role as label.
  const roleWords = new Set(
    insights.interviews.flatMap((i) =>
      (i.role ?? '')
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter(Boolean),
    ),
  );
  const redact = anonymize
    ? makeRedactor(
        insights.interviews.flatMap((i) => [i.interviewee, i.interviewer, i.name]),
        roleWords,
      )
    : (s: string) => s;
  const number = (id: string) => {
    const entry = byId.get(id);
    return entry ? `Interview ${entry.n}` : anonymize ? 'Interview ?' : id;
  };
  /** The interviewee's name: resolved by the engine, or the speaker label when it is a name. */
  const nameOf = (info: InterviewInfo | undefined) =>
    info?.name?.trim() || (isNameLabel(info?.interviewee) ? cleanLabel(info!.interviewee!) : undefined);
  function cite(id: string): string {
    const entry = byId.get(id);
    const who = anonymize
      ? entry?.info.role
        ? redact(entry.info.role)
        : undefined
      : (nameOf(entry?.info) ?? entry?.info.role);
    return who ? `${who}, ${number(id)}` : number(id);
  }
  return {
    anonymize,
    number,
    info: (id) => byId.get(id)?.info,
    name: (id) => nameOf(byId.get(id)?.info),
    text: redact,
    attribution: cite,
    source: cite,
  };
}
