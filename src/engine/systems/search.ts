// Organic search (P1.2c, P1.2d): keyword volume × click rate of the listing's rank.
// Rank comes from a score against the market's competing listings.
import { exp, log, pow } from "../detmath";
import { COMPETITOR_SPREAD, NEW_ITEM_BOOST, NEW_ITEM_DAYS, RANK_W, SEARCH_CTR_TOP } from "../model";
import type { Rng } from "../rng";
import { normal } from "../sampling";
import type { ScenarioKeyword } from "../scenario-schema";

/** Competing listing scores for a keyword, highest first. Stronger competition → higher scores. */
export function drawCompetitorScores(rng: Rng, kw: ScenarioKeyword, count: number): number[] {
  const median = 1 + 3 * kw.competition;
  const scores: number[] = [];
  for (let i = 0; i < count; i++) {
    scores.push(Math.round(median * exp(COMPETITOR_SPREAD * normal(rng, 0, 1)) * 1e6) / 1e6);
  }
  return scores.sort((a, b) => b - a);
}

export interface RankingInput {
  relevance: number;
  ctrIndex: number;
  cvrIndex: number;
  sales7d: number;
  dsr: number;
  reviewFactor: number;
  ageDays: number;
}

/** Our listing's ranking score (weights are game knobs: Taobao publishes none). */
export function rankingScore(r: RankingInput): number {
  let s = r.relevance;
  s *= pow(r.ctrIndex, RANK_W.ctr);
  s *= pow(r.cvrIndex, RANK_W.cvr);
  s *= pow(1 + log(1 + r.sales7d), RANK_W.sales);
  s *= pow(r.dsr / 4.8, RANK_W.dsr);
  s *= pow(r.reviewFactor, RANK_W.reviews);
  if (r.ageDays < NEW_ITEM_DAYS) s *= NEW_ITEM_BOOST;
  return s;
}

/** 1 + number of competitors scoring higher (scores sorted descending). */
export function rankAmong(score: number, competitorScores: readonly number[]): number {
  let lo = 0;
  let hi = competitorScores.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((competitorScores[mid] ?? 0) > score) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/** Organic CTR by rank ≈ 0.285 · rank⁻¹ (Sistrix, Backlinko). */
export function searchCtr(rank: number): number {
  return SEARCH_CTR_TOP / rank;
}
