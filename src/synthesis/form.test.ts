import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.ts';
import { formToYaml, parseFormYaml } from './form.ts';
import type { InterviewForm } from './types.ts';

const FORM = `# Standard executive interview form
title: "Executive interviews: Helios Energy"
questions:
  - id: challenges
    text: What are the biggest challenges your division faces over the next two years?
  - id: ai-pace
    text: >
      How do you feel about the pace
      of the AI roll-out?
    hint: Listen for accelerate versus pause.
  - id: 3
    text: "  If you could change one thing tomorrow, what would it be?  "
    owner: partner   # unknown keys are ignored
`;

function formError(text: string, file?: string): AppError {
  try {
    parseFormYaml(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('FORM_INVALID');
    return error as AppError;
  }
  throw new Error('the form was accepted');
}

describe('parseFormYaml', () => {
  it('reads title and questions, trimming values and reading a numeric id as text', () => {
    expect(parseFormYaml(FORM, 'form.yaml')).toEqual({
      title: 'Executive interviews: Helios Energy',
      questions: [
        {
          id: 'challenges',
          text: 'What are the biggest challenges your division faces over the next two years?',
        },
        {
          id: 'ai-pace',
          text: 'How do you feel about the pace of the AI roll-out?',
          hint: 'Listen for accelerate versus pause.',
        },
        { id: '3', text: 'If you could change one thing tomorrow, what would it be?' },
      ],
    });
  });

  it('says where the YAML is broken', () => {
    const e = formError('title: Interviews\nquestions:\n  - id: a\n    text: "unclosed\n', 'form.yaml');
    expect(e.message).toMatch(/^form\.yaml:4: not valid YAML \(/);
    expect(e.details).toMatchObject({ file: 'form.yaml', line: 4 });
  });

  it('refuses a form without a title, naming the line where one is expected', () => {
    expect(formError('questions:\n  - id: a\n    text: Why?\n', 'f.yaml').message).toMatch(
      /^f\.yaml:1: the form has no title\. Add a line such as "title: /,
    );
    expect(formError('title: "  "\nquestions: []\n', 'f.yaml').message).toMatch(
      /^f\.yaml:1: the form has no title/,
    );
    expect(formError('', 'f.yaml').message).toMatch(/^f\.yaml:1: the form is empty/);
    expect(formError('- just\n- a list\n', 'f.yaml').message).toMatch(
      /^f\.yaml:1: the form must be a mapping/,
    );
  });

  it('refuses a form without questions and lists the keys it found (a typo shows)', () => {
    expect(formError('title: T\nquestion:\n  - id: a\n    text: b\n', 'f.yaml').message).toMatch(
      /^f\.yaml:1: the form has no questions \(found: title, question\)/,
    );
    expect(formError('title: T\n\nquestions: []\n', 'f.yaml').message).toMatch(
      /^f\.yaml:3: "questions" must be a list with at least one question/,
    );
  });

  it('makes ids for questions written without one, the same each time, never taking a given id', () => {
    const text =
      'title: T\nquestions:\n  - What are the biggest challenges you face?\n  - text: How fast should AI come in?\n    hint: pace\n  - id: biggest-challenges-face\n    text: Given id\n  - What are the biggest challenges you face?\n';
    const form = parseFormYaml(text, 'f.yaml');
    expect(form.questions).toEqual([
      { id: 'biggest-challenges-face-2', text: 'What are the biggest challenges you face?' },
      { id: 'fast-ai-come', text: 'How fast should AI come in?', hint: 'pace' },
      { id: 'biggest-challenges-face', text: 'Given id' },
      { id: 'biggest-challenges-face-3', text: 'What are the biggest challenges you face?' },
    ]);
    // Read again (or written out and read back): the same ids.
    expect(parseFormYaml(text, 'f.yaml')).toEqual(form);
    expect(parseFormYaml(formToYaml(form))).toEqual(form);
    // Only filler words: the words themselves; nothing usable: "question".
    expect(parseFormYaml('title: T\nquestions:\n  - Why?\n  - "???"\n').questions.map((q) => q.id)).toEqual([
      'why',
      'question',
    ]);
  });

  it('refuses a question without text, at its line', () => {
    const noText = formError(
      'title: T\nquestions:\n  - id: a\n    text: A?\n  - id: b\n    text:\n',
      'f.yaml',
    );
    expect(noText.message).toMatch(/^f\.yaml:6: question "b" has no text/);
    expect(
      formError('title: T\nquestions:\n  - id: a\n    text: A?\n  - hint: B\n', 'f.yaml').message,
    ).toMatch(/^f\.yaml:5: question 2 has no text/);
    expect(formError('title: T\nquestions:\n  - [a, b]\n', 'f.yaml').message).toMatch(
      /^f\.yaml:3: question 1 is neither text nor a mapping/,
    );
    expect(formError('title: T\nquestions:\n  - A?\n  -\n', 'f.yaml').message).toMatch(
      /^f\.yaml:4: question 2 is empty/,
    );
  });

  it('refuses duplicate ids, naming both lines', () => {
    const text =
      'title: T\nquestions:\n  - id: growth\n    text: A?\n  - id: people\n    text: B?\n  - id: " growth "\n    text: C?\n';
    expect(formError(text, 'f.yaml').message).toBe(
      'f.yaml:7: question id "growth" is used twice (lines 3 and 7). Give each question its own id.',
    );
  });

  it('refuses ids that are not short slugs', () => {
    expect(formError('title: T\nquestions:\n  - id: what is this\n    text: A?\n').message).toMatch(
      /^line 3: question id "what is this" is not a short slug/,
    );
  });
});

describe('formToYaml', () => {
  it('writes a form that reads back equal and reads like the documented example', () => {
    const form = parseFormYaml(FORM);
    const yaml = formToYaml(form);
    expect(parseFormYaml(yaml)).toEqual(form);
    expect(yaml).toContain('  - id: challenges\n    text: What are the biggest challenges');
  });

  const value = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 80 })
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const slug = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/);
  const formArb: fc.Arbitrary<InterviewForm> = fc.record({
    title: value,
    questions: fc
      .uniqueArray(fc.record({ id: slug, text: value, hint: fc.option(value, { nil: undefined }) }), {
        minLength: 1,
        maxLength: 8,
        selector: (q) => q.id,
      })
      .map((qs) => qs.map(({ hint, ...q }) => (hint === undefined ? q : { ...q, hint }))),
  });

  it('round-trips generated forms', () => {
    fc.assert(
      fc.property(formArb, (form) => {
        expect(parseFormYaml(formToYaml(form))).toEqual(form);
      }),
      { numRuns: 1000 },
    );
  });

  it('never fails on any text with anything but FORM_INVALID', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        'title: T',
        'questions:',
        '  - id: a',
        '    text: b',
        '  - ',
        '&x',
        '*x',
        '- *x',
        '{',
        ']',
        '"',
        ': :',
        '---',
        '\t',
      ),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (lines) => {
        try {
          parseFormYaml(lines.join('\n'), 'f.yaml');
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe('FORM_INVALID');
          expect((error as AppError).message).toMatch(/^f\.yaml:\d+: /);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
