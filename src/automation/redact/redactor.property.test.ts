/**
 * For any listed names (generated from syllables, so never an ordinary English word): no full,
 * first or last name survives in any casing, possessive or display-name form, and every person
 * keeps one pseudonym across texts while two people never share one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCommonWord, type ListEntry } from './lists.ts';
import { createPseudonyms } from './pseudonyms.ts';
import { defaultPolicy, redactText } from './redactor.ts';

const syllable = fc.constantFrom(
  'ka',
  'lo',
  'vren',
  'dul',
  'mi',
  'tor',
  'sa',
  'bex',
  'qua',
  'rin',
  'zo',
  'phe',
  'ul',
  'dro',
);
const nameWord = fc
  .array(syllable, { minLength: 2, maxLength: 3 })
  .map((s) => s.join(''))
  .map((w) => w[0]!.toUpperCase() + w.slice(1))
  .filter((w) => !isCommonWord(w));

const peopleArb = fc
  .uniqueArray(fc.tuple(nameWord, nameWord), {
    minLength: 1,
    maxLength: 4,
    selector: ([f, l]) => `${f} ${l}`,
  })
  .filter((people) => {
    // Every name part belongs to one person only, so that a first name alone names one person.
    const parts = people.flat().map((w) => w.toLowerCase());
    return new Set(parts).size === parts.length;
  });

type Form = 'full' | 'first' | 'last' | 'display' | 'titled';
const formArb = fc.constantFrom<Form>('full', 'first', 'last', 'display', 'titled');
const casingArb = fc.constantFrom('as-is', 'lower', 'upper');
const fillerArb = fc.constantFrom('said that', 'and', 'thinks', '—', 'told me:', 'met', '(Guest)', '.\n');

function written([first, last]: [string, string], form: Form): string {
  switch (form) {
    case 'full':
      return `${first} ${last}`;
    case 'first':
      return first;
    case 'last':
      return last;
    case 'display':
      return `${last}, ${first}`;
    case 'titled':
      return `Dr. ${last}`;
  }
}

function cased(s: string, casing: string): string {
  return casing === 'lower' ? s.toLowerCase() : casing === 'upper' ? s.toUpperCase() : s;
}

const mentionArb = (n: number) =>
  fc.record({
    who: fc.integer({ min: 0, max: n - 1 }),
    form: formArb,
    casing: casingArb,
    possessive: fc.boolean(),
    filler: fillerArb,
  });

describe('redaction of listed names (fast-check)', () => {
  it('leaves no listed name in any casing or form, and keeps one pseudonym per person', () => {
    fc.assert(
      fc.property(
        peopleArb.chain((people) =>
          fc.tuple(
            fc.constant(people),
            fc.array(fc.array(mentionArb(people.length), { minLength: 1, maxLength: 8 }), {
              minLength: 1,
              maxLength: 3,
            }),
          ),
        ),
        ([people, texts]) => {
          const lists: ListEntry[] = people.map(([f, l]) => ({ name: `${f} ${l}`, kind: 'PERSON' }));
          const policy = defaultPolicy(lists);
          const pseudonyms = createPseudonyms();
          const labelOf = new Map<number, string>();
          for (const mentions of texts) {
            const text = mentions
              .map(
                (m) =>
                  `${cased(written(people[m.who]!, m.form), m.casing)}${m.possessive ? "'s" : ''} ${m.filler}`,
              )
              .join(' ');
            const { text: out, findings } = redactText(text, policy, pseudonyms);
            for (const part of people.flat()) {
              expect(out.toLowerCase()).not.toMatch(new RegExp(`(?<![a-z])${part.toLowerCase()}(?![a-z])`));
            }
            // The list's findings, in order, are the people mentioned, each always under one label.
            const listed = findings.filter((f) => f.recognizer === 'list' && f.decision === 'redacted');
            expect(listed).toHaveLength(mentions.length);
            listed.forEach((f, k) => {
              const who = mentions[k]!.who;
              expect(f.key).toBe(lists[who]!.name);
              if (!labelOf.has(who)) labelOf.set(who, f.label!);
              expect(f.label).toBe(labelOf.get(who));
            });
          }
          expect(new Set(labelOf.values()).size).toBe(labelOf.size);
        },
      ),
    );
  });
});
