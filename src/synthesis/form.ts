/**
 * The interview form as a YAML file: what `outtask deck --form` reads and what procedures
 * import and export. Deliberately small:
 *
 * ```yaml
 * title: Executive interviews – Helios Energy operating model review
 * questions:
 *   - id: challenges                # a short slug: letters, digits, "-", "_" or "."; unique in the form
 *     text: What are the biggest challenges your division faces over the next two years?
 *   - id: ai-pace
 *     text: How do you feel about the pace of the AI roll-out?
 *     hint: Listen for "accelerate" versus "pause".   # optional note for the interviewer and the analysis
 * ```
 *
 * `title` and `questions` are required; each question needs `text`; `id` and `hint` are optional. A
 * question without an id gets one made from its words (`idFromText`), and a question may be written
 * as plain text (`- What keeps you up at night?`).
 * Values are trimmed; a numeric id (`id: 1`) is read as the text "1". Other keys are ignored.
 * Errors are AppError FORM_INVALID with "file:line" and what to change.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  stringify,
  type YAMLMap,
} from 'yaml';
import { AppError, formatLocation } from '../platform/errors.ts';
import { idsFor } from '../platform/slug.ts';
import type { FormQuestion, InterviewForm } from './types.ts';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_ID_LENGTH = 40;

const EXAMPLE =
  'title: My interviews\nquestions:\n  - id: challenges\n    text: What are your biggest challenges?';

function invalid(file: string | undefined, line: number | undefined, what: string, todo: string): AppError {
  const where = formatLocation({ file, line });
  return new AppError('FORM_INVALID', `${where ? `${where}: ` : ''}${what}. ${todo}`, { file, line });
}

/** Parses an interview form; FORM_INVALID (with file and line) when it is not one. */
export function parseFormYaml(text: string, file?: string): InterviewForm {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: Node | null | undefined): number | undefined =>
    node?.range ? lines.linePos(node.range[0]).line : undefined;

  const yamlError = doc.errors[0];
  if (yamlError) {
    // An error at the very end (an unclosed quote or bracket) is reported on the last line with text.
    const offset = Math.max(0, Math.min(yamlError.pos[0], text.trimEnd().length - 1));
    const line = lines.linePos(offset).line;
    throw invalid(
      file,
      line,
      `not valid YAML (${yamlError.message.split('\n')[0]})`,
      `Fix the YAML; a form looks like:\n${EXAMPLE}`,
    );
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    throw invalid(file, 1, 'the form is empty', `Write a title and the questions, like:\n${EXAMPLE}`);
  }
  if (!isMap(root)) {
    throw invalid(
      file,
      lineOf(root),
      'the form must be a mapping with "title" and "questions"',
      `For example:\n${EXAMPLE}`,
    );
  }

  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);
  const pairOf = (map: YAMLMap, key: string) =>
    map.items.find((p) => isScalar(p.key) && String(p.key.value).trim() === key);
  /** A scalar's text (numbers and booleans as written), '' when missing or null, undefined when not a scalar. */
  const textOf = (node: unknown): string | undefined => {
    const value = resolve(node);
    if (value === null || value === undefined) return '';
    if (!isScalar(value)) return undefined;
    if (value.value === null || value.value === undefined) return '';
    return String(value.value).trim();
  };

  const titlePair = pairOf(root, 'title');
  const title = titlePair ? textOf(titlePair.value) : '';
  if (title === undefined || title === '') {
    throw invalid(
      file,
      lineOf((titlePair?.value ?? titlePair?.key ?? root) as Node),
      title === undefined ? '"title" must be text' : 'the form has no title',
      'Add a line such as "title: Executive interviews – Q3 strategy review".',
    );
  }

  const questionsPair = pairOf(root, 'questions');
  const questionsNode = resolve(questionsPair?.value);
  if (!isSeq(questionsNode) || questionsNode.items.length === 0) {
    const keys = root.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '?')).join(', ');
    throw invalid(
      file,
      lineOf((questionsPair?.key ?? root) as Node),
      questionsPair
        ? '"questions" must be a list with at least one question'
        : `the form has no questions (found: ${keys})`,
      'List them under "questions:", each as "- id: <slug>" and "text: <the question>".',
    );
  }

  // Ids the form gives are kept; a question without one (or written as plain text) gets one made
  // from its words once all given ids are known, so a made id never takes a given one.
  const read: { id: string; text: string; hint: string }[] = [];
  const firstLine = new Map<string, number | undefined>();
  questionsNode.items.forEach((rawItem, index) => {
    const item = resolve(rawItem);
    const line = lineOf(rawItem as Node);
    const n = index + 1;
    const plain = textOf(item);
    if (plain !== undefined) {
      if (plain === '')
        throw invalid(file, line, `question ${n} is empty`, 'Write the question, or remove the dash.');
      read.push({ id: '', text: plain, hint: '' });
      return;
    }
    if (!isMap(item)) {
      throw invalid(
        file,
        line,
        `question ${n} is neither text nor a mapping with "text"`,
        'Write it as "- <the question>", or as "- text: <the question>" with an optional "id:" and "hint:".',
      );
    }
    const idPair = pairOf(item, 'id');
    const id = idPair ? textOf(idPair.value) : '';
    const idLine = lineOf((idPair?.value ?? idPair?.key ?? item) as Node) ?? line;
    if (id === undefined) {
      throw invalid(
        file,
        idLine,
        `the id of question ${n} must be text`,
        'Give it a short slug such as "id: challenges", or leave "id" out to have one made.',
      );
    }
    if (id !== '' && (id.length > MAX_ID_LENGTH || !ID_PATTERN.test(id))) {
      throw invalid(
        file,
        idLine,
        `question id "${id.slice(0, 60)}" is not a short slug`,
        `Use up to ${MAX_ID_LENGTH} letters, digits, "-", "_" or ".", starting with a letter or digit (e.g. "ai-pace"), or leave "id" out to have one made.`,
      );
    }
    const textPair = pairOf(item, 'text');
    const questionText = textPair ? textOf(textPair.value) : '';
    if (questionText === undefined || questionText === '') {
      throw invalid(
        file,
        lineOf((textPair?.value ?? textPair?.key ?? item) as Node) ?? line,
        id ? `question "${id}" has no text` : `question ${n} has no text`,
        'Add "text: <the question as the interviewer asks it>".',
      );
    }
    if (id !== '' && firstLine.has(id)) {
      const before = firstLine.get(id);
      throw invalid(
        file,
        idLine,
        `question id "${id}" is used twice (lines ${before ?? '?'} and ${idLine ?? '?'})`,
        'Give each question its own id.',
      );
    }
    if (id !== '') firstLine.set(id, idLine);
    const hintPair = pairOf(item, 'hint');
    const hint = hintPair ? textOf(hintPair.value) : '';
    if (hint === undefined) {
      throw invalid(
        file,
        lineOf(hintPair!.value as Node),
        `the hint of question ${id ? `"${id}"` : n} must be text`,
        'Write the hint as one line of text.',
      );
    }
    read.push({ id, text: questionText, hint });
  });
  const questions = withQuestionIds(read);
  return { title, questions };
}

/**
 * The questions with an id each: the ones given are kept, the others get one made from their words
 * (unique in the form, the same for the same text), so a form written without ids reads the same
 * each time and its ids never change when another question is added after it.
 */
export function withQuestionIds(
  questions: readonly { id?: string | undefined; text: string; hint?: string | undefined }[],
): FormQuestion[] {
  const ids = idsFor(questions, { max: MAX_ID_LENGTH, fallback: 'question' });
  return questions.map((q, i) => {
    const id = ids[i]!;
    return q.hint ? { id, text: q.text, hint: q.hint } : { id, text: q.text };
  });
}

/** The form as YAML that parseFormYaml reads back to an equal form. */
export function formToYaml(form: InterviewForm): string {
  const plain = {
    title: form.title,
    questions: form.questions.map((q) =>
      q.hint ? { id: q.id, text: q.text, hint: q.hint } : { id: q.id, text: q.text },
    ),
  };
  // lineWidth 0: one question per line, as people write them; strings are quoted where YAML needs it.
  return stringify(plain, { lineWidth: 0 });
}
