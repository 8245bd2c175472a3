/** Economics of the task inventory: pure calculations, each figure with its explanation. */
export { fmtMoney } from './format.ts';
export {
  type BreakEven,
  type Cheaper,
  type ComparisonContext,
  compareOutTaskVsOutsource,
  DEFAULT_SCENARIOS,
  type OutsourceOption,
  type OutsourcingOffer,
  type OutTaskOption,
  type OutTaskVsOutsource,
  outsourcingCheaperIntervals,
  type ScenarioComparison,
  type VolumeInterval,
  type VolumeScenario,
} from './outsource.ts';
export {
  compareOpportunities,
  DEFAULT_TOP_N,
  type MeasurementsByTask,
  type Opportunity,
  type OpportunityGroup,
  type OpportunityRanking,
  type OpportunityTotals,
  RANKING_ORDER_TEXT,
  rankOpportunities,
} from './ranking.ts';
export {
  CONFIDENTIALITY_SUBSCORES,
  type OutTaskabilityScore,
  outTaskabilityScore,
  SCORE_FACTOR_KEYS,
  SCORE_FACTOR_LABELS,
  SCORE_WEIGHTS,
  type ScoreFactor,
  type ScoreFactorKey,
  type ScoreInputs,
  SKILL_SUBSCORES,
  scoreFromInputs,
} from './score.ts';
export {
  DEFAULT_ECONOMICS_SETTINGS,
  type EconomicsSettings,
  resolveEconomicsSettings,
} from './settings.ts';
export {
  type CostFigure,
  type HoursFreed,
  type InHouseCost,
  type InHouseEstimate,
  type InHouseMeasured,
  type MeasuredLine,
  type MemberLookup,
  type OutTaskedCost,
  type ReviewCost,
  type StandardCost,
  type TaskEconomics,
  taskEconomics,
} from './task-economics.ts';
