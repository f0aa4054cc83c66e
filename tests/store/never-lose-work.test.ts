// Issue 16 item 2, the pure parts: which run a new start or an import would replace (runAtRisk),
// what a slot's line says (slotSummary: never "empty" while it holds a run or progress), and the
// instructor's recovery file (round trip, clear refusals).
import { describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import { setLang } from "../../src/i18n";
import { parseRecoveryFile, RECOVERY_KIND, recoveryFileJson } from "../../src/store/challenge-store";
import { createGameStore } from "../../src/store/game-store";
import { memoryStorage, progressKeyOf } from "../../src/store/persistence";
import { slotSummary } from "../../src/ui/slot-text";

function fresh(storage = memoryStorage()) {
  const store = createGameStore({ getScenario, storage, now: () => 1700000000000 });
  return { store, storage, s: () => store.getState() };
}

describe("runAtRisk", () => {
  it("is null for an empty slot and for a run with no week played, the run once a week is played", () => {
    const a = fresh();
    expect(a.s().runAtRisk()).toBeNull();
    a.s().startScenario("launch", "risk-1");
    expect(a.s().runAtRisk()).toBeNull();
    expect(a.s().endWeek().ok).toBe(true);
    expect(a.s().runAtRisk()).toMatchObject({ slot: 1, scenarioId: "launch", week: 1, weeks: 8, finished: false });
    // Another slot holds nothing.
    a.s().selectSlot(2);
    expect(a.s().runAtRisk()).toBeNull();
  });
});

describe("slotSummary", () => {
  it("says what a slot holds: run and week, best score, stars; 'empty' only with nothing", () => {
    setLang("zh-CN");
    const a = fresh();
    a.storage.setItem(progressKeyOf(1), JSON.stringify({ launch: { stars: 2, best: 640, runs: 1 } }));
    a.s().startScenario("launch", "sum-1");
    a.s().endWeek();
    const line = slotSummary(a.s().peekSlot(1), a.s().slotProgress(1));
    expect(line).toBe("新店开张 · 第 2/8 周 · 最高 640 分 · 共 2 星");
    // Progress without a run: not "空".
    expect(slotSummary(null, { launch: { stars: 1, best: 300, runs: 1 } })).toBe("没有进行中的店 · 共 1 星");
    expect(slotSummary(null, {})).toBe("空");
    setLang("en");
    expect(slotSummary(null, { launch: { stars: 1, best: 300, runs: 1 } })).toBe("No shop open · 1 star in all");
    expect(slotSummary(null, { a: { stars: 1, best: 1, runs: 1 }, b: { stars: 2, best: 1, runs: 1 } })).toBe(
      "No shop open · 3 stars in all",
    );
    setLang("zh-CN");
  });
});

describe("recovery file", () => {
  const entry = {
    code: "AB12CD",
    secret: "s3cret-s3cret-s3cret",
    link: "http://10.0.0.5:8080/?c=AB12CD",
    className: "三班",
    scenarioId: "launch",
    seed: "class-1",
    createdAt: "2026-12-07T10:00:00.000Z",
  };

  it("round-trips a challenge's code and secret", () => {
    const json = recoveryFileJson(entry);
    expect(JSON.parse(json).kind).toBe(RECOVERY_KIND);
    expect(parseRecoveryFile(json)).toEqual({ ok: true, entry });
  });

  it("refuses what is not one, with a reason key", () => {
    expect(parseRecoveryFile("{nope")).toEqual({ ok: false, key: "recovery.notJson" });
    expect(parseRecoveryFile(JSON.stringify({ turns: [] }))).toEqual({ ok: false, key: "recovery.notRecovery" });
    expect(parseRecoveryFile(JSON.stringify({ kind: RECOVERY_KIND, code: "AB12CD" }))).toEqual({
      ok: false,
      key: "recovery.incomplete",
    });
  });
});
