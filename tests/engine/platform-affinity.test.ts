// P2.1c: social platforms differ in audience. Segments state their affinity for each platform in the
// scenario; own content on a platform brings its at-home segments more often than their market share.
import { describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import type { Decision, Scenario, WeekReport } from "../../src/engine";
import { playRun } from "./helpers";

const SB = getScenario("sandbox") as Scenario;
const SEEDS = Array.from({ length: 30 }, (_, i) => `aff-${i}`);

/** Visitors of one segment over the first week, from the analyst's funnel by segment. */
function segmentVisitors(r: { reports: WeekReport[] }, seg: string): number {
  return r.reports[0]?.ops?.analysis?.funnelBySegment[seg]?.visitors ?? Number.NaN;
}
function contentVisitors(r: { reports: WeekReport[] }): number {
  return (r.reports[0]?.marketing?.content ?? []).reduce((a, c) => a + c.visitors, 0);
}

function run(seed: string, content: Decision[]) {
  return playRun(SB, seed, (_s, _st, _r, turn) => (turn === 0 ? [{ type: "hire", role: "analyst" }, ...content] : []), {
    weeks: 1,
  });
}

describe("P2.1c platform audiences (segment affinities)", () => {
  it("WeChat articles bring parents (affinity 1.6) a larger share of content visitors than their 25% market share, students (0.6) a smaller one", () => {
    let parents = 0;
    let students = 0;
    let total = 0;
    for (const seed of SEEDS) {
      const base = run(seed, []);
      const wechat = run(seed, [
        { type: "setContent", platform: "wechat", format: "article", series: true, postsPerWeek: 3 },
      ]);
      parents += segmentVisitors(wechat, "parents") - segmentVisitors(base, "parents");
      students += segmentVisitors(wechat, "students") - segmentVisitors(base, "students");
      total += contentVisitors(wechat);
    }
    expect(total).toBeGreaterThan(100);
    const parentShare = parents / total;
    const studentShare = students / total;
    // Expected shares ∝ share × affinity: parents 0.25·1.6, students 0.35·0.6 of Σ (≈ 0.40 / 0.21 / 0.48 → 36% / 19%).
    // Measured 45.5% / 15.1%: bands 28–60% / 5–30%.
    expect(parentShare).toBeGreaterThan(0.28);
    expect(parentShare).toBeLessThan(0.6);
    expect(studentShare).toBeGreaterThan(0.05);
    expect(studentShare).toBeLessThan(0.3);
    expect(parentShare).toBeGreaterThan(studentShare);
  });
});
