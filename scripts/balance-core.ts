// Balance of the shipped scenarios: each reference policy over N seeds, score spread, win and star rates,
// and the checks the campaign must pass (issue 4). Used by `npm run balance` and tests/balance.
import { newGame, POLICIES, type PolicyName, type Scenario, scoreRun, step, type WeekReport } from "../src/engine";

export interface PolicyStats {
  mean: number;
  sd: number;
  min: number;
  max: number;
  /** Share of seeds with 1, 2 and 3 stars. */
  starRates: [number, number, number];
  scores: number[];
}

export interface ScenarioBalance {
  id: string;
  seeds: number;
  policies: Record<PolicyName, PolicyStats>;
  /** Share of seeds where textbook scores strictly more than naive. */
  textbookBeatsNaive: number;
  failures: string[];
}

export function playScore(scenario: Scenario, policy: PolicyName, seed: string): { score: number; stars: number } {
  let state = newGame(scenario, seed);
  const reports: WeekReport[] = [];
  const fn = POLICIES[policy];
  for (let t = 0; t < scenario.weeks && state.status === "playing"; t++) {
    const out = step(scenario, state, fn(scenario, state, reports));
    if (!out.ok) throw new Error(`${scenario.id}/${policy}/${seed}: ${JSON.stringify(out.errors)}`);
    state = out.state;
    reports.push(out.report);
  }
  const sc = scoreRun(scenario, state);
  return { score: sc.score, stars: sc.stars };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Minimum mean-score gap between textbook and the ablation for a scenario to count as teaching its principle. */
export const ABLATION_GAP = 50;

/** The balance seeds: `seed-0` … `seed-(n-1)` (the red team plays the same ones). */
export const balanceSeeds = (n: number): string[] => Array.from({ length: n }, (_, i) => `seed-${i}`);

export function balanceScenario(scenario: Scenario, seeds: number): ScenarioBalance {
  const names = Object.keys(POLICIES) as PolicyName[];
  const runs = {} as Record<PolicyName, { score: number; stars: number }[]>;
  for (const name of names) runs[name] = balanceSeeds(seeds).map((seed) => playScore(scenario, name, seed));
  return balanceFromRuns(scenario, seeds, runs);
}

/** The balance checks from each policy's runs on seeds 0 … seeds-1 (computed here or by worker threads). */
export function balanceFromRuns(
  scenario: Scenario,
  seeds: number,
  runs: Record<PolicyName, readonly { score: number; stars: number }[]>,
): ScenarioBalance {
  const names = Object.keys(POLICIES) as PolicyName[];
  const policies = {} as Record<PolicyName, PolicyStats>;
  for (const name of names) {
    const scores: number[] = [];
    const stars = [0, 0, 0];
    for (const r of runs[name]) {
      scores.push(r.score);
      for (let s = 1; s <= 3; s++) if (r.stars >= s) stars[s - 1] = (stars[s - 1] ?? 0) + 1;
    }
    const mean = scores.reduce((a, b) => a + b, 0) / seeds;
    const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / seeds);
    policies[name] = {
      mean: round1(mean),
      sd: round1(sd),
      min: Math.min(...scores),
      max: Math.max(...scores),
      starRates: stars.map((x) => x / seeds) as [number, number, number],
      scores,
    };
  }
  const tb = policies.textbook.scores;
  const beats = tb.filter((s, i) => s > (policies.naive.scores[i] ?? 0)).length / seeds;
  const failures: string[] = [];
  if (beats < 0.9) failures.push(`textbook beats naive on ${(beats * 100).toFixed(0)}% of seeds (< 90%)`);
  if (policies.textbook.mean - policies.ablation.mean < ABLATION_GAP)
    failures.push(
      `ablation mean ${policies.ablation.mean} is not ${ABLATION_GAP}+ below textbook ${policies.textbook.mean}`,
    );
  if (policies.random.starRates[2] > 0) failures.push("random earns 3 stars on some seed");
  if (policies.textbook.starRates[2] < 0.5)
    failures.push(`textbook 3 stars on ${(policies.textbook.starRates[2] * 100).toFixed(0)}% of seeds (< 50%)`);
  if (tb.every((s) => s >= 1000)) failures.push("textbook gets full marks on every seed");
  return { id: scenario.id, seeds, policies, textbookBeatsNaive: beats, failures };
}

export function formatBalance(b: ScenarioBalance): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`.padStart(4);
  const lines = [
    `${b.id} (${b.seeds} seeds) — textbook beats naive on ${pct(b.textbookBeatsNaive)}`,
    "  policy     mean    sd   min   max   ★1   ★2   ★3",
  ];
  for (const [name, p] of Object.entries(b.policies))
    lines.push(
      `  ${name.padEnd(9)} ${String(p.mean).padStart(6)} ${String(p.sd).padStart(5)} ${String(p.min).padStart(5)} ${String(p.max).padStart(5)} ${p.starRates.map(pct).join(" ")}`,
    );
  lines.push(b.failures.length === 0 ? "  ok" : b.failures.map((f) => `  FAIL: ${f}`).join("\n"));
  return lines.join("\n");
}
