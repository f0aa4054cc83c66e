// Validation and application of decisions. A decision is first checked for shape (zod), then
// against the state it would change. Errors carry an i18n key for the UI and an English message
// for the CLI and logs; they never throw.
import { clonePlain } from "./clone";
import { Decision, type DecisionError, LEVER_OF } from "./decisions";
import { playedScenario } from "./difficulty";
import { designerHoursFor, reorderCostFen, unitCostFor } from "./levers";
import { TITLE_MAX_CHARS } from "./model";
import type { Scenario } from "./scenario-schema";
import { applySetPrivateDomain, checkSetPrivateDomain } from "./sim/customers";
import { applyLifecycleDecision, checkLifecycleDecision } from "./sim/lifecycle";
import { applyFeedback, applySetService, checkFeedback, checkSetService } from "./sim/operations";
import { estimateTitleFromPool } from "./systems/listing";
import { applyMarketingDecision, checkMarketingDecision } from "./systems/marketing";
import { applyCommerceDecision, checkCommerceDecision } from "./systems/promotions";
import { applyTeamChange, checkTeamChange } from "./systems/team";
import type { GameState } from "./types";

function err(key: string, params: Record<string, string | number>, message: string): DecisionError {
  return { key, params, message };
}

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/** Parses and checks one decision against `state`. Returns the typed decision or an error. */
export function parseDecision(
  scenario: Scenario,
  state: GameState,
  raw: unknown,
): { ok: true; decision: Decision } | { ok: false; error: DecisionError } {
  scenario = playedScenario(scenario, state); // easy/hard: the market as played (difficulty.ts)
  const parsed = Decision.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue && issue.path.length > 0 ? issue.path.join(".") : "(decision)";
    const reason = issue?.message ?? "invalid";
    return { ok: false, error: err("err.shape", { path, reason }, `malformed decision at ${path}: ${reason}`) };
  }
  const error = checkParsed(scenario, state, parsed.data);
  return error ? { ok: false, error } : { ok: true, decision: parsed.data };
}

/** Null if the decision can be applied to `state`, else why not. */
export function checkDecision(scenario: Scenario, state: GameState, raw: unknown): DecisionError | null {
  const r = parseDecision(scenario, state, raw);
  return r.ok ? null : r.error;
}

function checkParsed(scenario: Scenario, state: GameState, d: Decision): DecisionError | null {
  if (state.status !== "playing") {
    return err("err.gameOver", { status: state.status }, `the game is over (${state.status}); no more decisions`);
  }
  const lever = LEVER_OF[d.type];
  if (!scenario.levers.includes(lever)) {
    return err("err.locked", { lever }, `the ${lever} lever is locked in this scenario`);
  }
  if ("sku" in d && !state.skus.some((s) => s.id === d.sku)) {
    return err("err.unknownSku", { sku: d.sku }, `unknown SKU "${d.sku}"`);
  }
  switch (d.type) {
    case "setTitle": {
      const seen = new Set<string>();
      for (const k of d.keywords) {
        if (!scenario.market.keywords.some((kw) => kw.id === k)) {
          return err("err.unknownKeyword", { keyword: k }, `unknown keyword "${k}"`);
        }
        if (seen.has(k))
          return err("err.duplicateKeyword", { keyword: k }, `keyword "${k}" appears twice in the title`);
        seen.add(k);
      }
      const est = estimateTitleFromPool(scenario.market.keywords, d.keywords);
      if (est.chars > TITLE_MAX_CHARS) {
        return err(
          "err.titleTooLong",
          { chars: est.chars, max: TITLE_MAX_CHARS },
          `title is ${est.chars} characters; the platform allows ${TITLE_MAX_CHARS}`,
        );
      }
      break;
    }
    case "setDetail": {
      const seen = new Set<string>();
      for (const s of d.sections) {
        if (seen.has(s)) return err("err.duplicateSection", { section: s }, `section "${s}" appears twice`);
        seen.add(s);
      }
      break;
    }
    case "reorder": {
      const sku = scenario.skus.find((s) => s.id === d.sku);
      const min = sku?.supplier.minOrder ?? 1;
      if (d.qty < min) return err("err.minOrder", { min, qty: d.qty }, `the supplier's minimum order is ${min} units`);
      const cost = reorderCostFen(scenario, d.sku, d.qty);
      if (cost > state.cashFen) {
        return err(
          "err.cash",
          { needFen: cost, haveFen: state.cashFen },
          `the order costs ${yuan(cost)} but the shop has ${yuan(state.cashFen)}`,
        );
      }
      break;
    }
    case "setAds": {
      if (d.target !== "broad" && !scenario.market.segments.some((s) => s.id === d.target)) {
        return err("err.unknownTarget", { target: d.target }, `unknown ad target "${d.target}"`);
      }
      const weekly = d.dailyBudgetFen * 7;
      if (weekly > state.cashFen) {
        return err(
          "err.adsCash",
          { needFen: weekly, haveFen: state.cashFen },
          `a week of this budget costs ${yuan(weekly)} but the shop has ${yuan(state.cashFen)}`,
        );
      }
      break;
    }
    case "setPrivateDomain": {
      const e = checkSetPrivateDomain(scenario, d, err);
      if (e) return e;
      break;
    }
    case "clearance":
    case "upgrade":
    case "delist":
    case "launch": {
      const e = checkLifecycleDecision(scenario, state, d, err);
      if (e) return e;
      break;
    }
    case "setSearchAds":
    case "hireKol":
    case "setContent":
    case "setCommunity": {
      const e = checkMarketingDecision(scenario, state, d); // P2.1a–c, P2.2a–c
      if (e) return e;
      break;
    }
    case "setService": {
      const e = checkSetService(scenario); // P1.3a–b
      if (e) return e;
      break;
    }
    case "hire":
    case "fire": {
      const e = checkTeamChange(scenario, state, d.type, d.role); // PX.c
      if (e) return e;
      break;
    }
    case "actOnFeedback": {
      const e = checkFeedback(scenario, state, d.topic); // P1.3c, PX.a
      if (e) return e;
      break;
    }
    case "setFullReduction":
    case "setCoupon":
    case "setFlashSale":
    case "setGroupBuy":
    case "setGift":
    case "endPromotion": {
      const e = checkCommerceDecision(scenario, state, d); // P1.2g
      if (e) return e;
      break;
    }
    default:
      break;
  }
  const hours = designerHoursFor(scenario, state, d);
  if (hours > state.designerHoursLeft) {
    return err(
      "err.hours",
      { need: hours, left: state.designerHoursLeft },
      `this needs ${hours} designer hours; ${state.designerHoursLeft} are left this week`,
    );
  }
  return null;
}

/** Applies a checked decision to `state` in place (callers pass a copy). */
export function applyDecision(scenario: Scenario, state: GameState, d: Decision): void {
  scenario = playedScenario(scenario, state); // e.g. the supplier lead time on easy/hard
  state.designerHoursLeft -= designerHoursFor(scenario, state, d);
  switch (d.type) {
    case "setStore": {
      const { type: _t, ...fields } = d;
      for (const [k, v] of Object.entries(fields)) {
        if (v !== undefined) (state.store as unknown as Record<string, unknown>)[k] = v;
      }
      return;
    }
    case "setAds":
      state.ads = { dailyBudgetFen: d.dailyBudgetFen, target: d.target, sku: d.sku };
      return;
    case "setSearchAds":
    case "hireKol":
    case "setContent":
    case "setCommunity":
      applyMarketingDecision(state, d);
      return;
    case "setFullReduction":
    case "setCoupon":
    case "setFlashSale":
    case "setGroupBuy":
    case "setGift":
    case "endPromotion":
      applyCommerceDecision(state, d); // P1.2g
      return;
    case "setPrivateDomain":
      applySetPrivateDomain(state, d);
      return;
    case "clearance":
    case "upgrade":
    case "delist":
    case "launch":
      applyLifecycleDecision(scenario, state, d);
      return;
    case "setService": {
      const { type: _t, ...fields } = d;
      applySetService(state, fields);
      return;
    }
    case "hire":
    case "fire":
      applyTeamChange(state, d.type, d.role);
      return;
    case "actOnFeedback":
      applyFeedback(state, d.topic);
      return;
    default:
      break;
  }
  const sku = state.skus.find((s) => s.id === d.sku);
  if (!sku) return;
  switch (d.type) {
    case "setTitle":
      sku.title = [...d.keywords];
      return;
    case "setImage":
      sku.image = d.style;
      return;
    case "setDetail":
      sku.detail = [...d.sections];
      return;
    case "setPrice":
      sku.priceFen = d.priceFen;
      return;
    case "reorder": {
      const unit = unitCostFor(scenario, d.sku, d.qty);
      const cost = unit * d.qty;
      const lead = scenario.skus.find((s) => s.id === d.sku)?.supplier.leadDays ?? 0;
      sku.pipeline.push({ arriveDay: state.week * 7 + lead, qty: d.qty, unitCostFen: unit });
      state.cashFen -= cost;
      state.ledger.inventory = (state.ledger.inventory ?? 0) - cost;
      return;
    }
  }
}

export type TurnValidation =
  | { ok: true; decisions: Decision[]; draft: GameState }
  | { ok: false; errors: { index: number; error: DecisionError }[] };

/**
 * Checks a whole turn in order (each decision sees the effects of the ones before it, so two
 * orders cannot together spend more cash than the shop has). `draft` is the state with all applied.
 */
export function validateTurn(scenario: Scenario, state: GameState, decisions: readonly unknown[]): TurnValidation {
  const draft = clonePlain(state);
  const ok: Decision[] = [];
  const errors: { index: number; error: DecisionError }[] = [];
  // A caller outside TypeScript (a hand-written bot, a JSON file) may hand over anything.
  if (!Array.isArray(decisions)) {
    const reason = "a turn's decisions must be a list (JSON array)";
    const error = err("err.shape", { path: "turn", reason }, `malformed turn: ${reason}`);
    return { ok: false, errors: [{ index: 0, error }] };
  }
  decisions.forEach((raw, index) => {
    const r = parseDecision(scenario, draft, raw);
    if (!r.ok) {
      errors.push({ index, error: r.error });
      return;
    }
    applyDecision(scenario, draft, r.decision);
    ok.push(r.decision);
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, decisions: ok, draft };
}
