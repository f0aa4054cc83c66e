// Textbook's score by difficulty in every campaign scenario (docs/SCENARIOS.md "Difficulty"): the mean
// over N seeds (default 30) must fall from easy to standard to hard. `npx tsx scripts/difficulty-balance.ts [N]`
// prints the table as Markdown; exits 1 if the order fails anywhere.
import { BUNDLED_SCENARIOS } from "../src/content/scenarios";
import {
  DIFFICULTIES,
  type Difficulty,
  newGame,
  POLICIES,
  type PolicyName,
  type Scenario,
  scenarioAt,
  scoreRun,
  step,
  type WeekReport,
} from "../src/engine";

/** A bot's score on `difficulty` (the played scenario gives the bot the market it plays in). */
export function scoreAt(file: Scenario, difficulty: Difficulty, policy: PolicyName, seed: string): number {
  const sc = scenarioAt(file, difficulty);
  let state = newGame(sc, seed);
  const reports: WeekReport[] = [];
  while (state.status === "playing") {
    const out = step(sc, state, POLICIES[policy](sc, state, reports));
    if (!out.ok) throw new Error(`${file.id}/${difficulty}/${policy}/${seed}: ${JSON.stringify(out.errors[0])}`);
    state = out.state;
    reports.push(out.report);
  }
  return scoreRun(sc, state).score;
}

/** Mean textbook score per difficulty over `seeds` seeds (seed-0 … seed-(n−1)). */
export function difficultyMeans(
  file: Scenario,
  seeds: number,
  policy: PolicyName = "textbook",
): Record<Difficulty, number> {
  const out = {} as Record<Difficulty, number>;
  for (const d of DIFFICULTIES) {
    let sum = 0;
    for (let i = 0; i < seeds; i++) sum += scoreAt(file, d, policy, `seed-${i}`);
    out[d] = sum / seeds;
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 30);
  if (!Number.isInteger(n) || n < 1) throw new Error("usage: difficulty-balance.ts [SEEDS]");
  const lines = [`| scenario | easy | standard | hard | (textbook, mean of ${n} seeds) |`, "|---|---:|---:|---:|---|"];
  let bad = 0;
  for (const sc of BUNDLED_SCENARIOS.filter((s) => s.id !== "sandbox")) {
    const m = difficultyMeans(sc, n);
    const ok = m.easy > m.standard && m.standard > m.hard;
    if (!ok) bad++;
    lines.push(
      `| ${sc.id} | ${m.easy.toFixed(0)} | ${m.standard.toFixed(0)} | ${m.hard.toFixed(0)} | ${ok ? "ok" : "ORDER FAILS"} |`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  if (bad > 0) process.exitCode = 1;
}
