// Issue 12 item 5, the instructor's side in the UI: the "copy of Alice, 14:02" mark (earlier trainee,
// local time), the order of the moderation list (originals by score, copies apart), hidden entries
// marked, the roster box parsed, copies on the public board; and the store's moderation actions
// send the instructor's secret to the right endpoints, refresh the class and keep the failure.
import { afterEach, describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import { setLang } from "../../src/i18n";
import { type CopyBoardRow, createChallengeApi, type SubmissionView } from "../../src/store/challenge-api";
import { createChallengeStore, recoveryFileJson } from "../../src/store/challenge-store";
import { createGameStore } from "../../src/store/game-store";
import { memoryStorage } from "../../src/store/persistence";
import {
  copyBoardLine,
  copyOfText,
  entryLines,
  hhmm,
  parseRosterText,
  rosterText,
  starsOf,
} from "../../src/ui/moderation";

afterEach(() => setLang("zh-CN"));

const sub = (id: number, name: string, score: number | null, at: string, extra: Partial<SubmissionView> = {}) =>
  ({
    id,
    name,
    verified: score !== null,
    score,
    stars: score === null ? null : 2,
    kpis: null,
    rejected: score === null ? { code: "hash_mismatch", message: "edited" } : null,
    submittedAt: at,
    copyOf: null,
    hidden: false,
    ...extra,
  }) satisfies SubmissionView;

describe("copy marks", () => {
  it("names the earlier trainee and their local time, in both languages", () => {
    const of = { name: "Alice", submittedAt: "2026-12-08T06:02:30.000Z" };
    expect(copyOfText(of, "Asia/Shanghai")).toBe("抄自 Alice，14:02");
    setLang("en");
    expect(copyOfText(of, "Asia/Shanghai")).toBe("copy of Alice, 14:02");
    expect(copyOfText(of, "UTC")).toBe("copy of Alice, 06:02");
  });

  it("a missing or broken time is a dash, not NaN", () => {
    expect(hhmm(null)).toBe("—");
    expect(hhmm("not a time")).toBe("—");
  });
});

describe("entryLines", () => {
  const subs = [
    sub(1, "Alice", 700, "2026-12-08T06:02:00Z"),
    sub(2, "Bob", 700, "2026-12-08T06:05:00Z", {
      copyOf: { id: 1, name: "Alice", submittedAt: "2026-12-08T06:02:00Z" },
    }),
    sub(3, "Carol", 650, "2026-12-08T06:01:00Z", { hidden: true }),
    sub(4, "Dan", 810, "2026-12-08T06:09:00Z"),
    sub(5, "Eve", null, "2026-12-08T06:03:00Z"),
    sub(6, "Finn", 650, "2026-12-08T06:04:00Z", {
      copyOf: { id: 3, name: "Carol", submittedAt: "2026-12-08T06:01:00Z" },
      hidden: true,
    }),
    sub(7, "Gus", 650, "2026-12-08T06:00:00Z"),
  ];

  it("lists originals by score (earlier first on a tie), then copies apart, oldest first; no rejected runs", () => {
    expect(entryLines(subs, "UTC").map((l) => l.s.name)).toEqual(["Dan", "Alice", "Gus", "Carol", "Finn", "Bob"]);
  });

  it("marks copies with the earlier trainee and hidden entries", () => {
    setLang("en");
    const by = new Map(entryLines(subs, "UTC").map((l) => [l.s.name, l]));
    expect(by.get("Bob")).toMatchObject({ copy: true, hidden: false, mark: "copy of Alice, 06:02" });
    expect(by.get("Carol")).toMatchObject({ copy: false, hidden: true, mark: "hidden" });
    expect(by.get("Finn")?.mark).toBe("copy of Carol, 06:01 · hidden");
    expect(by.get("Dan")?.mark).toBe("");
  });
});

describe("public board copies", () => {
  const c: CopyBoardRow = {
    name: "Bob",
    score: 705,
    stars: 2,
    submittedAt: "2026-12-08T06:05:00Z",
    copyOf: { name: "Alice", submittedAt: "2026-12-08T06:02:00Z" },
  };
  it("says whose run it repeats and when, with score and stars", () => {
    expect(copyBoardLine(c, "UTC")).toBe("Bob · 705 分 ★★☆ · 抄自 Alice，06:02");
    setLang("en");
    expect(copyBoardLine(c, "UTC")).toBe("Bob · 705 pts ★★☆ · copy of Alice, 06:02");
  });
  it("stars are clamped to 0–3", () => {
    expect(starsOf(0)).toBe("☆☆☆");
    expect(starsOf(3)).toBe("★★★");
    expect(starsOf(7)).toBe("★★★");
    expect(starsOf(-1)).toBe("☆☆☆");
  });
});

describe("roster box", () => {
  it("splits at Latin and Chinese commas, 、, semicolons and lines; trims; keeps one spelling of a name", () => {
    expect(parseRosterText(" 张三，李四、王五;Li Si\nli si\r\n, ,Alice ；alice ")).toEqual([
      "张三",
      "李四",
      "王五",
      "Li Si",
      "Alice",
    ]);
  });
  it("an empty or blank box is an empty list; names round-trip through the box", () => {
    expect(parseRosterText("")).toEqual([]);
    expect(parseRosterText(" , ，\n")).toEqual([]);
    expect(rosterText(null)).toBe("");
    expect(parseRosterText(rosterText(["张三", "Li Si"]))).toEqual(["张三", "Li Si"]);
  });
  it("NFC-normalises so a decomposed é is the same name", () => {
    expect(parseRosterText("Ren\u0065\u0301e, Ren\u00e9e")).toEqual(["Ren\u00e9e"]);
  });
});

describe("store moderation actions", () => {
  function setup(fail: Record<string, { status: number; code: string }> = {}) {
    const calls: { method: string; path: string; body: unknown; secret: string | null }[] = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      const path = String(url);
      const headers = (init.headers ?? {}) as Record<string, string>;
      calls.push({
        method: init.method ?? "GET",
        path,
        body: init.body ? JSON.parse(String(init.body)) : undefined,
        secret: headers["x-instructor-secret"] ?? null,
      });
      const key = `${init.method} ${path.replace(/\?.*/, "")}`;
      const f = fail[key];
      if (f) return new Response(JSON.stringify({ error: { code: f.code, message: "no" } }), { status: f.status });
      const ch = { code: "ABCDEF", closed: false };
      let json: unknown = {};
      if (path.includes("/submissions?")) json = { challenge: ch, submissions: [], next: null };
      else if (path.endsWith("/leaderboard")) json = { challenge: ch, rows: [], copies: [], updatedAt: "x" };
      else if (path.endsWith("/roster")) json = { names: init.method === "PUT" ? ["张三"] : null };
      return new Response(JSON.stringify(json), { status: 200 });
    }) as unknown as typeof fetch;
    const game = createGameStore({ getScenario, storage: memoryStorage(), now: () => 1700000000000 });
    const store = createChallengeStore(game, createChallengeApi("", fetchImpl));
    const s = () => store.getState();
    const imported = s().importRecovery(
      recoveryFileJson({
        code: "ABCDEF",
        secret: "s3cret-s3cret",
        link: "",
        className: "c",
        scenarioId: "launch",
        seed: "x",
        createdAt: "",
      }),
    );
    expect(imported.ok).toBe(true);
    return { calls, s };
  }

  it("hide, show, remove, reset claim and roster go to their endpoints with the secret, then refresh", async () => {
    const { calls, s } = setup();
    await s().openClass("ABCDEF");
    calls.length = 0;
    expect(await s().hideEntry(7, true)).toBe(true);
    expect(await s().hideEntry(7, false)).toBe(true);
    expect(await s().removeEntry(8)).toBe(true);
    expect(await s().resetClaim("李 四")).toBe(true);
    expect(await s().setRoster(["张三"])).toBe(true);
    expect(await s().setRoster(null)).toBe(true);
    const writes = calls.filter((c) => c.method !== "GET");
    expect(writes.map((c) => [c.method, c.path, c.body])).toEqual([
      ["POST", "/api/challenges/ABCDEF/submissions/7/hide", { hidden: true }],
      ["POST", "/api/challenges/ABCDEF/submissions/7/hide", { hidden: false }],
      ["POST", "/api/challenges/ABCDEF/submissions/8/remove", {}],
      ["POST", `/api/challenges/ABCDEF/trainees/${encodeURIComponent("李 四")}/reset-claim`, {}],
      ["PUT", "/api/challenges/ABCDEF/roster", { names: ["张三"] }],
      ["PUT", "/api/challenges/ABCDEF/roster", { names: null }],
    ]);
    expect(writes.every((c) => c.secret === "s3cret-s3cret")).toBe(true);
    // Each change is followed by a refresh of the list, the board and the roster.
    expect(calls.filter((c) => c.path.endsWith("/leaderboard")).length).toBe(6);
    expect(s().klass.status).toBe("ok");
  });

  it("a refused change returns false and keeps the server's error for the screen", async () => {
    const { s } = setup({ "POST /api/challenges/ABCDEF/trainees/Bob/reset-claim": { status: 404, code: "not_found" } });
    await s().openClass("ABCDEF");
    expect(await s().resetClaim("Bob")).toBe(false);
    expect(s().klass.error).toMatchObject({ code: "not_found", status: 404 });
  });

  it("without this class's secret nothing is sent", async () => {
    const { calls, s } = setup();
    await s().openClass("ZZZZZZ");
    calls.length = 0;
    expect(await s().hideEntry(1, true)).toBe(false);
    expect(calls).toEqual([]);
  });
});
