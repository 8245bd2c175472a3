/** Saves a draft's whole step list (the editor's save): listed keys keep their step's identity. */
import type { WriteCondition } from '../../platform/versioning.ts';
import type { StepsInputT } from '../procedures.schemas.ts';
import type { ProcedureVersion } from '../procedures.ts';
import { materialize } from './check-steps.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { editDraft } from './edit-draft.ts';

export function replaceSteps(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  versionId: string,
  input: StepsInputT,
  condition: WriteCondition = {},
): Promise<ProcedureVersion> {
  return editDraft(
    ctx,
    actor,
    versionId,
    'procedure.steps.save',
    (current) => {
      const known = new Map(current.map((s) => [s.key, s]));
      const used = new Set<string>();
      return input.steps.map(({ key, ...s }) => {
        const prev = key && !used.has(key) ? known.get(key) : undefined;
        if (prev) used.add(prev.key);
        return prev
          ? { ...prev, ...s, id: prev.id, key: prev.key }
          : materialize(ctx.deps, { ...s, waste: s.waste });
      });
    },
    condition,
  );
}
