/**
 * Identifiers found by pattern, kept only when their checksum holds (Presidio's way): e-mail
 * addresses, phone numbers (a low base score that context words raise), IBANs (mod 97) and card
 * numbers (Luhn). Pure.
 */
import { validIban, validLuhn } from './checksums.ts';
import type { Candidate, Recognizer } from './findings.ts';

const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;
const PHONE =
  /(?<![\p{L}\p{N}+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\p{L}\p{N}]|[.,-]\d)/gu;
const IBAN = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?(?![\p{L}\p{N}])/gu;
const CARD = /(?<![\p{N}])\d(?:[ -]?\d){12,18}(?![\p{N}])/gu;
/** Shapes with 7+ digits that are not phone numbers: dates, times, money. */
const NOT_PHONE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/;

function digits(s: string): number {
  return s.replace(/\D/g, '').length;
}

function collect(text: string, re: RegExp, make: (m: RegExpMatchArray) => Candidate | null): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(re)) {
    const c = make(m);
    if (c) out.push(c);
  }
  return out;
}

export const emailRecognizer: Recognizer = (text) =>
  collect(text, EMAIL, (m) => ({
    start: m.index!,
    end: m.index! + m[0].length,
    kind: 'EMAIL',
    recognizer: 'email',
    score: 1,
    key: m[0].toLowerCase(),
  }));

export const phoneRecognizer: Recognizer = (text) =>
  collect(text, PHONE, (m) => {
    const n = digits(m[0]);
    if (n < 7 || n > 15 || NOT_PHONE.test(m[0])) return null;
    // A number written the way phone numbers are ("+44 …", "(555) 123-4567", "555-123-4567") scores higher.
    const shaped = /^\+|^\(\d+\)|^\d{3}[-.\s]\d{3}[-.\s]\d{4}$/.test(m[0]);
    return {
      start: m.index!,
      end: m.index! + m[0].length,
      kind: 'PHONE',
      recognizer: 'phone',
      score: shaped ? 0.6 : 0.4,
      key: m[0].replace(/\D/g, ''),
    };
  });

export const ibanRecognizer: Recognizer = (text) =>
  collect(text, IBAN, (m) =>
    validIban(m[0])
      ? {
          start: m.index!,
          end: m.index! + m[0].length,
          kind: 'IBAN',
          recognizer: 'iban',
          score: 1,
          key: m[0].replace(/\s/g, ''),
        }
      : null,
  );

export const cardRecognizer: Recognizer = (text) =>
  collect(text, CARD, (m) =>
    validLuhn(m[0])
      ? {
          start: m.index!,
          end: m.index! + m[0].length,
          kind: 'CARD',
          recognizer: 'card',
          score: 0.9,
          key: m[0].replace(/\D/g, ''),
        }
      : null,
  );

export const patternRecognizers: Recognizer[] = [
  emailRecognizer,
  phoneRecognizer,
  ibanRecognizer,
  cardRecognizer,
];
