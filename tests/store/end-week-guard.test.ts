// The game store's defence against an engine exception (issue #10): endWeek, resume and import never
// throw into the click handler; the turn is refused with err.engine (week and reason, both languages) and nothing
// is saved, so the trainee can change a decision and play the week again.
import { describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import { appendTurn, type GameState, newRunFile, type RunFile, type Scenario } from "../../src/engine";
import { t } from "../../src/i18n";
import { createGameStore, guardedReplay, guardedStep } from "../../src/store/game-store";
import { memoryStorage, SAVE_KEY } from "../../src/store/persistence";

function started() {
  const storage = memoryStorage();
  const store = createGameStore({ getScenario, storage, now: () => 1700000000000 });
  expect(store.getState().startScenario("launch", "guard-seed")).toBe(true);
  return { store, storage, s: () => store.getState() };
}

/** A state the engine cannot simulate (its random streams are gone): step throws inside. */
function broken(game: GameState): GameState {
  return { ...game, rng: {} } as GameState;
}

describe("guardedStep", () => {
  it("returns step's outcome when the engine works", () => {
    const { s } = started();
    const sc = s().scenario;
    const game = s().game;
    if (!sc || !game) throw new Error("no game");
    const r = guardedStep(sc, game, []);
    expect(r.ok).toBe(true);
  });

  it("turns an engine exception into err.engine with the week and the reason", () => {
    const { s } = started();
    const sc = s().scenario;
    const game = s().game;
    if (!sc || !game) throw new Error("no game");
    const r = guardedStep(sc, broken(game), []);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors[0]?.error;
    expect(e?.key).toBe("err.engine");
    expect(e?.params.week).toBe(1);
    expect(String(e?.params.message)).toMatch(/random stream/);
    for (const lang of ["zh-CN", "en"] as const) {
      const text = t("err.engine", e?.params, lang);
      expect(text).toContain(String(e?.params.message));
      expect(text).not.toContain("{");
    }
  });
});

describe("endWeek with an engine that throws", () => {
  it("refuses the turn with err.engine, saves nothing and stays on the same screen", () => {
    const { store, storage, s } = started();
    const game = s().game;
    if (!game) throw new Error("no game");
    expect(s().propose({ type: "setPrice", sku: "cup300", priceFen: 8990 })).toBeNull();
    const savedBefore = storage.getItem(SAVE_KEY);
    const runBefore = s().run;
    const screenBefore = s().screen;
    store.setState({ game: broken(game) });
    let r: ReturnType<ReturnType<typeof s>["endWeek"]> | undefined;
    expect(() => {
      r = s().endWeek();
    }).not.toThrow();
    expect(r?.ok).toBe(false);
    if (r && !r.ok) expect(r.errors[0]?.error.key).toBe("err.engine");
    expect(s().lastErrors[0]?.error.key).toBe("err.engine");
    expect(s().run).toBe(runBefore);
    expect(storage.getItem(SAVE_KEY)).toBe(savedBefore);
    expect(s().screen).toBe(screenBefore); // not moved on to the week report
    expect(s().pending).toHaveLength(1);
  });
});

describe("resume and import with an engine that throws", () => {
  /** The launch scenario with a segment the funnel cannot draw from (a probability of 2): step throws. */
  function corrupt(): Scenario {
    const sc = structuredClone(getScenario("launch") as Scenario);
    const seg = sc.market.segments[0];
    if (seg) seg.mobileShare = 2;
    return sc;
  }
  function runOf(sc: Scenario): RunFile {
    return appendTurn(newRunFile(sc, "guard-seed"), [], "0".repeat(64));
  }

  it("guardedReplay turns the exception into err.engineReplay with the reason", () => {
    const sc = corrupt();
    const r = guardedReplay(runOf(sc), sc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.key).toBe("err.engineReplay");
    expect(String(r.error.params.message)).toMatch(/probability must be in \[0, 1\]/);
    for (const lang of ["zh-CN", "en"] as const) expect(t("err.engineReplay", r.error.params, lang)).not.toContain("{");
  });

  it("resuming such a save does not throw: the save is set aside (kept, not deleted) with the reason", () => {
    const sc = corrupt();
    const json = JSON.stringify(runOf(sc));
    const storage = memoryStorage({ [SAVE_KEY]: json });
    const store = createGameStore({ getScenario: () => sc, storage, now: () => 1700000000000 });
    let resumed: boolean | undefined;
    expect(() => {
      resumed = store.getState().resume();
    }).not.toThrow();
    expect(resumed).toBe(false);
    const notice = store.getState().notice;
    expect(notice?.key).toBe("save.incompatible");
    expect(notice?.reason?.key).toBe("err.engineReplay");
    const asideKey = String(notice?.params.key);
    expect(storage.getItem(asideKey)).toBe(json);
  });

  it("importing such a run is refused with err.engineReplay and changes nothing", () => {
    const sc = corrupt();
    const storage = memoryStorage();
    const store = createGameStore({ getScenario: () => sc, storage, now: () => 1700000000000 });
    const before = storage.getItem(SAVE_KEY);
    let r: ReturnType<ReturnType<typeof store.getState>["importRunJson"]> | undefined;
    expect(() => {
      r = store.getState().importRunJson(JSON.stringify(runOf(sc)));
    }).not.toThrow();
    expect(r?.ok).toBe(false);
    if (r && !r.ok) expect(r.reason.key).toBe("err.engineReplay");
    expect(storage.getItem(SAVE_KEY)).toBe(before);
    expect(store.getState().game).toBeNull();
  });
});
