// Number formatting without locale APIs, so output is identical in every browser and in Node tests.
// Money arrives as integer fen (分); ¥1 = 100 fen.

/** 1234567 → "1,234,567" (sign kept). */
export function group(n: number): string {
  const neg = n < 0;
  const s = String(Math.abs(Math.trunc(n)));
  let out = "";
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ",";
    out += s[i];
  }
  return neg ? `-${out}` : out;
}

/** 8900 → "¥89.00"; -150 → "-¥1.50". Exact: works on integer fen, no float rounding. */
export function money(fen: number): string {
  const f = Math.round(fen);
  const neg = f < 0;
  const abs = Math.abs(f);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, "0");
  return `${neg ? "-" : ""}¥${group(yuan)}.${cents}`;
}

/** 1234567 fen → "¥12,346" (rounded to whole yuan, for big totals). */
export function moneyShort(fen: number): string {
  const yuan = Math.round(Math.round(fen) / 100);
  return yuan < 0 ? `-¥${group(-yuan)}` : `¥${group(yuan)}`;
}

/** 0.0321 → "3.2%" (fraction in). */
export function percent(fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return "—";
  return `${fixed(fraction * 100, digits)}%`;
}

/** Fixed decimals without toFixed's binary-rounding surprises on x.xx5. */
export function fixed(n: number, digits: number): string {
  if (!Number.isFinite(n)) return "—";
  const p = 10 ** digits;
  const r = Math.round(Math.abs(n) * p + 1e-9);
  const int = Math.floor(r / p);
  const frac = digits > 0 ? `.${String(r % p).padStart(digits, "0")}` : "";
  return `${n < 0 && r !== 0 ? "-" : ""}${group(int)}${frac}`;
}

/** Signed change for deltas: "+12.0%" / "-3" etc. */
export function signed(text: string, n: number): string {
  return n > 0 ? `+${text}` : text;
}
