// Both dictionaries must hold the same keys, no empty strings, the same placeholders, and every
// message key the engine can emit (decision errors, replay errors, events, reviews).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { errorText, hasKey, message, setLang, t } from "../../src/i18n";
import { en } from "../../src/i18n/en";
import { fixed, group, money, moneyShort, percent } from "../../src/i18n/format";
import { breakLines, tokenize } from "../../src/i18n/line-break";
import { zhCN } from "../../src/i18n/zh-CN";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function engineKeys(): string[] {
  const dir = join(__dirname, "../../src/engine");
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith(".ts")) files.push(join(d, e.name));
    }
  };
  walk(dir);
  const keys = new Set<string>();
  for (const f of files) {
    for (const m of readFileSync(f, "utf8").matchAll(/"((?:err|ev|review)\.[A-Za-z]+)"/g)) keys.add(m[1] as string);
  }
  return [...keys].sort();
}

describe("dictionaries", () => {
  it("have identical key sets", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it("have no empty strings", () => {
    for (const [k, v] of [...Object.entries(zhCN), ...Object.entries(en)]) expect(v.trim(), k).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    for (const k of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(en[k]), k).toEqual(placeholders(zhCN[k]));
    }
  });

  it("cover every message key the engine emits", () => {
    const keys = engineKeys();
    expect(keys.length).toBeGreaterThan(10);
    const missing = keys.filter((k) => !hasKey(k));
    expect(missing).toEqual([]);
  });

  it("Chinese text really is Chinese", () => {
    expect(zhCN["menu.start"]).toMatch(/[\u4e00-\u9fff]/);
    expect(en["menu.start"]).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("t and engine messages", () => {
  it("interpolates and switches language", () => {
    setLang("zh-CN");
    expect(t("hud.week", { week: 2, weeks: 8 })).toBe("第 2/8 周");
    setLang("en");
    expect(t("hud.week", { week: 2, weeks: 8 })).toBe("Week 2/8");
    setLang("zh-CN");
  });

  it("renders engine errors with money and names", () => {
    setLang("zh-CN");
    const msg = errorText({ key: "err.cash", params: { needFen: 420000, haveFen: 1050 }, message: "x" });
    expect(msg).toBe("这批货要 ¥4,200.00，现金只剩 ¥10.50。");
    expect(errorText({ key: "err.locked", params: { lever: "marketing" }, message: "x" })).toContain("营销");
    expect(errorText({ key: "err.nope", params: {}, message: "boom" })).toContain("boom");
    expect(
      message("ev.arrival", { sku: "cup300", qty: 50 }, (p, v) =>
        p === "sku" && v === "cup300" ? "榨汁杯" : undefined,
      ),
    ).toBe("榨汁杯 补货到仓 50 件。");
  });
});

describe("formatters", () => {
  it("format money from integer fen exactly", () => {
    expect(money(8900)).toBe("¥89.00");
    expect(money(-150)).toBe("-¥1.50");
    expect(money(123456789)).toBe("¥1,234,567.89");
    expect(moneyShort(1234567)).toBe("¥12,346");
    expect(moneyShort(-500000)).toBe("-¥5,000");
  });
  it("format numbers and percents without locale APIs", () => {
    expect(group(1234567)).toBe("1,234,567");
    expect(group(-1000)).toBe("-1,000");
    expect(percent(0.0321)).toBe("3.2%");
    expect(percent(0.005, 2)).toBe("0.50%");
    expect(fixed(1.005, 2)).toBe("1.01");
    expect(fixed(-0.0001, 2)).toBe("0.00");
  });
});

describe("line breaking", () => {
  const measure = (s: string) => [...s].length * 10; // 10 px per character

  it("breaks Chinese between characters", () => {
    const lines = breakLines("店铺是朋友帮忙搭的分类四层深", 60, measure);
    expect(lines.every((l) => measure(l) <= 60)).toBe(true);
    expect(lines.join("")).toBe("店铺是朋友帮忙搭的分类四层深");
  });

  it("keeps closing punctuation off the start of a line", () => {
    const lines = breakLines("一二三四五，六七八九十。", 50, measure);
    for (const l of lines) expect(l[0]).not.toMatch(/[，。]/);
  });

  it("breaks Latin text between words", () => {
    const lines = breakLines("Keep navigation at three levels", 120, measure);
    expect(lines).toEqual(["Keep", "navigation", "at three", "levels"]);
  });

  it("tokenizes mixed text", () => {
    expect(tokenize("Type-C快充 USB")).toEqual(["Type-C", "快", "充", " ", "USB"]);
    expect(tokenize("满分 ¥30")).toContain("¥30");
  });
});

describe("bilingual parameters", () => {
  it("fills {name} from name.<lang> so engine events can carry both languages", async () => {
    const { t } = await import("../../src/i18n");
    const params = { "name.zh-CN": "双11", "name.en": "Singles' Day", mult: 14 };
    expect(t("ev.platformEvent", params, "zh-CN")).toContain("双11");
    expect(t("ev.platformEvent", params, "en")).toContain("Singles' Day");
  });
});
