// The product listing: title (P1.2c), main image (P1.2d) and detail page (P1.1c, P1.2e).
import { clamp } from "../detmath";
import {
  BROAD_MATCH_RELEVANCE,
  CONTENT_LIFT,
  CORE_SECTIONS,
  IMAGE_CTR,
  MISSING_PENALTY,
  MISSING_TRUST_BASE,
  MISSING_TRUST_PER_NEED,
  SCRAMBLED_PENALTY,
  TITLE_HYPE_PENALTY,
  TITLE_MARKETING_LIFT,
  TITLE_MAX_CHARS,
  TITLE_SELLING_POINT_LIFT,
  TITLE_STUFFING_PENALTY,
} from "../model";
import type { ScenarioKeyword } from "../scenario-schema";
import type { DetailSection, ImageStyle } from "../types";

export interface TitleEstimate {
  chars: number;
  maxChars: number;
  coreCount: number;
  /** Click-rate multiplier from how the title reads (1 = plain). */
  readability: number;
}

/** P1.2c: a title is read, not just matched: stuffing core keywords costs clicks. */
export function estimateTitleFromPool(pool: readonly ScenarioKeyword[], keywordIds: readonly string[]): TitleEstimate {
  let chars = 0;
  let core = 0;
  let selling = 0;
  let marketing = 0;
  for (const id of keywordIds) {
    const kw = pool.find((k) => k.id === id);
    if (!kw) continue;
    chars += kw.chars;
    if (kw.kind === "core") core++;
    else if (kw.kind === "selling") selling++;
    else marketing++;
  }
  let readability = 1;
  readability *= 1 - TITLE_STUFFING_PENALTY * Math.max(0, core - 3);
  if (selling > 0) readability *= 1 + TITLE_SELLING_POINT_LIFT;
  if (marketing > 0) readability *= 1 + TITLE_MARKETING_LIFT;
  readability *= 1 - TITLE_HYPE_PENALTY * Math.max(0, marketing - 2);
  return { chars, maxChars: TITLE_MAX_CHARS, coreCount: core, readability: clamp(readability, 0.3, 1.3) };
}

/** Relevance of a listing to a searched core keyword: exact in the title, or the platform's broad match. */
export function keywordRelevance(title: readonly string[], keywordId: string): number {
  if (title.includes(keywordId)) return 1;
  return BROAD_MATCH_RELEVANCE;
}

export function imageCtr(style: ImageStyle): number {
  return IMAGE_CTR[style];
}

/**
 * P1.1c + P1.2e: conversion multiplier of a detail page for a segment with the given trust need.
 * Missing core blocks cost conversion (trust most for cautious buyers); core blocks out of the
 * pain → solution → trust → guide order weaken the page; content blocks answer doubts.
 */
export function detailQuality(sections: readonly DetailSection[], trustNeed: number, hasReviews: boolean): number {
  let q = 1;
  for (const block of CORE_SECTIONS) {
    if (sections.includes(block)) continue;
    q *= block === "trust" ? 1 - (MISSING_TRUST_BASE + MISSING_TRUST_PER_NEED * trustNeed) : 1 - MISSING_PENALTY[block];
  }
  const corePositions = CORE_SECTIONS.map((b) => sections.indexOf(b)).filter((i) => i >= 0);
  for (let i = 1; i < corePositions.length; i++) {
    if ((corePositions[i] ?? 0) < (corePositions[i - 1] ?? 0)) {
      q *= 1 - SCRAMBLED_PENALTY;
      break;
    }
  }
  if (sections.includes("video")) q *= 1 + CONTENT_LIFT.video;
  if (sections.includes("comparison")) q *= 1 + CONTENT_LIFT.comparison;
  if (sections.includes("reviews")) q *= 1 + CONTENT_LIFT.reviews * (hasReviews ? 1 : 0.3);
  if (sections.includes("specs")) q *= 1 + CONTENT_LIFT.specs;
  return q;
}
