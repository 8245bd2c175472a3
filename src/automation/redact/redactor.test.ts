import { describe, expect, it } from 'vitest';
import { validIban, validLuhn } from './checksums.ts';
import type { ListEntry } from './lists.ts';
import { createPseudonyms } from './pseudonyms.ts';
import { defaultPolicy, redactText } from './redactor.ts';

const LISTS: ListEntry[] = [
  { name: 'Joanne Pruett', kind: 'PERSON' },
  { name: 'Dr. Victor Amadi', kind: 'PERSON' },
  { name: 'Will Hartigan', kind: 'PERSON' },
  { name: 'Brindlemoor Health Partners', kind: 'CLIENT' },
  { name: 'Vesperline', kind: 'TERM' },
];

function redact(text: string, lists = LISTS, allow: string[] = []) {
  return redactText(text, defaultPolicy(lists, allow), createPseudonyms());
}

describe('names from the workspace lists', () => {
  it('finds full names, first and last names alone, display names, possessives and any casing', () => {
    const r = redact(
      "Pruett, Joanne said JOANNE's clinic and joanne pruett's team met Dr. Amadi; Victor agreed. PRUETT\nJoanne too.",
    );
    expect(r.text).toBe(
      "PERSON_1 said PERSON_1's clinic and PERSON_1's team met Dr. PERSON_2; PERSON_2 agreed. PERSON_1\nPERSON_1 too.",
    );
  });

  it('gives an organisation its label and finds its short name ("Brindlemoor")', () => {
    expect(redact("Brindlemoor Health Partners' clinics, and brindlemoor's board").text).toBe(
      "CLIENT_1' clinics, and CLIENT_1's board",
    );
  });

  it('keeps ordinary words that are also listed first names, unless capitalised', () => {
    expect(redact('We will see. Will said the will was read. Hartigan agreed.').text).toBe(
      'We will see. PERSON_1 said the will was read. PERSON_1 agreed.',
    );
  });

  it('records each finding with its recogniser and score; the allow list keeps a term', () => {
    const r = redact('Vesperline went live; Vesperline again.', LISTS, ['vesperline']);
    expect(r.text).toBe('Vesperline went live; Vesperline again.');
    expect(r.findings.map((f) => [f.text, f.recognizer, f.score, f.decision])).toEqual([
      ['Vesperline', 'list', 1, 'allowed'],
      ['Vesperline', 'list', 1, 'allowed'],
    ]);
  });

  it('does not take a name out of a longer word', () => {
    expect(redact('Joannes and Pruettville stay; Amadis too.').text).toBe(
      'Joannes and Pruettville stay; Amadis too.',
    );
  });
});

describe('names nobody listed (compromise)', () => {
  it('redacts a colleague named in passing and records it as compromise-person', () => {
    const r = redact('I spoke to Martin Pardoe about it yesterday.', []);
    expect(r.text).toBe('I spoke to PERSON_1 about it yesterday.');
    expect(r.findings[0]).toMatchObject({
      recognizer: 'compromise-person',
      score: expect.any(Number),
      decision: 'redacted',
    });
  });

  it('records places below the threshold instead of redacting them', () => {
    const r = redact('She moved to London last year.', []);
    expect(r.text).toBe('She moved to London last year.');
    expect(r.findings.find((f) => f.text === 'London')).toMatchObject({
      kind: 'PLACE',
      decision: 'below-threshold',
    });
  });
});

describe('identifiers by pattern and checksum', () => {
  it('redacts e-mail addresses', () => {
    expect(redact('Write to joanne.pruett@brindlemoor-health.org today.', []).text).toBe(
      'Write to EMAIL_1 today.',
    );
  });

  it('redacts an IBAN whose mod-97 check holds and leaves one that fails', () => {
    expect(validIban('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(validIban('GB82 WEST 1234 5698 7654 33')).toBe(false);
    expect(redact('Pay GB82 WEST 1234 5698 7654 32 now.', []).text).toBe('Pay IBAN_1 now.');
    expect(redact('Pay GB82 WEST 1234 5698 7654 33 now.', []).text).toBe(
      'Pay GB82 WEST 1234 5698 7654 33 now.',
    );
  });

  it('redacts a card number whose Luhn sum holds and leaves one that fails', () => {
    expect(validLuhn('4111 1111 1111 1111')).toBe(true);
    expect(redact('Card 4111 1111 1111 1111 on file.', []).text).toBe('Card CARD_1 on file.');
    expect(redact('Card 4111 1111 1111 1112 on file.', []).text).toBe('Card 4111 1111 1111 1112 on file.');
  });

  it('redacts a phone number shaped like one, or a plain number when context words say phone', () => {
    expect(redact('Reach me at (555) 123-4567.', []).text).toBe('Reach me at PHONE_1.');
    expect(redact('Call me on 0161 496 0753 after lunch.', []).text).toBe('Call me on PHONE_1 after lunch.');
    const plain = redact('The total was 0161 496 0753 units.', []);
    expect(plain.text).toBe('The total was 0161 496 0753 units.');
    expect(plain.findings[0]).toMatchObject({ kind: 'PHONE', score: 0.4, decision: 'below-threshold' });
  });

  it('leaves dates, times and money alone', () => {
    expect(redact('On 2025-03-14 at 10:30 we spent $2,100,000 and 11% more.', []).findings).toEqual([]);
  });
});

describe('pseudonyms', () => {
  it('are consistent across texts of one engagement and carry on from a saved mapping', () => {
    const policy = defaultPolicy(LISTS);
    const pseudonyms = createPseudonyms();
    expect(redactText('Victor Amadi and Joanne', policy, pseudonyms).text).toBe('PERSON_1 and PERSON_2');
    expect(redactText('Joanne Pruett, then Dr. Amadi', policy, pseudonyms).text).toBe(
      'PERSON_2, then Dr. PERSON_1',
    );
    const later = createPseudonyms(pseudonyms.entries());
    expect(redactText('Pruett and Will', policy, later).text).toBe('PERSON_2 and PERSON_3');
    expect(later.entries().find((e) => e.label === 'PERSON_2')?.seen).toEqual([
      'Joanne',
      'Joanne Pruett',
      'Pruett',
    ]);
  });
});
