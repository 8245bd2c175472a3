/**
 * compromise's people, organisations and places as a recogniser for names nobody listed (a
 * colleague named in passing). Rule-based, offline; lower base scores than the lists: places sit
 * below the default threshold and are recorded for review rather than redacted. Pure.
 */
import nlp from 'compromise';
import type { Candidate, EntityKind, Recognizer } from './findings.ts';

const SOURCES: {
  method: 'people' | 'organizations' | 'places';
  kind: EntityKind;
  recognizer: string;
  score: number;
}[] = [
  { method: 'people', kind: 'PERSON', recognizer: 'compromise-person', score: 0.6 },
  { method: 'organizations', kind: 'ORG', recognizer: 'compromise-org', score: 0.5 },
  { method: 'places', kind: 'PLACE', recognizer: 'compromise-place', score: 0.4 },
];

const TAIL = /(?:['’]s|['’]|[^\p{L}\p{N}])$/u;
const TITLE = /^(?:(?:dr|mr|mrs|ms|mx|prof|doc)\.?\s+)+/i;

/** The name inside compromise's span: no title, no trailing punctuation or possessive. */
function trim(text: string, start: number, end: number): [number, number] | null {
  let s = start;
  let e = end;
  const span = () => text.slice(s, e);
  const title = TITLE.exec(span());
  if (title) s += title[0].length;
  for (let m = TAIL.exec(span()); m && e > s; m = TAIL.exec(span())) e -= m[0].length;
  while (/^[^\p{L}\p{N}]/u.test(span()) && s < e) s++;
  return e - s >= 2 ? [s, e] : null;
}

export function normaliseKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

export const compromiseRecognizer: Recognizer = (text) => {
  const doc = nlp(text);
  const out: Candidate[] = [];
  for (const source of SOURCES) {
    const found = doc[source.method]().json({ offset: true }) as {
      offset: { start: number; length: number };
    }[];
    for (const f of found) {
      const span = trim(text, f.offset.start, f.offset.start + f.offset.length);
      if (!span) continue;
      const [start, end] = span;
      if (!/^\p{Lu}/u.test(text[start]!)) continue; // a proper name is capitalised
      out.push({
        start,
        end,
        kind: source.kind,
        recognizer: source.recognizer,
        score: source.score,
        key: normaliseKey(text.slice(start, end)),
      });
    }
  }
  return out;
};
