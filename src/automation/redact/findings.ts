/**
 * What a recogniser reports, in the manner of Microsoft Presidio: a span, the kind of thing it is,
 * which recogniser found it and with what score, and (after the redactor decides) what was done.
 */

export type EntityKind = 'PERSON' | 'CLIENT' | 'ORG' | 'TERM' | 'PLACE' | 'EMAIL' | 'PHONE' | 'IBAN' | 'CARD';

export interface Candidate {
  start: number;
  end: number;
  kind: EntityKind;
  /** "list", "compromise-person", "email"… */
  recognizer: string;
  /** 0..1: the recogniser's base score, raised by context words. */
  score: number;
  /** What the pseudonym is keyed on: the list entry's name for list hits, else the normalised text. */
  key: string;
}

export type Decision = 'redacted' | 'below-threshold' | 'allowed' | 'overlapped';

export interface Finding extends Candidate {
  text: string;
  decision: Decision;
  /** The pseudonym put in its place ("PERSON_3"), when redacted. */
  label?: string;
}

/** A recogniser: text in, candidate spans out. Pure. */
export type Recognizer = (text: string) => Candidate[];
