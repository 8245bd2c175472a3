import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.ts';
import { checkFormContent, formToYaml, parseForm, sameFormContent } from './forms.ts';

describe('forms in the format outtask deck --form reads', () => {
  it('reads an interview form with hints and writes it back unchanged', async () => {
    const yaml = `title: Executive interview
questions:
  - id: situation
    text: How would you describe the current situation of the business?
    hint: Let them talk for two minutes before following up.
  - id: customers
    text: How are your customers' needs changing?
  - id: success
    text: "What would success look like: three years from now?"
    hint: Ask for one measurable sign.
`;
    const form = await parseForm(yaml, 'executive-interview.yaml');
    expect(form.title).toBe('Executive interview');
    expect(form.questions).toHaveLength(3);
    expect(form.questions[1]).toEqual({ id: 'customers', text: "How are your customers' needs changing?" });
    expect(form.questions[2]!.text).toBe('What would success look like: three years from now?');
    expect(form.questions[0]).toEqual({
      id: 'situation',
      text: 'How would you describe the current situation of the business?',
      hint: 'Let them talk for two minutes before following up.',
    });
    expect(sameFormContent(await parseForm(await formToYaml(form)), form)).toBe(true);
  });

  it('refuses duplicate ids and a form without questions, saying where', async () => {
    const dup = 'title: T\nquestions:\n  - id: a\n    text: One?\n  - id: a\n    text: Two?\n';
    await expect(parseForm(dup, 'f.yaml')).rejects.toThrow(/f\.yaml:5: question id "a" is used twice/);
    await expect(parseForm('title: T\nquestions: []\n', 'f.yaml')).rejects.toThrow(AppError);
    expect(() => checkFormContent({ title: 'T', questions: [] })).toThrow(
      /The form has no questions: add at least one/,
    );
    expect(() =>
      checkFormContent({
        title: 'T',
        questions: [
          { id: 'a', text: 'One?' },
          { id: 'a', text: 'Two?' },
        ],
      }),
    ).toThrow(/Question 2 has the id "a" of question 1/);
    expect(() => checkFormContent({ title: ' ', questions: [{ id: 'a', text: 'x' }] })).toThrow(
      /^Title needs text/,
    );
    expect(() => checkFormContent({ title: 'T', questions: [{ id: 'has space', text: 'x' }] })).toThrow(
      /slug/,
    );
  });

  it('makes ids for questions without one, and names a question without text as the page shows it', () => {
    const form = checkFormContent({
      title: 'Partner interviews',
      questions: [
        { text: 'What slows your team down?' },
        { id: '', text: ' How do you brief an analyst? ', hint: ' listen for templates ' },
        { id: 'team-down', text: 'Given' },
      ],
    });
    expect(form.questions).toEqual([
      { id: 'slows-team-down', text: 'What slows your team down?' },
      { id: 'brief-analyst', text: 'How do you brief an analyst?', hint: 'listen for templates' },
      { id: 'team-down', text: 'Given' },
    ]);
    let error: unknown;
    try {
      checkFormContent({ title: 'T', questions: [{ text: 'One?' }, { text: '  ' }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe('Question 2 needs text. Nothing was changed.');
    expect((error as AppError).details).toEqual({ field: 'questions[2].text' });
  });

  it('accepts what the YAML reader accepts and refuses only with FORM_INVALID', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 20 }),
        fc.array(
          fc.record({
            id: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), fc.string({ maxLength: 6 })),
            text: fc.string({ maxLength: 20 }),
            hint: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
          }),
          { maxLength: 6 },
        ),
        async (title, questions) => {
          let fromData: unknown;
          try {
            fromData = checkFormContent({ title, questions });
          } catch (e) {
            expect(e).toBeInstanceOf(AppError);
            expect((e as AppError).code).toBe('FORM_INVALID');
            return;
          }
          // Whatever the editor accepts survives the YAML round trip the deck reads.
          const back = await parseForm(await formToYaml(fromData as never));
          expect(sameFormContent(back, fromData as never)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
