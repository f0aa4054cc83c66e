// The week report's sample reviews in words. The engine gives each review a message key by its
// stars or topic ("review.good"); a week with three 4-star reviews would print the same sentence
// three times, so repeats of a key take the next of its wordings ("review.good.v2", ".v3"), and the
// week shifts which one comes first. Pure (no Phaser).
import { hasKey } from "../i18n";

/** The wordings of a review key: the key itself, then key.v2, key.v3… that exist. */
export function reviewVariants(key: string): string[] {
  const out = [key];
  for (let i = 2; hasKey(`${key}.v${i}`); i++) out.push(`${key}.v${i}`);
  return out;
}

/** One message key per review, in order: repeats of a key get different wordings while any are left. */
export function reviewKeys(reviews: readonly { key: string }[], week: number): string[] {
  const seen = new Map<string, number>();
  return reviews.map((r) => {
    const k = seen.get(r.key) ?? 0;
    seen.set(r.key, k + 1);
    const v = reviewVariants(r.key);
    return v[(k + Math.max(0, week)) % v.length] as string;
  });
}
