/**
 * Standard forms (above all the executive-interview form). The YAML format is the one
 * `outtask deck --form` reads: the synthesis library parses and writes it, so one reader drives
 * both the interviews and their synthesis. Pure.
 */
import { AppError } from '../platform/errors.ts';
import type { FormContent, FormQuestion } from './procedures.ts';

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
 * Checks a form that arrives as data (the web editor) by the same rules as the YAML reader, naming
 * the field at fault. Returns it trimmed.
 */
export function checkFormContent(input: { title: string; questions: readonly FormQuestion[] }): FormContent {
  const fail = (field: string, message: string) =>
    new AppError('FORM_INVALID', `${field}: ${message}. Nothing was changed.`, { field });
  const title = input.title.trim();
  if (!title) throw fail('title', 'the form has no title');
  if (input.questions.length === 0) throw fail('questions', 'the form has no questions; add at least one');
  const seen = new Map<string, number>();
  const questions = input.questions.map((q, i) => {
    const id = q.id.trim();
    const text = q.text.trim();
    const hint = q.hint?.trim();
    if (!id) throw fail(`questions[${i + 1}].id`, `question ${i + 1} has no id`);
    if (!ID_PATTERN.test(id)) {
      throw fail(
        `questions[${i + 1}].id`,
        `"${id.slice(0, 60)}" is not a short slug (up to 40 letters, digits, "-", "_" or ".")`,
      );
    }
    if (seen.has(id)) {
      throw fail(
        `questions[${i + 1}].id`,
        `question id "${id}" is used twice (questions ${seen.get(id)} and ${i + 1})`,
      );
    }
    seen.set(id, i + 1);
    if (!text) throw fail(`questions[${i + 1}].text`, `question "${id}" has no text`);
    return hint ? { id, text, hint } : { id, text };
  });
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
