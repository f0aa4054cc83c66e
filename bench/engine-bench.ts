// `npm run bench`: engine speed figures (reported, never asserted).
//  - median time of one simulated week (step) for each bundled scenario
//  - time to replay a whole recorded run (what `verify` and the server do per submission)
//  - the debrief's what-if analysis of a textbook run (a replay per decision, then the market check)
import { BUNDLED_SCENARIOS } from "../src/content/scenarios";
import {
  appendTurn,
  GENESIS_HASH,
  newGame,
  newRunFile,
  POLICIES,
  replayRun,
  stateHash,
  step,
  type WeekReport,
  whatIf,
} from "../src/engine";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

for (const scenario of BUNDLED_SCENARIOS) {
  const stepTimes: number[] = [];
  const replayTimes: number[] = [];
  for (let i = 0; i < 30; i++) {
    const seed = `bench-${i}`;
    let state = newGame(scenario, seed);
    let run = newRunFile(scenario, seed);
    let prev = GENESIS_HASH;
    const reports: WeekReport[] = [];
    for (let t = 0; t < scenario.weeks; t++) {
      const decisions = POLICIES.textbook(scenario, state, reports);
      const t0 = performance.now();
      const out = step(scenario, state, decisions);
      stepTimes.push(performance.now() - t0);
      if (!out.ok) throw new Error("bot decision rejected");
      state = out.state;
      reports.push(out.report);
      prev = stateHash(state, prev);
      run = appendTurn(run, decisions, prev);
    }
    const t0 = performance.now();
    const r = replayRun(run, scenario);
    replayTimes.push(performance.now() - t0);
    if (!r.ok) throw new Error(r.error.message);
  }
  console.log(
    `${scenario.id.padEnd(12)} step median ${median(stepTimes).toFixed(3)} ms/week   ` +
      `full ${scenario.weeks}-week replay (with hash chain) median ${median(replayTimes).toFixed(2)} ms   ` +
      `(${stepTimes.length} steps, ${replayTimes.length} replays)`,
  );
}

// The what-if page's work for a textbook run of each scenario (in the browser it runs in a worker).
for (const scenario of BUNDLED_SCENARIOS) {
  let state = newGame(scenario, "bench-whatif");
  const reports: WeekReport[] = [];
  const turns = [];
  for (let t = 0; t < scenario.weeks && state.status === "playing"; t++) {
    const decisions = POLICIES.textbook(scenario, state, reports);
    const out = step(scenario, state, decisions);
    if (!out.ok) throw new Error("bot decision rejected");
    state = out.state;
    reports.push(out.report);
    turns.push(decisions);
  }
  let values = 0;
  let checks = 0;
  let phase1 = 0;
  const t0 = performance.now();
  for (const e of whatIf(scenario, "bench-whatif", turns)) {
    if (e.kind === "value") {
      values++;
      phase1 = performance.now() - t0;
    } else checks++;
  }
  const total = performance.now() - t0;
  console.log(
    `${scenario.id.padEnd(12)} what-if: ${values} decisions valued in ${(phase1 / 1000).toFixed(2)} s, ` +
      `${checks} checked on 7 other markets in ${((total - phase1) / 1000).toFixed(2)} s (total ${(total / 1000).toFixed(2)} s)`,
  );
}
