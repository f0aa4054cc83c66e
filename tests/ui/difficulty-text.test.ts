// What the briefing says a difficulty changes: only the mechanisms the scenario models, in both languages.
import { afterEach, describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import type { Scenario } from "../../src/engine";
import { setLang } from "../../src/i18n";
import { difficultyBriefing, difficultyName, difficultyWhat, slotDifficultyText } from "../../src/ui/difficulty-text";

const sc = (id: string): Scenario => {
  const s = getScenario(id);
  if (!s) throw new Error(id);
  return s;
};

afterEach(() => setLang("zh-CN"));

describe("difficulty text", () => {
  it("names the difficulty and lists only what the scenario models", () => {
    setLang("zh-CN");
    expect(difficultyName("hard")).toBe("挑战");
    expect(difficultyWhat("standard", sc("launch"))).toBe("按场景原样");
    const launch = difficultyWhat("hard", sc("launch"));
    expect(launch).toContain("市场更小");
    expect(launch).toContain("到货更慢");
    expect(launch).not.toContain("跟价"); // launch has no competitor price reactions
    expect(launch).not.toContain("咨询"); // … no service queue
    expect(difficultyWhat("hard", sc("double11"))).toContain("竞品跟价更狠");
    expect(difficultyWhat("hard", sc("service"))).toContain("咨询");
    expect(difficultyWhat("easy", sc("private"))).toContain("老顾客更爱回购");
    expect(difficultyBriefing("hard", sc("launch"))).toMatch(/^难度：挑战（市场更小/);
    // A slot's line: its difficulty, and its run's when a challenge on another one was played there.
    expect(slotDifficultyText("easy", undefined)).toBe("难度：入门");
    expect(slotDifficultyText("easy", "easy")).toBe("难度：入门");
    expect(slotDifficultyText("standard", "hard")).toBe("难度：标准（本局：挑战）");
  });

  it("English has the same parts and no Chinese", () => {
    setLang("en");
    const season = difficultyBriefing("hard", sc("season"));
    expect(season).toMatch(/^Difficulty: Hard \(a smaller, more volatile market, /);
    expect(season).toContain("competitors who match price cuts harder");
    expect(season).toContain("less loyal customers");
    expect(season).not.toMatch(/[\u4e00-\u9fff]/);
    expect(slotDifficultyText("standard", "hard")).toBe("Difficulty: Standard (this run: Hard)");
    expect(difficultyBriefing("easy", sc("launch"))).toBe(
      "Difficulty: Easy (a bigger market, weaker competitors, cheaper ads, faster deliveries, more starting cash)",
    );
  });
});
