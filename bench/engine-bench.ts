// `npm run bench`: engine speed figures (reported, never asserted).
//  - median time of one simulated week (step) for each bundled scenario
//  - time to replay a whole recorded run (what `verify` and the server do per submission)
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
