// A lecture principle's name in the current language, beside its code (P1.2f 定价方法与价格心理).
import { hasKey, t } from "../i18n";

export function principleName(code: string): string {
  const k = `principle.${code}`;
  return hasKey(k) ? t(k) : code;
}

/** "P1.2f 定价方法与价格心理". */
export function principleLabel(code: string): string {
  return `${code} ${principleName(code)}`;
}
