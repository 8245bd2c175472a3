/** Where a task stands in the six steps: six dots, the reached ones filled, and the step's name. */
import { STAGE_LABEL, STAGE_ORDER, type Stage } from './types.ts';

export function StageBadge({ stage }: { stage: Stage }) {
  const reached = STAGE_ORDER.indexOf(stage);
  return (
    <span className="pr-stage-badge" title={`Step ${reached + 1} of 6 reached`}>
      <span className="pr-stage-dots" aria-hidden="true">
        {STAGE_ORDER.map((s, i) => (
          <i key={s} className={i <= reached ? 'on' : ''} />
        ))}
      </span>
      {STAGE_LABEL[stage]}
    </span>
  );
}
