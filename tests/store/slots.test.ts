// Save slots (player profiles), campaign progress, run-file import and settings: all through the
// store, the only writer. Slot 1 is the original single save (same keys), so old saves are slot 1.
import { describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import { createGameStore } from "../../src/store/game-store";
import {
  memoryStorage,
  PENDING_KEY,
  progressKeyOf,
  SAVE_KEY,
  SETTINGS_KEY,
  SLOT_KEY,
  saveKeyOf,
} from "../../src/store/persistence";

function fresh(storage = memoryStorage()) {
  const store = createGameStore({ getScenario, storage, now: () => 1700000000000 });
  return { store, storage, s: () => store.getState() };
}

function playAll(s: () => ReturnType<ReturnType<typeof fresh>["store"]["getState"]>) {
  const weeks = s().scenario?.weeks ?? 0;
  for (let w = 0; w < weeks; w++) {
    expect(s().endWeek().ok).toBe(true);
    s().continueFromReport();
  }
}

describe("save slots", () => {
  it("an existing single save is slot 1 without any copying", () => {
    const a = fresh();
    a.s().startScenario("launch", "old-save");
    a.s().endWeek();
    const raw = a.storage.getItem(SAVE_KEY);
    const b = fresh(memoryStorage({ [SAVE_KEY]: raw ?? "" }));
    expect(b.s().slot).toBe(1);
    expect(b.s().peekSlot(1)).toMatchObject({ scenarioId: "launch", week: 1 });
    expect(b.s().resume()).toBe(true);
    expect(b.s().game?.week).toBe(1);
  });

  it("slots keep separate runs, and the chosen slot survives a reload", () => {
    const f = fresh();
    f.s().startScenario("launch", "slot-one");
    f.s().endWeek();
    f.s().selectSlot(2);
    expect(f.s().game).toBeNull();
    expect(f.s().peekSlot(2)).toBeNull();
    f.s().startScenario("launch", "slot-two");
    expect(f.storage.getItem(saveKeyOf(2))).toContain("slot-two");
    expect(f.storage.getItem(saveKeyOf(1))).toContain("slot-one");
    expect(f.storage.getItem(SLOT_KEY)).toBe("2");
    const g = fresh(f.storage);
    expect(g.s().slot).toBe(2);
    expect(g.s().resume()).toBe(true);
    expect(g.s().run?.seed).toBe("slot-two");
    g.s().selectSlot(1);
    expect(g.s().resume()).toBe(true);
    expect(g.s().run?.seed).toBe("slot-one");
    expect(g.s().game?.week).toBe(1);
  });

  it("a finished run records stars and best score in its slot's progress", () => {
    const f = fresh();
    f.s().startScenario("launch", "progress");
    playAll(f.s);
    expect(f.s().screen).toBe("debrief");
    const p = f.s().progress.launch;
    expect(p?.runs).toBe(1);
    expect(p?.best).toBeGreaterThan(0);
    expect(JSON.parse(f.storage.getItem(progressKeyOf(1)) ?? "{}").launch.best).toBe(p?.best);
    f.s().selectSlot(3);
    expect(f.s().progress).toEqual({});
  });
});

describe("import a run file", () => {
  it("round trip: export, import into another slot, same hash chain", () => {
    const f = fresh();
    f.s().startScenario("launch", "round-trip");
    f.s().propose({ type: "setStore", categoryDepth: 3 });
    f.s().endWeek();
    f.s().continueFromReport();
    f.s().endWeek();
    const json = f.s().exportRunJson() ?? "";
    const hashes = f.s().run?.hashes;
    // The slot's file on disk is the same run file, readable without loading the game.
    expect(JSON.parse(f.s().exportSlotJson(1)?.json ?? "{}")).toEqual(JSON.parse(json));
    expect(f.s().exportSlotJson(3)).toBeNull();
    f.s().selectSlot(2);
    const r = f.s().importRunJson(json);
    expect(r.ok).toBe(true);
    expect(f.s().run?.hashes).toEqual(hashes);
    expect(f.s().game?.week).toBe(2);
    expect(f.s().screen).toBe("shop");
    expect(JSON.parse(f.storage.getItem(saveKeyOf(2)) ?? "{}").hashes).toEqual(hashes);
  });

  it("a malformed file is refused with a reason and nothing is lost", () => {
    const f = fresh();
    f.s().startScenario("launch", "keep-me");
    f.s().endWeek();
    f.s().continueFromReport();
    f.s().propose({ type: "setStore", categoryDepth: 3 });
    const before = { save: f.storage.getItem(SAVE_KEY), pending: f.storage.getItem(PENDING_KEY), run: f.s().run };
    for (const bad of ["{not json", JSON.stringify({ format: "other" }), "[]"]) {
      const r = f.s().importRunJson(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(["import.notJson", "import.badFile"]).toContain(r.reason.key);
    }
    // A well-formed file whose hashes were edited fails the replay.
    const tampered = JSON.parse(f.s().exportRunJson() ?? "{}");
    tampered.hashes[0] = "0".repeat(64);
    const r = f.s().importRunJson(JSON.stringify(tampered));
    expect(r.ok).toBe(false);
    expect(f.storage.getItem(SAVE_KEY)).toBe(before.save);
    expect(f.storage.getItem(PENDING_KEY)).toBe(before.pending);
    expect(f.s().run).toBe(before.run);
    expect(f.s().pending.length).toBe(1);
  });
});

describe("settings and aside screens", () => {
  it("persist volume, sound and motion; bad values fall back to defaults", () => {
    const f = fresh();
    expect(f.s().settings).toEqual({ volume: 0.6, sfx: true, motion: "auto" });
    f.s().setSettings({ volume: 0.3, motion: "reduced" });
    f.s().setSettings({ sfx: false });
    const g = fresh(f.storage);
    expect(g.s().settings).toEqual({ volume: 0.3, sfx: false, motion: "reduced" });
    const h = fresh(memoryStorage({ [SETTINGS_KEY]: JSON.stringify({ volume: 7, sfx: "yes", motion: "wild" }) }));
    expect(h.s().settings).toEqual({ volume: 0.6, sfx: true, motion: "auto" });
  });

  it("back() returns to the screen that opened the glossary, even via settings", () => {
    const f = fresh();
    f.s().startScenario("launch", "aside");
    f.s().endWeek();
    expect(f.s().screen).toBe("report");
    f.s().openAside("glossary");
    f.s().openAside("settings");
    f.s().back();
    expect(f.s().screen).toBe("report");
  });
});
