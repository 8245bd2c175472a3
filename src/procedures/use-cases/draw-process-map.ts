/** A version's process map as SVG, with the file name a download gets. */
import { renderProcessMap } from '../process-map.ts';
import type { ProceduresActor, ProceduresContext } from './context.ts';
import { requireVersion } from './lookups.ts';
import { fileSlug } from './summaries.ts';

export async function drawProcessMap(
  ctx: ProceduresContext,
  actor: ProceduresActor,
  versionId: string,
): Promise<{ svg: string; fileName: string }> {
  const { version, task } = await requireVersion(ctx, actor, versionId);
  const svg = renderProcessMap({
    title: task.name,
    subtitle: `Version ${version.number} (${version.status})${version.approvedAt ? `, approved ${version.approvedAt.slice(0, 10)}` : ''}`,
    steps: version.steps,
  });
  return { svg, fileName: `${fileSlug(task.name)}-v${version.number}-map.svg` };
}
