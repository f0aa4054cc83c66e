// No screen text is hard-coded: every text handed to addText / setText and every label, sub, title
// or sign of a widget under src/ui must come from the dictionaries (t, bi, message, errorText, the
// unit formatters…) or be pure symbols and numbers ("−", "+", "★", "¥"). A string or template
// literal with letters (Latin or Chinese) in such a place fails, with file and line.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the fixtures are TypeScript source as text.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { zhCN } from "../../src/i18n/zh-CN";

/** Functions whose arguments are keys or data, not display text. */
const ALLOWED_CALLS = new Set([
  "t",
  "bi",
  "message",
  "errorText",
  "plural",
  "people",
  "items",
  "days",
  "hours",
  "orders",
  "times",
  "money",
  "moneyShort",
  "percent",
  "fixed",
  "group",
  "formatKpi",
  "kpiDelta",
  "starsText",
  "runFileName",
  "skuName",
  "String",
]);
const LETTERS = /[A-Za-z\u3400-\u9fff]/;
/** Literals that are not text: language codes, dictionary keys translated later, and lower-camel
 * identifiers passed as codes (pendingOf(ctx, "setImage")). Chinese, capitalised or spaced words
 * are always text. */
const isNotText = (s: string) => s === "zh-CN" || s === "en" || Object.hasOwn(zhCN, s) || /^[a-z][a-zA-Z0-9]*$/.test(s);
/** Letters left after escapes ("\n") are dropped. */
const hasLetters = (s: string) => LETTERS.test(s.replace(/\\./g, " ")) && !isNotText(s);

/** Removes comments, keeping strings (and line numbers) intact. */
function stripComments(src: string): string {
  let out = "";
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const d = src[i + 1];
    if (c === "/" && d === "/") {
      while (i < src.length && src[i] !== "\n") i++;
    } else if (c === "/" && d === "*") {
      const end = src.indexOf("*/", i + 2);
      const chunk = src.slice(i, end < 0 ? src.length : end + 2);
      out += chunk.replace(/[^\n]/g, " ");
      i = end < 0 ? src.length : end + 2;
    } else if (c === '"' || c === "'" || c === "`") {
      const j = skipString(src, i);
      out += src.slice(i, j);
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Index just after the string literal starting at i (template literals with nested ${…}). */
function skipString(src: string, i: number): number {
  const q = src[i];
  let j = i + 1;
  while (j < src.length) {
    const c = src[j];
    if (c === "\\") j += 2;
    else if (c === q) return j + 1;
    else if (q === "`" && c === "$" && src[j + 1] === "{") j = skipBalanced(src, j + 1);
    else j++;
  }
  return j;
}

/** src[i] is an opening bracket: index just after its match. */
function skipBalanced(src: string, i: number): number {
  const open = src[i] as string;
  const close = ({ "(": ")", "[": "]", "{": "}" } as Record<string, string>)[open];
  let depth = 0;
  let j = i;
  while (j < src.length) {
    const c = src[j] as string;
    if (c === '"' || c === "'" || c === "`") {
      j = skipString(src, j);
      continue;
    }
    if (c === open) depth++;
    else if (c === close) {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return j;
}

/** The expression starting at i, up to a top-level `,` `)` `}` `;` or `]`. */
function expressionAt(src: string, i: number): string {
  let j = i;
  while (j < src.length) {
    const c = src[j] as string;
    if (c === '"' || c === "'" || c === "`") j = skipString(src, j);
    else if (c === "(" || c === "[" || c === "{") j = skipBalanced(src, j);
    else if (c === "," || c === ")" || c === "}" || c === ";" || c === "]") break;
    else j++;
  }
  return src.slice(i, j);
}

/** Display text in an expression that does not come from an allowed call. */
function literalText(expr: string): string[] {
  const found: string[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i] as string;
    const ident = /^[A-Za-z_$][\w$]*/.exec(expr.slice(i));
    if (ident) {
      const name = ident[0];
      let j = i + name.length;
      while (expr[j] === " ") j++;
      if (expr[j] === "(" && ALLOWED_CALLS.has(name)) {
        i = skipBalanced(expr, j);
        continue;
      }
      i += name.length;
      continue;
    }
    if (c === "{") {
      // An option bag ({ size: 12 }, { type: "setStore" }): its text properties are scanned on their own.
      i = skipBalanced(expr, i);
      continue;
    }
    if (c === '"' || c === "'") {
      const j = skipString(expr, i);
      // A literal compared with === / !== is a value being tested, not text shown.
      const before = expr.slice(0, i).trimEnd();
      const after = expr.slice(j).trimStart();
      if (!/[=!]==?$/.test(before) && !/^[=!]==?/.test(after)) found.push(expr.slice(i + 1, j - 1));
      i = j;
      continue;
    }
    if (c === "`") {
      const j = skipString(expr, i);
      const body = expr.slice(i + 1, j - 1);
      // Static parts are text; ${…} parts are expressions scanned in turn.
      let k = 0;
      let staticPart = "";
      while (k < body.length) {
        if (body[k] === "$" && body[k + 1] === "{") {
          const end = skipBalanced(body, k + 1);
          found.push(...literalText(body.slice(k + 2, end - 1)));
          k = end;
        } else {
          staticPart += body[k];
          k++;
        }
      }
      found.push(staticPart);
      i = j;
      continue;
    }
    i++;
  }
  return found.filter(hasLetters);
}

interface Finding {
  file: string;
  line: number;
  text: string;
}

function scanSource(file: string, raw: string): Finding[] {
  const src = stripComments(raw);
  const out: Finding[] = [];
  const lineOf = (i: number) => src.slice(0, i).split("\n").length;
  const report = (i: number, expr: string) => {
    for (const text of literalText(expr)) out.push({ file, line: lineOf(i), text });
  };
  // addText(scene, x, y, TEXT, …) and setText(TEXT)
  for (const m of src.matchAll(/\baddText\(/g)) {
    let i = (m.index ?? 0) + m[0].length;
    for (let arg = 0; arg < 3; arg++) {
      i += expressionAt(src, i).length + 1;
    }
    report(i, expressionAt(src, i));
  }
  for (const m of src.matchAll(/\.(setText|setLabel)\(/g)) {
    const i = (m.index ?? 0) + m[0].length;
    report(i, expressionAt(src, i));
  }
  // Widget options: label / sub / title / sign / deltaNone / name / value properties.
  for (const m of src.matchAll(/[{,]\s*(label|sub|title|sign|deltaNone|name|text):\s*/g)) {
    const i = (m.index ?? 0) + m[0].length;
    report(i, expressionAt(src, i));
  }
  return out;
}

function uiFiles(): string[] {
  const root = join(__dirname, "../../src/ui");
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith(".ts")) files.push(join(d, e.name));
    }
  };
  walk(root);
  return files;
}

describe("no hard-coded screen text", () => {
  it("the scanner catches literals and lets dictionary text through", () => {
    const bad = [
      'addText(this, 1, 2, "Hello");',
      "addText(this, 1, 2, `周 ${n}`);",
      'new Button(this, { id: "x", label: ok ? t("a.b") : "Cancel" });',
      'title.setText("标题");',
      "card = { title: `Week ${week}` };",
    ];
    for (const b of bad) expect(scanSource("fixture.ts", b).length, b).toBeGreaterThan(0);
    const good = [
      'addText(this, 1, 2, t("menu.start"), { size: 12 });',
      "addText(this, 1, 2, `${stars} ${message(rv.key)}`);",
      'new Button(this, { id: "menu.start", label: `▶ ${t("menu.start")}`, size: FS.h2 });',
      'addText(this, 1, 2, "−");',
      'x.setText(`✓ ${t("debrief.exported", { file })}`);',
      "const o = { value: formatKpi(k, v), name: t(k.key) };",
      '// addText(this, 1, 2, "a comment is not screen text");',
    ];
    for (const g of good) expect(scanSource("fixture.ts", g), g).toEqual([]);
  });

  it("src/ui passes every screen text through the dictionaries", () => {
    const findings: Finding[] = [];
    const root = join(__dirname, "../..");
    for (const f of uiFiles()) findings.push(...scanSource(relative(root, f), readFileSync(f, "utf8")));
    expect(findings.map((f) => `${f.file}:${f.line} "${f.text}"`)).toEqual([]);
  });
});
