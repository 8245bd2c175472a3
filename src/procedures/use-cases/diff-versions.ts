/** What changed between two versions of one procedure: added, removed, changed, moved steps and minutes. */
import { AppError } from '../../platform/errors.ts';
import { diffVersions, type VersionDiff } from '../diff.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { requireVersion } from './lookups.ts';
import { summarize, type VersionSummary } from './summaries.ts';

export async function diffTwoVersions(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  fromId: string,
  toId: string,
): Promise<VersionDiff & { from: VersionSummary; to: VersionSummary }> {
  const a = await requireVersion(ctx, actor, fromId);
  const b = await requireVersion(ctx, actor, toId);
  if (a.procedure.id !== b.procedure.id) {
    throw new AppError(
      'VERSIONS_UNRELATED',
      `Versions ${fromId} and ${toId} belong to different procedures ("${a.task.name}", "${b.task.name}")`,
    );
  }
  return {
    ...diffVersions(a.version.steps, b.version.steps),
    from: summarize(a.version),
    to: summarize(b.version),
  };
}
