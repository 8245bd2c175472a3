/**
 * Standard forms (above all the executive-interview form). The YAML format is the one
 * `outtask deck --form` reads: the synthesis library parses and writes it, so one reader drives
 * both the interviews and their synthesis. Pure.
 */
import { AppError } from '../platform/errors.ts';
import { idsFor } from '../platform/slug.ts';
import type { FormContent } from './procedures.ts';

/**
 * The synthesis library, through its public surface, loaded when a form is first read or written:
 * loaded with the server it would add ~3 s and ~40 MB to every start (measured with tsx), for the
 * few requests that touch a form's YAML.
 */
const synthesis = () => import('../synthesis/index.ts');

/** Parses YAML text into a form; FORM_INVALID with file and line when it is not one. */
export async function parseForm(text: string, file?: string): Promise<FormContent> {
  return (await synthesis()).parseFormYaml(text, file);
}

/** The form as the YAML `outtask deck --form` reads. */
export async function formToYaml(form: FormContent): Promise<string> {
  return (await synthesis()).formToYaml(form);
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/**
 * Checks a form that arrives as data (the web editor) by the same rules as the YAML reader; a question
 * without an id gets one made from its words, as the reader does. Errors name the field as the page
 * shows it ("Question 2 needs text") and carry its path (`questions[2].text`) so the page can put the
 * message beside it. Returns the form trimmed.
 */
export function checkFormContent(input: {
  title: string;
  questions: readonly { id?: string | undefined; text: string; hint?: string | undefined }[];
}): FormContent {
  const fail = (field: string, message: string) =>
    new AppError('FORM_INVALID', `${message}. Nothing was changed.`, { field });
  const title = input.title.trim();
  if (!title) throw fail('title', 'Title needs text');
  if (input.questions.length === 0) throw fail('questions', 'The form has no questions: add at least one');
  const seen = new Map<string, number>();
  const trimmed = input.questions.map((q, i) => {
    const n = i + 1;
    const id = (q.id ?? '').trim();
    const text = q.text.trim();
    const hint = q.hint?.trim();
    if (id && !ID_PATTERN.test(id)) {
      throw fail(
        `questions[${n}].id`,
        `Question ${n}: its id "${id.slice(0, 60)}" is not a short slug (up to 40 letters, digits, "-", "_" or "."); leave it empty to have one made`,
      );
    }
    if (id && seen.has(id)) {
      throw fail(`questions[${n}].id`, `Question ${n} has the id "${id}" of question ${seen.get(id)}`);
    }
    if (id) seen.set(id, n);
    if (!text) throw fail(`questions[${n}].text`, `Question ${n} needs text`);
    return { id, text, hint };
  });
  const ids = idsFor(trimmed, { max: 40, fallback: 'question' });
  const questions = trimmed.map(({ text, hint }, i) =>
    hint ? { id: ids[i]!, text, hint } : { id: ids[i]!, text },
  );
  return { title, questions };
}

export function sameFormContent(a: FormContent, b: FormContent): boolean {
  return (
    a.title === b.title &&
    a.questions.length === b.questions.length &&
    a.questions.every((q, i) => {
      const o = b.questions[i]!;
      return q.id === o.id && q.text === o.text && (q.hint ?? '') === (o.hint ?? '');
    })
  );
}

/** A form name from its title or file name: what `outtask forms export FORM` can refer to. */
export function formNameFrom(title: string): string {
  return title.trim().replace(/\s+/g, ' ').slice(0, 120);
}
