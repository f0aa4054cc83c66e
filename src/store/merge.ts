// How a newly proposed decision joins this week's pending list. One pending decision per
// (type, sku): a later one replaces the earlier in place (so the order the trainee first touched
// things is kept); setStore decisions merge field by field.
import type { Decision } from "../engine";

function skuOf(d: Decision): string | undefined {
  return "sku" in d ? d.sku : undefined;
}

/** One of each shop-wide setting: setAds (and the one flash sale / group buy) carry a sku but are keyed by type. */
const BY_TYPE = new Set<Decision["type"]>([
  "setAds",
  "setStore",
  "setService",
  "setFlashSale",
  "setGroupBuy",
  "setSearchAds", // one paid-search campaign
]);
/** Decisions merged field by field (each field has its own pending line and undo). */
const BY_FIELD = new Set<Decision["type"]>(["setStore", "setService"]);

function keyOf(d: Decision): string {
  if (BY_TYPE.has(d.type)) return d.type;
  if (d.type === "endPromotion") return `${d.type}:${d.promotion}`;
  if (d.type === "actOnFeedback") return `${d.type}:${d.topic}`;
  if (d.type === "hireKol") return `${d.type}:${d.kol}`; // one booking per KOL, several a week
  if (d.type === "setContent") return `${d.type}:${d.platform}`; // one plan per platform
  return `${d.type}:${skuOf(d)}`;
}

/** The field a hire/fire/endPromotion/actOnFeedback line is withdrawn by (role, promotion, topic). */
function fieldOf(d: Decision): string | undefined {
  if (d.type === "hire" || d.type === "fire") return d.role;
  if (d.type === "endPromotion") return d.promotion;
  if (d.type === "actOnFeedback") return d.topic;
  if (d.type === "hireKol") return d.kol;
  if (d.type === "setContent") return d.platform;
  return undefined;
}

export function mergePending(pending: readonly Decision[], d: Decision): Decision[] {
  // Each hire or fire is one person, so they add up; a fire cancels a pending hire of the role (and back).
  if (d.type === "hire" || d.type === "fire") {
    const opposite = d.type === "hire" ? "fire" : "hire";
    let j = -1;
    pending.forEach((p, k) => {
      if (p.type === opposite && p.role === d.role) j = k;
    });
    return j >= 0 ? pending.filter((_, k) => k !== j) : [...pending, d];
  }
  const key = keyOf(d);
  const i = pending.findIndex((p) => keyOf(p) === key);
  if (i < 0) return [...pending, d];
  const prev = pending[i] as Decision;
  const merged: Decision = BY_FIELD.has(d.type) && prev.type === d.type ? { ...prev, ...stripUndefined(d) } : d;
  const out = [...pending];
  out[i] = merged;
  return out;
}

/** Removes the pending decision of this type (and SKU); for setStore/setService, only the named field;
 * for hire/fire, endPromotion and actOnFeedback, only those of the role / promotion / topic named as `field`. */
export function withdrawPending(
  pending: readonly Decision[],
  type: Decision["type"],
  sku?: string,
  field?: string,
): Decision[] {
  const out: Decision[] = [];
  for (const p of pending) {
    const match =
      p.type === type &&
      (sku === undefined || skuOf(p) === sku || BY_TYPE.has(p.type)) &&
      (field === undefined || fieldOf(p) === undefined || fieldOf(p) === field);
    if (!match) {
      out.push(p);
    } else if (BY_FIELD.has(p.type) && field) {
      const { [field]: _drop, ...rest } = p as Record<string, unknown>;
      if (Object.keys(rest).length > 1) out.push(rest as Decision);
    }
  }
  return out;
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
