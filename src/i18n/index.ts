// Translation: t(key, params) in the current language. The store owns the language choice and
// calls setLang; scenes re-render on change. Pure module (no DOM), so Node tests can use it.
import { en } from "./en";
import { fixed, group, money, moneyShort, percent } from "./format";
import { type MessageKey, zhCN } from "./zh-CN";

export type Lang = "zh-CN" | "en";
export const LANGS: Lang[] = ["zh-CN", "en"];
export type { MessageKey };
export type Params = Record<string, string | number>;

export const DICTS: Record<Lang, Record<MessageKey, string>> = { "zh-CN": zhCN, en };

let current: Lang = "zh-CN";

export function setLang(lang: Lang): void {
  current = lang;
}
export function getLang(): Lang {
  return current;
}
export function isLang(x: unknown): x is Lang {
  return x === "zh-CN" || x === "en";
}

export function hasKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

/**
 * Fills {name} placeholders. A bilingual value from the engine (e.g. an event's name from the
 * scenario) comes as two params, `name.zh-CN` and `name.en`; {name} picks the current language's.
 */
function interpolate(template: string, params: Params | undefined, lang: Lang): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (name in params) return String(params[name]);
    const localized = `${name}.${lang}`;
    return localized in params ? String(params[localized]) : m;
  });
}

/** Translate a key; unknown keys come back as the key itself so a gap is visible, not blank. */
export function t(key: MessageKey | string, params?: Params, lang: Lang = current): string {
  const dict = DICTS[lang];
  const template = hasKey(key) ? dict[key] : key;
  return interpolate(template, params, lang);
}

const pluralRules = new Map<Lang, Intl.PluralRules>();
/** The plural category of `n` in `lang` (Intl.PluralRules: "one" / "other" in English, "other" in Chinese). */
export function pluralCategory(n: number, lang: Lang = current): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(n);
}

/**
 * A count in words: `${base}.${category}` for `n`'s plural category (Intl.PluralRules), else
 * `${base}.other`, else `base` itself ("unit.people" is the other form of "unit.people.one").
 * `n` is passed as {n} unless params set it (e.g. already formatted).
 */
export function plural(base: string, n: number, params: Params = {}, lang: Lang = current): string {
  const cat = `${base}.${pluralCategory(n, lang)}`;
  const key = hasKey(cat) ? cat : hasKey(`${base}.other`) ? `${base}.other` : base;
  return t(key, { n, ...params }, lang);
}

/** Text of a scenario's Bilingual field in the current language. */
export function bi(text: { "zh-CN": string; en: string }, lang: Lang = current): string {
  return text[lang];
}

// ---- formatted numbers with units -------------------------------------------------------------
export { fixed, group, money, moneyShort, percent };

export function people(n: number): string {
  return plural("unit.people", n, { n: group(n) });
}
export function items(n: number): string {
  return plural("unit.items", n, { n: group(n) });
}
export function days(n: number): string {
  return plural("unit.days", n, { n: group(n) });
}
export function hours(n: number): string {
  return t("unit.hours", { n: fixed(n, Number.isInteger(n) ? 0 : 1) });
}
export function orders(n: number): string {
  return plural("unit.orders", n, { n: group(n) });
}
export function times(n: number): string {
  return t("unit.times", { n: fixed(n, 2) });
}

/** Turns an id in an engine param into a display name (keyword text, SKU name); undefined = keep. */
export type NameResolver = (param: string, value: string) => string | undefined;

/** A decision error from the engine, in the current language (falls back to its English message). */
export function errorText(err: { key: string; params: Params; message: string }, resolve?: NameResolver): string {
  if (hasKey(err.key)) return t(err.key, localiseParams(err.params, resolve));
  return t("err.unknown", { message: err.message });
}

/** An engine message (event, review) by key with params made readable. */
export function message(key: string, params: Params = {}, resolve?: NameResolver): string {
  return t(key, localiseParams(params, resolve));
}

/** Engine params carry raw fen and ids: money fields (…Fen, or just fen) become ¥, ids become names. */
function localiseParams(params: Params, resolve?: NameResolver): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === "number") out[k] = /Fen$|^fen$/.test(k) ? money(v) : v;
    else if (k === "lever" && hasKey(`lever.${v}`)) out[k] = t(`lever.${v}`);
    else if (k === "section" && hasKey(`section.${v}`)) out[k] = t(`section.${v}`);
    else out[k] = resolve?.(k, v) ?? v;
  }
  return out;
}
