// Public surface of the engine. The UI, the store, the CLI and the tests import from here.
export { ENGINE_VERSION, RUN_FORMAT } from "./version";
export * from "./types";
export * from "./decisions";
export { ScenarioSchema, type Scenario, type Objective, type ScenarioKeyword, type ScenarioSegment, type ScenarioSku } from "./scenario-schema";
export { parseScenario, scenarioContentHash, type ScenarioError } from "./scenario";
export { newGame } from "./state";
export { checkDecision, validateTurn, type TurnValidation } from "./validate";
export { step, type StepOutcome } from "./step";
export { runKpis, scoreRun, type ScoreResult, type ObjectiveResult } from "./scoring";
export {
  RunFileSchema,
  type RunFile,
  newRunFile,
  appendTurn,
  replayRun,
  parseRunFile,
  type ReplayResult,
} from "./run";
export { POLICIES, type PolicyName, type Policy } from "./policies";
export { designerHoursFor, reorderCostFen, estimateTitle } from "./levers";
export { canonicalJson, stateHash, GENESIS_HASH } from "./hash";
export { PRINCIPLES, type PrincipleCode, isPrincipleCode } from "./principles";
