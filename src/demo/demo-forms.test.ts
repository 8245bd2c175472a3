import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { executiveInterview } from '../../bench/corpus/specs/executive-interview.ts';
import { parseFormYaml } from '../synthesis/form.ts';
import { DEMO_FORM_YAML_V2 } from './demo-forms.ts';

describe('the executive-interview form', () => {
  it('is one source: the shipped form.yaml is the demo’s form, interviewer hints included', () => {
    // The app builds the sample deck on the demo's form, `outtask deck` on form.yaml: with the same
    // questions and hints both build the same deck (the hints weigh in the alignment).
    const shipped = readFileSync(
      new URL('../../examples/executive-interviews/form.yaml', import.meta.url),
      'utf8',
    );
    expect(shipped).toBe(DEMO_FORM_YAML_V2);
    const form = parseFormYaml(shipped);
    expect(form.questions.filter((q) => q.hint).map((q) => q.id)).toEqual([
      'situation',
      'priorities',
      'technology',
    ]);
    // And the sample interviews were generated on its questions.
    expect(form.questions.map((q) => [q.id, q.text])).toEqual(
      executiveInterview.form.questions.map((q) => [q.id, q.text]),
    );
  });
});
