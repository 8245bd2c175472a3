/**
 * The workspace's progress through the method: how many tasks sit at each of the six steps, each count a
 * link to the inventory showing only those tasks (`/inventory?stage=…`; the active step links back to all).
 */
import { Link } from '../../../app/router.tsx';
import { STAGE_LABEL, STAGE_ORDER } from '../../../app/steps.ts';
import { fmtNumber } from '../../../ui/format.ts';
import type { Stage } from '../../procedures/types.ts';

export const inventoryStagePath = (stage: Stage | null): string =>
  stage ? `/inventory?stage=${stage}` : '/inventory';

const HINT: Record<Stage, string> = {
  consolidated: 'On the inventory, not yet one standard way',
  homogenized: 'One standard procedure; its steps not yet exact',
  deconstructed: 'Exact steps; no waste cut yet',
  edited: 'Waste cut from the approved procedure',
  automated: 'Software does a step',
  outtasked: 'An out-tasker does a step',
};

export function StageFunnel({
  counts,
  active,
  scope,
}: {
  counts: Record<Stage, number>;
  active: Stage | null;
  /** Says what the counts cover when other filters narrow them, e.g. "of the filtered tasks". */
  scope?: string;
}) {
  const total = STAGE_ORDER.reduce((s, k) => s + counts[k], 0);
  return (
    <section className="stage-funnel" aria-labelledby="stage-funnel-title">
      <h2 id="stage-funnel-title" className="stage-funnel-title">
        Where the {fmtNumber(total)} {scope ? `${scope} ` : ''}
        {total === 1 ? 'task stands' : 'tasks stand'} in the method
      </h2>
      <ol className="stage-tiles">
        {STAGE_ORDER.map((stage, i) => {
          const n = counts[stage];
          const on = active === stage;
          const share = total ? n / total : 0;
          return (
            <li key={stage}>
              <Link
                to={inventoryStagePath(on ? null : stage)}
                className={`stage-tile stage-${i + 1}${n === 0 ? ' stage-tile-empty' : ''}`}
                aria-current={on ? 'true' : undefined}
                title={`${HINT[stage]}.${on ? ' Click again to show every task.' : ' Show only these tasks.'}`}
              >
                {/* The name a screen reader hears holds the words on the tile, in their order (WCAG 2.5.3). */}
                <span className="stage-num" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="visually-hidden">Step {i + 1}, </span>
                <span className="stage-tile-name">{STAGE_LABEL[stage]}</span>
                <span className="visually-hidden">: </span>
                <span className="stage-tile-count">{fmtNumber(n)}</span>
                <span className="visually-hidden">
                  {n === 1 ? ' task' : ' tasks'}
                  {on ? ' (shown; show every task)' : ''}
                </span>
                <span className="stage-tile-bar" aria-hidden="true">
                  <span style={{ width: `${n > 0 ? Math.max(share * 100, 3) : 0}%` }} />
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
