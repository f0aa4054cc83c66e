// Issue 16 item 4: the instructor's class CSV built in the browser (src/ui/class-csv.ts) — local
// times with the zone in the header, one column per objective (points) and per principle taught
// (applied / partly / missed from the recap), the replayed score equal to the board's, and the
// trainees with only rejected runs listed apart with the reason in words.
import { describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import { POLICIES, scoreRun } from "../../src/engine";
import { setLang } from "../../src/i18n";
import type { BoardRow, SubmissionView } from "../../src/store/challenge-api";
import { classCsv, classCsvTable, localTimeOf, replayBest, zoneLabel } from "../../src/ui/class-csv";
import { playPolicy } from "../../src/ui/debrief-recap";

const sc = getScenario("launch");
if (!sc) throw new Error("no launch");
const seed = "csv-1";
const tb = playPolicy(sc, seed, POLICIES.textbook);
const score = scoreRun(sc, tb.final);
const row: BoardRow = {
  rank: 1,
  name: "张三",
  score: score.score,
  stars: score.stars,
  verified: true,
  attempts: 2,
  submittedAt: "2026-12-07T10:03:12.000Z",
  kpis: { gmvFen: 1234500, orders: 321, uv: 9000, conversionRate: 0.0356, netProfitFen: 45600, dsr: 4.81 },
};
const forged: SubmissionView = {
  id: 9,
  name: "forger",
  verified: false,
  score: null,
  stars: null,
  kpis: null,
  rejected: { code: "hash_mismatch", message: "hash mismatch in week 2" },
  submittedAt: "2026-12-07T10:05:00.000Z",
};

describe("class CSV", () => {
  setLang("zh-CN");
  const input = {
    scenario: sc,
    seed,
    rows: [row],
    bests: new Map([["张三", tb.turns.map((d) => ({ decisions: d }))]]),
    rejectedOnly: [{ s: forged, reason: "校验码与重放结果不符（记录被修改过）。" }],
    localTime: (iso: string) => `L:${iso.slice(11, 19)}`,
    zone: "Asia/Shanghai, UTC+08:00",
  };

  it("has local times with the zone, objective and principle columns, and the replayed verdicts", () => {
    const table = classCsvTable(input);
    const header = table[0] as string[];
    expect(header[4]).toContain("Asia/Shanghai, UTC+08:00");
    for (const o of sc.objectives) expect(header.some((h) => h.includes(o.label.en))).toBe(true);
    expect(header).toContain("P1.2f 定价方法与价格心理");
    const r = table[1] as (string | number | null)[];
    expect(r[1]).toBe("张三");
    expect(r[4]).toBe("L:10:03:12");
    const verdicts = r.slice(12 + sc.objectives.length, 12 + sc.objectives.length + sc.goals.length);
    expect(verdicts).toHaveLength(sc.goals.length);
    for (const v of verdicts) expect(["applied", "partly", "missed"]).toContain(v);
    // The textbook run applies every launch principle (as the recap test says).
    expect(verdicts.every((v) => v === "applied")).toBe(true);
    const points = r.slice(12, 12 + sc.objectives.length) as number[];
    expect(Math.round(points.reduce((a, b) => a + b, 0))).toBe(score.score);
    expect(r.at(-1)).toBe(""); // the replayed score equals the board's
  });

  it("lists trainees with only rejected runs below, with the reason in words", () => {
    const table = classCsvTable(input);
    const last = table.at(-1) as (string | number | null)[];
    expect(last[1]).toBe("forger");
    expect(last[0]).toBeNull();
    expect(String(last.at(-1))).toContain("校验码与重放结果不符");
    expect(table.every((r) => r.length === (table[0] as unknown[]).length)).toBe(true);
    expect(classCsv(input).startsWith("\uFEFF")).toBe(true);
  });

  it("says so when a best run does not replay", () => {
    expect(replayBest(sc, seed, [{ decisions: [{ type: "nope" }] }])).toBeNull();
    const table = classCsvTable({ ...input, bests: new Map([["张三", [{ decisions: [{ type: "nope" }] }]]]) });
    expect(String((table[1] as unknown[]).at(-1))).toContain("无法重放");
  });

  it("formats local times and names the zone", () => {
    expect(localTimeOf("2026-12-07T10:03:12.000Z")).toMatch(/^2026-12-0[78] \d\d:03:12$/);
    expect(zoneLabel(new Date("2026-12-07T10:00:00Z"))).toMatch(/UTC[+−]\d\d:\d\d$/);
  });
});
