// Public surface of the engine. The UI, the store, the CLI and the tests import from here.

export {
  asPlayed,
  byDecisionValue,
  type Counterfactual,
  type DecisionRef,
  type DecisionValue,
  type DroppedDecision,
  decisionRefs,
  decisionValue,
  decisionValues,
  type MarketCheck,
  otherMarketSeeds,
  replayWithout,
  turnStarts,
  WHATIF_DEFAULTS,
  type WhatIfEvent,
  type WhatIfOptions,
  whatIf,
} from "./counterfactual";
export * from "./decisions";
export {
  baseScenario,
  DIFFICULTIES,
  DIFFICULTY,
  type Difficulty,
  type DifficultyKnobs,
  difficultyOf,
  isDifficulty,
  playedScenario,
  scenarioAt,
  scenarioDifficulty,
} from "./difficulty";
export {
  type Driver,
  type DriverKind,
  decidedCauses,
  EXPLAIN_KPIS,
  type ExplainKpi,
  explainRun,
  explainWeek,
  type KpiChange,
  roundToTotal,
  SALES_LINES,
  type WeekExplanation,
} from "./explain";
export { canonicalJson, GENESIS_HASH, type Sha256Hex, sha256Hex, stateHash } from "./hash";
export {
  INCOME_LINE_CODE,
  INCOME_LINES,
  type IncomeLine,
  type IncomeStatement,
  runIncome,
  weekIncome,
} from "./income";
export { designerHoursFor, estimateTitle, reorderCostFen } from "./levers";
export { POLICIES, type Policy, type PolicyName } from "./policies";
export { isPrincipleCode, PRINCIPLES, type PrincipleCode } from "./principles";
export {
  appendTurn,
  newRunFile,
  parseRunFile,
  type ReplayOptions,
  type ReplayResult,
  type RunFile,
  RunFileSchema,
  type RunMeta,
  replayRun,
  runDifficulty,
} from "./run";
export { parseScenario, type ScenarioError, scenarioContentHash } from "./scenario";
export {
  type Objective,
  type Scenario,
  type ScenarioKeyword,
  ScenarioSchema,
  type ScenarioSegment,
  type ScenarioSku,
} from "./scenario-schema";
export {
  type ContractKpis,
  contractKpis,
  type ObjectiveResult,
  runKpis,
  type ScoreResult,
  scoreRun,
} from "./scoring";
export {
  type CommerceWeekReport,
  estimatePromotion,
  type PromotionEstimate,
} from "./sim/commerce"; // P1.2g: the promotion panel's estimate
export { newGame } from "./state";
export { type StepOutcome, step } from "./step";
export { type CalendarDay, calendarDay, competitorPriceFen } from "./systems/market";
export { type CommerceState, PROMOTION_KINDS, type PromotionKind } from "./systems/promotions";
export * from "./types";
export { checkDecision, type TurnValidation, validateTurn } from "./validate";
export { ENGINE_VERSION, RUN_FORMAT } from "./version";
