// The store is the only writer of game state: these tests pin its contract — merge/reject of
// pending decisions, the hash chain written by endWeek, resume after a reload, bad saves.
import { describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import { GENESIS_HASH, replayRun, stateHash } from "../../src/engine";
import { createGameStore } from "../../src/store/game-store";
import { BROKEN_PREFIX, LANG_KEY, memoryStorage, PENDING_KEY, SAVE_KEY } from "../../src/store/persistence";

const SEED = "test-seed";

function fresh(storage = memoryStorage()) {
  const store = createGameStore({ getScenario, storage, now: () => 1700000000000 });
  return { store, storage, s: () => store.getState() };
}

function started() {
  const f = fresh();
  expect(f.s().startScenario("launch", SEED)).toBe(true);
  return f;
}

describe("propose", () => {
  it("merges setStore fields and replaces same type+sku", () => {
    const { s } = started();
    expect(s().propose({ type: "setStore", categoryDepth: 3 })).toBeNull();
    expect(s().propose({ type: "setStore", inStoreSearch: true })).toBeNull();
    expect(s().propose({ type: "setPrice", sku: "cup300", priceFen: 9800 })).toBeNull();
    expect(s().propose({ type: "setPrice", sku: "cup300", priceFen: 8990 })).toBeNull();
    expect(s().propose({ type: "setPrice", sku: "cup500", priceFen: 14900 })).toBeNull();
    expect(s().pending).toEqual([
      { type: "setStore", categoryDepth: 3, inStoreSearch: true },
      { type: "setPrice", sku: "cup300", priceFen: 8990 },
      { type: "setPrice", sku: "cup500", priceFen: 14900 },
    ]);
    expect(s().draft?.store.categoryDepth).toBe(3);
    expect(s().draft?.skus.find((k) => k.id === "cup300")?.priceFen).toBe(8990);
    // The committed game is untouched until the week ends.
    expect(s().game?.store.categoryDepth).toBe(4);
  });

  it("rejects an unaffordable reorder and keeps the other pending changes", () => {
    const { s } = started();
    s().propose({ type: "setStore", categoryDepth: 3 });
    const before = { pending: s().pending, draft: s().draft };
    const err = s().propose({ type: "reorder", sku: "cup300", qty: 100_000 });
    expect(err?.key).toBe("err.cash");
    expect(s().pending).toBe(before.pending);
    expect(s().draft).toBe(before.draft);
    expect(s().lastErrors[0]?.error.key).toBe("err.cash");
  });

  it("rejects work beyond the designer's hours", () => {
    const { s } = started();
    expect(s().propose({ type: "setStore", mobileLevel: 3 })).toBeNull(); // 24 h
    const err = s().propose({ type: "setStore", speedLevel: 3 }); // +30 h > 40 h
    expect(err?.key).toBe("err.hours");
    expect(s().pending).toEqual([{ type: "setStore", mobileLevel: 3 }]);
    expect(s().draft?.designerHoursLeft).toBe(16);
  });

  it("withdraws a single setStore field or a whole decision", () => {
    const { s } = started();
    s().propose({ type: "setStore", categoryDepth: 3, inStoreSearch: true });
    s().propose({ type: "reorder", sku: "cup300", qty: 100 });
    s().withdraw("setStore", undefined, "categoryDepth");
    expect(s().pending[0]).toEqual({ type: "setStore", inStoreSearch: true });
    s().withdraw("reorder", "cup300");
    expect(s().pending).toEqual([{ type: "setStore", inStoreSearch: true }]);
    expect(s().draft?.cashFen).toBe(s().game?.cashFen);
  });
});

describe("endWeek", () => {
  it("chains state hashes that replayRun reproduces", () => {
    const { s } = started();
    s().propose({ type: "setStore", categoryDepth: 3, inStoreSearch: true });
    s().propose({ type: "reorder", sku: "cup300", qty: 100 });
    expect(s().endWeek().ok).toBe(true);
    expect(s().screen).toBe("report");
    expect(s().pending).toEqual([]);
    s().continueFromReport();
    s().propose({ type: "setPrice", sku: "cup500", priceFen: 14900 });
    expect(s().endWeek().ok).toBe(true);
    s().continueFromReport();
    expect(s().endWeek().ok).toBe(true);

    const run = s().run;
    const game = s().game;
    expect(run?.turns.length).toBe(3);
    expect(run?.turns[0]).toEqual([
      { type: "setStore", categoryDepth: 3, inStoreSearch: true },
      { type: "reorder", sku: "cup300", qty: 100 },
    ]);
    if (!run || !game) throw new Error("no run");
    // Hash chain by hand.
    const scenario = getScenario("launch");
    if (!scenario) throw new Error("no scenario");
    const replay = replayRun(run, scenario);
    expect(replay.ok).toBe(true);
    if (!replay.ok) return;
    expect(replay.hashes).toEqual(run.hashes);
    expect(stateHash(game, run.hashes[1] ?? GENESIS_HASH)).toBe(run.hashes[2]);
    expect(replay.reports.length).toBe(s().reports.length);
  });

  it("writes the run file to storage after every week", () => {
    const { s, storage } = started();
    s().endWeek();
    const saved = JSON.parse(storage.getItem(SAVE_KEY) ?? "null");
    expect(saved.turns.length).toBe(1);
    expect(saved.hashes).toEqual(s().run?.hashes);
  });

  it("goes to the debrief after the last week", () => {
    const { s } = started();
    const weeks = s().scenario?.weeks ?? 0;
    for (let w = 0; w < weeks; w++) {
      expect(s().endWeek().ok).toBe(true);
      s().continueFromReport();
    }
    expect(s().screen).toBe("debrief");
    expect(s().game?.status).not.toBe("playing");
  });
});

describe("resume", () => {
  it("rebuilds game, reports and pending changes after a reload", () => {
    const a = started();
    a.s().propose({ type: "setStore", inStoreSearch: true });
    a.s().endWeek();
    a.s().continueFromReport();
    a.s().endWeek();
    a.s().continueFromReport();
    a.s().propose({ type: "setPrice", sku: "cup300", priceFen: 8990 });

    const b = fresh(a.storage); // "reload": a new store over the same storage
    expect(b.s().game).toBeNull();
    expect(b.s().probeSave()).toEqual({ scenarioId: "launch", week: 2, weeks: 8 });
    expect(b.s().notice).toBeNull();
    expect(b.s().resume()).toBe(true);
    expect(b.s().screen).toBe("shop");
    expect(b.s().game?.week).toBe(2);
    expect(b.s().run?.hashes).toEqual(a.s().run?.hashes);
    expect(b.s().reports.length).toBe(2);
    expect(b.s().pending).toEqual([{ type: "setPrice", sku: "cup300", priceFen: 8990 }]);
    expect(b.s().draft?.skus.find((k) => k.id === "cup300")?.priceFen).toBe(8990);
  });

  it("sets aside a malformed save with a notice instead of deleting it", () => {
    const storage = memoryStorage({ [SAVE_KEY]: "{not json", [PENDING_KEY]: "[]" });
    const { s } = fresh(storage);
    expect(s().resume()).toBe(false);
    expect(s().notice?.key).toBe("save.broken");
    const dump = storage.dump();
    expect(dump[SAVE_KEY]).toBeUndefined();
    expect(dump[`${BROKEN_PREFIX}1700000000000`]).toBe("{not json");
    expect(s().notice?.params.key).toBe(`${BROKEN_PREFIX}1700000000000`);
  });

  it("sets aside a save whose hash chain was edited", () => {
    const a = started();
    a.s().endWeek();
    const run = JSON.parse(a.storage.getItem(SAVE_KEY) ?? "{}");
    run.hashes[0] = "f".repeat(64);
    a.storage.setItem(SAVE_KEY, JSON.stringify(run));
    const b = fresh(a.storage);
    expect(b.s().resume()).toBe(false);
    expect(b.s().notice?.key).toBe("save.incompatible");
    expect(b.s().notice?.reason?.key).toBe("err.hashMismatch");
    expect(b.storage.getItem(SAVE_KEY)).toBeNull();
  });

  it("probing the save for the menu sets a bad one aside at once", () => {
    const { s, storage } = fresh(memoryStorage({ [SAVE_KEY]: "{oops" }));
    expect(s().probeSave()).toBeNull();
    expect(s().notice?.key).toBe("save.broken");
    expect(storage.getItem(SAVE_KEY)).toBeNull();
    expect(s().probeSave()).toBeNull(); // nothing left to probe, notice kept
    expect(s().notice?.key).toBe("save.broken");
  });

  it("sets aside a save of a wrong shape", () => {
    const { s, storage } = fresh(memoryStorage({ [SAVE_KEY]: JSON.stringify({ format: "other" }) }));
    expect(s().resume()).toBe(false);
    expect(s().notice?.key).toBe("save.broken");
    expect(storage.getItem(SAVE_KEY)).toBeNull();
  });
});

describe("language", () => {
  it("defaults to zh-CN and persists a choice", () => {
    const a = fresh();
    expect(a.s().lang).toBe("zh-CN");
    a.s().setLang("en");
    expect(JSON.parse(a.storage.getItem(LANG_KEY) ?? "null")).toBe("en");
    const b = fresh(a.storage);
    expect(b.s().lang).toBe("en");
    b.s().setLang("zh-CN");
  });
});
