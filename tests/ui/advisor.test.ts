// The advisor's notes teach the scenario's principle: a beginner's run draws notes on what the
// scenario teaches, the textbook run far fewer; each note cites a lecture section that exists.
import { beforeAll, describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import { newGame, POLICIES, type PolicyName, step, type WeekReport } from "../../src/engine";
import { DICTS, setLang } from "../../src/i18n";
import { advisorNotes } from "../../src/ui/advisor";

/** Problem notes (not good news) per principle code over the first weeks, summed over seeds. */
function problemCodes(id: string, policy: PolicyName, seeds = 3, weeks = 6): Record<string, number> {
  const sc = getScenario(id);
  if (!sc) throw new Error(id);
  const out: Record<string, number> = {};
  for (let k = 0; k < seeds; k++) {
    let s = newGame(sc, `advisor-${k}`);
    const reports: WeekReport[] = [];
    for (let w = 0; w < Math.min(weeks, sc.weeks); w++) {
      const r = step(sc, s, POLICIES[policy](sc, s, reports));
      if (!("state" in r)) throw new Error("rejected");
      s = r.state;
      reports.push(r.report);
      for (const n of advisorNotes(sc, s, r.report, reports[reports.length - 2])) {
        expect(DICTS.en[n.section as keyof typeof DICTS.en], n.section).toBeTruthy();
        expect(n.text).not.toMatch(/\{\w+\}|NaN|undefined|adv\./);
        // Driver notes say what moved the week (a KOL's visitors after its post…), not what was done wrong.
        if (!n.good && n.from !== "driver") out[n.code] = (out[n.code] ?? 0) + 1;
      }
    }
  }
  return out;
}

const taught = (counts: Record<string, number>, prefixes: string[]) =>
  Object.entries(counts)
    .filter(([code]) => prefixes.some((p) => code.startsWith(p)))
    .reduce((a, [, n]) => a + n, 0);

describe("advisor notes on the domain reports", () => {
  beforeAll(() => setLang("en"));

  const cases: [string, string[]][] = [
    ["service", ["P1.3a", "P1.3b"]], // exceptions and slow replies
    ["community", ["P2.2a", "P2.2c"]], // one-off posts, an idle community
    ["kol", ["P2.1b", "P2.2a"]], // inflated KOLs, one-off content
    ["assortment", ["P1.2f", "P1.3a"]], // overpriced twin, stockouts
  ];
  for (const [id, codes] of cases) {
    it(`${id}: naive play draws at least twice as many ${codes.join("/")} problem notes as textbook`, () => {
      const naive = taught(problemCodes(id, "naive"), codes);
      const textbook = taught(problemCodes(id, "textbook"), codes);
      expect(naive).toBeGreaterThanOrEqual(3);
      expect(naive).toBeGreaterThanOrEqual(2 * textbook);
    });
  }

  it("in Chinese too, every note is complete", () => {
    setLang("zh-CN");
    try {
      for (const id of ["season", "sandbox", "double11"]) problemCodes(id, "naive", 1, 4);
    } finally {
      setLang("en");
    }
  });
});

describe("lecture sections in the trainee's language", () => {
  it("keeps the Chinese text in zh-CN and names the lecture's section in English", async () => {
    const { lectureSection } = await import("../../src/ui/advisor");
    setLang("zh-CN");
    expect(lectureSection("模块二 三、私域流量的构建与运营")).toBe("模块二 三、私域流量的构建与运营");
    setLang("en");
    expect(lectureSection("模块二 三、私域流量的构建与运营")).toBe("Module 2 §2.3 Private-domain traffic");
    expect(lectureSection("模块一 二、主图")).toBe("Module 1 §1.2 Product management");
    expect(lectureSection("引言")).toBe("Introduction: data drives decisions");
    expect(lectureSection("something else")).toBe("something else");
  });

  it("shortens to the section's number where the title does not fit", async () => {
    const { lectureSectionShort } = await import("../../src/ui/advisor");
    setLang("zh-CN");
    expect(lectureSectionShort("模块二 三、私域流量的构建与运营")).toBe("模块二 三");
    setLang("en");
    expect(lectureSectionShort("模块一 一、店铺规划与视觉呈现")).toBe("Module 1 §1.1");
    expect(lectureSectionShort("引言")).toBe("Introduction");
    setLang("zh-CN");
  });
});
