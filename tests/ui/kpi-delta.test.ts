// Week-on-week changes on the report's KPI cards: the arrow must agree with the number shown.
import { beforeEach, describe, expect, it } from "vitest";
import { setLang } from "../../src/i18n";
import { kpiDelta } from "../../src/ui/format-kpi";

describe("kpiDelta", () => {
  beforeEach(() => setLang("en"));

  it("gives no arrow to a change that rounds to zero (DSR −0.003 reads 0.00)", () => {
    const d = kpiDelta("dsr", 4.627, 4.63);
    expect(d.dir).toBe(0);
    expect(d.text).not.toContain("-");
  });

  it("marks a real DSR drop", () => {
    expect(kpiDelta("dsr", 4.6, 4.7)).toEqual({ text: "-0.10", dir: -1 });
  });

  it("writes rate changes in percentage points with a sign", () => {
    const d = kpiDelta("conversionRate", 0.0123, 0.01);
    expect(d.dir).toBe(1);
    expect(d.text.startsWith("+0.23")).toBe(true);
  });

  it("writes money changes as percentages of last week", () => {
    const d = kpiDelta("gmvFen", 15_000, 10_000);
    expect(d).toEqual({ text: "+50.0%", dir: 1 });
  });
});
