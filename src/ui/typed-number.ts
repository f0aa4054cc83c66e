// Typed numbers for the steppers (prices, quantities, budgets): what a trainee types ("89.9",
// "¥89.90", "1,200", full-width "８９．９") read into the stepper's unit — fen for money, whole
// units otherwise — and checked against the stepper's range, with located messages (i18n keys).
// Pure (no Phaser, no DOM).

export type TypedKind = "money" | "int";

export type TypedResult = { ok: true; value: number } | { ok: false; key: string; params: Record<string, number> };

/** Full-width digits and punctuation (a Chinese IME) as ASCII; spaces, ¥, 元, 件, commas dropped. */
export function normaliseTyped(raw: string): string {
  let s = "";
  for (const ch of raw) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0xff10 && c <= 0xff19) s += String.fromCharCode(c - 0xff10 + 48);
    else if (ch === "．" || ch === "。") s += ".";
    else if (ch === "－") s += "-";
    else s += ch;
  }
  return s.replace(/[\s,，¥￥元件个人单]/g, "");
}

/**
 * Reads `raw` as a `kind` value in [min, max] (both in the stepper's unit: fen for money).
 * Money takes at most two decimals (fen); counts are whole numbers.
 */
export function parseTyped(raw: string, kind: TypedKind, min: number, max: number): TypedResult {
  const s = normaliseTyped(raw);
  if (s === "") return { ok: false, key: "typed.empty", params: {} };
  const re = kind === "money" ? /^-?\d+(\.\d{0,2})?$|^-?\.\d{1,2}$/ : /^-?\d+$/;
  if (!re.test(s)) {
    if (kind === "money" && /^-?\d*\.\d{3,}$/.test(s)) return { ok: false, key: "typed.decimals", params: {} };
    if (kind === "int" && /^-?\d*\.\d*$/.test(s)) return { ok: false, key: "typed.whole", params: {} };
    return { ok: false, key: kind === "money" ? "typed.notNumber" : "typed.notCount", params: {} };
  }
  let value: number;
  if (kind === "money") {
    const neg = s.startsWith("-");
    const [yuan = "0", jiao = ""] = s.replace("-", "").split(".");
    value = (Number(yuan || "0") * 100 + Number(jiao.padEnd(2, "0") || "0")) * (neg ? -1 : 1);
  } else value = Number(s);
  if (!Number.isSafeInteger(value)) return { ok: false, key: "typed.notNumber", params: {} };
  if (value < min) return { ok: false, key: kind === "money" ? "typed.minFen" : "typed.min", params: { min, max } };
  if (value > max) return { ok: false, key: kind === "money" ? "typed.maxFen" : "typed.max", params: { min, max } };
  return { ok: true, value };
}

/** The text the input starts with: the current value as a trainee would type it ("89.9", "120"). */
export function typedText(value: number, kind: TypedKind): string {
  if (kind === "int") return String(value);
  const neg = value < 0 ? "-" : "";
  const abs = Math.abs(Math.round(value));
  const yuan = Math.floor(abs / 100);
  const fen = abs % 100;
  if (fen === 0) return `${neg}${yuan}`;
  return `${neg}${yuan}.${String(fen).padStart(2, "0").replace(/0$/, "")}`;
}
