// Reviews and ratings: how many reviews and which average shape conversion; DSR rolling means.
import { exp } from "../detmath";
import { RATING_PEAK, RATING_SLOPE_ABOVE, RATING_SLOPE_BELOW, REVIEW_FLOOR, REVIEW_SCALE } from "../model";

/** Review-count effect, 0 → 5 reviews ≈ ×3.7 (Spiegel); cautious segments feel it fully. */
export function reviewCountFactor(count: number, trustNeed: number): number {
  const base = REVIEW_FLOOR + (1 - REVIEW_FLOOR) * (1 - exp(-count / REVIEW_SCALE));
  const weight = 0.5 + 0.5 * trustNeed;
  return 1 - (1 - base) * weight;
}

/** Rating effect: rises ≈7% per star up to 4.5, then falls (too perfect looks fake). */
export function ratingFactor(count: number, ratingSum: number): number {
  if (count === 0) return 1;
  const r = ratingSum / count;
  if (r <= RATING_PEAK) return Math.max(0.5, 1 - RATING_SLOPE_BELOW * (RATING_PEAK - r));
  return 1 - RATING_SLOPE_ABOVE * (r - RATING_PEAK);
}

export function averageRating(count: number, ratingSum: number): number {
  return count === 0 ? 0 : ratingSum / count;
}
