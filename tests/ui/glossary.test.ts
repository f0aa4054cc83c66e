// The glossary screen and docs/GLOSSARY.md list the same metrics, each with a formula in both
// languages; and every metric the design names (生意参谋 terms) is there.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { t } from "../../src/i18n";
import { GLOSSARY_IDS } from "../../src/ui/glossary-data";

const doc = readFileSync(join(__dirname, "../../docs/GLOSSARY.md"), "utf8");

describe("glossary", () => {
  it("covers every metric the design names", () => {
    const names = GLOSSARY_IDS.map((id) => t(`gl.${id}.name`, undefined, "zh-CN")).join(" ");
    for (const term of [
      "访客数",
      "浏览量",
      "点击率",
      "支付转化率",
      "客单价",
      "支付金额",
      "加购率",
      "收藏率",
      "退款率",
      "复购率",
      "DSR",
      "ROI",
      "PPC",
      "毛利",
      "净利润",
      "库存周转",
      "缺货天数",
    ])
      expect(names, term).toContain(term);
  });

  it("docs/GLOSSARY.md has the same names and formulas in both languages", () => {
    for (const id of GLOSSARY_IDS) {
      for (const lang of ["zh-CN", "en"] as const) {
        expect(doc, `${id} name ${lang}`).toContain(t(`gl.${id}.name`, undefined, lang));
        expect(doc, `${id} formula ${lang}`).toContain(t(`gl.${id}.formula`, undefined, lang));
      }
    }
  });
});
