/** Records a person's way of doing a task (step 2): its steps checked, stored and audited. */
import { nowIso } from '../../platform/deps.ts';
import type { VariantInputT } from '../procedures.schemas.ts';
import { proceduresStore as store } from '../procedures.store.ts';
import { checkVariantStep, describeStep, type Variant } from '../procedures.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { personOf } from './person-of.ts';

export async function createVariant(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  taskRef: string,
  input: VariantInputT,
): Promise<Variant> {
  const task = await ctx.inventory.resolveTask(actor, taskRef);
  const person = await personOf(ctx, actor, input.memberId, input.personName);
  const steps = input.steps.map((s, i) => checkVariantStep(s, describeStep(i, s.name)));
  const now = nowIso(ctx.deps);
  const v: Variant = {
    id: ctx.deps.newId(),
    taskId: task.id,
    ...person,
    label: input.label.trim(),
    notes: input.notes.trim(),
    steps,
    status: 'active',
    retiredAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await store.insertVariant(trx, actor.workspace.id, v);
    await ctx.audit(trx, actor, 'variant.create', 'variant', v.id, { task: task.id });
  });
  return v;
}
