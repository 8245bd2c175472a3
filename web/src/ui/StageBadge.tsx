/**
 * Where a task stands in the six steps: the step's number in a disc and its name, colored by step
 * (the same colors as the inventory's progress tiles, so one reads as the other's legend).
 */

import { STAGE_LABEL, STAGE_ORDER } from '../app/steps.ts';
import type { Stage } from '../features/procedures/types.ts';
import './StageBadge.css';

export function StageBadge({ stage }: { stage: Stage }) {
  const step = STAGE_ORDER.indexOf(stage) + 1;
  return (
    <span className={`stage-badge stage-${step}`} title={`Step ${step} of 6 reached: ${STAGE_LABEL[stage]}`}>
      <span className="stage-num" aria-hidden="true">
        {step}
      </span>
      <span className="stage-name">{STAGE_LABEL[stage]}</span>
    </span>
  );
}
