// Difficulty (easy | standard | hard): an input of the game like the seed. It changes the market a
// scenario describes, through one table of multipliers (DIFFICULTY) applied once to the scenario
// (`scenarioAt`), so every system that reads a parameter reads the played value; the daily demand
// noise (a model constant, not a scenario field) is scaled in step.ts. "standard" is the scenario as
// written: `scenarioAt(sc, "standard")` returns `sc` itself and `newGame` leaves `state.difficulty`
// out, so standard states hash exactly as before difficulty existed. Easy and hard put the field in
// the state, hence into every state hash of the chain. docs/SCENARIOS.md "Difficulty", docs/MODEL.md.
import { ADDRESS_ERROR_RATE, CUSTOMER_DROPOUT, CUSTOMER_REVISIT_DAILY, PRESALE_INQUIRY_SHARE } from "./model";
import type { Scenario } from "./scenario-schema";

export const DIFFICULTIES = ["easy", "standard", "hard"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export function isDifficulty(x: unknown): x is Difficulty {
  return typeof x === "string" && (DIFFICULTIES as readonly string[]).includes(x);
}

/** What a difficulty changes: multipliers on the scenario's market (1 = as written). KNOB (game values). */
export interface DifficultyKnobs {
  /** Starting cash (start.cashFen). */
  startCash: number;
  /** Market size: daily searches of every keyword and home visitors per day. */
  demand: number;
  /** Day-to-day demand volatility: the sd of the daily demand multiplier (model DAILY_DEMAND_SD). */
  demandNoise: number;
  /** Strength of the competing listings per keyword (keyword competition, capped at 1). */
  competition: number;
  /** Competitors' price aggressiveness: share of the shop's cut they match (capped at 1) … */
  competitorReaction: number;
  /** … and the smallest cut they notice (a lower tolerance reacts to smaller cuts). */
  competitorTolerance: number;
  /** Paid traffic prices: info-flow CPM, search-ad reserve price and competitors' bids. */
  adCost: number;
  /** Supplier lead times (days, rounded to the nearest day). */
  leadTime: number;
  /** Where operations are modelled: pre-sale inquiry share and wrong-address rate (capped at 1). */
  serviceLoad: number;
  /** Where the customer base is modelled: how often past buyers come back (weekly revisit share, capped at 1) … */
  revisit: number;
  /** … and the chance a buyer drops out after a purchase (capped at 1). */
  dropout: number;
}

export const DIFFICULTY: Record<Difficulty, DifficultyKnobs> = {
  easy: {
    startCash: 1.25,
    demand: 1.05,
    demandNoise: 1,
    competition: 0.94,
    competitorReaction: 0.5,
    competitorTolerance: 1.5,
    adCost: 0.85,
    leadTime: 0.5,
    serviceLoad: 0.5,
    revisit: 1.1,
    dropout: 0.9,
  },
  standard: {
    startCash: 1,
    demand: 1,
    demandNoise: 1,
    competition: 1,
    competitorReaction: 1,
    competitorTolerance: 1,
    adCost: 1,
    leadTime: 1,
    serviceLoad: 1,
    revisit: 1,
    dropout: 1,
  },
  hard: {
    startCash: 0.85,
    demand: 0.95,
    demandNoise: 1.5,
    competition: 1.06,
    competitorReaction: 1.5,
    competitorTolerance: 0.5,
    adCost: 1.2,
    leadTime: 1.5,
    serviceLoad: 2,
    revisit: 0.93,
    dropout: 1.08,
  },
};

/** The difficulty a state is played on (absent = standard). */
export function difficultyOf(state: { difficulty?: Difficulty }): Difficulty {
  return state.difficulty ?? "standard";
}

const fenTimes = (fen: number, m: number) => Math.max(1, Math.round(fen * m));
const countTimes = (n: number, m: number) => (n === 0 ? 0 : Math.max(1, Math.round(n * m)));

function derive(base: Scenario, d: Difficulty): Scenario {
  const k = DIFFICULTY[d];
  const m = base.market;
  const cp = m.competitorPricing;
  const sa = m.searchAds;
  const ops = m.ops;
  const cu = m.customers;
  return {
    ...base,
    start: { ...base.start, cashFen: Math.round(base.start.cashFen * k.startCash) },
    market: {
      ...m,
      keywords: m.keywords.map((kw) => ({
        ...kw,
        dailySearches: countTimes(kw.dailySearches, k.demand),
        competition: Math.min(1, kw.competition * k.competition),
      })),
      homeVisitorsPerDay: m.homeVisitorsPerDay * k.demand,
      adCpmFen: fenTimes(m.adCpmFen, k.adCost),
      ...(cp
        ? {
            competitorPricing: {
              ...cp,
              reaction: Math.min(1, cp.reaction * k.competitorReaction),
              tolerance: Math.min(0.5, cp.tolerance * k.competitorTolerance),
            },
          }
        : {}),
      ...(sa
        ? {
            searchAds: {
              ...sa,
              minBidFen: fenTimes(sa.minBidFen, k.adCost),
              keywords: sa.keywords.map((x) => ({
                ...x,
                competitorBidsFen: x.competitorBidsFen.map((b) => fenTimes(b, k.adCost)),
              })),
            },
          }
        : {}),
      ...(ops
        ? {
            ops: {
              ...ops,
              inquiryShare: Math.min(1, (ops.inquiryShare ?? PRESALE_INQUIRY_SHARE) * k.serviceLoad),
              addressErrorRate: Math.min(1, (ops.addressErrorRate ?? ADDRESS_ERROR_RATE) * k.serviceLoad),
            },
          }
        : {}),
      ...(cu
        ? {
            customers: {
              ...cu,
              revisitPerWeek: Math.min(1, (cu.revisitPerWeek ?? CUSTOMER_REVISIT_DAILY * 7) * k.revisit),
              dropout: Math.min(1, (cu.dropout ?? CUSTOMER_DROPOUT) * k.dropout),
            },
          }
        : {}),
    },
    skus: base.skus.map((s) => ({
      ...s,
      supplier: { ...s.supplier, leadDays: Math.min(60, Math.round(s.supplier.leadDays * k.leadTime)) },
    })),
  };
}

// Derived scenarios, cached per base object, and what each derived one was made from, so that
// `scenarioAt` is idempotent (step and validateTurn may both resolve the same scenario).
const derived = new WeakMap<Scenario, Partial<Record<Difficulty, Scenario>>>();
const origin = new WeakMap<Scenario, { base: Scenario; difficulty: Difficulty }>();

/** The scenario as it is played on `difficulty` (standard: the scenario itself). */
export function scenarioAt(scenario: Scenario, difficulty: Difficulty): Scenario {
  const from = origin.get(scenario);
  if (from) {
    if (from.difficulty === difficulty) return scenario;
    return scenarioAt(from.base, difficulty);
  }
  if (difficulty === "standard") return scenario;
  let byDifficulty = derived.get(scenario);
  if (!byDifficulty) {
    byDifficulty = {};
    derived.set(scenario, byDifficulty);
  }
  let out = byDifficulty[difficulty];
  if (!out) {
    out = derive(scenario, difficulty);
    byDifficulty[difficulty] = out;
    origin.set(out, { base: scenario, difficulty });
  }
  return out;
}

/** The scenario file a (possibly derived) scenario comes from: what run files name and hash. */
export function baseScenario(scenario: Scenario): Scenario {
  return origin.get(scenario)?.base ?? scenario;
}

/** The difficulty a scenario object is played on (a bundled or parsed scenario: standard). */
export function scenarioDifficulty(scenario: Scenario): Difficulty {
  return origin.get(scenario)?.difficulty ?? "standard";
}

/** The scenario a state is played on. */
export function playedScenario(scenario: Scenario, state: { difficulty?: Difficulty }): Scenario {
  return scenarioAt(scenario, difficultyOf(state));
}
