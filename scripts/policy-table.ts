// Dev tool: prints week-by-week KPIs of each policy and a summary over seeds, for calibration.
// usage: npx tsx scripts/policy-table.ts [scenario] [seeds]
import { getScenario } from "../src/content/scenarios";
import { newGame, POLICIES, runKpis, scoreRun, step, type WeekReport } from "../src/engine";

const scenario = getScenario(process.argv[2] ?? "launch");
if (!scenario) throw new Error("unknown scenario");
const seeds = Number(process.argv[3] ?? 20);
for (const [name, policy] of Object.entries(POLICIES)) {
  const scores: number[] = [];
  const conv: number[] = [];
  for (let i = 0; i < seeds; i++) {
    let state = newGame(scenario, `seed-${i}`);
    const reports: WeekReport[] = [];
    for (let t = 0; t < scenario.weeks && state.status === "playing"; t++) {
      const out = step(scenario, state, policy(scenario, state, reports));
      if (!out.ok) throw new Error(JSON.stringify(out.errors));
      state = out.state;
      reports.push(out.report);
      if (i === 0) {
        const k = out.report.kpis;
        console.log(
          `${name} w${t + 1} uv ${k.uv} src ${JSON.stringify(out.report.traffic)} orders ${k.orders} conv ${(k.conversionRate * 100).toFixed(2)}% atc ${(k.addToCartRate * 100).toFixed(1)}% gmv ${k.gmvFen / 100} net ${k.netProfitFen / 100} ads ${k.adSpendFen / 100} roas ${k.roas.toFixed(2)} rank ${out.report.skus.map((s) => s.avgRank).join("/")} stock ${out.report.skus.map((s) => s.stockEnd).join("/")} so ${k.stockoutDays} rev ${out.report.skus.map((s) => s.reviewCount).join("/")} bounce ${out.report.factors.bounceMobile.toFixed(2)}`,
        );
      }
    }
    const sc = scoreRun(scenario, state);
    scores.push(sc.score);
    conv.push(runKpis(scenario, state).conversionRate);
    if (i === 0)
      console.log(
        name,
        JSON.stringify(sc.objectives.map((o) => [o.id, Math.round(o.value * 1000) / 1000, Math.round(o.points)])),
      );
  }
  const mean = scores.reduce((a, b) => a + b, 0) / seeds;
  console.log(
    `${name}: mean score ${mean.toFixed(0)} min ${Math.min(...scores)} max ${Math.max(...scores)} mean conv ${((conv.reduce((a, b) => a + b, 0) / seeds) * 100).toFixed(2)}%`,
  );
}
