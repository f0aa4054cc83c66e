// A turn handed over by code outside TypeScript (a hand-written bot, a parsed JSON file) may not
// be a list at all: the engine refuses it with a located message instead of crashing.
import { describe, expect, it } from "vitest";
import { newGame, step, validateTurn } from "../../src/engine";
import { launch } from "./helpers";

const SC = launch();

describe("a turn that is not a list", () => {
  it.each([[null], [{ type: "setPrice" }], ["setPrice"], [42]])("%j is refused as err.shape at 'turn'", (turn) => {
    const v = validateTurn(SC, newGame(SC, "shape"), turn as unknown as unknown[]);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.errors[0]?.error.key).toBe("err.shape");
    expect(v.errors[0]?.error.params.path).toBe("turn");
    const out = step(SC, newGame(SC, "shape"), turn as unknown as unknown[]);
    expect(out.ok).toBe(false);
  });
});
