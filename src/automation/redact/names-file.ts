/**
 * The names list `outtask redact --names` reads: one name or term a line, `#` comments. A line may
 * say what it is — `person: Joanne Pruett`, `client: Brindlemoor Health Partners`, `org: Tern
 * Valley`, `term: Vesperline` — else it is guessed: "Surname, First" and two to four words are a
 * person unless a word says organisation (Partners, Advisory, Hospital…); one word is a person when
 * it is a known first name, else a term. Pure.
 */

import nlp from 'compromise';
import { AppError } from '../../platform/errors.ts';
import { isCommonWord, type ListEntry, type ListKind } from './lists.ts';

const KINDS: Record<string, ListKind> = {
  person: 'PERSON',
  people: 'PERSON',
  member: 'PERSON',
  contact: 'PERSON',
  interviewee: 'PERSON',
  interviewer: 'PERSON',
  client: 'CLIENT',
  org: 'ORG',
  organisation: 'ORG',
  organization: 'ORG',
  company: 'ORG',
  term: 'TERM',
  system: 'TERM',
  project: 'TERM',
  place: 'TERM',
};

const ORG_WORDS =
  /\b(inc|llc|llp|ltd|plc|gmbh|corp|company|group|holdings|partners|advisory|associates|consulting|health|healthcare|hospital|clinic|center|centre|bank|capital|foundation|trust|university|labs|technologies|software|solutions|services|systems?)\b\.?/i;

export function guessKind(name: string): ListKind {
  if (ORG_WORDS.test(name)) return 'ORG';
  if (name.includes(',')) return 'PERSON';
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length >= 2 && words.length <= 4) return 'PERSON';
  if (words.length === 1 && nlp(words[0]!).has('#FirstName') && !isCommonWord(words[0]!)) return 'PERSON';
  return 'TERM';
}

export function parseNamesList(file: string, text: string): ListEntry[] {
  const entries: ListEntry[] = [];
  text.split(/\r?\n/).forEach((raw, k) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const m = /^([A-Za-z]+)\s*:\s*(.*)$/.exec(line);
    const declared = m ? KINDS[m[1]!.toLowerCase()] : undefined;
    if (m && !declared && /^[a-z]+$/.test(m[1]!)) {
      throw new AppError(
        'NAMES_LIST_INVALID',
        `${file}:${k + 1}: unknown kind "${m[1]}"; use person:, client:, org: or term: (or no prefix)`,
        { file, line: k + 1 },
      );
    }
    const name = (declared ? m![2]! : line).trim();
    if (name.replace(/[^\p{L}\p{N}]/gu, '').length < 2) {
      throw new AppError('NAMES_LIST_INVALID', `${file}:${k + 1}: "${name}" is too short to redact safely`, {
        file,
        line: k + 1,
      });
    }
    entries.push({ name, kind: declared ?? guessKind(name) });
  });
  if (entries.length === 0) {
    throw new AppError('NAMES_LIST_INVALID', `${file}: no names in it (one name or term a line)`, { file });
  }
  return entries;
}
