// How a newly proposed decision joins this week's pending list. One pending decision per
// (type, sku): a later one replaces the earlier in place (so the order the trainee first touched
// things is kept); setStore decisions merge field by field.
import type { Decision } from "../engine";

function skuOf(d: Decision): string | undefined {
  return "sku" in d ? d.sku : undefined;
}

/** setAds carries a sku but there is one ad campaign, so it is keyed by type alone. */
function keyOf(d: Decision): string {
  return d.type === "setAds" || d.type === "setStore" ? d.type : `${d.type}:${skuOf(d)}`;
}

export function mergePending(pending: readonly Decision[], d: Decision): Decision[] {
  const key = keyOf(d);
  const i = pending.findIndex((p) => keyOf(p) === key);
  if (i < 0) return [...pending, d];
  const prev = pending[i] as Decision;
  const merged: Decision = prev.type === "setStore" && d.type === "setStore" ? { ...prev, ...stripUndefined(d) } : d;
  const out = [...pending];
  out[i] = merged;
  return out;
}

/** Removes the pending decision of this type (and SKU); for setStore, only the named field. */
export function withdrawPending(
  pending: readonly Decision[],
  type: Decision["type"],
  sku?: string,
  field?: string,
): Decision[] {
  const out: Decision[] = [];
  for (const p of pending) {
    const match = p.type === type && (sku === undefined || skuOf(p) === sku || p.type === "setAds");
    if (!match) {
      out.push(p);
    } else if (p.type === "setStore" && field) {
      const { [field]: _drop, ...rest } = p as Record<string, unknown>;
      if (Object.keys(rest).length > 1) out.push(rest as Decision);
    }
  }
  return out;
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
