/**
 * Ways of working, standard procedures and forms. Inputs come out of the same zod schemas the
 * HTTP edge applies, so a factory input is exactly what a use case receives from a request.
 */
import type { z } from 'zod';
import type { AppServices } from '../../src/main.ts';
import {
  type ProcedureVersion,
  StepInput,
  type StepInputT,
  type Variant,
  VariantInput,
  type VariantInputT,
  type VariantStep,
} from '../../src/procedures/index.ts';
import type { FactoryActor } from './accounts.ts';
import { uniqueName } from './ids.ts';

/** A step of a way of working as someone describes it. */
export function aVariantStep(
  name: string,
  minutes: number,
  outputs: string[] = [],
  over: Partial<VariantStep> = {},
): VariantStep {
  return { name, minutes, tool: '', inputs: [], outputs, ...over };
}

/** Someone's way of doing a task; by default a person known by name, with one step. */
export function aVariantInput(over: Partial<z.input<typeof VariantInput>> = {}): VariantInputT {
  return VariantInput.parse({
    personName: uniqueName('Person'),
    steps: [aVariantStep('Do the work', 60, ['Work done'])],
    ...over,
  });
}

/** A step of a standard procedure; by default done by an automation in 30 minutes. */
export function aStepInput(over: Partial<z.input<typeof StepInput>> = {}): StepInputT {
  return StepInput.parse({
    name: uniqueName('Step'),
    performer: { kind: 'automation', name: 'Automation' },
    minutes: 30,
    ...over,
  });
}

/** A form in the YAML `outtask deck --form` reads. */
export function aFormYaml(
  form: { title?: string; questions?: { id: string; text: string; hint?: string }[] } = {},
): string {
  const questions = form.questions ?? [
    { id: 'priorities', text: 'What matters most this year?' },
    { id: 'obstacles', text: 'What gets in the way?', hint: 'Ask for an example.' },
  ];
  const lines = [`title: ${JSON.stringify(form.title ?? 'Interview form')}`, 'questions:'];
  for (const q of questions) {
    lines.push(`  - id: ${q.id}`, `    text: ${JSON.stringify(q.text)}`);
    if (q.hint !== undefined) lines.push(`    hint: ${JSON.stringify(q.hint)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Records the ways of working and merges them all into the task's standard procedure (version 1),
 * approved unless told otherwise.
 */
export async function aStandardProcedure(
  app: Pick<AppServices, 'procedures'>,
  actor: FactoryActor,
  taskRef: string,
  opts: { variants?: VariantInputT[]; approve?: boolean } = {},
): Promise<{ variants: Variant[]; version: ProcedureVersion }> {
  const inputs = opts.variants ?? [aVariantInput(), aVariantInput()];
  const variants: Variant[] = [];
  for (const input of inputs) variants.push(await app.procedures.createVariant(actor, taskRef, input));
  let version = await app.procedures.createStandard(actor, taskRef, {
    variantIds: variants.map((v) => v.id),
  });
  if (opts.approve !== false) version = await app.procedures.approve(actor, version.id);
  return { variants, version };
}
