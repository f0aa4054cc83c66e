// Web worker for the debrief's "what if" page: replays the run once per decision, then the most
// telling decisions on other markets (a 26-week season with 300 decisions takes seconds), posting
// each result as it comes so the page fills in and the screen keeps answering.
import { type Decision, type Difficulty, type Scenario, scenarioAt, whatIf } from "../engine";
import type { WhatIfMessage } from "./whatif-job";

export interface WhatIfRequest {
  /** The scenario file (a structured clone loses which difficulty a played scenario was made for) … */
  scenario: Scenario;
  /** … and the run's difficulty: the worker plays `scenarioAt(scenario, difficulty)`. */
  difficulty: Difficulty;
  seed: string;
  turns: Decision[][];
}

const post = (m: WhatIfMessage) => postMessage(m);

addEventListener("message", (e: MessageEvent<WhatIfRequest>) => {
  try {
    const { scenario, difficulty, seed, turns } = e.data;
    for (const event of whatIf(scenarioAt(scenario, difficulty), seed, turns)) post(event);
    post({ kind: "done" });
  } catch (err) {
    post({ kind: "error", message: (err as Error)?.message ?? String(err) });
  }
});
